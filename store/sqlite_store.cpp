// The SQLite scan store (sqlite_store.h). Every SQLite result code is turned into an
// engine::Error here, in the one place that calls the C API (STYLE.md section 4).
#include "store/sqlite_store.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

#include <sqlite3.h>

#include "engine/url.h"

namespace plainsight::store {
namespace {

using engine::ErrorCode;
using engine::Fail;
using engine::Result;

// Test-only fault injection: PLAINSIGHT_FAULT_KILL_AFTER_WRITES=N makes the process kill itself
// with SIGKILL when the N-th statement inside a page transaction has run (so between two
// statements of one page). The crash-and-resume tests use it to stop a scan mid-transaction,
// which a kill from outside can only hit by chance.
long FaultKillAfterWrites() {
  const char* v = std::getenv("PLAINSIGHT_FAULT_KILL_AFTER_WRITES");
  return v == nullptr ? 0 : std::strtol(v, nullptr, 10);
}

// What a SQLite result code means for the person running plainsight.
engine::Error SqlError(sqlite3* db, int rc, std::string_view what, const std::string& path) {
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  // SQLite reports ENOSPC as SQLITE_FULL but a quota or file-size limit as an I/O error.
  int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
  if (primary == SQLITE_IOERR &&
      (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG)) {
    primary = SQLITE_FULL;
    detail = std::strerror(system_errno);
  }
  switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return {ErrorCode::kParse, "not a plainsight store, or the file is corrupt (" + detail + ")",
              path};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kTimeout,
              "the store is locked by another process (" + detail +
                  "); wait for it to finish or use another --db",
              path};
    case SQLITE_READONLY:
      return {ErrorCode::kIo,
              "the store is read-only (" + detail +
                  "): check the permissions of the file and its folder",
              path};
    case SQLITE_FULL:
      return {ErrorCode::kIo, "the disk is full: cannot write the store (" + detail + ")", path};
    case SQLITE_CANTOPEN:
      return {ErrorCode::kIo,
              "cannot open the store (" + detail +
                  "): check that the folder exists and can be "
                  "written",
              path};
    case SQLITE_IOERR:
      return {ErrorCode::kIo, "reading or writing the store failed (" + detail + ")", path};
    default:
      return {ErrorCode::kIo, std::string(what) + ": " + detail, path};
  }
}

// A prepared statement, reset after each use.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  ~Stmt() { sqlite3_finalize(stmt_); }

  Result<void> Prepare(sqlite3* db, std::string_view sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
      return Fail(ErrorCode::kInternal,
                  std::string("cannot prepare a statement: ") + sqlite3_errmsg(db));
    }
    return {};
  }

  sqlite3_stmt* get() const { return stmt_; }

  void Text(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }

  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }

  void Real(int i, double v) { sqlite3_bind_double(stmt_, i, v); }

  void Real(int i, const std::optional<double>& v) {
    if (v) {
      sqlite3_bind_double(stmt_, i, *v);
    } else {
      sqlite3_bind_null(stmt_, i);
    }
  }

  // Runs to completion (a statement without rows). Resets afterwards.
  int Run() {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc == SQLITE_ROW ? SQLITE_DONE : rc;
  }

  // Steps once: SQLITE_ROW or SQLITE_DONE (or an error). Call Reset() when done.
  int Step() { return sqlite3_step(stmt_); }

  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::string ColText(int i) const {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(p),
                                      static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
  }

  int64_t ColInt(int i) const { return sqlite3_column_int64(stmt_, i); }

  std::optional<double> ColReal(int i) const {
    if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) {
      return std::nullopt;
    }
    return sqlite3_column_double(stmt_, i);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs SQL text without results.
