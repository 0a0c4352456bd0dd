// The PostgreSQL store against a real server started for the test (postgres_server.h): the
// same records as the SQLite store reads back, idempotent writes, leases (SKIP LOCKED, one body
// per host, expiry, loss, release), schema creation by many workers at once, foreign and newer
// databases refused, and clear errors for an unreachable server, a missing database and a bad
// URI.
#include "store/postgres_store.h"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <libpq-fe.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "store/schema.h"
#include "store/store.h"
#include "tests/fleet/postgres_server.h"
#include "tests/scan/scan_harness.h"

namespace ps = plainsight::store;
using plainsight::engine::ErrorCode;
using plainsight::testing::PostgresServer;
using plainsight::testing::TempDir;

namespace {

// One server for every section of a test case (each test case runs in its own process).
PostgresServer& Server() {
  static PostgresServer server;
  return server;
}

#define PLAINSIGHT_NEED_POSTGRES()                                                \
  do {                                                                            \
    if (!Server().available()) {                                                  \
      WARN("skipped: no PostgreSQL server could be started: " << Server().why()); \
      return;                                                                     \
    }                                                                             \
  } while (false)

std::string NewDatabase() {
  static int n = 0;
  std::string uri =
      Server().CreateDatabase("t" + std::to_string(getpid()) + "_" + std::to_string(++n));
  INFO(Server().why());
  REQUIRE(!uri.empty());
  return uri;
}

// Runs SQL on a database directly (for setting up what the store must cope with).
std::string Sql(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  REQUIRE(PQstatus(c) == CONNECTION_OK);
  PGresult* r = PQexec(c, sql.c_str());
  std::string out;
  if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
    out = PQgetvalue(r, 0, 0);
  } else if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
    out = std::string("error: ") + PQresultErrorMessage(r);
  }
  PQclear(r);
  PQfinish(c);
  return out;
}

ps::NewScan SampleScan() {
  ps::NewScan scan;
  scan.tool_version = "test";
  scan.options = R"({"level":"AA","text":true})";
  scan.source = "bodies.csv";
  scan.bodies = {
      {"cc1", "Clare County Council", "https://clare.example/", "local", "en"},
      {"cc2", "Clare Library", "https://CLARE.example/library/", "local", "en"},
      {"dept", "Department of \"Examples\", The", "https://dept.example/", "central", "ga"},
      {"agency", "An Ghníomhaireacht", "http://agency.example:8080/", "", ""}};
  scan.rules = {{"html.image-name", "Images have a name", "why", R"(help {with} "quotes" \)",
                 "1.1.1", "9.1.1.1", "23a2a8", "A", "error", "critical"},
                {"html.html-lang", "Pages have a language", "why", "help", "3.1.1", "9.3.1.1",
                 "b5c3f8", "A", "error", "serious"}};
  return scan;
}

