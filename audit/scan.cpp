// Sector scans (scan.h): crawl threads per body, the audit pool, one store writer.
#include "audit/scan.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "audit/crawl_outcome.h"
#include "audit/page_auditor.h"
#include "audit/pipeline.h"
#include "audit/site_checks.h"
#include "audit/worker_pool.h"
#include "crawler/subresources.h"
#include "engine/page.h"
#include "engine/url.h"

namespace plainsight::audit {
namespace {

// Records waiting for the writer, at most: a slow disk holds the crawls back, not memory.
constexpr size_t kMaxQueuedWrites = 256;

FetchFacts FactsOf(const crawler::FetchedResource& r) {
  FetchFacts f;
  f.url = r.url;
  f.final_url = r.final_url.empty() ? r.url : r.final_url;
  f.status = r.status;
  f.kind = crawler::ResourceKindName(r.kind);
  f.content_type = r.content_type;
  f.size = r.size;
  f.fetch_ms = r.fetch_ms;
  f.depth = r.depth;
  f.referrer = r.referrer;
  f.sample_reason = r.sample_reason;
  f.redirects = nlohmann::json(r.redirect_chain).dump();
  if (r.error) {
    f.error = r.error->message;
    f.error_code = engine::ErrorCodeName(r.error->code);
  }
  return f;
}

std::string HostOf(const std::string& url) {
  auto parsed = engine::ParseUrl(url);
  return parsed && parsed->host ? *parsed->host : url;
}

}  // namespace

struct Scanner::Impl {
  Impl(store::Store& s, ScanSettings set, ScanEvents ev, ScanCounters* c)
      : store(s),
        settings(std::move(set)),
        events(std::move(ev)),
        counters(c != nullptr ? c : &own_counters),
        pool(settings.audit, AuditThreads(settings.threads), 4 * AuditThreads(settings.threads)) {
    writer = std::thread([this] { WriteLoop(); });
  }

  ~Impl() {
    pool.Drain();
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    has_work.notify_all();
    writer.join();
  }

  // Queues `fn` for the writer thread; blocks while the queue is full.
  void Post(std::function<void(store::Store&)> fn) {
    std::unique_lock<std::mutex> lock(mutex);
    has_room.wait(lock, [&] { return queue.size() < kMaxQueuedWrites; });
    queue.push_back(std::move(fn));
    lock.unlock();
    has_work.notify_one();
  }

  void WriteLoop() {
    while (true) {
      std::function<void(store::Store&)> fn;
      {
        std::unique_lock<std::mutex> lock(mutex);
        has_work.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty()) {
          return;
        }
        fn = std::move(queue.front());
        queue.pop_front();
      }
      has_room.notify_one();
      fn(store);
    }
  }

  // A write nobody waits for failed: keep the first error and stop the scan.
  void WriteFailed(const engine::Error& e, std::atomic<bool>& stop) {
    {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!write_error) {
        write_error = e;
      }
    }
    stop = true;
  }

  void PutPage(store::PageRecord record, std::atomic<bool>& stop) {
    Post([this, record = std::move(record), &stop](store::Store& s) {
      bool error = !record.error.empty();
      auto written = s.PutPage(record);
      if (!written) {
        WriteFailed(written.error(), stop);
      } else if (*written) {
        ++counters->pages;
        counters->errors += error;
      }
    });
  }

  store::Store& store;
  ScanSettings settings;
  ScanEvents events;
  ScanCounters own_counters;
  ScanCounters* counters;
  WorkerPool pool;
  std::thread writer;
  std::mutex mutex;
  std::condition_variable has_work;
  std::condition_variable has_room;
  std::deque<std::function<void(store::Store&)>> queue;
  bool stopping = false;
  mutable std::mutex error_mutex;
  std::optional<engine::Error> write_error;
};

Scanner::Scanner(store::Store& store, const ScanSettings& settings, const ScanEvents& events,
                 ScanCounters* counters)
    : impl_(std::make_unique<Impl>(store, settings, events, counters)) {}

Scanner::~Scanner() = default;

