// Version 1 of the store schema (see schema.h for how versions are added).
//
// Tables:
//   meta          key/value: schema_version, created_by
//   scans         one row per scan: when, status, settings (JSON), where the bodies came from
//   scan_rules    the rules' metadata as it was for the scan (reports show its help text)
//   scan_bodies   the bodies of a scan and where each stands (state, counts, fleet lease)
//   pages         every page or document fetched, or failed, per (scan, body, url)
//   findings      failed and cantTell targets of a page, in the order the audit gave them
//   page_rules    each applicable rule's outcome on a page, with target counts (inapplicable
//                 rules are not stored: absence means inapplicable)
//   text_metrics  the page's plain-language figures
//   text_findings the page's plain-language findings
//   skips         URLs of a body not fetched, and why
//   site_facts    site-level facts per body (JSON values)
#include "store/schema.h"

#include <iterator>

namespace plainsight::store {
namespace {

constexpr std::string_view kSqliteV1[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE scans("
    " id INTEGER PRIMARY KEY,"
    " started_at TEXT NOT NULL,"
    " finished_at TEXT NOT NULL DEFAULT '',"
    " status TEXT NOT NULL,"
    " tool_version TEXT NOT NULL,"
    " options TEXT NOT NULL,"
    " source TEXT NOT NULL)",
    "CREATE TABLE scan_rules("
    " scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,"
    " rule TEXT NOT NULL, summary TEXT NOT NULL, why TEXT NOT NULL, help TEXT NOT NULL,"
    " wcag TEXT NOT NULL, en301549 TEXT NOT NULL, act TEXT NOT NULL, level TEXT NOT NULL,"
    " severity TEXT NOT NULL, impact TEXT NOT NULL,"
    " PRIMARY KEY(scan_id, rule)) WITHOUT ROWID",
    "CREATE TABLE scan_bodies("
    " scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,"
    " body_id TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " name TEXT NOT NULL, url TEXT NOT NULL, sector TEXT NOT NULL, lang TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending',"
    " reason TEXT NOT NULL DEFAULT '',"
    " pages INTEGER NOT NULL DEFAULT 0,"
    " errors INTEGER NOT NULL DEFAULT 0,"
    " failures INTEGER NOT NULL DEFAULT 0,"
    " started_at TEXT NOT NULL DEFAULT '',"
    " finished_at TEXT NOT NULL DEFAULT '',"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " lease_owner TEXT NOT NULL DEFAULT '',"
    " lease_until TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY(scan_id, body_id))",
    "CREATE TABLE pages("
    " id INTEGER PRIMARY KEY,"
    " scan_id INTEGER NOT NULL,"
    " body_id TEXT NOT NULL,"
    " url TEXT NOT NULL,"
    " final_url TEXT NOT NULL,"
    " status INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " content_type TEXT NOT NULL,"
    " size INTEGER NOT NULL,"
    " fetch_ms REAL NOT NULL,"
    " fetched_at TEXT NOT NULL,"
    " depth INTEGER NOT NULL,"
    " referrer TEXT NOT NULL,"
    " sample_reason TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " lang TEXT NOT NULL,"
    " error TEXT NOT NULL,"
    " error_code TEXT NOT NULL,"
    " redirects TEXT NOT NULL,"
    " warnings TEXT NOT NULL,"
    " text_json TEXT NOT NULL,"
    " FOREIGN KEY(scan_id, body_id) REFERENCES scan_bodies(scan_id, body_id) ON DELETE CASCADE,"
    " UNIQUE(scan_id, body_id, url))",
    "CREATE TABLE findings("
    " page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " rule TEXT NOT NULL, outcome TEXT NOT NULL, severity TEXT NOT NULL,"
    " selector TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,"
    " snippet TEXT NOT NULL, message TEXT NOT NULL, document TEXT NOT NULL,"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"
    " PRIMARY KEY(page_id, seq)) WITHOUT ROWID",
    "CREATE INDEX findings_by_rule ON findings(rule)",
    "CREATE TABLE page_rules("
    " page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
    " rule TEXT NOT NULL, outcome TEXT NOT NULL,"
    " passed INTEGER NOT NULL, failed INTEGER NOT NULL, cant_tell INTEGER NOT NULL,"
    " PRIMARY KEY(page_id, rule)) WITHOUT ROWID",
    "CREATE TABLE text_metrics("
    " page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,"
    " lang TEXT NOT NULL, words INTEGER NOT NULL, sentences INTEGER NOT NULL,"
    " syllables INTEGER NOT NULL, paragraphs INTEGER NOT NULL, long_sentences INTEGER NOT NULL,"
    " flesch_reading_ease REAL, flesch_kincaid_grade REAL, lix REAL,"
    " average_sentence_length REAL)",
    "CREATE TABLE text_findings("
    " page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " kind TEXT NOT NULL, severity TEXT NOT NULL,"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"
    " line INTEGER NOT NULL, col INTEGER NOT NULL,"
    " text TEXT NOT NULL, message TEXT NOT NULL, suggestion TEXT NOT NULL,"
    " PRIMARY KEY(page_id, seq)) WITHOUT ROWID",
    "CREATE TABLE skips("
    " scan_id INTEGER NOT NULL, body_id TEXT NOT NULL, url TEXT NOT NULL,"
    " referrer TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL,"
    " FOREIGN KEY(scan_id, body_id) REFERENCES scan_bodies(scan_id, body_id) ON DELETE CASCADE,"
    " PRIMARY KEY(scan_id, body_id, url)) WITHOUT ROWID",
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): a statement spans literals
    "CREATE TABLE site_facts("
    " scan_id INTEGER NOT NULL, body_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,"
    " FOREIGN KEY(scan_id, body_id) REFERENCES scan_bodies(scan_id, body_id) ON DELETE CASCADE,"
    " PRIMARY KEY(scan_id, body_id, name)) WITHOUT ROWID",
};

constexpr std::string_view kPostgresV1[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE scans("
    " id BIGSERIAL PRIMARY KEY,"
    " started_at TEXT NOT NULL,"
    " finished_at TEXT NOT NULL DEFAULT '',"
    " status TEXT NOT NULL,"
    " tool_version TEXT NOT NULL,"
    " options TEXT NOT NULL,"
    " source TEXT NOT NULL)",
    "CREATE TABLE scan_rules("
    " scan_id BIGINT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,"
    " rule TEXT NOT NULL, summary TEXT NOT NULL, why TEXT NOT NULL, help TEXT NOT NULL,"
    " wcag TEXT NOT NULL, en301549 TEXT NOT NULL, act TEXT NOT NULL, level TEXT NOT NULL,"
    " severity TEXT NOT NULL, impact TEXT NOT NULL,"
    " PRIMARY KEY(scan_id, rule))",
    "CREATE TABLE scan_bodies("
    " scan_id BIGINT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,"
    " body_id TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " name TEXT NOT NULL, url TEXT NOT NULL, sector TEXT NOT NULL, lang TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending',"
    " reason TEXT NOT NULL DEFAULT '',"
    " pages BIGINT NOT NULL DEFAULT 0,"
    " errors BIGINT NOT NULL DEFAULT 0,"
    " failures BIGINT NOT NULL DEFAULT 0,"
    " started_at TEXT NOT NULL DEFAULT '',"
    " finished_at TEXT NOT NULL DEFAULT '',"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " lease_owner TEXT NOT NULL DEFAULT '',"
    " lease_until TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY(scan_id, body_id))",
    "CREATE TABLE pages("
    " id BIGSERIAL PRIMARY KEY,"
    " scan_id BIGINT NOT NULL,"
    " body_id TEXT NOT NULL,"
    " url TEXT NOT NULL,"
    " final_url TEXT NOT NULL,"
    " status INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " content_type TEXT NOT NULL,"
    " size BIGINT NOT NULL,"
    " fetch_ms DOUBLE PRECISION NOT NULL,"
    " fetched_at TEXT NOT NULL,"
    " depth INTEGER NOT NULL,"
    " referrer TEXT NOT NULL,"
    " sample_reason TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " lang TEXT NOT NULL,"
    " error TEXT NOT NULL,"
    " error_code TEXT NOT NULL,"
    " redirects TEXT NOT NULL,"
    " warnings TEXT NOT NULL,"
    " text_json TEXT NOT NULL,"
    " FOREIGN KEY(scan_id, body_id) REFERENCES scan_bodies(scan_id, body_id) ON DELETE CASCADE,"
    " UNIQUE(scan_id, body_id, url))",
    "CREATE TABLE findings("
    " page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " rule TEXT NOT NULL, outcome TEXT NOT NULL, severity TEXT NOT NULL,"
    " selector TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,"
    " snippet TEXT NOT NULL, message TEXT NOT NULL, document TEXT NOT NULL,"
    " span_start BIGINT NOT NULL, span_end BIGINT NOT NULL,"
    " PRIMARY KEY(page_id, seq))",
    "CREATE INDEX findings_by_rule ON findings(rule)",
    "CREATE TABLE page_rules("
    " page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
    " rule TEXT NOT NULL, outcome TEXT NOT NULL,"
    " passed INTEGER NOT NULL, failed INTEGER NOT NULL, cant_tell INTEGER NOT NULL,"
    " PRIMARY KEY(page_id, rule))",
    "CREATE TABLE text_metrics("
    " page_id BIGINT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,"
    " lang TEXT NOT NULL, words BIGINT NOT NULL, sentences BIGINT NOT NULL,"
    " syllables BIGINT NOT NULL, paragraphs BIGINT NOT NULL, long_sentences BIGINT NOT NULL,"
    " flesch_reading_ease DOUBLE PRECISION, flesch_kincaid_grade DOUBLE PRECISION,"
    " lix DOUBLE PRECISION, average_sentence_length DOUBLE PRECISION)",
    "CREATE TABLE text_findings("
    " page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " kind TEXT NOT NULL, severity TEXT NOT NULL,"
    " span_start BIGINT NOT NULL, span_end BIGINT NOT NULL,"
    " line INTEGER NOT NULL, col INTEGER NOT NULL,"
    " text TEXT NOT NULL, message TEXT NOT NULL, suggestion TEXT NOT NULL,"
    " PRIMARY KEY(page_id, seq))",
    "CREATE TABLE skips("
    " scan_id BIGINT NOT NULL, body_id TEXT NOT NULL, url TEXT NOT NULL,"
    " referrer TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL,"
    " FOREIGN KEY(scan_id, body_id) REFERENCES scan_bodies(scan_id, body_id) ON DELETE CASCADE,"
    " PRIMARY KEY(scan_id, body_id, url))",
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): a statement spans literals
    "CREATE TABLE site_facts("
    " scan_id BIGINT NOT NULL, body_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,"
    " FOREIGN KEY(scan_id, body_id) REFERENCES scan_bodies(scan_id, body_id) ON DELETE CASCADE,"
    " PRIMARY KEY(scan_id, body_id, name))",
};

constexpr Migration kMigrations[] = {
    {1, kSqliteV1, kPostgresV1},
};

static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per version");

}  // namespace

std::span<const Migration> Migrations() {
  return kMigrations;
}

}  // namespace plainsight::store
