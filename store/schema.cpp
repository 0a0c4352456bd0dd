// The versions of the store schema (see schema.h for how versions are added).
//
// Version 1
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
//
// Version 2 keeps a page's findings, rule outcomes and text findings in its `pages` row, one
// JSON value each (findings_json, rules_json, text_findings_json; store/packed.h has the format)
// with the count of its failed findings (failures) and its text figures (text_lang ...
// text_average_sentence_length, NULL when it has none), and replaces those four tables by views
// of the same names and columns. A page is then one row to write however much it holds: as
// rows, an average page cost a PostgreSQL server as much CPU as auditing it (docs/fleet.md).
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

// Version 2 (SQLite): the three row tables become packed columns of `pages` and views.
// Each statement spans several literals, which the missing-comma check takes for typos.
// NOLINTBEGIN(bugprone-suspicious-missing-comma)
constexpr std::string_view kSqliteV2[] = {
    "ALTER TABLE pages ADD COLUMN findings_json TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE pages ADD COLUMN rules_json TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE pages ADD COLUMN text_findings_json TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE pages ADD COLUMN failures INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE pages ADD COLUMN text_lang TEXT",
    "ALTER TABLE pages ADD COLUMN text_words INTEGER",
    "ALTER TABLE pages ADD COLUMN text_sentences INTEGER",
    "ALTER TABLE pages ADD COLUMN text_syllables INTEGER",
    "ALTER TABLE pages ADD COLUMN text_paragraphs INTEGER",
    "ALTER TABLE pages ADD COLUMN text_long_sentences INTEGER",
    "ALTER TABLE pages ADD COLUMN text_flesch_reading_ease REAL",
    "ALTER TABLE pages ADD COLUMN text_flesch_kincaid_grade REAL",
    "ALTER TABLE pages ADD COLUMN text_lix REAL",
    "ALTER TABLE pages ADD COLUMN text_average_sentence_length REAL",
    "UPDATE pages SET text_lang = m.lang, text_words = m.words, text_sentences = m.sentences,"
    " text_syllables = m.syllables, text_paragraphs = m.paragraphs, text_long_sentences ="
    " m.long_sentences, text_flesch_reading_ease = m.flesch_reading_ease,"
    " text_flesch_kincaid_grade = m.flesch_kincaid_grade, text_lix = m.lix,"
    " text_average_sentence_length = m.average_sentence_length FROM text_metrics m WHERE m.page_id"
    " = pages.id",
    // json_group_array takes the rows in the order of the subquery that feeds it.
    "UPDATE pages SET findings_json = (SELECT json_group_array(json_array(rule, outcome, severity,"
    " selector, line, col, snippet, message, document, span_start, span_end)) FROM (SELECT * FROM"
    " findings f WHERE f.page_id = pages.id ORDER BY seq)), failures = (SELECT count(*) FROM"
    " findings f WHERE f.page_id = pages.id AND f.outcome = 'failed') WHERE id IN (SELECT page_id"
    " FROM findings)",
    "UPDATE pages SET rules_json = (SELECT json_group_array(json_array(rule, outcome, passed,"
    " failed, cant_tell)) FROM (SELECT * FROM page_rules r WHERE r.page_id = pages.id ORDER BY"
    " rule)) WHERE id IN (SELECT page_id FROM page_rules)",
    "UPDATE pages SET text_findings_json = (SELECT json_group_array(json_array(kind, severity,"
    " span_start, span_end, line, col, text, message, suggestion)) FROM (SELECT * FROM"
    " text_findings t WHERE t.page_id = pages.id ORDER BY seq)) WHERE id IN (SELECT page_id FROM"
    " text_findings)",
    "DROP TABLE findings",
    "DROP TABLE page_rules",
    "DROP TABLE text_findings",
    "DROP TABLE text_metrics",
    "CREATE VIEW text_metrics(page_id, lang, words, sentences, syllables, paragraphs,"
    " long_sentences, flesch_reading_ease, flesch_kincaid_grade, lix, average_sentence_length) AS"
    " SELECT id, text_lang, text_words, text_sentences, text_syllables, text_paragraphs,"
    " text_long_sentences, text_flesch_reading_ease, text_flesch_kincaid_grade, text_lix,"
    " text_average_sentence_length FROM pages WHERE text_lang IS NOT NULL",
    "CREATE VIEW findings(page_id, seq, rule, outcome, severity, selector, line, col, snippet,"
    " message, document, span_start, span_end) AS SELECT p.id, CAST(j.key AS INTEGER),"
    " json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),"
    " json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'),"
    " json_extract(j.value, '$[6]'), json_extract(j.value, '$[7]'), json_extract(j.value, '$[8]'),"
    " json_extract(j.value, '$[9]'), json_extract(j.value, '$[10]') FROM pages p,"
    " json_each(p.findings_json) j",
    "CREATE VIEW page_rules(page_id, rule, outcome, passed, failed, cant_tell) AS SELECT p.id,"
    " json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),"
    " json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]') FROM pages p,"
    " json_each(p.rules_json) j",
    "CREATE VIEW text_findings(page_id, seq, kind, severity, span_start, span_end, line, col, text,"
    " message, suggestion) AS SELECT p.id, CAST(j.key AS INTEGER), json_extract(j.value, '$[0]'),"
    " json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]'),"
    " json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'), json_extract(j.value, '$[6]'),"
    " json_extract(j.value, '$[7]'), json_extract(j.value, '$[8]') FROM pages p,"
    " json_each(p.text_findings_json) j",
};

