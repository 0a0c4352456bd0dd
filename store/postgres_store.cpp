// The PostgreSQL scan store (postgres_store.h). SQL errors become engine::Errors in
// pg_connection.cpp; this file holds the statements.
#include "store/postgres_store.h"

#include <csignal>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "store/packed.h"
#include "store/pg_connection.h"

namespace plainsight::store {
namespace {

using engine::ErrorCode;
using engine::Fail;
using engine::Result;
using pg::ArrayLiteral;
using pg::Connection;
using pg::Params;
using pg::Rows;
using pg::Statement;

// Advisory lock keys (pg_advisory_xact_lock): migrations, and the choice of a body to lease.
// Arbitrary constants ("plnsght" + 1 / + 2) that nothing else in a database is likely to use.
constexpr int64_t kMigrationLock = 0x706c6e73676874 * 16 + 1;
constexpr int64_t kLeaseLock = 0x706c6e73676874 * 16 + 2;

// The database's clock as the stores write times: ISO 8601 UTC with seconds.
#define PLAINSIGHT_PG_NOW "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
// now + N seconds, N an integer parameter.
#define PLAINSIGHT_PG_AFTER(param)                \
  "to_char((now() + make_interval(secs => " param \
  "::int)) AT TIME ZONE 'UTC', "                  \
  "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
// The lower-cased host of a body's http(s) URL (RFC 3986 section 3.2.2), for keeping two leases
// off one host; the whole URL when it has no host part.
#define PLAINSIGHT_PG_HOST(column)   \
  "coalesce(lower(substring(" column \
  " from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^]/]*\\]|[^:/?#]*)')), " column ")"

// Test-only fault injection, as in the SQLite store: PLAINSIGHT_FAULT_KILL_AFTER_WRITES=N kills
// the process with SIGKILL right after sending the N-th page write, before its result is read:
// the server may or may not commit it, and the process is gone mid-body.
long FaultKillAfterWrites() {
  const char* v = std::getenv("PLAINSIGHT_FAULT_KILL_AFTER_WRITES");
  return v == nullptr ? 0 : std::strtol(v, nullptr, 10);
}

const Statement kPutPage{
    "plainsight_put_page",
    "INSERT INTO pages(scan_id, body_id, url, final_url, status, kind, content_type, size,"
    " fetch_ms, fetched_at, depth, referrer, sample_reason, title, lang, error, error_code,"
    " redirects, warnings, text_json, findings_json, rules_json, text_findings_json, failures,"
    " text_lang, text_words, text_sentences, text_syllables, text_paragraphs, text_long_sentences,"
    " text_flesch_reading_ease, text_flesch_kincaid_grade, text_lix, text_average_sentence_length)"
    " VALUES($1::bigint, $2, $3, $4, $5::int, $6, $7, $8::bigint, $9::float8, $10, $11::int, $12,"
    " $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24::int, $25, $26::bigint,"
    " $27::bigint, $28::bigint, $29::bigint, $30::bigint, $31::float8, $32::float8, $33::float8,"
    " $34::float8) ON CONFLICT (scan_id, body_id, url) DO NOTHING RETURNING id"};

const Statement kPutSkip{"plainsight_put_skip",
                         "INSERT INTO skips(scan_id, body_id, url, referrer, reason, detail) "
                         "VALUES($1::bigint, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING"};

const Statement kCountPages{
    "plainsight_count_pages",
    "SELECT count(*), count(*) FILTER (WHERE error <> ''), count(*) FILTER (WHERE error = '' AND "
    "kind = 'html') FROM pages WHERE scan_id = $1::bigint AND body_id = $2"};

const Statement kRenew{"plainsight_renew",
                       "UPDATE scan_bodies SET lease_until = " PLAINSIGHT_PG_AFTER(
                           "$4") " WHERE scan_id = $1::bigint AND body_id = $2 AND lease_owner "
                                 "= $3 AND state = 'running'"};

Params PageParams(const PageRecord& page) {
  Params p;
  p.Int(page.scan_id)
      .Text(page.body_id)
      .Text(page.url)
      .Text(page.final_url)
      .Int(page.status)
      .Text(page.kind)
      .Text(page.content_type)
      .Int(static_cast<int64_t>(page.size))
      .Real(page.fetch_ms)
      .Text(page.fetched_at)
      .Int(page.depth)
      .Text(page.referrer)
      .Text(page.sample_reason)
      .Text(page.title)
      .Text(page.lang)
      .Text(page.error)
      .Text(page.error_code)
      .Text(page.redirects.empty() ? "[]" : page.redirects)
      .Text(page.warnings.empty() ? "[]" : page.warnings)
      .Text(page.text_json);
  // Packed values are valid UTF-8 without NUL already (packed.h): no second pass of CleanText.
  p.Raw(PackFindings(page.findings))
      .Raw(PackRuleOutcomes(page.rules))
      .Raw(PackTextFindings(page.text_findings))
      .Int(static_cast<int64_t>(CountFailed(page.findings)));
  if (!page.text) {  // no text to measure: the figures are NULL
    for (int i = 0; i < 10; ++i) {
      p.Null();
    }
    return p;
  }
  const TextMetricsRecord& m = *page.text;
  p.Text(m.lang)
      .Int(static_cast<int64_t>(m.words))
      .Int(static_cast<int64_t>(m.sentences))
      .Int(static_cast<int64_t>(m.syllables))
      .Int(static_cast<int64_t>(m.paragraphs))
      .Int(static_cast<int64_t>(m.long_sentences))
      .Real(m.flesch_reading_ease)
      .Real(m.flesch_kincaid_grade)
      .Real(m.lix)
      .Real(m.average_sentence_length);
  return p;
}

// The schema version of the store in the connection's current schema: 0 when the schema has no
// table, -1 when it has tables but no plainsight meta table (someone else's).
Result<int> ReadVersion(Connection& c) {
  auto tables = c.Exec(
      "SELECT count(*), count(*) FILTER (WHERE tablename = 'meta') FROM pg_catalog.pg_tables "
      "WHERE schemaname = current_schema()",
      "reading the store");
  if (!tables) {
    return tables.error();
  }
  if (tables->Int(0, 0) == 0) {
    return 0;
  }
  if (tables->Int(0, 1) == 0) {
    return -1;
  }
  auto v = c.Exec("SELECT value FROM meta WHERE key = 'schema_version'", "reading the store");
  if (!v) {
    return v.error();
  }
  if (v->size() != 1) {
    return -1;
  }
  int version = std::atoi(v->Text(0, 0).c_str());
  return version <= 0 ? -1 : version;
}

Result<int> Migrate(Connection& c, std::span<const Migration> migrations,
                    const OpenOptions& options) {
  int newest = migrations.empty() ? 0 : migrations.back().version;
  bool writing = !options.read_only;
  if (writing) {
    // One migration at a time: a second worker waits here, then finds the store up to date.
    if (auto b = c.Begin("upgrading the store"); !b) {
      return b.error();
    }
    if (auto l = c.Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")",
                        "waiting for another plainsight to finish upgrading the store");
        !l) {
      c.Rollback();
      return l.error();
    }
  }
  auto finish = [&](Result<int> out) -> Result<int> {
    if (writing) {
      if (!out) {
        c.Rollback();
      } else if (auto done = c.Commit("upgrading the store"); !done) {
        return done.error();
      }
    }
    return out;
  };
  auto found = ReadVersion(c);
  if (!found) {
    return finish(found.error());
  }
  int version = *found;
  if (version < 0) {
    return finish(Fail(ErrorCode::kParse,
                       "not a plainsight store: the database's schema holds other tables; use "
                       "an empty database, or a schema of its own (add "
                       "?options=-csearch_path%3Dplainsight to the URI after CREATE SCHEMA "
                       "plainsight)",
                       c.where()));
  }
  if (version > newest) {
    return finish(Fail(
        ErrorCode::kUnsupported,
        "this store was written by a newer plainsight (schema version " + std::to_string(version) +
            "); this plainsight (" PLAINSIGHT_VERSION ") reads schema versions up to " +
            std::to_string(newest) + ": upgrade plainsight to read it",
        c.where()));
  }
  if (version == newest) {
    return finish(version);
  }
  if (!writing || (version == 0 && !options.create)) {
    return finish(Fail(version == 0 ? ErrorCode::kNotFound : ErrorCode::kUnsupported,
                       version == 0
                           ? "no plainsight store in this database yet (plainsight scan BODIES.csv "
                             "--db URI creates one)"
                           : "this store has schema version " + std::to_string(version) +
                                 " and must be upgraded to " + std::to_string(newest) +
                                 ", which writes to it: plainsight scan --status, report, serve "
                                 "and worker upgrade it when the role may change its tables",
                       c.where()));
  }
  for (const Migration& m : migrations) {
    if (m.version <= version) {
      continue;
    }
    for (std::string_view statement : m.postgres) {
      if (auto r = c.Exec(statement,
                          "upgrading the store to schema version " + std::to_string(m.version));
          !r) {
        return finish(r.error());
      }
    }
    Params p;
    p.Text(std::to_string(m.version));
    if (auto r = c.Exec("INSERT INTO meta(key, value) VALUES('schema_version', $1) ON "
                        "CONFLICT(key) DO UPDATE SET value = excluded.value",
                        p, "upgrading the store");
        !r) {
      return finish(r.error());
    }
  }
  if (version == 0) {
    if (auto r = c.Exec(
            "INSERT INTO meta(key, value) VALUES('created_by', 'plainsight " PLAINSIGHT_VERSION
            "') ON CONFLICT DO NOTHING",
            "upgrading the store");
        !r) {
      return finish(r.error());
    }
  }
  return finish(version);
}

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::unique_ptr<Connection> c)
      : c_(std::move(c)), kill_after_writes_(FaultKillAfterWrites()) {}

  const char* backend() const noexcept override { return "postgresql"; }

  int schema_version() const noexcept override { return kSchemaVersion; }

  Result<int64_t> CreateScan(const NewScan& scan) override {
    if (auto b = c_->Begin("recording the scan"); !b) {
      return b.error();
    }
    auto out = [&]() -> Result<int64_t> {
      Params p;
      p.Text(ScanStatusName(scan.status))
          .Text(scan.tool_version)
          .Text(scan.options)
          .Text(scan.source);
      auto id = c_->Exec(
          "INSERT INTO scans(started_at, status, tool_version, options, source) "
          "VALUES(" PLAINSIGHT_PG_NOW ", $1, $2, $3, $4) RETURNING id",
          p, "recording the scan");
      if (!id) {
        return id.error();
      }
      int64_t scan_id = id->Int(0, 0);
      ArrayLiteral ids, names, urls, sectors, langs;
      for (const Body& b : scan.bodies) {
        ids.Text(b.id);
        names.Text(b.name);
        urls.Text(b.url);
        sectors.Text(b.sector);
        langs.Text(b.lang);
      }
      Params bp;
      bp.Int(scan_id)
          .Raw(ids.Finish())
          .Raw(names.Finish())
          .Raw(urls.Finish())
          .Raw(sectors.Finish())
          .Raw(langs.Finish());
      if (auto r = c_->Exec("INSERT INTO scan_bodies(scan_id, body_id, position, name, url, "
                            "sector, lang) SELECT $1::bigint, x.id, x.n - 1, x.name, x.url, "
                            "x.sector, x.lang FROM unnest($2::text[], $3::text[], $4::text[], "
                            "$5::text[], $6::text[]) WITH ORDINALITY AS x(id, name, url, sector, "
                            "lang, n)",
                            bp, "recording the scan's bodies");
          !r) {
        return r.error();
      }
      ArrayLiteral cols[10];
      for (const RuleInfo& r : scan.rules) {
        const std::string* values[] = {&r.id,       &r.summary, &r.why,   &r.help,     &r.wcag,
                                       &r.en301549, &r.act,     &r.level, &r.severity, &r.impact};
        for (int i = 0; i < 10; ++i) {
          cols[i].Text(*values[i]);
        }
      }
      Params rp;
      rp.Int(scan_id);
      for (const ArrayLiteral& a : cols) {
        rp.Raw(a.Finish());
      }
      if (auto r = c_->Exec(
              "INSERT INTO scan_rules(scan_id, rule, summary, why, help, wcag, en301549, act, "
              "level, severity, impact) SELECT $1::bigint, x.* FROM unnest($2::text[], "
              "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
              "$9::text[], $10::text[], $11::text[]) AS x",
              rp, "recording the scan's rules");
          !r) {
        return r.error();
      }
      return scan_id;
    }();
    if (!out) {
      c_->Rollback();
      return out;
    }
    if (auto done = c_->Commit("recording the scan"); !done) {
      return done.error();
    }
    return out;
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
    Params p;
    p.Int(scan_id).Text(ScanStatusName(status));
    auto r = c_->Exec(
        "UPDATE scans SET status = $2, finished_at = CASE WHEN $2 = 'done' THEN " PLAINSIGHT_PG_NOW
        " ELSE '' END WHERE id = $1::bigint",
        p, "recording the scan's status");
    if (!r) {
      return r.error();
    }
    return {};
  }

  Result<std::vector<RuleInfo>> Rules(int64_t scan_id) override {
    Params p;
    p.Int(scan_id);
    auto rows = c_->Exec(
        "SELECT rule, summary, why, help, wcag, en301549, act, level, severity, impact FROM "
        "scan_rules WHERE scan_id = $1::bigint ORDER BY rule COLLATE \"C\"",
        p, "reading the scan's rules");
    if (!rows) {
      return rows.error();
    }
    std::vector<RuleInfo> out;
    out.reserve(rows->size());
    for (int i = 0; i < rows->size(); ++i) {
      out.push_back({rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                     rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6), rows->Text(i, 7),
                     rows->Text(i, 8), rows->Text(i, 9)});
    }
    return out;
  }

  Result<ScanProgress> Progress(int64_t scan_id) override {
    Params p;
    p.Int(scan_id);
    auto rows = c_->Exec(
        "SELECT (SELECT count(*) FROM scan_bodies WHERE scan_id = $1::bigint),"
        " (SELECT count(*) FROM scan_bodies WHERE scan_id = $1::bigint AND state IN ('done', "
        "'failed')),"
        " (SELECT count(*) FROM scan_bodies WHERE scan_id = $1::bigint AND state = 'failed'),"
        " (SELECT count(*) FROM scan_bodies WHERE scan_id = $1::bigint AND state = 'running'),"
        " (SELECT count(*) FROM scan_bodies WHERE scan_id = $1::bigint AND state = 'running' AND "
        "lease_owner <> ''),"
        " (SELECT count(*) FROM pages WHERE scan_id = $1::bigint),"
        " (SELECT count(*) FROM pages WHERE scan_id = $1::bigint AND error <> '')",
        p, "reading the scan's progress");
    if (!rows) {
      return rows.error();
    }
    ScanProgress out;
    out.bodies = static_cast<size_t>(rows->Int(0, 0));
    out.bodies_done = static_cast<size_t>(rows->Int(0, 1));
    out.bodies_failed = static_cast<size_t>(rows->Int(0, 2));
    out.bodies_running = static_cast<size_t>(rows->Int(0, 3));
    out.bodies_leased = static_cast<size_t>(rows->Int(0, 4));
    out.pages = static_cast<size_t>(rows->Int(0, 5));
    out.errors = static_cast<size_t>(rows->Int(0, 6));
    return out;
  }

  Result<std::vector<ScanBody>> Bodies(int64_t scan_id) override {
    Params p;
    p.Int(scan_id);
    auto rows = c_->Exec(
        "SELECT body_id, name, url, sector, lang, state, reason, pages, errors, failures, "
        "started_at, finished_at, attempts, lease_owner, lease_until FROM scan_bodies WHERE "
        "scan_id = $1::bigint ORDER BY position",
        p, "reading the scan's bodies");
    if (!rows) {
      return rows.error();
    }
    std::vector<ScanBody> out;
    out.reserve(static_cast<size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
      ScanBody b;
      b.body = {rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                rows->Text(i, 4)};
      b.state = ParseBodyState(rows->Text(i, 5)).value_or(BodyState::kPending);
      b.reason = rows->Text(i, 6);
      b.pages = static_cast<size_t>(rows->Int(i, 7));
      b.errors = static_cast<size_t>(rows->Int(i, 8));
      b.failures = static_cast<size_t>(rows->Int(i, 9));
      b.started_at = rows->Text(i, 10);
      b.finished_at = rows->Text(i, 11);
      b.attempts = static_cast<int>(rows->Int(i, 12));
      b.lease_owner = rows->Text(i, 13);
      b.lease_until = rows->Text(i, 14);
      out.push_back(std::move(b));
    }
    return out;
  }

  Result<void> StartBody(int64_t scan_id, const std::string& body_id) override {
    Params p;
    p.Int(scan_id).Text(body_id);
    auto r = c_->Exec(
        "UPDATE scan_bodies SET state = 'running', reason = '', attempts = attempts "
        "+ 1, started_at = " PLAINSIGHT_PG_NOW
        ", finished_at = '' WHERE scan_id = $1::bigint AND body_id = $2",
        p, "recording that a body started");
    if (!r) {
      return r.error();
    }
    return {};
  }

  Result<void> FinishBody(int64_t scan_id, const std::string& body_id, BodyState state,
                          const std::string& reason) override {
    Params p;
    p.Int(scan_id).Text(body_id).Text(BodyStateName(state)).Text(reason);
    auto r = c_->Exec(
        "UPDATE scan_bodies SET state = $3, reason = $4, finished_at = " PLAINSIGHT_PG_NOW
        ", lease_owner = '', lease_until = '',"
        " pages = (SELECT count(*) FROM pages WHERE scan_id = $1::bigint AND body_id = $2),"
        " errors = (SELECT count(*) FROM pages WHERE scan_id = $1::bigint AND body_id = $2 AND "
        "error <> ''),"
        " failures = (SELECT coalesce(sum(failures), 0) FROM pages WHERE scan_id = $1::bigint "
        "AND body_id = $2)"
        " WHERE scan_id = $1::bigint AND body_id = $2",
        p, "recording that a body finished");
    if (!r) {
      return r.error();
    }
    return {};
  }

  Result<std::optional<Lease>> LeaseBody(const std::string& owner, int lease_s) override {
    if (auto b = c_->Begin("leasing a body"); !b) {
      return b.error();
    }
    // Leases are chosen one at a time (the advisory lock), so that the check that no live lease
    // is on the same host sees every lease committed before it; SKIP LOCKED passes over rows
    // that a finishing or renewing worker holds at that moment instead of waiting for them.
    auto out = [&]() -> Result<std::optional<Lease>> {
      if (auto l = c_->Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kLeaseLock) + ")",
                            "leasing a body");
          !l) {
        return l.error();
      }
      Params p;
      p.Text(owner).Int(lease_s);
      auto rows = c_->Exec(
          "WITH now AS (SELECT " PLAINSIGHT_PG_NOW " AS t),"
          " busy AS (SELECT DISTINCT " PLAINSIGHT_PG_HOST("o.url") " AS host FROM scan_bodies o, "
          "now WHERE o.state = 'running' AND o.lease_owner <> '' AND o.lease_until >= now.t),"
          " pick AS (SELECT b.scan_id, b.body_id FROM scan_bodies b JOIN scans s ON s.id = "
          "b.scan_id, now WHERE s.status IN ('queued', 'running') AND (b.state = 'pending' OR "
          "(b.state = 'running' AND b.lease_until <> '' AND b.lease_until < now.t)) AND NOT "
          "EXISTS (SELECT 1 FROM busy WHERE busy.host = " PLAINSIGHT_PG_HOST("b.url") ") ORDER "
          "BY b.scan_id, b.position LIMIT 1 FOR UPDATE OF b SKIP LOCKED)"
          " UPDATE scan_bodies u SET state = 'running', reason = '', attempts = u.attempts + 1,"
          " started_at = now.t, finished_at = '', lease_owner = $1, lease_until = " PLAINSIGHT_PG_AFTER(
              "$2") " FROM pick, now WHERE u.scan_id = pick.scan_id AND u.body_id = pick.body_id"
                    " RETURNING u.scan_id, u.body_id, u.name, u.url, u.sector, u.lang",
          p, "leasing a body");
      if (!rows) {
        return rows.error();
      }
      if (rows->size() == 0) {
        return std::optional<Lease>();
      }
      Lease lease;
      lease.scan_id = rows->Int(0, 0);
      lease.body_id = rows->Text(0, 1);
      lease.body = {rows->Text(0, 1), rows->Text(0, 2), rows->Text(0, 3), rows->Text(0, 4),
                    rows->Text(0, 5)};
      return std::optional<Lease>(std::move(lease));
    }();
    if (!out) {
      c_->Rollback();
      return out;
    }
    if (auto done = c_->Commit("leasing a body"); !done) {
      return done.error();
    }
    return out;
  }

  Result<void> RenewLease(const Lease& lease, const std::string& owner, int lease_s) override {
    Params p;
    p.Int(lease.scan_id).Text(lease.body_id).Text(owner).Int(lease_s);
    auto r = c_->Run(kRenew, p, "renewing a lease");
    if (!r) {
      return r.error();
    }
    if (r->Affected() == 0) {
      return Fail(ErrorCode::kNotFound, "the lease on body " + lease.body_id + " was lost");
    }
    return {};
  }

  Result<void> ReleaseLease(const Lease& lease, const std::string& owner) override {
    Params p;
    p.Int(lease.scan_id).Text(lease.body_id).Text(owner);
    auto r = c_->Exec(
        "UPDATE scan_bodies SET state = 'pending', lease_owner = '', lease_until = "
        "'' WHERE scan_id = $1::bigint AND body_id = $2 AND lease_owner = $3 AND "
        "state = 'running'",
        p, "releasing a lease");
    if (!r) {
      return r.error();
    }
    return {};
  }

  Result<std::vector<OpenScan>> OpenScans() override {
    auto rows = c_->Exec(
        "SELECT s.id, sum(CASE WHEN b.state = 'pending' OR (b.state = 'running' AND "
        "b.lease_owner <> '') THEN 1 ELSE 0 END), sum(CASE WHEN b.state NOT IN ('done', "
        "'failed') THEN 1 ELSE 0 END) FROM scans s LEFT JOIN scan_bodies b ON b.scan_id = s.id "
        "WHERE s.status IN ('queued', 'running') GROUP BY s.id ORDER BY s.id",
        "reading the queue");
    if (!rows) {
      return rows.error();
    }
    std::vector<OpenScan> out;
    out.reserve(rows->size());
    for (int i = 0; i < rows->size(); ++i) {
      out.push_back({rows->Int(i, 0), static_cast<size_t>(rows->Int(i, 1)),
                     static_cast<size_t>(rows->Int(i, 2))});
    }
    return out;
  }

  Result<bool> PutPage(const PageRecord& page) override {
    Params p = PageParams(page);
    if (kill_after_writes_ > 0 && ++writes_total_ >= kill_after_writes_) {
      c_->SendOnly(kPutPage, p);
      std::raise(SIGKILL);
    }
    auto rows = c_->Run(kPutPage, p, "writing a page");
    if (!rows) {
      return rows.error();
    }
    return rows->size() == 1;  // none: stored already (a resumed crawl met it again)
  }

  Result<PageCounts> CountPages(int64_t scan_id, const std::string& body_id) override {
    Params p;
    p.Int(scan_id).Text(body_id);
    auto rows = c_->Run(kCountPages, p, "counting pages");
    if (!rows) {
      return rows.error();
    }
    return PageCounts{static_cast<size_t>(rows->Int(0, 0)), static_cast<size_t>(rows->Int(0, 1)),
                      static_cast<size_t>(rows->Int(0, 2))};
  }

  Result<std::unordered_set<std::string>> StoredUrls(int64_t scan_id,
                                                     const std::string& body_id) override {
    Params p;
    p.Int(scan_id).Text(body_id);
    auto rows = c_->Exec("SELECT url FROM pages WHERE scan_id = $1::bigint AND body_id = $2", p,
                         "reading stored pages");
    if (!rows) {
      return rows.error();
    }
    std::unordered_set<std::string> out;
    out.reserve(static_cast<size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
      out.insert(rows->Text(i, 0));
    }
    return out;
  }

  Result<void> PutSkip(const SkipRecord& skip) override {
    Params p;
    p.Int(skip.scan_id)
        .Text(skip.body_id)
        .Text(skip.url)
        .Text(skip.referrer)
        .Text(skip.reason)
        .Text(skip.detail);
    auto r = c_->Run(kPutSkip, p, "recording a skipped URL");
    if (!r) {
      return r.error();
    }
    return {};
  }

  Result<void> PutSiteFact(const SiteFact& fact) override {
    Params p;
    p.Int(fact.scan_id).Text(fact.body_id).Text(fact.name).Text(fact.value);
    auto r = c_->Exec(
        "INSERT INTO site_facts(scan_id, body_id, name, value) VALUES($1::bigint, "
        "$2, $3, $4) ON CONFLICT(scan_id, body_id, name) DO UPDATE SET value = "
        "excluded.value",
        p, "recording a site-level fact");
    if (!r) {
      return r.error();
    }
    return {};
  }

  Result<void> ForEachPage(int64_t scan_id, const std::string& body_id,
                           const std::function<bool(const PageRecord&)>& fn) override {
    // Pages a chunk at a time: everything of a page is in its row.
    constexpr int kChunk = 256;
    int64_t after = 0;
    while (true) {
      Params p;
      p.Int(scan_id).Text(body_id).Int(after).Int(kChunk);
      auto rows = c_->Exec(
          "SELECT id, url, final_url, status, kind, content_type, size, fetch_ms, fetched_at, "
          "depth, referrer, sample_reason, title, lang, error, error_code, redirects, warnings, "
          "text_json, findings_json, rules_json, text_findings_json, text_lang, text_words, "
          "text_sentences, text_syllables, text_paragraphs, text_long_sentences, "
          "text_flesch_reading_ease, text_flesch_kincaid_grade, text_lix, "
          "text_average_sentence_length FROM pages WHERE scan_id = $1::bigint AND body_id = $2 "
          "AND id > $3::bigint ORDER BY id LIMIT $4::int",
          p, "reading pages");
      if (!rows) {
        return rows.error();
      }
      if (rows->size() == 0) {
        return {};
      }
      std::vector<PageRecord> pages(static_cast<size_t>(rows->size()));
      for (int i = 0; i < rows->size(); ++i) {
        PageRecord& page = pages[static_cast<size_t>(i)];
        page.id = rows->Int(i, 0);
        page.scan_id = scan_id;
        page.body_id = body_id;
        page.url = rows->Text(i, 1);
        page.final_url = rows->Text(i, 2);
        page.status = static_cast<int>(rows->Int(i, 3));
        page.kind = rows->Text(i, 4);
        page.content_type = rows->Text(i, 5);
        page.size = static_cast<uint64_t>(rows->Int(i, 6));
        page.fetch_ms = rows->Real(i, 7).value_or(0);
        page.fetched_at = rows->Text(i, 8);
        page.depth = static_cast<int>(rows->Int(i, 9));
        page.referrer = rows->Text(i, 10);
        page.sample_reason = rows->Text(i, 11);
        page.title = rows->Text(i, 12);
        page.lang = rows->Text(i, 13);
        page.error = rows->Text(i, 14);
        page.error_code = rows->Text(i, 15);
        page.redirects = rows->Text(i, 16);
        page.warnings = rows->Text(i, 17);
        page.text_json = rows->Text(i, 18);
        if (auto unpacked =
                UnpackPage(rows->Text(i, 19), rows->Text(i, 20), rows->Text(i, 21), page);
            !unpacked) {
          return unpacked.error();
        }
        if (!rows->IsNull(i, 22)) {
          TextMetricsRecord m;
          m.lang = rows->Text(i, 22);
          m.words = static_cast<uint64_t>(rows->Int(i, 23));
          m.sentences = static_cast<uint64_t>(rows->Int(i, 24));
          m.syllables = static_cast<uint64_t>(rows->Int(i, 25));
          m.paragraphs = static_cast<uint64_t>(rows->Int(i, 26));
          m.long_sentences = static_cast<uint64_t>(rows->Int(i, 27));
          m.flesch_reading_ease = rows->Real(i, 28);
          m.flesch_kincaid_grade = rows->Real(i, 29);
          m.lix = rows->Real(i, 30);
          m.average_sentence_length = rows->Real(i, 31);
          page.text = std::move(m);
        }
      }
      after = pages.back().id;
      for (const PageRecord& page : pages) {
        if (!fn(page)) {
          return {};
        }
      }
      if (static_cast<int>(pages.size()) < kChunk) {
        return {};
      }
    }
  }

  Result<std::vector<SkipRecord>> Skips(int64_t scan_id, const std::string& body_id) override {
    Params p;
    p.Int(scan_id).Text(body_id);
    auto rows = c_->Exec(
        "SELECT url, referrer, reason, detail FROM skips WHERE scan_id = "
        "$1::bigint AND body_id = $2 ORDER BY url COLLATE \"C\"",
        p, "reading skipped URLs");
    if (!rows) {
      return rows.error();
    }
    std::vector<SkipRecord> out;
    out.reserve(rows->size());
    for (int i = 0; i < rows->size(); ++i) {
      out.push_back({scan_id, body_id, rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2),
                     rows->Text(i, 3)});
    }
    return out;
  }

  Result<std::vector<SiteFact>> SiteFacts(int64_t scan_id, const std::string& body_id) override {
    Params p;
    p.Int(scan_id).Text(body_id);
    auto rows = c_->Exec(
        "SELECT name, value FROM site_facts WHERE scan_id = $1::bigint AND "
        "body_id = $2 ORDER BY name COLLATE \"C\"",
        p, "reading site-level facts");
    if (!rows) {
      return rows.error();
    }
    std::vector<SiteFact> out;
    out.reserve(rows->size());
    for (int i = 0; i < rows->size(); ++i) {
      out.push_back(SiteFact{scan_id, body_id, rows->Text(i, 0), rows->Text(i, 1)});
    }
    return out;
  }

 private:
  Result<std::vector<ScanInfo>> QueryScans(int64_t only) {
    Params p;
    p.Int(only);
    auto rows = c_->Exec(
        "SELECT s.id, s.started_at, s.finished_at, s.status, s.tool_version, s.options, "
        "s.source, (SELECT count(*) FROM scan_bodies b WHERE b.scan_id = s.id) FROM scans s "
        "WHERE $1::bigint = 0 OR s.id = $1::bigint ORDER BY s.id",
        p, "reading scans");
    if (!rows) {
      return rows.error();
    }
    std::vector<ScanInfo> out;
    for (int i = 0; i < rows->size(); ++i) {
      ScanInfo info;
      info.id = rows->Int(i, 0);
      info.started_at = rows->Text(i, 1);
      info.finished_at = rows->Text(i, 2);
      info.status = ParseScanStatus(rows->Text(i, 3)).value_or(ScanStatus::kInterrupted);
      info.tool_version = rows->Text(i, 4);
      info.options = rows->Text(i, 5);
      info.source = rows->Text(i, 6);
      info.bodies = static_cast<size_t>(rows->Int(i, 7));
      out.push_back(std::move(info));
    }
    return out;
  }

  std::unique_ptr<Connection> c_;
  long kill_after_writes_ = 0;
  long writes_total_ = 0;
};

Result<std::unique_ptr<Connection>> Connect(const std::string& uri, const OpenOptions& options) {
  pg::ConnectionOptions c;
  c.read_only = options.read_only;
  c.lock_timeout_ms = options.busy_timeout_ms;
  return Connection::Open(uri, c);
}

}  // namespace

engine::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                         const OpenOptions& options) {
  auto conn = Connect(uri, options);
  if (!conn) {
    return conn.error();
  }
  auto version = Migrate(**conn, Migrations(), options);
  if (!version) {
    return version.error();
  }
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(*conn)));
}

engine::Result<int> MigratePostgres(const std::string& uri, std::span<const Migration> migrations) {
  auto conn = Connect(uri, OpenOptions{});
  if (!conn) {
    return conn.error();
  }
  return Migrate(**conn, migrations, OpenOptions{});
}

}  // namespace plainsight::store