engine::Result<void> Scanner::WithStore(
    const std::function<engine::Result<void>(store::Store&)>& fn) {
  std::promise<engine::Result<void>> done;
  auto future = done.get_future();
  impl_->Post([&](store::Store& s) { done.set_value(fn(s)); });
  return future.get();
}

std::optional<engine::Error> Scanner::write_error() const {
  std::lock_guard<std::mutex> lock(impl_->error_mutex);
  return impl_->write_error;
}

std::string Scanner::text_off_reason() const {
  return impl_->pool.text_off_reason();
}

engine::Result<store::BodyState> Scanner::ScanBody(int64_t scan_id, const store::Body& body) {
  Impl& impl = *impl_;
  std::unordered_set<std::string> stored;
  if (auto read = WithStore([&](store::Store& s) -> engine::Result<void> {
        auto urls = s.StoredUrls(scan_id, body.id);
        if (!urls) {
          return urls.error();
        }
        stored = std::move(*urls);
        return {};
      });
      !read) {
    return read.error();
  }

  // Pages of this body still in the pool.
  struct InFlight {
    std::mutex mutex;
    std::condition_variable cv;
    size_t count = 0;
  } in_flight;

  CrawlTally tally;
  std::mutex tally_mutex;

  crawler::CrawlOptions options = impl.settings.crawl;
  options.seeds = {body.url};
  options.cancel = &stop_;
  // Stylesheets and iframes of this body's pages, with the crawl's own safety settings.
  auto subresources = crawler::SubresourceLoader::Create(crawler::SubresourceOptionsFor(options));
  if (!subresources) {
    return subresources.error();
  }
  options.subresource_loader = &(*subresources)->loader();

  // The body's site-level signals, from every page of this crawl, stored or not: a resumed
  // scan sees the whole site again and stores the same site facts.
  SiteCollector site(body.url);
  crawler::CrawlCallbacks callbacks;
  callbacks.on_resource = [&](const crawler::FetchedResource& r) {
    {
      std::lock_guard<std::mutex> lock(tally_mutex);
      tally.Resource(r);
    }
    site.Add(r);
    if (stored.count(r.url) > 0) {
      return;  // stored by an earlier run of this scan
    }
    FetchFacts facts = FactsOf(r);
    if (!r.error && !r.duplicate_of.empty()) {
      ++impl.counters->skipped;
      impl.Post(
          [this, skip = store::SkipRecord{scan_id, body.id, r.url, r.referrer, "duplicate",
                                          "same content as " + r.duplicate_of}](store::Store& s) {
            if (auto put = s.PutSkip(skip); !put) {
              impl_->WriteFailed(put.error(), stop_);
            }
          });
      return;
    }
    if (!r.error && r.kind == crawler::ResourceKind::kHtml && r.shared_document) {
      {
        std::lock_guard<std::mutex> lock(in_flight.mutex);
        ++in_flight.count;
      }
      impl.pool.Submit([&, facts = std::move(facts), doc = r.shared_document](PageAuditor& a) {
        auto page = engine::Page::Borrow(*doc, engine::MediaContext{});
        PageResult result = a.Audit(*page, facts.final_url);
        result.input.audit.url = facts.final_url;
        page.reset();
        store::PageRecord record = ToPageRecord(facts, &result);
        record.scan_id = scan_id;
        record.body_id = body.id;
        impl.PutPage(std::move(record), stop_);
        std::lock_guard<std::mutex> lock(in_flight.mutex);
        if (--in_flight.count == 0) {
          in_flight.cv.notify_all();
        }
      });
      return;
    }
    // PDF, DOCX and ODT documents are audited like pages and stored with their kind; a broken
    // one is stored with the reader's error. A 304 has no body: stored as fetched.
    if (auto type = CrawledDocumentType(r.kind); !r.error && type && !r.body.empty()) {
      {
        std::lock_guard<std::mutex> lock(in_flight.mutex);
        ++in_flight.count;
      }
      impl.pool.Submit(
          [&, facts = std::move(facts), type = *type, bytes = r.body](PageAuditor& a) mutable {
            PageResult result = a.AuditDocument(bytes, type, facts.final_url, facts.final_url);
            bytes.clear();
            store::PageRecord record = ToPageRecord(facts, &result);
            record.scan_id = scan_id;
            record.body_id = body.id;
            impl.PutPage(std::move(record), stop_);
            std::lock_guard<std::mutex> lock(in_flight.mutex);
            if (--in_flight.count == 0) {
              in_flight.cv.notify_all();
            }
          });
      return;
    }
    // A fetch error, or another document (spreadsheet, slides): stored as fetched.
    store::PageRecord record = ToPageRecord(facts, nullptr);
    record.scan_id = scan_id;
    record.body_id = body.id;
    impl.PutPage(std::move(record), stop_);
  };
  callbacks.on_skip = [&](const crawler::SkippedUrl& s) {
    if (stop_ && s.reason == crawler::SkipReason::kLimit) {
      return;  // cut by the stop, not by a limit of the scan: the resume fetches it
    }
    {
      std::lock_guard<std::mutex> lock(tally_mutex);
      tally.Skip(s);
    }
    ++impl.counters->skipped;
    impl.Post([this, skip = store::SkipRecord{scan_id, body.id, s.url, s.referrer,
                                              crawler::SkipReasonName(s.reason),
                                              s.detail}](store::Store& st) {
      if (auto put = st.PutSkip(skip); !put) {
        impl_->WriteFailed(put.error(), stop_);
      }
    });
  };
  callbacks.on_warning = [&](const engine::Error& e) {
    {
      std::lock_guard<std::mutex> lock(tally_mutex);
      tally.Warning(e);
    }
    if (impl.events.on_warning) {
      impl.events.on_warning(body.id, e.ToString());
    }
  };
  auto crawled = crawler::Crawl(options, callbacks);
  {
    std::unique_lock<std::mutex> lock(in_flight.mutex);
    in_flight.cv.wait(lock, [&] { return in_flight.count == 0; });
  }
  if (stop_) {
    // Stopped part-way (Ctrl-C, a store error, a lost lease): the body stays running, and a
    // resume crawls it again, skipping what was stored.
    return store::BodyState::kRunning;
  }
  store::BodyState state = store::BodyState::kDone;
  std::string reason;
  if (!crawled) {
    state = store::BodyState::kFailed;
    reason = "the crawl could not start: " + crawled.error().ToString();
  } else if (auto why = tally.NothingAuditedReason()) {
    state = store::BodyState::kFailed;
    reason = *why;
  }
  // Site-level checks (site_checks.h), stored before the body is finished: a scan killed in
  // between checks the body again on resume and overwrites the same facts.
  std::vector<store::SiteFact> facts;
  if (state == store::BodyState::kDone) {
    std::string scan_date;
    if (auto read = WithStore([&](store::Store& s) -> engine::Result<void> {
          auto info = s.Scan(scan_id);
          if (!info) {
            return info.error();
          }
          scan_date = *info ? (*info)->started_at.substr(0, 10) : TodayUtc();
          return {};
        });
        !read) {
      return read.error();
    }
    facts = SiteFacts(RunSiteChecks(site, options, scan_date, &stop_), scan_id, body.id);
    if (stop_) {
      return store::BodyState::kRunning;
    }
  }
  size_t pages = 0;
  if (auto finished = WithStore([&](store::Store& s) -> engine::Result<void> {
        for (const store::SiteFact& fact : facts) {
          if (auto put = s.PutSiteFact(fact); !put) {
            return put.error();
          }
        }
        if (auto f = s.FinishBody(scan_id, body.id, state, reason); !f) {
          return f.error();
        }
        auto counts = s.CountPages(scan_id, body.id);
        if (counts) {
          pages = counts->pages;
        }
        return {};
      });
      !finished) {
    return finished.error();
  }
  ++impl.counters->bodies_done;
  impl.counters->bodies_failed += state == store::BodyState::kFailed;
  if (impl.events.on_body) {
    impl.events.on_body(body, state, reason, pages);
  }
  return state;
}