// A page whose text has every character an array literal must escape.
ps::PageRecord SamplePage(int64_t scan, const std::string& body, const std::string& url) {
  ps::PageRecord page;
  page.scan_id = scan;
  page.body_id = body;
  page.url = url;
  page.final_url = url + "?final";
  page.status = 200;
  page.kind = "html";
  page.content_type = "text/html; charset=utf-8";
  page.size = 1234;
  page.fetch_ms = 12.625;
  page.fetched_at = "2026-12-06T10:15:00Z";
  page.depth = 2;
  page.referrer = "https://clare.example/";
  page.title = "Home – Comhairle Contae an Chláir {x} \"y\" \\z, NULL";
  page.lang = "en-IE";
  page.redirects = R"(["https://clare.example/old"])";
  page.warnings = "[]";
  page.text_json = R"({"words":120,"note":"a \"quoted\" word"})";
  page.findings.push_back({"html.image-name", "failed", "error", "html > body > img[alt=\"\"]", 3,
                           5, "<img src=\"a.png\" title='{}'>", "The image has no name.", "", 7,
                           9});
  page.findings.push_back({"html.image-name", "cantTell", "notice", "#logo", 4, 1, "NULL",
                           "Check the name,\nplease.", "https://clare.example/frame.html", 0, 0});
  page.findings.push_back(
      {"html.html-lang", "failed", "warning", "html", 1, 1, "", "", "", 4000000000u, 0});
  page.rules.push_back({"html.image-name", "failed", 1, 1, 1});
  page.rules.push_back({"html.html-lang", "passed", 1, 0, 0});
  page.rules.push_back({"html.Aardvark", "cantTell", 0, 0, 2});
  ps::TextMetricsRecord metrics;
  metrics.lang = "en";
  metrics.words = 120;
  metrics.sentences = 8;
  metrics.syllables = 190;
  metrics.paragraphs = 3;
  metrics.long_sentences = 1;
  metrics.flesch_reading_ease = 61.123456789012345;
  metrics.flesch_kincaid_grade = std::nullopt;
  metrics.lix = 1e-300;
  metrics.average_sentence_length = 15;
  page.text = metrics;
  page.text_findings.push_back({"wordy-phrase", "warning", 10, 30, 2, 4, "in accordance with",
                                "A wordy phrase.", R"(under \ "by")"});
  page.text_findings.push_back({"long-sentence", "notice", 40, 400, 3, 1, "", "", ""});
  return page;
}

std::string Describe(const ps::PageRecord& p) {
  std::ostringstream o;
  o.precision(17);
  o << p.url << "|" << p.final_url << "|" << p.status << "|" << p.kind << "|" << p.content_type
    << "|" << p.size << "|" << p.fetch_ms << "|" << p.fetched_at << "|" << p.depth << "|"
    << p.referrer << "|" << p.sample_reason << "|" << p.title << "|" << p.lang << "|" << p.error
    << "|" << p.error_code << "|" << p.redirects << "|" << p.warnings << "|" << p.text_json << "\n";
  for (const auto& f : p.findings) {
    o << "F " << f.rule << "|" << f.outcome << "|" << f.severity << "|" << f.selector << "|"
      << f.line << "|" << f.column << "|" << f.snippet << "|" << f.message << "|" << f.document
      << "|" << f.span_start << "|" << f.span_end << "\n";
  }
  for (const auto& r : p.rules) {
    o << "R " << r.rule << "|" << r.outcome << "|" << r.passed << "|" << r.failed << "|"
      << r.cant_tell << "\n";
  }
  if (p.text) {
    auto opt = [](const std::optional<double>& v) {
      std::ostringstream s;
      s.precision(17);
      if (v) {
        s << *v;
      } else {
        s << "none";
      }
      return s.str();
    };
    const auto& m = *p.text;
    o << "M " << m.lang << "|" << m.words << "|" << m.sentences << "|" << m.syllables << "|"
      << m.paragraphs << "|" << m.long_sentences << "|" << opt(m.flesch_reading_ease) << "|"
      << opt(m.flesch_kincaid_grade) << "|" << opt(m.lix) << "|" << opt(m.average_sentence_length)
      << "\n";
  }
  for (const auto& t : p.text_findings) {
    o << "T " << t.kind << "|" << t.severity << "|" << t.start << "|" << t.end << "|" << t.line
      << "|" << t.column << "|" << t.text << "|" << t.message << "|" << t.suggestion << "\n";
  }
  return o.str();
}

