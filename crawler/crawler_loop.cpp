// The crawl loop's frontier and politeness (see crawler_loop.h): URLs discovered, judged once
// (seen, scope, trap, depth, page budget) and queued per origin; requests dispatched no faster
// than the origin's delay (CrawlOptions::delay_ms or robots.txt Crawl-delay) and its concurrency
// limit; 429 and 503 retried after Retry-After (RFC 9110 10.2.3) or exponential backoff.
#include "crawler/crawler_loop.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

#include <curl/curl.h>

#include "crawler/crawler_classify.h"
#include "crawler/sitemap.h"
#include "engine/url.h"

namespace plainsight::crawler {
namespace internal {

using engine::ErrorCode;

CrawlSummary Crawler::Run() {
  started_ = Clock::now();
  if (options_.parse_in_background) {
    parse_thread_ = std::thread([this] { ParseLoop(); });
  }
  auto last_progress = started_;
  while (true) {
    if ((options_.cancel != nullptr && options_.cancel->load()) || OverTime()) {
      break;
    }
    DrainParsed(false, 0);
    int wait_ms = Dispatch();
    if (fetcher_.InFlight() == 0 && parsing_ == 0 && wait_ms < 0) {
      break;  // nothing queued anywhere, nothing in flight, nothing being parsed
    }
    int timeout = wait_ms < 0 ? 100 : wait_ms;
    if (fetcher_.InFlight() == 0) {
      // Only parsing or politeness delays remain: wait for a parsed page or the delay.
      if (parsing_ > 0) {
        DrainParsed(true, timeout);
      } else if (timeout > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(timeout));
      }
    } else {
      for (FetchResponse& r : fetcher_.Wait(timeout)) {
        Handle(std::move(r));
      }
    }
    auto now = Clock::now();
    if (callbacks_.on_progress && now - last_progress > std::chrono::milliseconds(250)) {
      last_progress = now;
      callbacks_.on_progress(Stats());
    }
  }
  // Pages already fetched are parsed and handed on (each parse is bounded).
  StopParsing();
  // Whatever is still queued or in flight was cut by the time limit or cancellation.
  for (auto& [id, pending] : pending_) {
    const Task& t = pending.second;
    if (t.purpose == Purpose::kPage) {
      Skip(t.key, t.referrer, SkipReason::kLimit, "crawl stopped (time limit or cancel)");
    }
  }
  pending_.clear();
  for (auto& [origin, host] : hosts_) {
    for (Task& t : host.queue) {
      if (t.purpose == Purpose::kPage) {
        Skip(t.key, t.referrer, SkipReason::kLimit, "crawl stopped (time limit or cancel)");
      }
    }
    host.queue.clear();
  }
  CrawlSummary summary;
  summary.stats = Stats();
  summary.warnings = std::move(warnings_);
  if (callbacks_.on_progress) {
    callbacks_.on_progress(summary.stats);
  }
  return summary;
}

bool Crawler::OverTime() const {
  return options_.max_duration_ms > 0 &&
         Clock::now() - started_ > std::chrono::milliseconds(options_.max_duration_ms);
}

CrawlStats Crawler::Stats() const {
  CrawlStats s = stats_;
  s.queued = 0;
  for (const auto& [origin, host] : hosts_) {
    s.queued += host.queue.size();
  }
  s.in_flight = fetcher_.InFlight();
  s.elapsed_s = std::chrono::duration<double>(Clock::now() - started_).count();
  return s;
}

void Crawler::Warn(ErrorCode code, std::string message, std::string where) {
  engine::Error e{code, std::move(message), std::move(where)};
  if (callbacks_.on_warning) {
    callbacks_.on_warning(e);
  }
  warnings_.push_back(std::move(e));
}

void Crawler::Skip(const std::string& url, const std::string& referrer, SkipReason reason,
                   std::string detail) {
  ++stats_.skipped;
  if (callbacks_.on_skip) {
    callbacks_.on_skip(SkippedUrl{url, referrer, reason, std::move(detail)});
  }
}

Host& Crawler::HostFor(const engine::Url& url) {
  std::string origin = url.Origin();
  auto [it, inserted] = hosts_.try_emplace(origin);
  Host& host = it->second;
  if (inserted) {
    host.origin = origin;
    host.delay_ms = options_.delay_ms;
    if (!options_.obey_robots) {
      host.robots_state = Host::Robots::kReady;
      if (options_.use_sitemaps) {
        QueueSitemap(host, origin + "/sitemap.xml", 0, false);
      }
    }
  }
  return host;
}

// Judges a newly found URL and queues it. `reference` is absolute.
void Crawler::Discover(const std::string& reference, const std::string& referrer, int depth,
                       bool is_seed, std::string link_text) {
  auto parsed = engine::ParseUrl(reference);
  if (!parsed) {
    Skip(reference, referrer, SkipReason::kInvalid, parsed.error().message);
    return;
  }
  engine::Url url = std::move(*parsed);
  url.fragment.reset();
  StripSessionIds(url);
  std::string key = engine::NormalizeUrl(url);
  if (!seen_.insert(key).second) {
    return;  // already queued, fetched or skipped: merged silently
  }
  if (std::string why = scope_.OutOfScope(url, key); !why.empty() && !is_seed) {
    Skip(key, referrer, SkipReason::kScope, why);
    return;
  }
  if (std::string ext = Extension(url.path); IsIgnoredExtension(ext)) {
    Skip(key, referrer, SkipReason::kScope, "not a page or document (." + ext + ")");
    return;
  }
  if (std::string why = scope_.Trap(url, key); !why.empty()) {
    Skip(key, referrer, SkipReason::kTrap, why);
    return;
  }
  if (depth > options_.max_depth) {
    Skip(key, referrer, SkipReason::kLimit,
         "deeper than --max-depth " + std::to_string(options_.max_depth));
    return;
  }
  if (admitted_ >= options_.max_pages) {
    Skip(key, referrer, SkipReason::kLimit,
         "--max-pages " + std::to_string(options_.max_pages) + " reached");
    return;
  }
  ++admitted_;
  Task task;
  task.url = key;
  task.key = key;
  task.referrer = referrer;
  task.link_text = std::move(link_text);
  task.depth = depth;
  HostFor(url).queue.push_back(std::move(task));
}

void Crawler::QueueSitemap(Host& host, const std::string& url, int level, bool listed) {
  auto parsed = engine::ParseUrl(url);
  if (!parsed) {
    Warn(ErrorCode::kParse, "invalid sitemap URL", url);
    return;
  }
  std::string key = engine::NormalizeUrl(*parsed);
  if (!sitemaps_seen_.insert(key).second) {
    return;
  }
  Task task;
  task.url = key;
  task.key = key;
  task.purpose = Purpose::kSitemap;
  task.sitemap_level = level;
  task.robots_listed = listed;
  // A sitemap on another origin waits in that origin's queue (and its robots.txt).
  Host& target = parsed->Origin() == host.origin ? host : HostFor(*parsed);
  target.queue.push_back(std::move(task));
}

FetchRequest Crawler::MakeRequest(const Task& task) {
  FetchRequest request;
  request.id = next_id_++;
  request.url = task.url;
  request.max_bytes = options_.max_page_bytes;
  request.max_document_bytes = options_.max_document_bytes;
  if (task.purpose == Purpose::kRobots) {
    request.max_bytes = kRobotsMaxBytes;
    request.max_document_bytes = kRobotsMaxBytes;
    request.keep_truncated = true;
  } else if (task.purpose == Purpose::kSitemap) {
    request.max_bytes = kSitemapMaxBytes;
    request.max_document_bytes = kSitemapMaxBytes;
  } else if (task.chain.empty()) {
    auto it = options_.validators.find(task.key);
    if (it != options_.validators.end()) {
      request.if_none_match = it->second.etag;
      request.if_modified_since = it->second.last_modified;
    }
  }
  return request;
}

// Starts every request politeness allows. Returns how long the caller may wait for responses
// before a host's delay expires (at most 100 ms), or -1 when no work is queued at all.
int Crawler::Dispatch() {
  auto now = Clock::now();
  int64_t soonest = -1;
  bool any_queued = false;
  for (auto& [origin, host] : hosts_) {
    if (host.queue.empty()) {
      continue;
    }
    any_queued = true;
    if (options_.obey_robots && host.robots_state == Host::Robots::kUnknown) {
      host.robots_state = Host::Robots::kFetching;
      Task robots;
      robots.url = host.origin + "/robots.txt";
      robots.key = robots.url;
      robots.purpose = Purpose::kRobots;
      robots.origin = host.origin;
      Start(host, std::move(robots));
      host.next_at = now + std::chrono::milliseconds(host.delay_ms);
      continue;
    }
    if (host.robots_state != Host::Robots::kReady) {
      continue;
    }
    // Pages waiting for the parse thread count against the global limit (back-pressure).
    while (!host.queue.empty() && host.in_flight < options_.per_host_concurrency &&
           static_cast<int>(fetcher_.InFlight() + parsing_) < 2 * options_.global_concurrency &&
           static_cast<int>(fetcher_.InFlight()) < options_.global_concurrency) {
      if (host.next_at > now) {
        int64_t ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(host.next_at - now).count() + 1;
        soonest = soonest < 0 ? ms : std::min(soonest, ms);
        break;
      }
      Task task = std::move(host.queue.front());
      host.queue.pop_front();
      if (options_.obey_robots && !task.robots_listed) {
        auto url = engine::ParseUrl(task.url);
        RobotsDecision d = host.robots.Decide(agent_, url ? url->PathAndQuery() : "/");
        if (!d.allowed) {
          if (task.purpose == Purpose::kPage) {
            std::string detail =
                d.line > 0 ? "line " + std::to_string(d.line) + ": " + d.line_text : d.line_text;
            if (!task.chain.empty()) {
              // A redirect hop disallowed: the resource ends here, with the reason.
              FetchedResource res = BaseResource(task);
              res.final_url = task.url;
              res.error = engine::Error{ErrorCode::kDisallowed,
                                        "redirect target disallowed by robots.txt (" + detail + ")",
                                        task.url};
              Deliver(res);
            }
            Skip(task.url, task.referrer, SkipReason::kRobots, detail);
          } else {
            Warn(ErrorCode::kDisallowed, "sitemap disallowed by robots.txt", task.url);
          }
          continue;
        }
      }
      Start(host, std::move(task));
      host.next_at = now + std::chrono::milliseconds(host.delay_ms);
    }
  }
  if (!any_queued) {
    return -1;
  }
  // Blocked only by requests in flight: their completion wakes the fetcher's poll, so wait
  // the full slice instead of spinning.
  return soonest < 0 ? 100 : static_cast<int>(std::min<int64_t>(soonest, 100));
}

void Crawler::Start(Host& host, Task task) {
  FetchRequest request = MakeRequest(task);
  ++host.in_flight;
  pending_.emplace(request.id, std::make_pair(host.origin, std::move(task)));
  fetcher_.Submit(std::move(request));
}

FetchedResource Crawler::BaseResource(const Task& task) {
  FetchedResource res;
  res.url = task.key;
  res.redirect_chain = task.chain;
  res.depth = task.depth;
  res.referrer = task.referrer;
  res.link_text = task.link_text;
  res.kind = ClassifyResource("", task.url, "");
  return res;
}

void Crawler::Deliver(FetchedResource& res) {
  ++stats_.fetched;
  stats_.bytes += res.size;
  if (res.error) {
    ++stats_.errors;
  }
  if (res.kind != ResourceKind::kHtml && res.kind != ResourceKind::kOther) {
    ++stats_.documents;
  }
  if (callbacks_.on_resource) {
    callbacks_.on_resource(res);
  }
}

// Backs off after 429/503. Returns false when retries are exhausted.
bool Crawler::Retry(Host& host, Task& task, const FetchResponse& r) {
  if (task.attempts >= options_.max_retries) {
    return false;
  }
  int64_t wait_ms = -1;
  if (!r.retry_after.empty()) {
    auto parsed = ParseRetryAfterMs(r.retry_after, static_cast<int64_t>(std::time(nullptr)));
    if (parsed) {
      wait_ms = *parsed;
    }
  }
  if (wait_ms < 0) {
    wait_ms = static_cast<int64_t>(options_.backoff_base_ms) << std::min(task.attempts, 20);
  }
  wait_ms = std::clamp<int64_t>(wait_ms, 0, options_.max_retry_after_ms);
  ++task.attempts;
  host.next_at = std::max(host.next_at, Clock::now() + std::chrono::milliseconds(wait_ms));
  host.queue.push_front(std::move(task));
  return true;
}

engine::Result<CrawlSummary> CrawlOnce(const CrawlOptions& options,
                                       const CrawlCallbacks& callbacks) {
  if (options.seeds.empty()) {
    return engine::Fail(ErrorCode::kInvalidArgument, "no URL to crawl");
  }
  std::vector<engine::Url> seeds;
  for (const std::string& s : options.seeds) {
    auto url = engine::ParseUrl(s);
    if (!url || (url->scheme != "http" && url->scheme != "https")) {
      return engine::Fail(ErrorCode::kInvalidArgument, "not an absolute http(s) URL", s);
    }
    seeds.push_back(std::move(*url));
  }
  auto scope = Scope::Create(options.scope);
  if (!scope) {
    return scope.error();
  }
  for (const engine::Url& s : seeds) {
    (*scope)->AddSeed(s);
  }
  std::shared_ptr<Fetcher> fetcher = options.fetcher;
  if (!fetcher) {
    CurlFetcherOptions fo;
    fo.user_agent = options.user_agent;
    fo.connect_timeout_ms = options.connect_timeout_ms;
    fo.total_timeout_ms = options.timeout_ms;
    fo.low_speed_bytes_per_s = options.low_speed_bytes_per_s;
    fo.low_speed_time_s = options.low_speed_time_s;
    fo.allow_private = options.allow_private;
    fo.max_total_connections = options.global_concurrency;
    auto made = MakeCurlFetcher(fo);
    if (!made) {
      return made.error();
    }
    fetcher = std::shared_ptr<Fetcher>(std::move(*made));
  }
  Crawler crawler(options, callbacks, *fetcher, **scope);
  for (const engine::Url& s : seeds) {
    crawler.AddSeed(s);
  }
  return crawler.Run();
}

}  // namespace internal

std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_unix_s) {
  const std::string v(engine::TrimWhitespace(value));
  if (v.empty()) {
    return std::nullopt;
  }
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (v.size() > 9) {
      return int64_t{999'999'999} * 1000;
    }
    return static_cast<int64_t>(std::stoll(v)) * 1000;
  }
  time_t when = curl_getdate(v.c_str(), nullptr);
  if (when == -1) {
    return std::nullopt;
  }
  return std::max<int64_t>(0, (static_cast<int64_t>(when) - now_unix_s) * 1000);
}

}  // namespace plainsight::crawler
