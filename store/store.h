// The scan store: scans of public bodies, their pages, findings, text figures, skips and
// site-level facts, kept between runs so that scans can be resumed, compared and reported.
//
// One interface, two backends: SQLite (the default: one file, embedded) and PostgreSQL (a fleet
// of workers sharing one database). Nothing of either database leaks through this header:
// callers see records (records.h) and Result values.
//
// Guarantees every backend keeps:
// - PutPage writes a page with its findings, rule outcomes and text figures in one
//   transaction: after a crash a page is either wholly there or not at all.
// - Pages are keyed by (scan, body, url) and skips by (scan, body, url): writing one again is a
//   no-op, so a resumed crawl that meets a stored page duplicates nothing.
// - The schema is versioned (schema.h). A store written by an older plainsight is migrated when
//   opened for writing; one written by a newer plainsight is refused with a clear error.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/result.h"
#include "store/records.h"

namespace plainsight::store {

struct OpenOptions {
  bool read_only = false;        // never write (status, reports); a missing store is an error
  bool create = true;            // create the store when it does not exist (ignored if read_only)
  int busy_timeout_ms = 10'000;  // wait this long for another writer before failing
  // With read_only: a store of an older schema version is first upgraded, by opening it once
  // for writing, so that reading an old store works; only the upgrade writes. Where it cannot
  // be written, the open fails as read_only alone would, saying why the upgrade failed.
  bool upgrade_older = false;
};

// What a new scan records about itself.
struct NewScan {
  std::string tool_version;
  std::string options;  // JSON
  std::string source;
  std::vector<Body> bodies;
  std::vector<RuleInfo> rules;
  ScanStatus status = ScanStatus::kRunning;  // kQueued: for fleet workers to take
};

// Counts for progress displays.
struct ScanProgress {
  size_t bodies = 0;
  size_t bodies_done = 0;  // done or failed
  size_t bodies_failed = 0;
  size_t bodies_running = 0;
  size_t bodies_leased = 0;  // of the running ones, those a fleet worker holds a lease on
  size_t pages = 0;
  size_t errors = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual const char* backend() const noexcept = 0;
  // The schema version of the open store.
  virtual int schema_version() const noexcept = 0;

  // Scans ---------------------------------------------------------------------------------
  // Creates a scan with its bodies (all pending) and its rules' metadata; returns its id.
  virtual engine::Result<int64_t> CreateScan(const NewScan& scan) = 0;
  // Every scan, oldest first.
  virtual engine::Result<std::vector<ScanInfo>> Scans() = 0;
  virtual engine::Result<std::optional<ScanInfo>> Scan(int64_t scan_id) = 0;
  virtual engine::Result<void> SetScanStatus(int64_t scan_id, ScanStatus status) = 0;
  virtual engine::Result<std::vector<RuleInfo>> Rules(int64_t scan_id) = 0;
  virtual engine::Result<ScanProgress> Progress(int64_t scan_id) = 0;

  // Bodies --------------------------------------------------------------------------------
  virtual engine::Result<std::vector<ScanBody>> Bodies(int64_t scan_id) = 0;
  // Marks a body running (attempts + 1), done or failed (with reason); done and failed also
  // record the page, error and failure counts from the stored pages.
  virtual engine::Result<void> StartBody(int64_t scan_id, const std::string& body_id) = 0;
  virtual engine::Result<void> FinishBody(int64_t scan_id, const std::string& body_id,
                                          BodyState state, const std::string& reason) = 0;

  // Fleet leases: takes one pending body of a queued or running scan (or one whose lease
  // expired) for `owner` until now + lease_s, marking it running; nullopt when none is left.
  // Backends without concurrent writers (SQLite) may implement it without row locks.
  // The body's id, name, URL, sector and language come with the lease, so that a worker need
  // not read the scan's whole body list for each body it takes.
  //
  // A body is not leased while another live lease is on the same host (bodies of one site
  // are crawled one at a time across the fleet, as `scan` does on one machine).
  struct Lease {
    int64_t scan_id = 0;
    std::string body_id;
    Body body;
  };

