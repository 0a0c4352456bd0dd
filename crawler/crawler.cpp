// The crawl loop (see crawler.h): frontier per origin, robots.txt and sitemaps first,
// politeness, redirects hop by hop, classification and link extraction.
#include "crawler/crawler.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <curl/curl.h>

#include "crawler/links.h"
#include "crawler/robots.h"
#include "crawler/sitemap.h"
#include "engine/url.h"

namespace plainsight::crawler {
namespace {

using Clock = std::chrono::steady_clock;
using engine::ErrorCode;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    }
  }
  return out;
}

std::string MediaType(std::string_view content_type) {
  std::string ct = Lower(content_type.substr(0, content_type.find(';')));
  while (!ct.empty() && (ct.back() == ' ' || ct.back() == '\t')) {
    ct.pop_back();
  }
  size_t b = ct.find_first_not_of(" \t");
  return b == std::string::npos ? std::string() : ct.substr(b);
}

std::string CharsetParam(std::string_view content_type) {
  std::string ct = Lower(content_type);
  size_t p = ct.find("charset=");
  if (p == std::string::npos) {
    return {};
  }
  std::string v = ct.substr(p + 8);
  v = v.substr(0, v.find(';'));
  std::string out;
  for (char c : v) {
    if (c != '"' && c != '\'' && c != ' ') {
      out.push_back(c);
    }
  }
  return out;
}

std::string Extension(std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return {};
  }
  return Lower(path.substr(dot + 1));
}

