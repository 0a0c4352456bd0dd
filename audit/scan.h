// Sector scans: every body of a scan crawled, each page audited on the worker pool, and each page
// with its findings committed to the store in its own transaction as soon as it is audited.
//
// Many bodies are crawled at once (ScanSettings::concurrency), never two with the same host at
// the same time, so the crawler's per-host politeness holds across the scan. The crawl threads
// fetch and parse; the worker pool computes styles and runs the rules and the text analysis;
// one writer thread owns the store.
//
// Resuming: a body that is done or failed is left alone; any other body is crawled again from
// its start, and pages already stored for it are not audited or written again (the store keys
// pages by scan, body and URL). A scan killed at any moment and resumed therefore ends with
// exactly the pages and findings of an uninterrupted scan, as long as the sites have not
// changed in between.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "audit/settings.h"
#include "crawler/crawler.h"
#include "engine/result.h"
#include "store/store.h"

namespace plainsight::audit {

struct ScanSettings {
  Settings audit;
  // The crawl of one body; seeds are set per body. Its cancel flag is ignored (see cancel).
  crawler::CrawlOptions crawl;
  int concurrency = 4;  // bodies crawled at once
  int threads = 0;      // audit threads; 0: one per core
  // Set to true to stop: crawls stop, pages already fetched are audited and written, bodies
  // not finished stay as they are for --resume.
  const std::atomic<bool>* cancel = nullptr;
};

// Live counters, read by progress displays from another thread.
struct ScanCounters {
  std::atomic<size_t> bodies_total{0};
  std::atomic<size_t> bodies_done{0};  // done or failed, including those done before a resume
  std::atomic<size_t> bodies_failed{0};
  std::atomic<size_t> pages{0};    // pages and documents stored in this run
  std::atomic<size_t> errors{0};   // of which fetch or parse errors
  std::atomic<size_t> skipped{0};  // URLs not fetched, this run
};

struct ScanEvents {
  // A body finished: state is done or failed; reason says why it failed.
  std::function<void(const store::Body& body, store::BodyState state, const std::string& reason,
                     size_t pages)>
      on_body;
  // About four times a second, from the calling thread.
  std::function<void(const ScanCounters&)> on_progress;
  // Problems that do not stop the scan (robots.txt unreachable, a stylesheet not loaded).
  std::function<void(const std::string& body_id, const std::string& message)> on_warning;
};

struct ScanResult {
  bool cancelled = false;
  size_t bodies = 0;
  size_t bodies_failed = 0;
  size_t pages = 0;  // stored in this run
  double elapsed_s = 0;
};

// Crawls and audits bodies of scans into one store: the audit pool and the store's writer
// thread, shared by every body scanned through it. RunScan uses one for a whole scan; a fleet
// worker keeps one and scans the bodies it leases, one after another.
class Scanner {
 public:
  // Starts the pool and the writer. While the Scanner lives, `store` is used only from its
  // writer thread: use WithStore to reach it.
  Scanner(store::Store& store, const ScanSettings& settings, const ScanEvents& events,
          ScanCounters* counters);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Crawls and audits one body (it must be marked running by the caller: StartBody or a
  // lease), then records it done or failed. Several bodies may be scanned at once from
  // different threads. Returns the state the body ended in, kRunning when stopped before the
  // end, or the store's error.
  engine::Result<store::BodyState> ScanBody(int64_t scan_id, const store::Body& body);

  // Stops every crawl; what was fetched is still audited and written.
  void Stop() { stop_ = true; }

  bool stopped() const { return stop_; }

  // Runs `fn` on the writer thread and waits for it.
  engine::Result<void> WithStore(const std::function<engine::Result<void>(store::Store&)>& fn);

  // The first store error of a write that nobody waited for (pages, skips); the scan stops
  // when one happens.
  std::optional<engine::Error> write_error() const;

  // Why the plain-language analysis is off ("" when it is on or was not asked for).
  std::string text_off_reason() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> stop_{false};
};

// Runs, or resumes, scan `scan_id` of `store`: crawls every body that is not done or failed,
// `settings.concurrency` at a time. Fails (kIo, kTimeout, ...) only when the store cannot be
// written: what was committed stays, and the scan can be resumed once the store is usable
// again. Sets the scan's status to done, or interrupted when cancelled.
engine::Result<ScanResult> RunScan(store::Store& store, int64_t scan_id,
                                   const ScanSettings& settings, const ScanEvents& events = {},
                                   ScanCounters* counters = nullptr);

}  // namespace plainsight::audit