  virtual engine::Result<std::optional<Lease>> LeaseBody(const std::string& owner, int lease_s) = 0;
  // Extends a lease; fails with kNotFound when the lease was lost (expired and taken).
  virtual engine::Result<void> RenewLease(const Lease& lease, const std::string& owner,
                                          int lease_s) = 0;
  virtual engine::Result<void> ReleaseLease(const Lease& lease, const std::string& owner) = 0;

  // The fleet's queue, per queued or running scan (oldest first): the bodies still to do for
  // workers (pending, or running under a fleet lease, live or run out) and the bodies not yet
  // finished at all (neither done nor failed; this includes bodies a `plainsight scan` on one
  // machine is crawling). Reads the body states only, never the pages, so that idle workers
  // may poll it often on a store of millions of pages.
  struct OpenScan {
    int64_t scan_id = 0;
    size_t to_do = 0;
    size_t unfinished = 0;
  };

  virtual engine::Result<std::vector<OpenScan>> OpenScans() = 0;

  // Pages ---------------------------------------------------------------------------------
  // Writes a page and all it holds in one transaction; a page already stored for the same
  // (scan, body, url) is left as it is (returns false). Returns true when written.
  virtual engine::Result<bool> PutPage(const PageRecord& page) = 0;

  // How many pages a body has in a scan: all, fetch or parse errors, and HTML pages audited.
  struct PageCounts {
    size_t pages = 0;
    size_t errors = 0;
    size_t audited = 0;
  };

  virtual engine::Result<PageCounts> CountPages(int64_t scan_id, const std::string& body_id) = 0;
  // The URLs already stored for a body in a scan (a resumed crawl skips them).
  virtual engine::Result<std::unordered_set<std::string>> StoredUrls(
      int64_t scan_id, const std::string& body_id) = 0;
  virtual engine::Result<void> PutSkip(const SkipRecord& skip) = 0;
  virtual engine::Result<void> PutSiteFact(const SiteFact& fact) = 0;

  // Reading, for reports: one body's pages, in the order they were stored, each with its
  // findings, rule outcomes and text figures. The callback returns false to stop early.
  virtual engine::Result<void> ForEachPage(int64_t scan_id, const std::string& body_id,
                                           const std::function<bool(const PageRecord&)>& fn) = 0;
  virtual engine::Result<std::vector<SkipRecord>> Skips(int64_t scan_id,
                                                        const std::string& body_id) = 0;
  virtual engine::Result<std::vector<SiteFact>> SiteFacts(int64_t scan_id,
                                                          const std::string& body_id) = 0;
};

// Opens the store at `location`: a file path (SQLite) or a "postgresql://" / "postgres://"
// connection URI. Fails with kNotFound (read-only and missing), kParse (not a plainsight store
// or corrupt), kUnsupported (written by a newer plainsight, or a backend this build lacks),
// kIo (cannot open, read-only file system, disk full) or kTimeout (locked by another writer).
engine::Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                                 const OpenOptions& options = {});

// Whether `location` is a PostgreSQL connection URI (postgresql:// or postgres://).
bool IsPostgresUri(const std::string& location);

// `location` as messages show it: a connection URI's password (user:PASSWORD@ or
// password=PASSWORD) replaced by "***"; a file path as it is.
std::string DisplayLocation(const std::string& location);

// Whether a store error may go away by itself (the database unreachable, restarting, locked or
// busy: kNetwork, kTimeout), so that a worker should wait and try again rather than give up.
bool IsRetryable(const engine::Error& error);

// The current time as ISO 8601 UTC with seconds ("2026-12-06T10:15:00Z").
std::string NowUtc();
// The time `seconds` from now, in the same form.
std::string UtcAfterSeconds(int seconds);

}  // namespace plainsight::store
