// Internal to crawler/: the crawl loop. One Crawler runs one crawl: a frontier per origin
// (Host: its queue, its robots.txt, its politeness clock), the requests in flight, the sets of
// seen URLs and content hashes, and the background parse thread. crawler.cpp's Crawl() builds one
// through CrawlOnce; crawler_sample.cpp runs two for the EU sample.
//
// Where each part lives: crawler_loop.cpp holds the frontier and politeness (discovery and
// admission of URLs, dispatch under the per-origin delay and concurrency limits, backoff on 429
// and 503, RFC 9110 10.2.3 Retry-After); crawler_responses.cpp holds what happens to each
// response (robots.txt per RFC 9309 2.3.1, sitemaps per sitemaps.org 0.9, pages, redirects hop by
// hop) and the parse thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/fetcher.h"
#include "crawler/links.h"
#include "crawler/robots.h"
#include "crawler/scope.h"
#include "engine/url.h"

namespace plainsight::crawler::internal {

using Clock = std::chrono::steady_clock;

enum class Purpose { kPage, kRobots, kSitemap };

struct Task {
  std::string url;  // this hop
  std::string key;  // normalised first URL
  std::string referrer;
  std::string link_text;
  std::vector<std::string> chain;
  int depth = 0;
  int attempts = 0;
  Purpose purpose = Purpose::kPage;
  int sitemap_level = 0;
  bool robots_listed = false;  // a sitemap named in robots.txt (no robots check)
  std::string origin;          // robots.txt: the origin it is for
};

struct Host {
  std::string origin;
  enum class Robots { kUnknown, kFetching, kReady } robots_state = Robots::kUnknown;
  RobotsTxt robots = RobotsTxt::AllowAll("robots.txt not consulted");
  std::deque<Task> queue;
  int in_flight = 0;
  Clock::time_point next_at{};
  int delay_ms = 0;
};

class Crawler {
 public:
  Crawler(const CrawlOptions& options, const CrawlCallbacks& callbacks, Fetcher& fetcher,
          Scope& scope)
      : options_(options),
        callbacks_(callbacks),
        fetcher_(fetcher),
        scope_(scope),
        agent_(ProductToken(options.user_agent)) {}

  void AddSeed(const engine::Url& seed) {
    Discover(seed.Serialize(), /*referrer=*/"", /*depth=*/0, /*is_seed=*/true, "");
  }

  CrawlSummary Run();

  ~Crawler() { StopParsing(); }

 private:
  bool OverTime() const;

  CrawlStats Stats() const;

  void Warn(engine::ErrorCode code, std::string message, std::string where);

  void Skip(const std::string& url, const std::string& referrer, SkipReason reason,
            std::string detail);

  Host& HostFor(const engine::Url& url);

  // Judges a newly found URL and queues it. `reference` is absolute.
  void Discover(const std::string& reference, const std::string& referrer, int depth, bool is_seed,
                std::string link_text);

  void QueueSitemap(Host& host, const std::string& url, int level, bool listed);

  FetchRequest MakeRequest(const Task& task);

  // Starts every request politeness allows. Returns how long the caller may wait for responses
  // before a host's delay expires (at most 100 ms), or -1 when no work is queued at all.
  int Dispatch();

  void Start(Host& host, Task task);

  FetchedResource BaseResource(const Task& task);

  void Deliver(FetchedResource& res);

  // Backs off after 429/503. Returns false when retries are exhausted.
  bool Retry(Host& host, Task& task, const FetchResponse& r);

  void Handle(FetchResponse r);

  void RobotsReady(const std::string& origin, RobotsTxt robots);

  void HandleRobots(Host& host, Task task, FetchResponse r);

  void HandleSitemap(Host& host, Task task, FetchResponse r);

  void HandlePage(Host& host, Task task, FetchResponse r);

  void HandleRedirect(Host& host, Task task, const FetchResponse& r, FetchedResource& res);

  struct ParseJob {
    int depth = 0;
    std::string charset;
    FetchedResource res;
  };

  struct ParseDone {
    int depth = 0;
    FetchedResource res;
    std::unique_ptr<engine::Document> doc;
    std::vector<Link> links;
  };

  // Parses a page and extracts its links. Touches nothing but its arguments, so it may run on
  // the parse thread.
  ParseDone Parse(ParseJob job) const;

  // Back on the crawl thread: queue the links, hand the page on.
  void FinishParse(ParseDone done);

  void ParseLoop();

  // Hands on every parsed page that is ready. With `block`, waits up to timeout_ms for one.
  void DrainParsed(bool block, int timeout_ms);

  void StopParsing();

  const CrawlOptions& options_;
  const CrawlCallbacks& callbacks_;
  Fetcher& fetcher_;
  Scope& scope_;
  std::string agent_;
  Clock::time_point started_;
  std::unordered_map<std::string, Host> hosts_;
  std::unordered_map<uint64_t, std::pair<std::string, Task>> pending_;
  std::unordered_set<std::string> seen_;
  std::unordered_set<std::string> sitemaps_seen_;
  std::unordered_map<size_t, std::string> content_hashes_;
  std::vector<engine::Error> warnings_;
  CrawlStats stats_;
  size_t admitted_ = 0;
  uint64_t next_id_ = 1;
  // The parse thread (options_.parse_in_background): jobs in, parsed pages out.
  std::thread parse_thread_;
  std::mutex parse_mutex_;
  std::condition_variable parse_cv_;
  std::condition_variable done_cv_;
  std::deque<ParseJob> parse_jobs_;
  std::deque<ParseDone> parse_done_;
  bool stop_parsing_ = false;
  size_t parsing_ = 0;  // jobs handed to the parse thread and not yet finished (crawl thread)
};

// One crawl from options.seeds (no sampling): checks the seeds, builds the scope and, unless
// options.fetcher is set, a CurlFetcher, then runs a Crawler. Fails only when the options are
// unusable; see Crawl() in crawler.h.
engine::Result<CrawlSummary> CrawlOnce(const CrawlOptions& options,
                                       const CrawlCallbacks& callbacks);

}  // namespace plainsight::crawler::internal