int Exec(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

// The schema version recorded in the file: 0 for an empty database, -1 for a database that has
// tables but no plainsight meta table (someone else's database).
Result<int> ReadVersion(sqlite3* db, const std::string& path) {
  Stmt s;
  if (auto p = s.Prepare(db,
                         "SELECT count(*), sum(name = 'meta') FROM sqlite_master WHERE "
                         "type = 'table'");
      !p) {
    // Preparing reads the schema: a file that is not a database fails here.
    return SqlError(db, sqlite3_errcode(db), "reading the store", path);
  }
  int rc = s.Step();
  if (rc != SQLITE_ROW) {
    return SqlError(db, rc, "reading the store", path);
  }
  int64_t tables = s.ColInt(0);
  int64_t meta = s.ColInt(1);
  s.Reset();
  if (tables == 0) {
    return 0;
  }
  if (meta == 0) {
    return -1;
  }
  Stmt v;
  if (auto p = v.Prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'"); !p) {
    return SqlError(db, sqlite3_errcode(db), "reading the store", path);
  }
  rc = v.Step();
  if (rc != SQLITE_ROW) {
    return -1;
  }
  int version = std::atoi(v.ColText(0).c_str());
  v.Reset();
  return version <= 0 ? -1 : version;
}

Result<int> Migrate(sqlite3* db, const std::string& path, std::span<const Migration> migrations,
                    bool read_only) {
  auto found = ReadVersion(db, path);
  if (!found) {
    return found.error();
  }
  int version = *found;
  int newest = migrations.empty() ? 0 : migrations.back().version;
  if (version < 0) {
    return Fail(ErrorCode::kParse,
                "not a plainsight store: the file is an SQLite database of something else", path);
  }
  if (version > newest) {
    return Fail(ErrorCode::kUnsupported,
                "this store was written by a newer plainsight (schema version " +
                    std::to_string(version) +
                    "); this plainsight (" PLAINSIGHT_VERSION ") reads schema versions up to " +
                    std::to_string(newest) + ": upgrade plainsight to read it",
                path);
  }
  if (version == newest) {
    return version;
  }
  if (read_only) {
    return Fail(ErrorCode::kUnsupported,
                version == 0 ? "not a plainsight store (an empty database)"
                             : "this store has schema version " + std::to_string(version) +
                                   " and must be upgraded to " + std::to_string(newest) +
                                   ": open it once for writing (plainsight scan --resume, or "
                                   "plainsight scan --db FILE --status without read-only mode)",
                path);
  }
  for (const Migration& m : migrations) {
    if (m.version <= version) {
      continue;
    }
    int rc = Exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
      return SqlError(db, rc, "upgrading the store", path);
    }
    for (std::string_view statement : m.sqlite) {
      rc = Exec(db, std::string(statement));
      if (rc != SQLITE_OK) {
        engine::Error e = SqlError(
            db, rc, "upgrading the store to schema version " + std::to_string(m.version), path);
        Exec(db, "ROLLBACK");
        return e;
      }
    }
    rc = Exec(db, "INSERT INTO meta(key, value) VALUES('schema_version', '" +
                      std::to_string(m.version) +
                      "') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (rc == SQLITE_OK && version == 0) {
      rc = Exec(db,
                "INSERT OR IGNORE INTO meta(key, value) VALUES('created_by', "
                "'plainsight " PLAINSIGHT_VERSION "')");
    }
    if (rc == SQLITE_OK) {
      rc = Exec(db, "COMMIT");
    }
    if (rc != SQLITE_OK) {
      engine::Error e = SqlError(db, rc, "upgrading the store", path);
      Exec(db, "ROLLBACK");
      return e;
    }
  }
  return version;
}

// plainsight_host(url): the host of a body's URL (the whole URL when it has none), so that a
// lease is not given on a host another live lease is crawling.
void HostFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  std::string url = text == nullptr ? "" : reinterpret_cast<const char*>(text);
  auto parsed = engine::ParseUrl(url);
  std::string host = parsed && parsed->host ? *parsed->host : url;
  sqlite3_result_text(ctx, host.c_str(), static_cast<int>(host.size()), SQLITE_TRANSIENT);
}

struct Db {
  sqlite3* db = nullptr;

  ~Db() { sqlite3_close_v2(db); }
};