// Version 2 (PostgreSQL): the same. The packed columns are text, not jsonb: the server stores
// them as they come, without parsing them on every write.
#define PLAINSIGHT_PG_ELEMENTS(column)                             \
  " FROM pages p CROSS JOIN LATERAL json_array_elements(p." column \
  "::json) WITH ORDINALITY AS j(v, n)"
constexpr std::string_view kPostgresV2[] = {
    "ALTER TABLE pages ADD COLUMN findings_json TEXT NOT NULL DEFAULT '[]',"
    " ADD COLUMN rules_json TEXT NOT NULL DEFAULT '[]',"
    " ADD COLUMN text_findings_json TEXT NOT NULL DEFAULT '[]',"
    " ADD COLUMN failures INTEGER NOT NULL DEFAULT 0, ADD COLUMN text_lang TEXT,"
    " ADD COLUMN text_words BIGINT, ADD COLUMN text_sentences BIGINT,"
    " ADD COLUMN text_syllables BIGINT, ADD COLUMN text_paragraphs BIGINT,"
    " ADD COLUMN text_long_sentences BIGINT, ADD COLUMN text_flesch_reading_ease DOUBLE PRECISION,"
    " ADD COLUMN text_flesch_kincaid_grade DOUBLE PRECISION, ADD COLUMN text_lix DOUBLE PRECISION,"
    " ADD COLUMN text_average_sentence_length DOUBLE PRECISION",
    "UPDATE pages p SET text_lang = m.lang, text_words = m.words, text_sentences = m.sentences,"
    " text_syllables = m.syllables, text_paragraphs = m.paragraphs, text_long_sentences ="
    " m.long_sentences, text_flesch_reading_ease = m.flesch_reading_ease,"
    " text_flesch_kincaid_grade = m.flesch_kincaid_grade, text_lix = m.lix,"
    " text_average_sentence_length = m.average_sentence_length FROM text_metrics m WHERE m.page_id"
    " = p.id",
    "UPDATE pages p SET findings_json = x.j, failures = x.failed FROM (SELECT page_id,"
    " json_agg(json_build_array(rule, outcome, severity, selector, line, col, snippet, message,"
    " document, span_start, span_end) ORDER BY seq)::text AS j, count(*) FILTER (WHERE outcome ="
    " 'failed') AS failed FROM findings GROUP BY page_id) x WHERE x.page_id = p.id",
    "UPDATE pages p SET rules_json = x.j FROM (SELECT page_id, json_agg(json_build_array(rule,"
    " outcome, passed, failed, cant_tell) ORDER BY rule COLLATE \"C\")::text AS j FROM page_rules"
    " GROUP BY page_id) x WHERE x.page_id = p.id",
    "UPDATE pages p SET text_findings_json = x.j FROM (SELECT page_id,"
    " json_agg(json_build_array(kind, severity, span_start, span_end, line, col, text, message,"
    " suggestion) ORDER BY seq)::text AS j FROM text_findings GROUP BY page_id) x WHERE x.page_id"
    " = p.id",
    "DROP TABLE findings, page_rules, text_findings, text_metrics",
    "CREATE VIEW text_metrics AS SELECT id AS page_id, text_lang AS lang, text_words AS words,"
    " text_sentences AS sentences, text_syllables AS syllables, text_paragraphs AS paragraphs,"
    " text_long_sentences AS long_sentences, text_flesch_reading_ease AS flesch_reading_ease,"
    " text_flesch_kincaid_grade AS flesch_kincaid_grade, text_lix AS lix,"
    " text_average_sentence_length AS average_sentence_length FROM pages WHERE text_lang IS NOT"
    " NULL",
    // A page's packed values are a few kilobytes: the server compresses them (TOAST). LZ4
    // does that in about half the CPU time of the default, pglz; a server built without it
    // keeps pglz.
    "DO $$ BEGIN ALTER TABLE pages ALTER COLUMN text_json SET COMPRESSION lz4, ALTER COLUMN"
    " findings_json SET COMPRESSION lz4, ALTER COLUMN rules_json SET COMPRESSION lz4, ALTER COLUMN"
    " text_findings_json SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported OR"
    " syntax_error THEN NULL; END $$",
    "CREATE VIEW findings AS SELECT p.id AS page_id, (j.n - 1)::integer AS seq, j.v->>0 AS rule,"
    " j.v->>1 AS outcome, j.v->>2 AS severity, j.v->>3 AS selector, (j.v->>4)::integer AS line,"
    " (j.v->>5)::integer AS col, j.v->>6 AS snippet, j.v->>7 AS message, j.v->>8 AS document,"
    " (j.v->>9)::bigint AS span_start, (j.v->>10)::bigint AS span_end" PLAINSIGHT_PG_ELEMENTS(
        "findings_json"),
    "CREATE VIEW page_rules AS SELECT p.id AS page_id, j.v->>0 AS rule, j.v->>1 AS outcome,"
    " (j.v->>2)::integer AS passed, (j.v->>3)::integer AS failed, (j.v->>4)::integer AS"
    " cant_tell" PLAINSIGHT_PG_ELEMENTS("rules_json"),
    "CREATE VIEW text_findings AS SELECT p.id AS page_id, (j.n - 1)::integer AS seq, j.v->>0 AS"
    " kind, j.v->>1 AS severity, (j.v->>2)::bigint AS span_start, (j.v->>3)::bigint AS span_end,"
    " (j.v->>4)::integer AS line, (j.v->>5)::integer AS col, j.v->>6 AS text, j.v->>7 AS message,"
    " j.v->>8 AS suggestion" PLAINSIGHT_PG_ELEMENTS("text_findings_json"),
};
// NOLINTEND(bugprone-suspicious-missing-comma)
#undef PLAINSIGHT_PG_ELEMENTS

constexpr Migration kMigrations[] = {
    {1, kSqliteV1, kPostgresV1},
    {2, kSqliteV2, kPostgresV2},
};

static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per version");

}  // namespace

std::span<const Migration> Migrations() {
  return kMigrations;
}

}  // namespace plainsight::store