engine::Result<ScanResult> RunScan(store::Store& store, int64_t scan_id,
                                   const ScanSettings& settings, const ScanEvents& events,
                                   ScanCounters* counters) {
  auto start = std::chrono::steady_clock::now();
  ScanCounters own;
  ScanCounters& count = counters != nullptr ? *counters : own;
  auto bodies = store.Bodies(scan_id);
  if (!bodies) {
    return bodies.error();
  }
  if (auto s = store.SetScanStatus(scan_id, store::ScanStatus::kRunning); !s) {
    return s.error();
  }
  std::deque<store::Body> pending;
  count.bodies_total = bodies->size();
  for (const store::ScanBody& b : *bodies) {
    if (b.state == store::BodyState::kDone || b.state == store::BodyState::kFailed) {
      ++count.bodies_done;
      count.bodies_failed += b.state == store::BodyState::kFailed;
    } else {
      pending.push_back(b.body);
    }
  }

  ScanResult result;
  result.bodies = bodies->size();
  std::optional<engine::Error> body_error;
  {
    Scanner scanner(store, settings, events, &count);
    std::mutex mutex;
    std::condition_variable changed;
    std::unordered_set<std::string> active_hosts;
    size_t workers_left = 0;

    // Takes the next body whose host no other crawl is on; waits while only such bodies remain.
    auto next = [&](std::unique_lock<std::mutex>& lock) -> std::optional<store::Body> {
      while (true) {
        if (pending.empty() || scanner.stopped()) {
          return std::nullopt;
        }
        for (auto it = pending.begin(); it != pending.end(); ++it) {
          std::string host = HostOf(it->url);
          if (!active_hosts.count(host)) {
            active_hosts.insert(host);
            store::Body b = std::move(*it);
            pending.erase(it);
            return b;
          }
        }
        changed.wait(lock);
      }
    };
    int concurrency = std::max(1, settings.concurrency);
    size_t n = std::min(pending.size(), static_cast<size_t>(concurrency));
    std::vector<std::thread> crawls;
    workers_left = n;
    for (size_t i = 0; i < n; ++i) {
      crawls.emplace_back([&] {
        std::unique_lock<std::mutex> lock(mutex);
        while (auto body = next(lock)) {
          lock.unlock();
          auto started =
              scanner.WithStore([&](store::Store& s) { return s.StartBody(scan_id, body->id); });
          engine::Result<store::BodyState> state =
              started ? scanner.ScanBody(scan_id, *body)
                      : engine::Result<store::BodyState>(started.error());
          lock.lock();
          active_hosts.erase(HostOf(body->url));
          if (!state) {
            if (!body_error) {
              body_error = state.error();
            }
            scanner.Stop();
          }
          changed.notify_all();
        }
        --workers_left;
        changed.notify_all();
      });
    }
    // The calling thread watches for Ctrl-C and store errors and reports progress.
    {
      std::unique_lock<std::mutex> lock(mutex);
      while (workers_left > 0) {
        changed.wait_for(lock, std::chrono::milliseconds(250));
        if ((settings.cancel != nullptr && *settings.cancel) || scanner.write_error()) {
          scanner.Stop();
          changed.notify_all();
        }
        if (events.on_progress) {
          lock.unlock();
          events.on_progress(count);
          lock.lock();
        }
      }
    }
    for (std::thread& t : crawls) {
      t.join();
    }
    result.cancelled = scanner.stopped();
    if (!body_error) {
      body_error = scanner.write_error();
    }
  }  // the scanner's destructor drains the pool and the writer
  result.pages = count.pages;
  result.bodies_failed = count.bodies_failed;
  result.elapsed_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (body_error) {
    (void)store.SetScanStatus(scan_id, store::ScanStatus::kInterrupted);
    return *body_error;
  }
  auto status = result.cancelled ? store::ScanStatus::kInterrupted : store::ScanStatus::kDone;
  if (auto s = store.SetScanStatus(scan_id, status); !s) {
    return s.error();
  }
  return result;
}

}  // namespace plainsight::audit