// Extensions that name neither a page nor a document plainsight audits: not fetched.
bool IsIgnoredExtension(const std::string& ext) {
  static const std::unordered_set<std::string> kIgnored = {
      "jpg",  "jpeg",  "png", "gif", "webp", "svg",  "ico", "bmp", "tif", "tiff",
      "mp3",  "mp4",   "m4a", "wav", "ogg",  "webm", "avi", "mov", "mkv", "zip",
      "gz",   "tgz",   "rar", "7z",  "exe",  "msi",  "dmg", "iso", "css", "js",
      "woff", "woff2", "ttf", "eot", "json", "rss",  "atom"};
  return kIgnored.count(ext) > 0;
}

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

  CrawlSummary Run() {
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

 private:
  bool OverTime() const {
    return options_.max_duration_ms > 0 &&
           Clock::now() - started_ > std::chrono::milliseconds(options_.max_duration_ms);
  }

  CrawlStats Stats() const {
    CrawlStats s = stats_;
    s.queued = 0;
    for (const auto& [origin, host] : hosts_) {
      s.queued += host.queue.size();
    }
    s.in_flight = fetcher_.InFlight();
    s.elapsed_s = std::chrono::duration<double>(Clock::now() - started_).count();
    return s;
  }

  void Warn(ErrorCode code, std::string message, std::string where) {
    engine::Error e{code, std::move(message), std::move(where)};
    if (callbacks_.on_warning) {
      callbacks_.on_warning(e);
    }
    warnings_.push_back(std::move(e));
  }

  void Skip(const std::string& url, const std::string& referrer, SkipReason reason,
            std::string detail) {
    ++stats_.skipped;
    if (callbacks_.on_skip) {
      callbacks_.on_skip(SkippedUrl{url, referrer, reason, std::move(detail)});
    }
  }

  Host& HostFor(const engine::Url& url) {
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
  void Discover(const std::string& reference, const std::string& referrer, int depth, bool is_seed,
                std::string link_text) {
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

  void QueueSitemap(Host& host, const std::string& url, int level, bool listed) {
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

  FetchRequest MakeRequest(const Task& task) {
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
  int Dispatch() {
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
                res.error = engine::Error{
                    ErrorCode::kDisallowed,
                    "redirect target disallowed by robots.txt (" + detail + ")", task.url};
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

  void Start(Host& host, Task task) {
    FetchRequest request = MakeRequest(task);
    ++host.in_flight;
    pending_.emplace(request.id, std::make_pair(host.origin, std::move(task)));
    fetcher_.Submit(std::move(request));
  }

  FetchedResource BaseResource(const Task& task) {
    FetchedResource res;
    res.url = task.key;
    res.redirect_chain = task.chain;
    res.depth = task.depth;
    res.referrer = task.referrer;
    res.link_text = task.link_text;
    res.kind = ClassifyResource("", task.url, "");
    return res;
  }

  void Deliver(FetchedResource& res) {
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
  bool Retry(Host& host, Task& task, const FetchResponse& r) {
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

  void Handle(FetchResponse r) {
    auto it = pending_.find(r.id);
    if (it == pending_.end()) {
      return;
    }
    std::string origin = std::move(it->second.first);
    Task task = std::move(it->second.second);
    pending_.erase(it);
    Host& host = hosts_[origin];
    --host.in_flight;
    switch (task.purpose) {
      case Purpose::kRobots:
        HandleRobots(host, std::move(task), std::move(r));
        return;
      case Purpose::kSitemap:
        HandleSitemap(host, std::move(task), std::move(r));
        return;
      case Purpose::kPage:
        HandlePage(host, std::move(task), std::move(r));
        return;
    }
  }

  void RobotsReady(const std::string& origin, RobotsTxt robots) {
    Host& host = hosts_[origin];
    host.robots = std::move(robots);
    host.robots_state = Host::Robots::kReady;
    if (auto delay = host.robots.CrawlDelay(agent_)) {
      int ms = static_cast<int>(std::min<double>(*delay * 1000.0, options_.max_crawl_delay_ms));
      host.delay_ms = std::max(host.delay_ms, ms);
    }
    if (options_.use_sitemaps) {
      std::vector<Task> sitemap_tasks;
      bool listed_default = false;
      for (const std::string& s : host.robots.sitemaps()) {
        auto url = engine::ParseUrl(s, nullptr);
        if (url) {
          listed_default = listed_default || engine::NormalizeUrl(*url) == origin + "/sitemap.xml";
          QueueSitemap(host, url->Serialize(), 0, true);
        }
      }
      if (!listed_default) {
        QueueSitemap(host, origin + "/sitemap.xml", 0, false);
      }
    }
  }

  void HandleRobots(Host& host, Task task, FetchResponse r) {
    const std::string origin = task.origin;
    if (r.error) {
      Warn(r.error->code, "robots.txt unreachable (" + r.error->message + "): disallow all",
           task.url);
      RobotsReady(origin, RobotsTxt::DisallowAll("robots.txt unreachable (" + r.error->message +
                                                 "): disallow all (RFC 9309 2.3.1.4)"));
      return;
    }
    if (r.status >= 200 && r.status < 300) {
      RobotsReady(origin, RobotsTxt::Parse(r.body));
      return;
    }
    if (r.status >= 300 && r.status < 400 && !r.location.empty()) {
      if (task.chain.size() >= 5) {
        RobotsReady(origin, RobotsTxt::AllowAll("robots.txt: more than five redirects, treated "
                                                "as unavailable: allow all (RFC 9309 2.3.1.2)"));
        return;
      }
      auto next = engine::ResolveUrlString(task.url, r.location);
      if (!next) {
        RobotsReady(origin, RobotsTxt::AllowAll("robots.txt: invalid redirect: allow all"));
        return;
      }
      task.chain.push_back(task.url);
      task.url = *next;
      // Redirect hops of robots.txt are fetched at once (they may cross origins).
      ++host.in_flight;
      FetchRequest request = MakeRequest(task);
      pending_.emplace(request.id, std::make_pair(host.origin, std::move(task)));
      fetcher_.Submit(std::move(request));
      return;
    }
    if (r.status >= 400 && r.status < 500) {
      RobotsReady(origin, RobotsTxt::AllowAll("robots.txt: HTTP " + std::to_string(r.status) +
                                              ": allow all (RFC 9309 2.3.1.3)"));
      return;
    }
    RobotsReady(origin, RobotsTxt::DisallowAll("robots.txt: HTTP " + std::to_string(r.status) +
                                               ": disallow all (RFC 9309 2.3.1.4)"));
  }

  void HandleSitemap(Host& host, Task task, FetchResponse r) {
    if (r.error) {
      Warn(r.error->code, "sitemap: " + r.error->message, task.url);
      return;
    }
    if ((r.status == 429 || r.status == 503) && Retry(host, task, r)) {
      return;
    }
    if (r.status >= 300 && r.status < 400 && !r.location.empty() && task.chain.size() < 5) {
      auto next = engine::ResolveUrlString(task.url, r.location);
      if (next) {
        auto url = engine::ParseUrl(*next);
        if (url && scope_.OutOfScope(*url, engine::NormalizeUrl(*url)).empty()) {
          task.chain.push_back(task.url);
          task.url = engine::NormalizeUrl(*url);
          HostFor(*url).queue.push_front(std::move(task));
          return;
        }
      }
      Warn(ErrorCode::kDisallowed, "sitemap redirects outside the scope", task.url);
      return;
    }
    if (r.status < 200 || r.status >= 300) {
      Warn(ErrorCode::kHttpStatus, "sitemap: HTTP " + std::to_string(r.status), task.url);
      return;
    }
    auto sitemap = ParseSitemap(r.body);
    if (!sitemap) {
      Warn(sitemap.error().code, "sitemap: " + sitemap.error().message, task.url);
      return;
    }
    if (sitemap->truncated) {
      Warn(ErrorCode::kTooLarge, "sitemap over the protocol limits (50,000 URLs, 50 MB): cut",
           task.url);
    }
    if (sitemap->is_index) {
      if (task.sitemap_level >= 1) {
        Warn(ErrorCode::kParse, "nested sitemap index ignored (the protocol allows one level)",
             task.url);
        return;
      }
      for (const std::string& s : sitemap->sitemaps) {
        auto child = engine::ResolveUrlString(task.url, s);
        if (child) {
          QueueSitemap(host, *child, task.sitemap_level + 1, task.robots_listed);
        }
      }
      return;
    }
    for (const std::string& u : sitemap->urls) {
      auto resolved = engine::ResolveUrlString(task.url, u);
      if (resolved) {
        Discover(*resolved, task.url, 1, false, "");
      } else {
        Skip(u, task.url, SkipReason::kInvalid, resolved.error().message);
      }
    }
  }

  void HandlePage(Host& host, Task task, FetchResponse r) {
    if ((r.status == 429 || r.status == 503) && !r.error && Retry(host, task, r)) {
      return;
    }
    FetchedResource res = BaseResource(task);
    res.final_url = task.url;
    res.status = r.status;
    res.content_type = r.content_type;
    res.fetch_ms = r.time_ms;
    res.etag = r.etag;
    res.last_modified = r.last_modified;
    if (r.error) {
      res.error = std::move(r.error);
      Deliver(res);
      return;
    }
    if (r.status >= 300 && r.status < 400 && r.status != 304) {
      HandleRedirect(host, std::move(task), std::move(r), res);
      return;
    }
    if (r.status == 304) {
      res.not_modified = true;
      auto cached = options_.validators.find(task.key);
      if (cached == options_.validators.end() || cached->second.body.empty()) {
        Deliver(res);
        return;
      }
      // The server confirmed the earlier body is current: carry on with it.
      r.body = cached->second.body;
      r.content_type = cached->second.content_type;
      res.content_type = r.content_type;
    } else if (r.status < 200 || r.status >= 300) {
      std::string msg = "HTTP " + std::to_string(r.status);
      if (r.status == 429 || r.status == 503) {
        msg += " after " + std::to_string(task.attempts + 1) + " attempts";
      }
      res.error = engine::Error{ErrorCode::kHttpStatus, msg, task.url};
      Deliver(res);
      return;
    }
    res.kind = ClassifyResource(r.content_type, task.url, r.body);
    res.size = r.body.size();
    res.body = std::move(r.body);
    size_t hash = std::hash<std::string_view>{}(res.body);
    auto [dup, inserted] = content_hashes_.try_emplace(hash, res.url);
    if (!inserted && !res.body.empty()) {
      res.duplicate_of = dup->second;
    }
    if (res.kind != ResourceKind::kHtml) {
      Deliver(res);
      return;
    }
    ParseJob job{task.depth, CharsetParam(r.content_type), std::move(res)};
    if (!options_.parse_in_background) {
      FinishParse(Parse(std::move(job)));
      return;
    }
    {
      std::lock_guard<std::mutex> lock(parse_mutex_);
      parse_jobs_.push_back(std::move(job));
    }
    ++parsing_;
    parse_cv_.notify_one();
  }

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
  ParseDone Parse(ParseJob job) const {
    ParseDone done;
    done.depth = job.depth;
    done.res = std::move(job.res);
    engine::ParseOptions po;
    po.url = done.res.final_url;
    po.charset = job.charset;
    po.max_bytes = options_.max_page_bytes;
    po.loader = options_.subresource_loader;
    auto parsed = engine::Document::ParseHtml(done.res.body, po);
    if (!parsed) {
      done.res.error = parsed.error();
      return done;
    }
    done.doc = std::move(*parsed);
    done.res.charset = done.doc->charset();
    done.res.has_form = HasForm(*done.doc);
    if (options_.extract_links && done.res.duplicate_of.empty()) {
      done.links = ExtractLinks(*done.doc);
    }
    return done;
  }

  // Back on the crawl thread: queue the links, hand the page on.
  void FinishParse(ParseDone done) {
    for (Link& link : done.links) {
      Discover(link.url, done.res.final_url, done.depth + 1, false, std::move(link.text));
    }
    done.res.shared_document = std::shared_ptr<const engine::Document>(std::move(done.doc));
    done.res.document = done.res.shared_document.get();
    Deliver(done.res);
  }

  void ParseLoop() {
    while (true) {
      ParseJob job;
      {
        std::unique_lock<std::mutex> lock(parse_mutex_);
        parse_cv_.wait(lock, [this] { return stop_parsing_ || !parse_jobs_.empty(); });
        if (parse_jobs_.empty()) {
          return;  // stopping and nothing left
        }
        job = std::move(parse_jobs_.front());
        parse_jobs_.pop_front();
      }
      ParseDone done = Parse(std::move(job));
      {
        std::lock_guard<std::mutex> lock(parse_mutex_);
        parse_done_.push_back(std::move(done));
      }
      done_cv_.notify_one();
      fetcher_.Wakeup();
    }
  }

  // Hands on every parsed page that is ready. With `block`, waits up to timeout_ms for one.
  void DrainParsed(bool block, int timeout_ms) {
    std::deque<ParseDone> ready;
    {
      std::unique_lock<std::mutex> lock(parse_mutex_);
      if (block && parse_done_.empty()) {
        done_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                          [this] { return !parse_done_.empty(); });
      }
      ready.swap(parse_done_);
    }
    for (ParseDone& d : ready) {
      --parsing_;
      FinishParse(std::move(d));
    }
  }

  void HandleRedirect(Host& host, Task task, FetchResponse r, FetchedResource& res) {
    if (r.location.empty()) {
      res.error = engine::Error{ErrorCode::kHttpStatus,
                                "HTTP " + std::to_string(r.status) + " without Location", task.url};
      Deliver(res);
      return;
    }
    auto next = engine::ResolveUrlString(task.url, r.location);
    if (!next) {
      res.error = engine::Error{ErrorCode::kHttpStatus,
                                "invalid redirect Location: " + next.error().message, task.url};
      Deliver(res);
      return;
    }
    auto url = engine::ParseUrl(*next);
    if (!url) {
      res.error = engine::Error{ErrorCode::kHttpStatus,
                                "invalid redirect Location: " + url.error().message, task.url};
      Deliver(res);
      return;
    }
    url->fragment.reset();
    StripSessionIds(*url);
    std::string key = engine::NormalizeUrl(*url);
    std::vector<std::string> chain = task.chain;
    chain.push_back(task.url);
    res.redirect_chain = chain;
    res.final_url = key;
    if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
      res.error = engine::Error{ErrorCode::kHttpStatus, "redirect loop back to " + key, task.url};
      Deliver(res);
      return;
    }
    if (static_cast<int>(chain.size()) > options_.max_redirects) {
      res.error = engine::Error{
          ErrorCode::kHttpStatus,
          "more than " + std::to_string(options_.max_redirects) + " redirects", task.url};
      Deliver(res);
      return;
    }
    if (std::string why = scope_.OutOfScope(*url, key); !why.empty()) {
      res.error = engine::Error{ErrorCode::kDisallowed, "redirects out of scope: " + why, key};
      Deliver(res);
      if (seen_.insert(key).second) {
        Skip(key, task.url, SkipReason::kScope, why);
      }
      return;
    }
    if (!seen_.insert(key).second) {
      // The target is fetched (or skipped) on its own account: this resource ends here.
      res.error = engine::Error{ErrorCode::kDisallowed,
                                "redirects to " + key + ", which is fetched or judged separately",
                                task.url};
      Deliver(res);
      Skip(key, task.url, SkipReason::kDuplicate, "redirect target already seen");
      return;
    }
    if (std::string why = scope_.Trap(*url, key); !why.empty()) {
      res.error = engine::Error{ErrorCode::kDisallowed, "redirects to a trap: " + why, key};
      Deliver(res);
      Skip(key, task.url, SkipReason::kTrap, why);
      return;
    }
    task.chain = std::move(chain);
    task.url = key;
    task.attempts = 0;
    HostFor(*url).queue.push_front(std::move(task));
  }

  void StopParsing() {
    if (!parse_thread_.joinable()) {
      return;
    }
    {
      std::lock_guard<std::mutex> lock(parse_mutex_);
      stop_parsing_ = true;
    }
    parse_cv_.notify_all();
    parse_thread_.join();
    DrainParsed(false, 0);
  }

 public:
  ~Crawler() { StopParsing(); }

 private:
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

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

const char* ResourceKindName(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kHtml:
      return "html";
    case ResourceKind::kPdf:
      return "pdf";
    case ResourceKind::kDocx:
      return "docx";
    case ResourceKind::kOdt:
      return "odt";
    case ResourceKind::kXlsx:
      return "xlsx";
    case ResourceKind::kPptx:
      return "pptx";
    case ResourceKind::kOther:
      return "other";
  }
  return "other";
}

const char* SkipReasonName(SkipReason reason) {
  switch (reason) {
    case SkipReason::kRobots:
      return "robots";
    case SkipReason::kScope:
      return "scope";
    case SkipReason::kTrap:
      return "trap";
    case SkipReason::kLimit:
      return "limit";
    case SkipReason::kDuplicate:
      return "duplicate";
    case SkipReason::kInvalid:
      return "invalid";
  }
  return "invalid";
}

ResourceKind ClassifyResource(std::string_view content_type, std::string_view url,
                              std::string_view body) {
  std::string media = MediaType(content_type);
  std::string ext = Extension(url);
  if (body.substr(0, 5) == "%PDF-") {
    return ResourceKind::kPdf;
  }
  bool zip = body.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  if (zip && body.find("mimetypeapplication/vnd.oasis.opendocument.text") < 100) {
    return ResourceKind::kOdt;
  }
  if (media == "application/pdf") {
    return ResourceKind::kPdf;
  }
  if (media == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") {
    return ResourceKind::kDocx;
  }
  if (media == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
    return ResourceKind::kXlsx;
  }
  if (media == "application/vnd.openxmlformats-officedocument.presentationml.presentation") {
    return ResourceKind::kPptx;
  }
  if (media == "application/vnd.oasis.opendocument.text") {
    return ResourceKind::kOdt;
  }
  if (zip || media.empty() || media == "application/octet-stream" || media == "application/zip") {
    if (ext == "pdf") {
      return ResourceKind::kPdf;
    }
    if (ext == "docx") {
      return ResourceKind::kDocx;
    }
    if (ext == "xlsx") {
      return ResourceKind::kXlsx;
    }
    if (ext == "pptx") {
      return ResourceKind::kPptx;
    }
    if (ext == "odt") {
      return ResourceKind::kOdt;
    }
  }
  if (zip) {
    return ResourceKind::kOther;
  }
  if (media == "text/html" || media == "application/xhtml+xml") {
    return ResourceKind::kHtml;
  }
  if (media.empty() || media == "application/octet-stream" || media == "text/plain") {
    // MIME Sniffing 7.1: an HTML signature after leading whitespace.
    size_t b = body.find_first_not_of(" \t\r\n\f");
    std::string_view head = b == std::string_view::npos ? std::string_view() : body.substr(b);
    if (StartsWithNoCase(head, "<!doctype html") || StartsWithNoCase(head, "<html") ||
        StartsWithNoCase(head, "<head") || StartsWithNoCase(head, "<body")) {
      return ResourceKind::kHtml;
    }
    if (body.empty() && (ext == "html" || ext == "htm" || ext.empty())) {
      return ResourceKind::kHtml;  // before a body arrives: guess from the URL
    }
  }
  return ResourceKind::kOther;
}

std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_unix_s) {
  std::string v(value);
  while (!v.empty() && v.back() == ' ') {
    v.pop_back();
  }
  size_t b = v.find_first_not_of(' ');
  if (b == std::string::npos) {
    return std::nullopt;
  }
  v = v.substr(b);
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

namespace {

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

// EU monitoring sample (Commission Implementing Decision (EU) 2018/1524, Annex I, 2.1): the
// home page, login, sitemap, contact, help and legal pages, the accessibility statement, a page
// per kind of service (here: search and pages with forms), documents, and randomly selected
// further pages. Interpretation: the categories are recognised by keywords (several EU
// languages) in the URL, the link text that led to the page, or the title; the random part is
// ceil(sqrt(pages discovered)), at least 3, which keeps it above the Decision's "10 % of the
// structured sample" for any site and grows with the site.
struct Candidate {
  std::string url;
  std::string referrer;
  int depth = 0;
  std::string haystack;  // lowercase URL + link text + title
  ResourceKind kind = ResourceKind::kOther;
  bool has_form = false;
  bool has_search = false;
  bool has_password = false;
  bool ok = false;
};

struct Category {
  const char* name;
  std::vector<const char*> keywords;
};

const std::vector<Category>& EuCategories() {
  static const std::vector<Category> kCategories = {
      {"accessibility statement",
       {"accessibility", "inrochtaineacht", "barrierefreiheit", "accessibilit", "toegankelijk",
        "accesibilidad", "tillganglighet", "saavutettavuus", "dostepnosc", "pristupacnost"}},
      {"contact", {"contact", "teagmh", "kontakt", "contatt", "yhteyst"}},
      {"help", {"help", "cabhair", "hilfe", "aide", "ayuda", "aiuto", "hjalp", "faq"}},
      {"legal",
       {"legal", "privacy", "terms", "cookie", "imprint", "impressum", "disclaimer", "datenschutz",
        "mentions", "gdpr", "data-protection"}},
      {"sitemap", {"sitemap", "site-map", "site map", "plan-du-site", "sitemapa"}},
      {"search", {"search", "cuardach", "suche", "recherche", "buscar", "cerca", "zoeken"}},
      {"login",
       {"login", "log-in", "log in", "signin", "sign-in", "sign in", "anmelden", "connexion",
        "logail"}},
  };
  return kCategories;
}

bool Matches(const Candidate& c, const Category& cat) {
  for (const char* k : cat.keywords) {
    if (c.haystack.find(k) != std::string::npos) {
      return true;
    }
  }
  return false;
}

engine::Result<CrawlSummary> CrawlEuSample(const CrawlOptions& options,
                                           const CrawlCallbacks& callbacks) {
  // Phase 1: discover the site (within max_pages) without handing pages on.
  std::vector<Candidate> candidates;
  CrawlOptions discovery = options;
  discovery.sample = SampleMode::kNone;
  CrawlCallbacks phase1;
  phase1.on_skip = callbacks.on_skip;
  phase1.on_warning = callbacks.on_warning;
  phase1.on_progress = callbacks.on_progress;
  phase1.on_resource = [&](const FetchedResource& r) {
    Candidate c;
    c.url = r.url;
    c.referrer = r.referrer;
    c.depth = r.depth;
    c.kind = r.kind;
    c.has_form = r.has_form;
    c.ok = !r.error && r.duplicate_of.empty() && r.status >= 200 && r.status < 300;
    std::string title = r.document != nullptr ? r.document->Title() : std::string();
    c.haystack = Lower(r.final_url + " " + r.link_text + " " + title);
    if (r.document != nullptr) {
      for (const engine::Node* e : r.document->ElementsByTag("input")) {
        std::string type = engine::AsciiLower(e->AttrOr("type"));
        c.has_search = c.has_search || type == "search";
        c.has_password = c.has_password || type == "password";
      }
      c.has_search = c.has_search || r.document->ElementsByTag("search").size() > 0;
    }
    candidates.push_back(std::move(c));
  };
  auto first = CrawlOnce(discovery, phase1);
  if (!first) {
    return first.error();
  }
  // Phase 2: select. Candidates arrive in completion order, which varies with timing: sort by
  // depth then URL so that the same site and seed give the same sample.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.depth != b.depth ? a.depth < b.depth : a.url < b.url;
  });
  std::vector<size_t> chosen;
  std::vector<bool> taken(candidates.size(), false);
  std::unordered_map<std::string, std::string> why;
  auto take = [&](size_t i, const std::string& reason) {
    if (!taken[i]) {
      taken[i] = true;
      chosen.push_back(i);
      why[candidates[i].url] = reason;
    }
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].ok && candidates[i].depth == 0) {
      take(i, "home page");
    }
  }
  for (const Category& cat : EuCategories()) {
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      bool structural = (cat.name == std::string_view("search") && c.has_search) ||
                        (cat.name == std::string_view("login") && c.has_password);
      if (!taken[i] && c.ok && c.kind == ResourceKind::kHtml && (structural || Matches(c, cat))) {
        take(i, cat.name);
        break;
      }
    }
  }
  int forms = 0;
  for (size_t i = 0; i < candidates.size() && forms < 2; ++i) {
    if (candidates[i].ok && candidates[i].has_form && !taken[i]) {
      take(i, "page with a form");
      ++forms;
    }
  }
  size_t documents_total = 0;
  for (const Candidate& c : candidates) {
    documents_total += (c.ok && c.kind != ResourceKind::kHtml && c.kind != ResourceKind::kOther);
  }
  size_t documents_wanted =
      std::min<size_t>(documents_total, std::max<size_t>(1, documents_total / 10));
  size_t documents = 0;
  for (size_t i = 0; i < candidates.size() && documents < documents_wanted; ++i) {
    const Candidate& c = candidates[i];
    if (c.ok && c.kind != ResourceKind::kHtml && c.kind != ResourceKind::kOther) {
      take(i, "linked document");
      ++documents;
    }
  }
  std::vector<size_t> rest;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!taken[i] && candidates[i].ok && candidates[i].kind == ResourceKind::kHtml) {
      rest.push_back(i);
    }
  }
  size_t random_wanted = std::max<size_t>(
      3, static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(candidates.size())))));
  // Seeded Fisher-Yates with a SplitMix64 generator: reproducible across platforms (std::
  // distributions are not).
  uint64_t state = options.sample_seed;
  auto next = [&state]() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (size_t i = 0; i < rest.size() && i < random_wanted; ++i) {
    size_t j = i + static_cast<size_t>(next() % (rest.size() - i));
    std::swap(rest[i], rest[j]);
    take(rest[i], "random page");
  }
  // Phase 3: fetch the sample again and hand it on (bodies were not kept during discovery).
  CrawlOptions fetch = options;
  fetch.sample = SampleMode::kNone;
  fetch.seeds.clear();
  std::unordered_map<std::string, const Candidate*> by_url;
  for (size_t i : chosen) {
    fetch.seeds.push_back(candidates[i].url);
    by_url[candidates[i].url] = &candidates[i];
  }
  if (fetch.seeds.empty()) {
    return first;
  }
  fetch.max_depth = 0;
  fetch.use_sitemaps = false;
  fetch.extract_links = false;
  fetch.max_pages = fetch.seeds.size();
  CrawlCallbacks phase3;
  phase3.on_warning = callbacks.on_warning;
  phase3.on_progress = callbacks.on_progress;
  phase3.on_resource = [&](const FetchedResource& r) {
    FetchedResource copy = r;
    if (auto it = by_url.find(r.url); it != by_url.end()) {
      copy.referrer = it->second->referrer;
      copy.depth = it->second->depth;
      copy.sample_reason = why[r.url];
    }
    if (callbacks.on_resource) {
      callbacks.on_resource(copy);
    }
  };
  auto second = CrawlOnce(fetch, phase3);
  if (!second) {
    return second.error();
  }
  CrawlSummary summary = std::move(*second);
  for (engine::Error& e : first->warnings) {
    summary.warnings.push_back(std::move(e));
  }
  return summary;
}

}  // namespace

engine::Result<CrawlSummary> Crawl(const CrawlOptions& options, const CrawlCallbacks& callbacks) {
  if (options.sample == SampleMode::kEu) {
    return CrawlEuSample(options, callbacks);
  }
  return CrawlOnce(options, callbacks);
}

engine::Result<CrawlSummary> Crawl(const CrawlOptions& options,
                                   std::function<void(const FetchedResource&)> on_resource) {
  CrawlCallbacks callbacks;
  callbacks.on_resource = std::move(on_resource);
  return Crawl(options, callbacks);
}

}  // namespace plainsight::crawler