// Everything a store gives back through the interface, as text.
std::string DescribeStore(ps::Store& s, int64_t scan) {
  std::ostringstream o;
  auto info = s.Scan(scan);
  REQUIRE(info);
  REQUIRE(*info);
  o << "scan " << ps::ScanStatusName((*info)->status) << " " << (*info)->options << " "
    << (*info)->source << " " << (*info)->bodies << "\n";
  auto rules = s.Rules(scan);
  REQUIRE(rules);
  for (const auto& r : *rules) {
    o << "rule " << r.id << "|" << r.summary << "|" << r.help << "|" << r.wcag << "|" << r.en301549
      << "|" << r.act << "|" << r.level << "|" << r.severity << "|" << r.impact << "\n";
  }
  auto bodies = s.Bodies(scan);
  REQUIRE(bodies);
  for (const auto& b : *bodies) {
    o << "body " << b.body.id << "|" << b.body.name << "|" << b.body.url << "|" << b.body.sector
      << "|" << b.body.lang << "|" << ps::BodyStateName(b.state) << "|" << b.reason << "|"
      << b.pages << "|" << b.errors << "|" << b.failures << "|" << b.attempts << "\n";
    REQUIRE(s.ForEachPage(scan, b.body.id, [&](const ps::PageRecord& p) {
      o << Describe(p);
      return true;
    }));
    auto skips = s.Skips(scan, b.body.id);
    REQUIRE(skips);
    for (const auto& k : *skips) {
      o << "skip " << k.url << "|" << k.referrer << "|" << k.reason << "|" << k.detail << "\n";
    }
    auto facts = s.SiteFacts(scan, b.body.id);
    REQUIRE(facts);
    for (const auto& f : *facts) {
      o << "fact " << f.name << "=" << f.value << "\n";
    }
  }
  auto progress = s.Progress(scan);
  REQUIRE(progress);
  o << "progress " << progress->bodies << " " << progress->bodies_done << " "
    << progress->bodies_failed << " " << progress->bodies_running << " " << progress->bodies_leased
    << " " << progress->pages << " " << progress->errors << "\n";
  return o.str();
}

// The same writes, to any store.
void Fill(ps::Store& s, int64_t scan) {
  REQUIRE(s.StartBody(scan, "cc1"));
  for (int i = 0; i < 3; ++i) {
    auto w = s.PutPage(SamplePage(scan, "cc1", "https://clare.example/" + std::to_string(i)));
    REQUIRE(w);
    CHECK(*w);
  }
  ps::PageRecord failed;
  failed.scan_id = scan;
  failed.body_id = "cc1";
  failed.url = "https://clare.example/missing";
  failed.status = 404;
  failed.kind = "other";
  failed.error = "HTTP 404";
  failed.error_code = "http-status";
  REQUIRE(s.PutPage(failed));
  REQUIRE(s.PutSkip({scan, "cc1", "https://clare.example/private", "https://clare.example/",
                     "robots", "Disallow: /private"}));
  REQUIRE(s.PutSkip({scan, "cc1", "https://clare.example/a\"b", "", "scope", "off site"}));
  REQUIRE(s.PutSiteFact({scan, "cc1", "statement", R"({"found":false})"}));
  REQUIRE(s.PutSiteFact({scan, "cc1", "statement", R"({"found":true})"}));
  REQUIRE(s.PutSiteFact({scan, "cc1", "charter", R"("none")"}));
  REQUIRE(s.FinishBody(scan, "cc1", ps::BodyState::kDone, ""));
  REQUIRE(s.StartBody(scan, "dept"));
  REQUIRE(s.FinishBody(scan, "dept", ps::BodyState::kFailed, "robots.txt disallows \"all\""));
  REQUIRE(s.SetScanStatus(scan, ps::ScanStatus::kInterrupted));
}

}  // namespace

TEST_CASE("store: DisplayLocation hides a connection URI's password", "[store][fleet]") {
  CHECK(ps::DisplayLocation("postgresql://u:secret@db.example:5432/scan") ==
        "postgresql://u:***@db.example:5432/scan");
  CHECK(ps::DisplayLocation("postgres://u@db/scan?password=secret&sslmode=require") ==
        "postgres://u@db/scan?password=***&sslmode=require");
  CHECK(ps::DisplayLocation("postgresql://db/scan") == "postgresql://db/scan");
  CHECK(ps::DisplayLocation("scan:secret@x.db") == "scan:secret@x.db");
  CHECK(ps::IsRetryable({ErrorCode::kNetwork, "", ""}));
  CHECK(ps::IsRetryable({ErrorCode::kTimeout, "", ""}));
  CHECK_FALSE(ps::IsRetryable({ErrorCode::kParse, "", ""}));
}

