// What the crawl loop does with each response (see crawler_loop.h): robots.txt (RFC 9309
// 2.3.1: 2xx parsed, redirects followed up to five hops, 4xx allow all, 5xx and unreachable
// disallow all), sitemaps (sitemaps.org protocol 0.9, one level of index), pages (304 with the
// earlier body, duplicates by content hash, HTML parsed and its links extracted on the parse
// thread) and redirects, each hop judged like a newly found URL and recorded in the chain.
#include <algorithm>
#include <functional>

#include "crawler/crawler_classify.h"
#include "crawler/crawler_loop.h"
#include "crawler/sitemap.h"
#include "engine/url.h"

namespace plainsight::crawler::internal {

using engine::ErrorCode;

void Crawler::Handle(FetchResponse r) {
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

void Crawler::RobotsReady(const std::string& origin, RobotsTxt robots) {
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

void Crawler::HandleRobots(Host& host, Task task, FetchResponse r) {
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

void Crawler::HandleSitemap(Host& host, Task task, FetchResponse r) {
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

void Crawler::HandlePage(Host& host, Task task, FetchResponse r) {
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
    HandleRedirect(host, std::move(task), r, res);
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

void Crawler::HandleRedirect(Host& host, Task task, const FetchResponse& r, FetchedResource& res) {
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
    res.error = engine::Error{ErrorCode::kHttpStatus,
                              "more than " + std::to_string(options_.max_redirects) + " redirects",
                              task.url};
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
    res.error =
        engine::Error{ErrorCode::kDisallowed,
                      "redirects to " + key + ", which is fetched or judged separately", task.url};
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

// Parses a page and extracts its links. Touches nothing but its arguments, so it may run on
// the parse thread.
Crawler::ParseDone Crawler::Parse(ParseJob job) const {
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
void Crawler::FinishParse(ParseDone done) {
  for (Link& link : done.links) {
    Discover(link.url, done.res.final_url, done.depth + 1, false, std::move(link.text));
  }
  done.res.shared_document = std::shared_ptr<const engine::Document>(std::move(done.doc));
  done.res.document = done.res.shared_document.get();
  Deliver(done.res);
}

void Crawler::ParseLoop() {
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
void Crawler::DrainParsed(bool block, int timeout_ms) {
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

void Crawler::StopParsing() {
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

}  // namespace plainsight::crawler::internal