// Opens the file with the connection settings every use shares.
Result<void> OpenConnection(Db& conn, const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (!exists && (options.read_only || !options.create)) {
    return Fail(ErrorCode::kNotFound, "no store at this path", path);
  }
  if (exists && std::filesystem::is_directory(path, ec)) {
    return Fail(ErrorCode::kIo, "this is a folder, not a store file", path);
  }
  int flags =
      options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &conn.db, flags, nullptr);
  if (rc != SQLITE_OK) {
    return SqlError(conn.db, rc, "opening the store", path);
  }
  sqlite3_extended_result_codes(conn.db, 1);
  sqlite3_busy_timeout(conn.db, options.busy_timeout_ms);
  if (!options.read_only && sqlite3_db_readonly(conn.db, "main") == 1) {
    return Fail(ErrorCode::kIo,
                "the store is read-only: check the permissions of the file and its folder", path);
  }
  // The journal mode is kept in the file; read-only connections use whatever it says.
  if (!options.read_only) {
    rc = Exec(conn.db, "PRAGMA journal_mode = WAL");
    if (rc != SQLITE_OK) {
      return SqlError(conn.db, rc, "opening the store", path);
    }
  }
  rc = Exec(conn.db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL");
  if (rc != SQLITE_OK) {
    return SqlError(conn.db, rc, "opening the store", path);
  }
  rc = sqlite3_create_function_v2(conn.db, "plainsight_host", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                  &HostFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return SqlError(conn.db, rc, "opening the store", path);
  }
  return {};
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, int version) : path_(std::move(path)), version_(version) {}

  Db conn;

  Result<void> Prepare() {
    struct Item {
      Stmt* stmt;
      std::string_view sql;
    };

    const Item items[] = {
        {&insert_page_,
         "INSERT OR IGNORE INTO pages(scan_id, body_id, url, final_url, status, kind, "
         "content_type, size, fetch_ms, fetched_at, depth, referrer, sample_reason, title, lang, "
         "error, error_code, redirects, warnings, text_json) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
         "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"},
        {&insert_finding_,
         "INSERT INTO findings(page_id, seq, rule, outcome, severity, selector, line, col, "
         "snippet, message, document, span_start, span_end) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
         "?8, ?9, ?10, ?11, ?12, ?13)"},
        {&insert_rule_,
         "INSERT INTO page_rules(page_id, rule, outcome, passed, failed, cant_tell) VALUES(?1, "
         "?2, ?3, ?4, ?5, ?6)"},
        {&insert_metrics_,
         "INSERT INTO text_metrics(page_id, lang, words, sentences, syllables, paragraphs, "
         "long_sentences, flesch_reading_ease, flesch_kincaid_grade, lix, "
         "average_sentence_length) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&insert_text_finding_,
         "INSERT INTO text_findings(page_id, seq, kind, severity, span_start, span_end, line, "
         "col, text, message, suggestion) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&insert_skip_,
         "INSERT OR IGNORE INTO skips(scan_id, body_id, url, referrer, reason, detail) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)"},
        {&begin_, "BEGIN IMMEDIATE"},
        {&commit_, "COMMIT"},
        {&rollback_, "ROLLBACK"},
    };
    for (const Item& item : items) {
      if (auto p = item.stmt->Prepare(conn.db, item.sql); !p) {
        return p.error();
      }
    }
    kill_after_writes_ = FaultKillAfterWrites();
    return {};
  }

  const char* backend() const noexcept override { return "sqlite"; }

  int schema_version() const noexcept override { return version_; }

  Result<int64_t> CreateScan(const NewScan& scan) override {
    return InTransaction<int64_t>([&]() -> Result<int64_t> {
      Stmt s;
      if (auto p = s.Prepare(conn.db,
                             "INSERT INTO scans(started_at, status, tool_version, options, source) "
                             "VALUES(?1, ?2, ?3, ?4, ?5)");
          !p) {
        return p.error();
      }
      s.Text(1, NowUtc());
      s.Text(2, ScanStatusName(scan.status));
      s.Text(3, scan.tool_version);
      s.Text(4, scan.options);
      s.Text(5, scan.source);
      if (int rc = s.Run(); rc != SQLITE_DONE) {
        return Err(rc, "recording the scan");
      }
      int64_t id = sqlite3_last_insert_rowid(conn.db);
      Stmt b;
      if (auto p = b.Prepare(conn.db,
                             "INSERT INTO scan_bodies(scan_id, body_id, position, name, url, "
                             "sector, lang) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
          !p) {
        return p.error();
      }
      int64_t position = 0;
      for (const Body& body : scan.bodies) {
        b.Int(1, id);
        b.Text(2, body.id);
        b.Int(3, position++);
        b.Text(4, body.name);
        b.Text(5, body.url);
        b.Text(6, body.sector);
        b.Text(7, body.lang);
        if (int rc = b.Run(); rc != SQLITE_DONE) {
          return Err(rc, "recording the scan's bodies");
        }
      }
      Stmt r;
      if (auto p = r.Prepare(conn.db,
                             "INSERT INTO scan_rules(scan_id, rule, summary, why, help, wcag, "
                             "en301549, act, level, severity, impact) VALUES(?1, ?2, ?3, ?4, ?5, "
                             "?6, ?7, ?8, ?9, ?10, ?11)");
          !p) {
        return p.error();
      }
      for (const RuleInfo& rule : scan.rules) {
        r.Int(1, id);
        r.Text(2, rule.id);
        r.Text(3, rule.summary);
        r.Text(4, rule.why);
        r.Text(5, rule.help);
        r.Text(6, rule.wcag);
        r.Text(7, rule.en301549);
        r.Text(8, rule.act);
        r.Text(9, rule.level);
        r.Text(10, rule.severity);
        r.Text(11, rule.impact);
        if (int rc = r.Run(); rc != SQLITE_DONE) {
          return Err(rc, "recording the scan's rules");
        }
      }
      return id;
    });
  }

  Result<std::vector<ScanInfo>> Scans() override { return QueryScans(0); }

  Result<std::optional<ScanInfo>> Scan(int64_t scan_id) override {
    auto scans = QueryScans(scan_id);
    if (!scans) {
      return scans.error();
    }
    if (scans->empty()) {
      return std::optional<ScanInfo>();
    }
    return std::optional<ScanInfo>(std::move(scans->front()));
  }

  Result<void> SetScanStatus(int64_t scan_id, ScanStatus status) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "UPDATE scans SET status = ?2, finished_at = CASE WHEN ?2 = 'done' "
                           "THEN ?3 ELSE '' END WHERE id = ?1");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, ScanStatusName(status));
    s.Text(3, NowUtc());
    if (int rc = s.Run(); rc != SQLITE_DONE) {
      return Err(rc, "recording the scan's status");
    }
    return {};
  }

  Result<std::vector<RuleInfo>> Rules(int64_t scan_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT rule, summary, why, help, wcag, en301549, act, level, "
                           "severity, impact FROM scan_rules WHERE scan_id = ?1 ORDER BY rule");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    std::vector<RuleInfo> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      RuleInfo r;
      r.id = s.ColText(0);
      r.summary = s.ColText(1);
      r.why = s.ColText(2);
      r.help = s.ColText(3);
      r.wcag = s.ColText(4);
      r.en301549 = s.ColText(5);
      r.act = s.ColText(6);
      r.level = s.ColText(7);
      r.severity = s.ColText(8);
      r.impact = s.ColText(9);
      out.push_back(std::move(r));
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading the scan's rules");
    }
    return out;
  }

  Result<ScanProgress> Progress(int64_t scan_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT count(*), sum(state IN ('done', 'failed')), "
                           "sum(state = 'failed'), sum(state = 'running'), sum(state = "
                           "'running' AND lease_owner != '') FROM scan_bodies WHERE scan_id = "
                           "?1");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    ScanProgress out;
    if (int rc = s.Step(); rc != SQLITE_ROW) {
      s.Reset();
      return Err(rc, "reading the scan's progress");
    }
    out.bodies = static_cast<size_t>(s.ColInt(0));
    out.bodies_done = static_cast<size_t>(s.ColInt(1));
    out.bodies_failed = static_cast<size_t>(s.ColInt(2));
    out.bodies_running = static_cast<size_t>(s.ColInt(3));
    out.bodies_leased = static_cast<size_t>(s.ColInt(4));
    s.Reset();
    Stmt pages;
    if (auto p = pages.Prepare(conn.db,
                               "SELECT count(*), sum(error != '') FROM pages WHERE scan_id = ?1");
        !p) {
      return p.error();
    }
    pages.Int(1, scan_id);
    if (int rc = pages.Step(); rc != SQLITE_ROW) {
      pages.Reset();
      return Err(rc, "reading the scan's progress");
    }
    out.pages = static_cast<size_t>(pages.ColInt(0));
    out.errors = static_cast<size_t>(pages.ColInt(1));
    pages.Reset();
    return out;
  }

  Result<std::vector<ScanBody>> Bodies(int64_t scan_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT body_id, name, url, sector, lang, state, reason, pages, "
                           "errors, failures, started_at, finished_at, attempts, lease_owner, "
                           "lease_until FROM scan_bodies WHERE scan_id = ?1 ORDER BY position");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    std::vector<ScanBody> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      ScanBody b;
      b.body.id = s.ColText(0);
      b.body.name = s.ColText(1);
      b.body.url = s.ColText(2);
      b.body.sector = s.ColText(3);
      b.body.lang = s.ColText(4);
      b.state = ParseBodyState(s.ColText(5)).value_or(BodyState::kPending);
      b.reason = s.ColText(6);
      b.pages = static_cast<size_t>(s.ColInt(7));
      b.errors = static_cast<size_t>(s.ColInt(8));
      b.failures = static_cast<size_t>(s.ColInt(9));
      b.started_at = s.ColText(10);
      b.finished_at = s.ColText(11);
      b.attempts = static_cast<int>(s.ColInt(12));
      b.lease_owner = s.ColText(13);
      b.lease_until = s.ColText(14);
      out.push_back(std::move(b));
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading the scan's bodies");
    }
    return out;
  }

  Result<void> StartBody(int64_t scan_id, const std::string& body_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "UPDATE scan_bodies SET state = 'running', reason = '', attempts = "
                           "attempts + 1, started_at = ?3, finished_at = '' WHERE scan_id = ?1 "
                           "AND body_id = ?2");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    s.Text(3, NowUtc());
    if (int rc = s.Run(); rc != SQLITE_DONE) {
      return Err(rc, "recording that a body started");
    }
    return {};
  }

  Result<void> FinishBody(int64_t scan_id, const std::string& body_id, BodyState state,
                          const std::string& reason) override {
    Stmt s;
    if (auto p = s.Prepare(
            conn.db,
            "UPDATE scan_bodies SET state = ?3, reason = ?4, finished_at = ?5, lease_owner = '', "
            "lease_until = '', "
            "pages = (SELECT count(*) FROM pages WHERE scan_id = ?1 AND body_id = ?2), "
            "errors = (SELECT count(*) FROM pages WHERE scan_id = ?1 AND body_id = ?2 AND error "
            "!= ''), "
            "failures = (SELECT count(*) FROM findings JOIN pages ON pages.id = findings.page_id "
            "WHERE pages.scan_id = ?1 AND pages.body_id = ?2 AND findings.outcome = 'failed') "
            "WHERE scan_id = ?1 AND body_id = ?2");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    s.Text(3, BodyStateName(state));
    s.Text(4, reason);
    s.Text(5, NowUtc());
    if (int rc = s.Run(); rc != SQLITE_DONE) {
      return Err(rc, "recording that a body finished");
    }
    return {};
  }

  Result<std::optional<Lease>> LeaseBody(const std::string& owner, int lease_s) override {
    // BEGIN IMMEDIATE takes SQLite's write lock: two processes cannot take the same body.
    return InTransaction<std::optional<Lease>>([&]() -> Result<std::optional<Lease>> {
      Stmt pick;
      if (auto p = pick.Prepare(
              conn.db,
              "SELECT b.scan_id, b.body_id, b.name, b.url, b.sector, b.lang FROM scan_bodies b "
              "JOIN scans s ON s.id = b.scan_id WHERE s.status IN ('queued', 'running') AND "
              "(b.state = 'pending' OR (b.state = 'running' AND b.lease_until != '' AND "
              "b.lease_until < ?1)) AND plainsight_host(b.url) NOT IN (SELECT "
              "plainsight_host(o.url) FROM scan_bodies o WHERE o.state = 'running' AND "
              "o.lease_owner != '' AND o.lease_until >= ?1) ORDER BY b.scan_id, b.position "
              "LIMIT 1");
          !p) {
        return p.error();
      }
      pick.Text(1, NowUtc());
      int rc = pick.Step();
      if (rc == SQLITE_DONE) {
        pick.Reset();
        return std::optional<Lease>();
      }
      if (rc != SQLITE_ROW) {
        pick.Reset();
        return Err(rc, "finding a body to scan");
      }
      Lease lease{pick.ColInt(0), pick.ColText(1),
                  Body{pick.ColText(1), pick.ColText(2), pick.ColText(3), pick.ColText(4),
                       pick.ColText(5)}};
      pick.Reset();
      Stmt take;
      if (auto p = take.Prepare(conn.db,
                                "UPDATE scan_bodies SET state = 'running', attempts = attempts + "
                                "1, started_at = ?3, lease_owner = ?4, lease_until = ?5 WHERE "
                                "scan_id = ?1 AND body_id = ?2");
          !p) {
        return p.error();
      }
      take.Int(1, lease.scan_id);
      take.Text(2, lease.body_id);
      take.Text(3, NowUtc());
      take.Text(4, owner);
      take.Text(5, UtcAfterSeconds(lease_s));
      if (rc = take.Run(); rc != SQLITE_DONE) {
        return Err(rc, "leasing a body");
      }
      return std::optional<Lease>(std::move(lease));
    });
  }

  Result<void> RenewLease(const Lease& lease, const std::string& owner, int lease_s) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "UPDATE scan_bodies SET lease_until = ?4 WHERE scan_id = ?1 AND "
                           "body_id = ?2 AND lease_owner = ?3 AND state = 'running'");
        !p) {
      return p.error();
    }
    s.Int(1, lease.scan_id);
    s.Text(2, lease.body_id);
    s.Text(3, owner);
    s.Text(4, UtcAfterSeconds(lease_s));
    if (int rc = s.Run(); rc != SQLITE_DONE) {
      return Err(rc, "renewing a lease");
    }
    if (sqlite3_changes(conn.db) == 0) {
      return Fail(ErrorCode::kNotFound, "the lease on body " + lease.body_id + " was lost");
    }
    return {};
  }

  Result<void> ReleaseLease(const Lease& lease, const std::string& owner) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "UPDATE scan_bodies SET state = 'pending', lease_owner = '', "
                           "lease_until = '' WHERE scan_id = ?1 AND body_id = ?2 AND lease_owner "
                           "= ?3 AND state = 'running'");
        !p) {
      return p.error();
    }
    s.Int(1, lease.scan_id);
    s.Text(2, lease.body_id);
    s.Text(3, owner);
    if (int rc = s.Run(); rc != SQLITE_DONE) {
      return Err(rc, "releasing a lease");
    }
    return {};
  }

  Result<std::vector<OpenScan>> OpenScans() override {
    Stmt s;
    if (auto p = s.Prepare(
            conn.db,
            "SELECT s.id, sum(CASE WHEN b.state = 'pending' OR (b.state = 'running' AND "
            "b.lease_owner <> '') THEN 1 ELSE 0 END), sum(CASE WHEN b.state NOT IN ('done', "
            "'failed') THEN 1 ELSE 0 END) FROM scans s LEFT JOIN scan_bodies b ON b.scan_id = s.id "
            "WHERE s.status IN ('queued', 'running') GROUP BY s.id ORDER BY s.id");
        !p) {
      return p.error();
    }
    std::vector<OpenScan> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      out.push_back(
          {s.ColInt(0), static_cast<size_t>(s.ColInt(1)), static_cast<size_t>(s.ColInt(2))});
    }
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading the queue");
    }
    return out;
  }

  Result<bool> PutPage(const PageRecord& page) override {
    if (int rc = begin_.Run(); rc != SQLITE_DONE) {
      return Err(rc, "writing a page");
    }
    auto written = WritePage(page);
    if (!written) {
      rollback_.Run();
      return written.error();
    }
    if (int rc = commit_.Run(); rc != SQLITE_DONE) {
      engine::Error e = Err(rc, "writing a page");
      rollback_.Run();
      return e;
    }
    return *written;
  }

  Result<PageCounts> CountPages(int64_t scan_id, const std::string& body_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT count(*), sum(error != ''), sum(error = '' AND kind = 'html') "
                           "FROM pages WHERE scan_id = ?1 AND body_id = ?2");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    int rc = s.Step();
    if (rc != SQLITE_ROW) {
      s.Reset();
      return Err(rc, "counting pages");
    }
    PageCounts out{static_cast<size_t>(s.ColInt(0)), static_cast<size_t>(s.ColInt(1)),
                   static_cast<size_t>(s.ColInt(2))};
    s.Reset();
    return out;
  }

  Result<std::unordered_set<std::string>> StoredUrls(int64_t scan_id,
                                                     const std::string& body_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db, "SELECT url FROM pages WHERE scan_id = ?1 AND body_id = ?2");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    std::unordered_set<std::string> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      out.insert(s.ColText(0));
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading stored pages");
    }
    return out;
  }

  Result<void> PutSkip(const SkipRecord& skip) override {
    insert_skip_.Int(1, skip.scan_id);
    insert_skip_.Text(2, skip.body_id);
    insert_skip_.Text(3, skip.url);
    insert_skip_.Text(4, skip.referrer);
    insert_skip_.Text(5, skip.reason);
    insert_skip_.Text(6, skip.detail);
    if (int rc = insert_skip_.Run(); rc != SQLITE_DONE) {
      return Err(rc, "recording a skipped URL");
    }
    return {};
  }

  Result<void> PutSiteFact(const SiteFact& fact) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "INSERT INTO site_facts(scan_id, body_id, name, value) VALUES(?1, ?2, "
                           "?3, ?4) ON CONFLICT(scan_id, body_id, name) DO UPDATE SET value = "
                           "excluded.value");
        !p) {
      return p.error();
    }
    s.Int(1, fact.scan_id);
    s.Text(2, fact.body_id);
    s.Text(3, fact.name);
    s.Text(4, fact.value);
    if (int rc = s.Run(); rc != SQLITE_DONE) {
      return Err(rc, "recording a site-level fact");
    }
    return {};
  }

  Result<void> ForEachPage(int64_t scan_id, const std::string& body_id,
                           const std::function<bool(const PageRecord&)>& fn) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT id, url, final_url, status, kind, content_type, size, "
                           "fetch_ms, fetched_at, depth, referrer, sample_reason, title, lang, "
                           "error, error_code, redirects, warnings, text_json FROM pages WHERE "
                           "scan_id = ?1 AND body_id = ?2 ORDER BY id");
        !p) {
      return p.error();
    }
    Stmt findings, rules, metrics, text;
    if (auto p = findings.Prepare(conn.db,
                                  "SELECT rule, outcome, severity, selector, line, col, snippet, "
                                  "message, document, span_start, span_end FROM findings WHERE "
                                  "page_id = ?1 ORDER BY seq");
        !p) {
      return p.error();
    }
    if (auto p = rules.Prepare(conn.db,
                               "SELECT rule, outcome, passed, failed, cant_tell FROM page_rules "
                               "WHERE page_id = ?1 ORDER BY rule");
        !p) {
      return p.error();
    }
    if (auto p = metrics.Prepare(conn.db,
                                 "SELECT lang, words, sentences, syllables, paragraphs, "
                                 "long_sentences, flesch_reading_ease, flesch_kincaid_grade, lix, "
                                 "average_sentence_length FROM text_metrics WHERE page_id = ?1");
        !p) {
      return p.error();
    }
    if (auto p = text.Prepare(conn.db,
                              "SELECT kind, severity, span_start, span_end, line, col, text, "
                              "message, suggestion FROM text_findings WHERE page_id = ?1 ORDER "
                              "BY seq");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      PageRecord page;
      page.id = s.ColInt(0);
      page.scan_id = scan_id;
      page.body_id = body_id;
      page.url = s.ColText(1);
      page.final_url = s.ColText(2);
      page.status = static_cast<int>(s.ColInt(3));
      page.kind = s.ColText(4);
      page.content_type = s.ColText(5);
      page.size = static_cast<uint64_t>(s.ColInt(6));
      page.fetch_ms = s.ColReal(7).value_or(0);
      page.fetched_at = s.ColText(8);
      page.depth = static_cast<int>(s.ColInt(9));
      page.referrer = s.ColText(10);
      page.sample_reason = s.ColText(11);
      page.title = s.ColText(12);
      page.lang = s.ColText(13);
      page.error = s.ColText(14);
      page.error_code = s.ColText(15);
      page.redirects = s.ColText(16);
      page.warnings = s.ColText(17);
      page.text_json = s.ColText(18);
      findings.Int(1, page.id);
      int frc;
      while ((frc = findings.Step()) == SQLITE_ROW) {
        FindingRecord f;
        f.rule = findings.ColText(0);
        f.outcome = findings.ColText(1);
        f.severity = findings.ColText(2);
        f.selector = findings.ColText(3);
        f.line = static_cast<uint32_t>(findings.ColInt(4));
        f.column = static_cast<uint32_t>(findings.ColInt(5));
        f.snippet = findings.ColText(6);
        f.message = findings.ColText(7);
        f.document = findings.ColText(8);
        f.span_start = static_cast<uint32_t>(findings.ColInt(9));
        f.span_end = static_cast<uint32_t>(findings.ColInt(10));
        page.findings.push_back(std::move(f));
      }
      findings.Reset();
      rules.Int(1, page.id);
      int rrc;
      while ((rrc = rules.Step()) == SQLITE_ROW) {
        RuleOutcomeRecord r;
        r.rule = rules.ColText(0);
        r.outcome = rules.ColText(1);
        r.passed = static_cast<uint32_t>(rules.ColInt(2));
        r.failed = static_cast<uint32_t>(rules.ColInt(3));
        r.cant_tell = static_cast<uint32_t>(rules.ColInt(4));
        page.rules.push_back(std::move(r));
      }
      rules.Reset();
      metrics.Int(1, page.id);
      int mrc = metrics.Step();
      if (mrc == SQLITE_ROW) {
        TextMetricsRecord m;
        m.lang = metrics.ColText(0);
        m.words = static_cast<uint64_t>(metrics.ColInt(1));
        m.sentences = static_cast<uint64_t>(metrics.ColInt(2));
        m.syllables = static_cast<uint64_t>(metrics.ColInt(3));
        m.paragraphs = static_cast<uint64_t>(metrics.ColInt(4));
        m.long_sentences = static_cast<uint64_t>(metrics.ColInt(5));
        m.flesch_reading_ease = metrics.ColReal(6);
        m.flesch_kincaid_grade = metrics.ColReal(7);
        m.lix = metrics.ColReal(8);
        m.average_sentence_length = metrics.ColReal(9);
        page.text = std::move(m);
      }
      metrics.Reset();
      text.Int(1, page.id);
      int trc;
      while ((trc = text.Step()) == SQLITE_ROW) {
        TextFindingRecord t;
        t.kind = text.ColText(0);
        t.severity = text.ColText(1);
        t.start = static_cast<uint32_t>(text.ColInt(2));
        t.end = static_cast<uint32_t>(text.ColInt(3));
        t.line = static_cast<uint32_t>(text.ColInt(4));
        t.column = static_cast<uint32_t>(text.ColInt(5));
        t.text = text.ColText(6);
        t.message = text.ColText(7);
        t.suggestion = text.ColText(8);
        page.text_findings.push_back(std::move(t));
      }
      text.Reset();
      for (int sub : {frc, rrc, trc}) {
        if (sub != SQLITE_DONE) {
          s.Reset();
          return Err(sub, "reading a page's findings");
        }
      }
      if (mrc != SQLITE_ROW && mrc != SQLITE_DONE) {
        s.Reset();
        return Err(mrc, "reading a page's text figures");
      }
      if (!fn(page)) {
        s.Reset();
        return {};
      }
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading pages");
    }
    return {};
  }

  Result<std::vector<SkipRecord>> Skips(int64_t scan_id, const std::string& body_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT url, referrer, reason, detail FROM skips WHERE scan_id = ?1 "
                           "AND body_id = ?2 ORDER BY url");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    std::vector<SkipRecord> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      SkipRecord r;
      r.scan_id = scan_id;
      r.body_id = body_id;
      r.url = s.ColText(0);
      r.referrer = s.ColText(1);
      r.reason = s.ColText(2);
      r.detail = s.ColText(3);
      out.push_back(std::move(r));
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading skipped URLs");
    }
    return out;
  }

  Result<std::vector<SiteFact>> SiteFacts(int64_t scan_id, const std::string& body_id) override {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT name, value FROM site_facts WHERE scan_id = ?1 AND body_id = "
                           "?2 ORDER BY name");
        !p) {
      return p.error();
    }
    s.Int(1, scan_id);
    s.Text(2, body_id);
    std::vector<SiteFact> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      out.push_back(SiteFact{scan_id, body_id, s.ColText(0), s.ColText(1)});
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading site-level facts");
    }
    return out;
  }

 private:
  engine::Error Err(int rc, std::string_view what) { return SqlError(conn.db, rc, what, path_); }

  // Counts a statement of a page transaction (fault injection, see FaultKillAfterWrites).
  void Wrote() {
    if (kill_after_writes_ > 0 && ++writes_total_ >= kill_after_writes_) {
      std::raise(SIGKILL);
    }
  }

  template <typename T>
  Result<T> InTransaction(const std::function<Result<T>()>& body) {
    if (int rc = begin_.Run(); rc != SQLITE_DONE) {
      return Err(rc, "starting a transaction");
    }
    Result<T> out = body();
    if (!out) {
      rollback_.Run();
      return out;
    }
    if (int rc = commit_.Run(); rc != SQLITE_DONE) {
      engine::Error e = Err(rc, "committing");
      rollback_.Run();
      return e;
    }
    return out;
  }

  Result<bool> WritePage(const PageRecord& page) {
    Stmt& p = insert_page_;
    p.Int(1, page.scan_id);
    p.Text(2, page.body_id);
    p.Text(3, page.url);
    p.Text(4, page.final_url);
    p.Int(5, page.status);
    p.Text(6, page.kind);
    p.Text(7, page.content_type);
    p.Int(8, static_cast<int64_t>(page.size));
    p.Real(9, page.fetch_ms);
    p.Text(10, page.fetched_at);
    p.Int(11, page.depth);
    p.Text(12, page.referrer);
    p.Text(13, page.sample_reason);
    p.Text(14, page.title);
    p.Text(15, page.lang);
    p.Text(16, page.error);
    p.Text(17, page.error_code);
    p.Text(18, page.redirects.empty() ? "[]" : page.redirects);
    p.Text(19, page.warnings.empty() ? "[]" : page.warnings);
    p.Text(20, page.text_json);
    if (int rc = p.Run(); rc != SQLITE_DONE) {
      return Err(rc, "writing a page");
    }
    Wrote();
    if (sqlite3_changes(conn.db) == 0) {
      return false;  // stored already (a resumed crawl met it again)
    }
    int64_t id = sqlite3_last_insert_rowid(conn.db);
    int64_t seq = 0;
    for (const FindingRecord& f : page.findings) {
      Stmt& s = insert_finding_;
      s.Int(1, id);
      s.Int(2, seq++);
      s.Text(3, f.rule);
      s.Text(4, f.outcome);
      s.Text(5, f.severity);
      s.Text(6, f.selector);
      s.Int(7, f.line);
      s.Int(8, f.column);
      s.Text(9, f.snippet);
      s.Text(10, f.message);
      s.Text(11, f.document);
      s.Int(12, f.span_start);
      s.Int(13, f.span_end);
      if (int rc = s.Run(); rc != SQLITE_DONE) {
        return Err(rc, "writing a finding");
      }
      Wrote();
    }
    for (const RuleOutcomeRecord& r : page.rules) {
      Stmt& s = insert_rule_;
      s.Int(1, id);
      s.Text(2, r.rule);
      s.Text(3, r.outcome);
      s.Int(4, r.passed);
      s.Int(5, r.failed);
      s.Int(6, r.cant_tell);
      if (int rc = s.Run(); rc != SQLITE_DONE) {
        return Err(rc, "writing a rule outcome");
      }
      Wrote();
    }
    if (page.text) {
      const TextMetricsRecord& m = *page.text;
      Stmt& s = insert_metrics_;
      s.Int(1, id);
      s.Text(2, m.lang);
      s.Int(3, static_cast<int64_t>(m.words));
      s.Int(4, static_cast<int64_t>(m.sentences));
      s.Int(5, static_cast<int64_t>(m.syllables));
      s.Int(6, static_cast<int64_t>(m.paragraphs));
      s.Int(7, static_cast<int64_t>(m.long_sentences));
      s.Real(8, m.flesch_reading_ease);
      s.Real(9, m.flesch_kincaid_grade);
      s.Real(10, m.lix);
      s.Real(11, m.average_sentence_length);
      if (int rc = s.Run(); rc != SQLITE_DONE) {
        return Err(rc, "writing text figures");
      }
      Wrote();
    }
    seq = 0;
    for (const TextFindingRecord& t : page.text_findings) {
      Stmt& s = insert_text_finding_;
      s.Int(1, id);
      s.Int(2, seq++);
      s.Text(3, t.kind);
      s.Text(4, t.severity);
      s.Int(5, t.start);
      s.Int(6, t.end);
      s.Int(7, t.line);
      s.Int(8, t.column);
      s.Text(9, t.text);
      s.Text(10, t.message);
      s.Text(11, t.suggestion);
      if (int rc = s.Run(); rc != SQLITE_DONE) {
        return Err(rc, "writing a text finding");
      }
      Wrote();
    }
    return true;
  }

  Result<std::vector<ScanInfo>> QueryScans(int64_t only) {
    Stmt s;
    if (auto p = s.Prepare(conn.db,
                           "SELECT s.id, s.started_at, s.finished_at, s.status, s.tool_version, "
                           "s.options, s.source, (SELECT count(*) FROM scan_bodies b WHERE "
                           "b.scan_id = s.id) FROM scans s WHERE ?1 = 0 OR s.id = ?1 ORDER BY "
                           "s.id");
        !p) {
      return p.error();
    }
    s.Int(1, only);
    std::vector<ScanInfo> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      ScanInfo info;
      info.id = s.ColInt(0);
      info.started_at = s.ColText(1);
      info.finished_at = s.ColText(2);
      info.status = ParseScanStatus(s.ColText(3)).value_or(ScanStatus::kInterrupted);
      info.tool_version = s.ColText(4);
      info.options = s.ColText(5);
      info.source = s.ColText(6);
      info.bodies = static_cast<size_t>(s.ColInt(7));
      out.push_back(std::move(info));
    }
    s.Reset();
    if (rc != SQLITE_DONE) {
      return Err(rc, "reading scans");
    }
    return out;
  }

  std::string path_;
  int version_;
  Stmt insert_page_, insert_finding_, insert_rule_, insert_metrics_, insert_text_finding_,
      insert_skip_, begin_, commit_, rollback_;
  long kill_after_writes_ = 0;
  long writes_total_ = 0;
};

}  // namespace

engine::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                       const OpenOptions& options) {
  Db conn;
  if (auto opened = OpenConnection(conn, path, options); !opened) {
    return opened.error();
  }
  auto version = Migrate(conn.db, path, Migrations(), options.read_only);
  if (!version) {
    return version.error();
  }
  auto store = std::make_unique<SqliteStore>(path, kSchemaVersion);
  store->conn.db = conn.db;
  conn.db = nullptr;
  if (auto prepared = store->Prepare(); !prepared) {
    return prepared.error();
  }
  return std::unique_ptr<Store>(std::move(store));
}

engine::Result<int> MigrateSqliteFile(const std::string& path,
                                      std::span<const Migration> migrations) {
  Db conn;
  OpenOptions options;
  if (auto opened = OpenConnection(conn, path, options); !opened) {
    return opened.error();
  }
  return Migrate(conn.db, path, migrations, false);
}

}  // namespace plainsight::store