TEST_CASE(
    "postgres store: what the SQLite store reads back, the PostgreSQL store reads back the "
    "same, through every method",
    "[store][fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  std::string uri = NewDatabase();
  TempDir dir;
  auto lite = ps::OpenStore(dir.File("same.db"));
  REQUIRE(lite);
  auto pg = ps::OpenStore(uri);
  INFO((pg ? "" : pg.error().ToString()));
  REQUIRE(pg);
  CHECK(std::string((*pg)->backend()) == "postgresql");
  CHECK((*pg)->schema_version() == ps::kSchemaVersion);
  for (auto* s : {&**lite, &**pg}) {
    auto id = s->CreateScan(SampleScan());
    REQUIRE(id);
    CHECK(*id == 1);
    Fill(*s, *id);
  }
  std::string expected = DescribeStore(**lite, 1);
  CHECK(DescribeStore(**pg, 1) == expected);
  CHECK(expected.find("F html.html-lang|failed|warning|html|1|1||||4000000000|0") !=
        std::string::npos);

  // The counts the worker and --status use.
  auto counts = (*pg)->CountPages(1, "cc1");
  REQUIRE(counts);
  CHECK(counts->pages == 4);
  CHECK(counts->errors == 1);
  CHECK(counts->audited == 3);
  auto urls = (*pg)->StoredUrls(1, "cc1");
  REQUIRE(urls);
  CHECK(urls->size() == 4);
  CHECK(urls->count("https://clare.example/missing") == 1);

  // Writing a page again is a no-op; so is a skip.
  auto again = (*pg)->PutPage(SamplePage(1, "cc1", "https://clare.example/0"));
  REQUIRE(again);
  CHECK_FALSE(*again);
  REQUIRE((*pg)->PutSkip({1, "cc1", "https://clare.example/private", "", "robots", "again"}));
  CHECK(DescribeStore(**pg, 1) == expected);
  CHECK(Sql(uri, "SELECT count(*) FROM findings") == "9");

  // Stopping early.
  int seen = 0;
  REQUIRE((*pg)->ForEachPage(1, "cc1", [&](const ps::PageRecord&) { return ++seen < 2; }));
  CHECK(seen == 2);
}

