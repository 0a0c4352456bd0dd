// The SQLite scan store (sqlite_store.h): its statements. The connection, result codes and
// migrations are in sqlite_connection.cpp; a page's records are packed by packed.cpp.
#include "store/sqlite_store.h"

#include <csignal>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include <sqlite3.h>

#include "store/packed.h"
#include "store/sqlite_connection.h"

namespace plainsight::store {
namespace {

using engine::ErrorCode;
using engine::Fail;
using engine::Result;
using sqlite::Db;
using sqlite::Migrate;
using sqlite::OpenConnection;
using sqlite::SqlError;
using sqlite::Stmt;

// Test-only fault injection: PLAINSIGHT_FAULT_KILL_AFTER_WRITES=N makes the process kill itself
// with SIGKILL when the N-th statement inside a page transaction has run (so between two
// statements of one page). The crash-and-resume tests use it to stop a scan mid-transaction,
// which a kill from outside can only hit by chance.
long FaultKillAfterWrites() {
  const char* v = std::getenv("PLAINSIGHT_FAULT_KILL_AFTER_WRITES");
  return v == nullptr ? 0 : std::strtol(v, nullptr, 10);
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
         "error, error_code, redirects, warnings, text_json, findings_json, rules_json, "
         "text_findings_json, failures, text_lang, text_words, text_sentences, text_syllables, "
         "text_paragraphs, text_long_sentences, text_flesch_reading_ease, "
         "text_flesch_kincaid_grade, text_lix, text_average_sentence_length) VALUES(?1, ?2, ?3, "
         "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
         "?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)"},
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
            "failures = (SELECT coalesce(sum(failures), 0) FROM pages WHERE scan_id = ?1 AND "
            "body_id = ?2) WHERE scan_id = ?1 AND body_id = ?2");
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
                           "error, error_code, redirects, warnings, text_json, findings_json, "
                           "rules_json, text_findings_json, text_lang, text_words, "
                           "text_sentences, text_syllables, text_paragraphs, "
                           "text_long_sentences, text_flesch_reading_ease, "
                           "text_flesch_kincaid_grade, text_lix, text_average_sentence_length "
                           "FROM pages WHERE scan_id = ?1 AND body_id = ?2 ORDER BY id");
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
      if (auto unpacked = UnpackPage(s.ColText(19), s.ColText(20), s.ColText(21), page);
          !unpacked) {
        s.Reset();
        return Fail(unpacked.error().code, unpacked.error().message, path_);
      }
      if (sqlite3_column_type(s.get(), 22) != SQLITE_NULL) {
        TextMetricsRecord m;
        m.lang = s.ColText(22);
        m.words = static_cast<uint64_t>(s.ColInt(23));
        m.sentences = static_cast<uint64_t>(s.ColInt(24));
        m.syllables = static_cast<uint64_t>(s.ColInt(25));
        m.paragraphs = static_cast<uint64_t>(s.ColInt(26));
        m.long_sentences = static_cast<uint64_t>(s.ColInt(27));
        m.flesch_reading_ease = s.ColReal(28);
        m.flesch_kincaid_grade = s.ColReal(29);
        m.lix = s.ColReal(30);
        m.average_sentence_length = s.ColReal(31);
        page.text = std::move(m);
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
    p.Text(21, PackFindings(page.findings));
    p.Text(22, PackRuleOutcomes(page.rules));
    p.Text(23, PackTextFindings(page.text_findings));
    p.Int(24, static_cast<int64_t>(CountFailed(page.findings)));
    if (page.text) {  // else the figures stay NULL: no text to measure
      const TextMetricsRecord& m = *page.text;
      p.Text(25, m.lang);
      p.Int(26, static_cast<int64_t>(m.words));
      p.Int(27, static_cast<int64_t>(m.sentences));
      p.Int(28, static_cast<int64_t>(m.syllables));
      p.Int(29, static_cast<int64_t>(m.paragraphs));
      p.Int(30, static_cast<int64_t>(m.long_sentences));
      p.Real(31, m.flesch_reading_ease);
      p.Real(32, m.flesch_kincaid_grade);
      p.Real(33, m.lix);
      p.Real(34, m.average_sentence_length);
    }
    if (int rc = p.Run(); rc != SQLITE_DONE) {
      return Err(rc, "writing a page");
    }
    Wrote();
    if (sqlite3_changes(conn.db) == 0) {
      return false;  // stored already (a resumed crawl met it again)
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
  Stmt insert_page_, insert_skip_, begin_, commit_, rollback_;
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