TEST_CASE(
    "postgres store: text a PostgreSQL text value cannot hold (NUL, invalid UTF-8) is stored "
    "with U+FFFD instead of failing the page",
    "[store][fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  auto pg = ps::OpenStore(NewDatabase());
  REQUIRE(pg);
  auto id = (*pg)->CreateScan(SampleScan());
  REQUIRE(id);
  ps::PageRecord page = SamplePage(*id, "cc1", "https://clare.example/bad");
  page.title = std::string("a\0b", 3) + "\xC3(\xF0\x9F\x98\x80\xED\xA0\x80";
  page.findings[0].snippet = std::string("\0", 1) + "\xFF";
  REQUIRE((*pg)->PutPage(page));
  std::string title, snippet;
  REQUIRE((*pg)->ForEachPage(*id, "cc1", [&](const ps::PageRecord& p) {
    title = p.title;
    snippet = p.findings[0].snippet;
    return true;
  }));
  // U+FFFD for the NUL, the lone lead byte, and each byte of the encoded surrogate; the emoji
  // stays.
  CHECK(title ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD(\xF0\x9F\x98\x80\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(snippet == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE(
    "postgres store: leases give each body to one worker, never two bodies of one host at "
    "once, and pass a body on when its lease runs out",
    "[store][fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  std::string uri = NewDatabase();
  auto a = ps::OpenStore(uri);
  auto b = ps::OpenStore(uri);
  REQUIRE(a);
  REQUIRE(b);
  ps::NewScan scan = SampleScan();
  scan.status = ps::ScanStatus::kQueued;
  auto id = (*a)->CreateScan(scan);
  REQUIRE(id);

  auto la = (*a)->LeaseBody("worker-a", 60);
  REQUIRE(la);
  REQUIRE(*la);
  CHECK((*la)->body_id == "cc1");
  CHECK((*la)->body.url == "https://clare.example/");
  CHECK((*la)->body.name == "Clare County Council");
  // cc2 is on the same host (clare.example, whatever the case): it waits; dept comes next.
  auto lb = (*b)->LeaseBody("worker-b", 60);
  REQUIRE(lb);
  REQUIRE(*lb);
  CHECK((*lb)->body_id == "dept");
  auto lc = (*b)->LeaseBody("worker-c", 60);
  REQUIRE(lc);
  REQUIRE(*lc);
  CHECK((*lc)->body_id == "agency");
  auto none = (*b)->LeaseBody("worker-d", 60);
  REQUIRE(none);
  CHECK_FALSE(*none);
  auto progress = (*a)->Progress(*id);
  REQUIRE(progress);
  CHECK(progress->bodies_running == 3);
  CHECK(progress->bodies_leased == 3);
  auto open = (*a)->OpenScans();
  REQUIRE(open);
  REQUIRE(open->size() == 1);
  CHECK(open->at(0).scan_id == *id);
  CHECK(open->at(0).to_do == 4);  // cc2 pending, three leased
  CHECK(open->at(0).unfinished == 4);

  // Renewal by the owner only.
  CHECK((*a)->RenewLease(**la, "worker-a", 60));
  auto wrong = (*a)->RenewLease(**la, "worker-b", 60);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == ErrorCode::kNotFound);

  // worker-a finishes cc1: cc2's host is free.
  REQUIRE((*a)->FinishBody(*id, "cc1", ps::BodyState::kDone, ""));
  open = (*a)->OpenScans();
  REQUIRE(open);
  REQUIRE(open->size() == 1);
  CHECK(open->at(0).to_do == 3);
  CHECK(open->at(0).unfinished == 3);
  auto l2 = (*a)->LeaseBody("worker-a", 60);
  REQUIRE(l2);
  REQUIRE(*l2);
  CHECK((*l2)->body_id == "cc2");

  // worker-b's lease on dept runs out (as if it had died): another worker takes dept, and
  // worker-b's renewal learns it lost the body.
  Sql(uri, "UPDATE scan_bodies SET lease_until = '2000-01-01T00:00:00Z' WHERE body_id = 'dept'");
  auto taken = (*a)->LeaseBody("worker-e", 60);
  REQUIRE(taken);
  REQUIRE(*taken);
  CHECK((*taken)->body_id == "dept");
  auto lost = (*b)->RenewLease(**lb, "worker-b", 60);
  REQUIRE_FALSE(lost);
  CHECK(lost.error().code == ErrorCode::kNotFound);
  CHECK(Sql(uri, "SELECT attempts FROM scan_bodies WHERE body_id = 'dept'") == "2");

  // Release: the body goes back to the queue at once, and is leased again.
  REQUIRE((*b)->ReleaseLease(**lc, "worker-c"));
  CHECK(Sql(uri, "SELECT state || '/' || lease_owner FROM scan_bodies WHERE body_id = 'agency'") ==
        "pending/");
  auto again = (*b)->LeaseBody("worker-f", 60);
  REQUIRE(again);
  REQUIRE(*again);
  CHECK((*again)->body_id == "agency");

  // Bodies of a scan that is done or interrupted are not handed out.
  REQUIRE((*a)->SetScanStatus(*id, ps::ScanStatus::kInterrupted));
  REQUIRE((*a)->ReleaseLease(**again, "worker-f"));
  auto after = (*a)->LeaseBody("worker-g", 60);
  REQUIRE(after);
  CHECK_FALSE(*after);
  open = (*a)->OpenScans();
  REQUIRE(open);
  CHECK(open->empty());
}

TEST_CASE(
    "postgres store: many workers leasing at once each get a different body (SELECT ... FOR "
    "UPDATE SKIP LOCKED)",
    "[store][fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  std::string uri = NewDatabase();
  ps::NewScan scan = SampleScan();
  scan.bodies.clear();
  for (int i = 0; i < 60; ++i) {
    scan.bodies.push_back(
        {"b" + std::to_string(i), "Body", "https://b" + std::to_string(i) + ".example/", "", ""});
  }
  scan.status = ps::ScanStatus::kQueued;
  {
    auto s = ps::OpenStore(uri);
    REQUIRE(s);
    REQUIRE((*s)->CreateScan(scan));
  }
  constexpr int kWorkers = 6;
  std::vector<std::vector<std::string>> got(kWorkers);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  threads.reserve(kWorkers);
  for (int w = 0; w < kWorkers; ++w) {
    threads.emplace_back([&, w] {
      auto s = ps::OpenStore(uri);
      if (!s) {
        ++errors;
        return;
      }
      while (true) {
        auto l = (*s)->LeaseBody("w" + std::to_string(w), 60);
        if (!l) {
          ++errors;
          return;
        }
        if (!*l) {
          return;
        }
        got[w].push_back((*l)->body_id);
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  CHECK(errors == 0);
  std::set<std::string> all;
  size_t total = 0;
  for (const auto& g : got) {
    all.insert(g.begin(), g.end());
    total += g.size();
  }
  CHECK(total == 60);
  CHECK(all.size() == 60);
}

TEST_CASE(
    "postgres store: a version 1 store is migrated: findings, rule outcomes and text findings "
    "move into their page, and the views give the same rows",
    "[store][fleet]") {
  PLAINSIGHT_NEED_POSTGRES();
  std::string uri = NewDatabase();
  auto before = ps::MigratePostgres(uri, ps::Migrations().subspan(0, 1));
  REQUIRE(before);
  CHECK(*before == 0);
  // What plainsight wrote at version 1, row by row; rows inserted out of order on purpose.
  CHECK(Sql(uri,
            "INSERT INTO scans(id, started_at, status, tool_version, options, source) VALUES(1, "
            "'2026-12-01T10:00:00Z', 'running', 'test', '{}', 'bodies.csv');"
            "INSERT INTO scan_bodies(scan_id, body_id, position, name, url, sector, lang) "
            "VALUES(1, 'cc1', 0, 'Clare', 'https://clare.example/', 'local', 'en');"
            "INSERT INTO pages VALUES(7, 1, 'cc1', 'https://clare.example/', "
            "'https://clare.example/', 200, 'html', 'text/html', 10, 1.5, "
            "'2026-12-01T10:00:01Z', 0, '', 'home', 'Home', 'en', '', '', '[]', '[]', '{}');"
            "INSERT INTO findings VALUES(7, 1, 'html.b', 'cantTell', 'notice', '#b', 4, 2, "
            "'<b \"q\">', 'Check, then \\ decide.', '', 3, 9);"
            "INSERT INTO findings VALUES(7, 0, 'html.a', 'failed', 'error', 'img', 3, 1, "
            "'<img>', 'No name.', 'https://clare.example/frame', 0, 5);"
            "INSERT INTO page_rules VALUES(7, 'html.z', 'passed', 2, 0, 0);"
            "INSERT INTO page_rules VALUES(7, 'html.a', 'failed', 0, 1, 0);"
            "INSERT INTO page_rules VALUES(7, 'html.B', 'cantTell', 0, 0, 1);"
            "INSERT INTO text_metrics(page_id, lang, words, sentences, syllables, paragraphs, "
            "long_sentences) VALUES(7, 'en', 50, 3, 70, 2, 1);"
            "INSERT INTO text_findings VALUES(7, 1, 'passive', 'notice', 30, 40, 2, 5, "
            "'was seen', 'Passive.', '');"
            "INSERT INTO text_findings VALUES(7, 0, 'wordy-phrase', 'warning', 10, 20, 1, 11, "
            "'in order to', 'Wordy.', 'to');") == "");
  auto store = ps::OpenStore(uri);
  REQUIRE(store);
  CHECK((*store)->schema_version() == ps::kSchemaVersion);
  std::vector<ps::PageRecord> pages;
  REQUIRE((*store)->ForEachPage(1, "cc1", [&](const ps::PageRecord& p) {
    pages.push_back(p);
    return true;
  }));
  REQUIRE(pages.size() == 1);
  const ps::PageRecord& home = pages[0];
  REQUIRE(home.findings.size() == 2);
  CHECK(home.findings[0].rule == "html.a");  // in seq order
  CHECK(home.findings[1].snippet == "<b \"q\">");
  CHECK(home.findings[1].message == "Check, then \\ decide.");
  REQUIRE(home.rules.size() == 3);
  CHECK(home.rules[0].rule == "html.B");  // by rule, bytewise
  CHECK(home.rules[1].rule == "html.a");
  CHECK(home.rules[2].passed == 2);
  REQUIRE(home.text_findings.size() == 2);
  CHECK(home.text_findings[0].suggestion == "to");
  CHECK(home.text_findings[1].kind == "passive");
  // The views give the version 1 rows back, with version 1's column types.
  CHECK(Sql(uri,
            "SELECT string_agg(concat_ws('|', page_id, seq, rule, outcome, severity, "
            "selector, line + 0, col + 0, snippet, message, document, span_start + 0, "
            "span_end + 0), ';' ORDER BY seq) FROM findings") ==
        "7|0|html.a|failed|error|img|3|1|<img>|No name.|https://clare.example/frame|0|5;"
        "7|1|html.b|cantTell|notice|#b|4|2|<b \"q\">|Check, then \\ decide.||3|9");
  CHECK(Sql(uri,
            "SELECT string_agg(concat_ws('|', page_id, rule, outcome, passed + 0, failed, "
            "cant_tell), ';' ORDER BY rule COLLATE \"C\") FROM page_rules") ==
        "7|html.B|cantTell|0|0|1;7|html.a|failed|0|1|0;7|html.z|passed|2|0|0");
  CHECK(Sql(uri,
            "SELECT concat_ws('|', page_id, lang, words + 0, syllables, long_sentences, "
            "coalesce(lix::text, 'NULL')) FROM text_metrics") == "7|en|50|70|1|NULL");
  REQUIRE(home.text.has_value());
  CHECK(home.text->paragraphs == 2);
  CHECK(Sql(uri,
            "SELECT string_agg(concat_ws('|', page_id, seq, kind, span_start + 0, line + 0, "
            "suggestion), ';' ORDER BY seq) FROM text_findings") ==
        "7|0|wordy-phrase|10|1|to;7|1|passive|30|2|");
  REQUIRE((*store)->FinishBody(1, "cc1", ps::BodyState::kDone, ""));
  auto bodies = (*store)->Bodies(1);
  REQUIRE(bodies);
  CHECK(bodies->at(0).failures == 1);
  // The packed values are compressed with LZ4 when the server has it ('l'), else with pglz.
  const bool lz4 = Sql(uri, "SET default_toast_compression = lz4").empty();
  CHECK(Sql(uri,
            "SELECT string_agg(attcompression::text, '' ORDER BY attname) FROM "
            "pg_attribute WHERE attrelid = 'pages'::regclass AND attname LIKE '%_json'") ==
        (lz4 ? "llll" : ""));
}

TEST_CASE(
    "postgres store: workers creating the schema at once do not collide, and foreign and "
    "newer databases are refused with a clear error",
    "[store][fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  SECTION("eight at once on an empty database") {
    std::string uri = NewDatabase();
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    std::string first_error;
    std::mutex m;
    threads.reserve(8);
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&] {
        auto s = ps::OpenStore(uri);
        if (s) {
          ++ok;
        } else {
          std::lock_guard<std::mutex> lock(m);
          first_error = s.error().ToString();
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    INFO(first_error);
    CHECK(ok == 8);
    CHECK(Sql(uri, "SELECT value FROM meta WHERE key = 'schema_version'") ==
          std::to_string(ps::kSchemaVersion));
  }
  SECTION("an older store is migrated, once") {
    std::string uri = NewDatabase();
    // A made-up version 2 on top of the real ones: the store at version 1 gets it.
    static constexpr std::string_view kV2[] = {"ALTER TABLE pages ADD COLUMN extra TEXT"};
    std::vector<ps::Migration> migrations(ps::Migrations().begin(), ps::Migrations().end());
    auto before = ps::MigratePostgres(uri, migrations);
    REQUIRE(before);
    CHECK(*before == 0);
    migrations.push_back({ps::kSchemaVersion + 1, kV2, kV2});
    auto upgraded = ps::MigratePostgres(uri, migrations);
    REQUIRE(upgraded);
    CHECK(*upgraded == ps::kSchemaVersion);
    auto again = ps::MigratePostgres(uri, migrations);
    REQUIRE(again);
    CHECK(*again == ps::kSchemaVersion + 1);
    // ... and this build refuses it: written by a newer plainsight.
    auto newer = ps::OpenStore(uri);
    REQUIRE_FALSE(newer);
    CHECK(newer.error().code == ErrorCode::kUnsupported);
    CHECK(newer.error().message.find("newer plainsight") != std::string::npos);
  }
  SECTION("a database holding other tables") {
    std::string uri = NewDatabase();
    Sql(uri, "CREATE TABLE invoices(id int)");
    auto s = ps::OpenStore(uri);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == ErrorCode::kParse);
    CHECK(s.error().message.find("not a plainsight store") != std::string::npos);
    // A schema of its own works.
    Sql(uri, "CREATE SCHEMA plainsight");
    auto own = ps::OpenStore(uri + "?options=-csearch_path%3Dplainsight");
    INFO((own ? "" : own.error().ToString()));
    CHECK(own);
  }
  SECTION("read-only on an empty database: no store") {
    ps::OpenOptions ro;
    ro.read_only = true;
    auto s = ps::OpenStore(NewDatabase(), ro);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == ErrorCode::kNotFound);
  }
  SECTION("read-only store refuses writes") {
    std::string uri = NewDatabase();
    REQUIRE(ps::OpenStore(uri));
    ps::OpenOptions ro;
    ro.read_only = true;
    auto s = ps::OpenStore(uri, ro);
    REQUIRE(s);
    auto w = (*s)->CreateScan(SampleScan());
    REQUIRE_FALSE(w);
    CHECK(w.error().message.find("read-only") != std::string::npos);
  }
}

TEST_CASE(
    "postgres store: an unreachable server, a missing database and a bad URI give clear "
    "errors: only the first is worth retrying",
    "[store][fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  auto missing = ps::OpenStore(Server().Uri("no_such_database"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
  CHECK_FALSE(ps::IsRetryable(missing.error()));
  auto bad = ps::OpenStore("postgresql://plainsight@127.0.0.1:" + std::to_string(Server().port()) +
                           "/postgres?nonsense=1");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == ErrorCode::kInvalidArgument);
  auto role = ps::OpenStore(
      "postgresql://nobody_here@127.0.0.1:" + std::to_string(Server().port()) + "/postgres");
  REQUIRE_FALSE(role);
  CHECK(role.error().code == ErrorCode::kInvalidArgument);
  CHECK_FALSE(ps::IsRetryable(role.error()));

  // A store whose server goes away: statements fail with a retryable error, and work again
  // once it is back, on the same Store object.
  std::string uri = NewDatabase();
  auto s = ps::OpenStore(uri);
  REQUIRE(s);
  auto id = (*s)->CreateScan(SampleScan());
  REQUIRE(id);
  REQUIRE(Server().Stop());
  auto down = (*s)->Scans();
  REQUIRE_FALSE(down);
  CHECK(ps::IsRetryable(down.error()));
  CHECK(down.error().message.find("PostgreSQL") != std::string::npos);
  auto closed = ps::OpenStore(uri);
  REQUIRE_FALSE(closed);
  CHECK(closed.error().code == ErrorCode::kNetwork);
  CHECK(closed.error().where.find("127.0.0.1") != std::string::npos);
  INFO(Server().why());
  REQUIRE(Server().Start());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // one reconnect a second
  auto back = (*s)->Scans();
  INFO((back ? "" : back.error().ToString()));
  REQUIRE(back);
  CHECK(back->size() == 1);
  REQUIRE((*s)->PutPage(SamplePage(*id, "cc1", "https://clare.example/after")));
}
