// The SQLite scan store: round trips, idempotent writes, leases, schema versions, and the clear
// errors a corrupt, foreign, read-only, locked or full store gives.
#include "store/store.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <sched.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "store/schema.h"
#include "store/sqlite_store.h"

namespace fs = std::filesystem;
namespace ps = plainsight::store;
using plainsight::engine::ErrorCode;

namespace {

// A fresh folder per test, removed afterwards.
struct TempDir {
  fs::path path;

  TempDir() {
    char tmpl[] = "/tmp/plainsight-store-XXXXXX";
    path = mkdtemp(tmpl);
  }

  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }

  std::string File(const std::string& name) const { return (path / name).string(); }
};

ps::NewScan SampleScan() {
  ps::NewScan scan;
  scan.tool_version = "test";
  scan.options = R"({"max_pages":10})";
  scan.source = "bodies.csv";
  scan.bodies = {{"cc1", "Clare County Council", "https://clare.example/", "local", "en"},
                 {"dept", "Department of Examples", "https://dept.example/", "central", "ga"}};
  scan.rules = {{"html.image-name", "Images have a name", "why", "help", "1.1.1", "9.1.1.1",
                 "23a2a8", "A", "error", "critical"}};
  return scan;
}

ps::PageRecord SamplePage(int64_t scan, const std::string& url) {
  ps::PageRecord page;
  page.scan_id = scan;
  page.body_id = "cc1";
  page.url = url;
  page.final_url = url;
  page.status = 200;
  page.kind = "html";
  page.content_type = "text/html";
  page.size = 1234;
  page.title = "Home – Clare County Council";
  page.lang = "en-IE";
  page.findings.push_back({"html.image-name", "failed", "error", "html > body > img", 3, 5,
                           "<img src=\"a.png\">", "The image has no name.", "", 0, 0});
  page.findings.push_back({"html.image-name", "cantTell", "notice", "#logo", 4, 1, "<img id=logo>",
                           "Check the name.", "", 0, 0});
  page.rules.push_back({"html.image-name", "failed", 1, 1, 1});
  ps::TextMetricsRecord metrics;
  metrics.lang = "en";
  metrics.words = 120;
  metrics.sentences = 8;
  metrics.flesch_kincaid_grade = 9.5;
  page.text = metrics;
  page.text_findings.push_back(
      {"long-sentence", "warning", 10, 200, 2, 1, "A very long…", "31 words", ""});
  return page;
}

}  // namespace

TEST_CASE("store: a scan, its bodies, rules and pages round-trip through SQLite", "[store]") {
  TempDir dir;
  auto store = ps::OpenStore(dir.File("scan.db"));
  REQUIRE(store);
  CHECK(std::string((*store)->backend()) == "sqlite");
  CHECK((*store)->schema_version() == ps::kSchemaVersion);
  auto scan = (*store)->CreateScan(SampleScan());
  REQUIRE(scan);
  auto written = (*store)->PutPage(SamplePage(*scan, "https://clare.example/"));
  REQUIRE(written);
  CHECK(*written);

  auto bodies = (*store)->Bodies(*scan);
  REQUIRE(bodies);
  REQUIRE(bodies->size() == 2);
  CHECK(bodies->at(0).body.name == "Clare County Council");
  CHECK(bodies->at(1).body.lang == "ga");
  CHECK(bodies->at(0).state == ps::BodyState::kPending);

  auto rules = (*store)->Rules(*scan);
  REQUIRE(rules);
  REQUIRE(rules->size() == 1);
  CHECK(rules->at(0).help == "help");

  std::vector<ps::PageRecord> pages;
  REQUIRE((*store)->ForEachPage(*scan, "cc1", [&](const ps::PageRecord& p) {
    pages.push_back(p);
    return true;
  }));
  REQUIRE(pages.size() == 1);
  const ps::PageRecord& p = pages[0];
  CHECK(p.title == "Home – Clare County Council");
  REQUIRE(p.findings.size() == 2);
  CHECK(p.findings[0].outcome == "failed");
  CHECK(p.findings[0].snippet == "<img src=\"a.png\">");
  CHECK(p.findings[1].severity == "notice");
  REQUIRE(p.rules.size() == 1);
  CHECK(p.rules[0].cant_tell == 1);
  REQUIRE(p.text.has_value());
  CHECK(p.text->words == 120);
  CHECK(p.text->flesch_kincaid_grade == Approx(9.5));
  CHECK_FALSE(p.text->lix.has_value());
  REQUIRE(p.text_findings.size() == 1);
  CHECK(p.text_findings[0].end == 200);
  CHECK(p.redirects == "[]");

  REQUIRE((*store)->FinishBody(*scan, "cc1", ps::BodyState::kDone, ""));
  bodies = (*store)->Bodies(*scan);
  REQUIRE(bodies);
  CHECK(bodies->at(0).state == ps::BodyState::kDone);
  CHECK(bodies->at(0).pages == 1);
  CHECK(bodies->at(0).failures == 1);
  CHECK_FALSE(bodies->at(0).finished_at.empty());
}

TEST_CASE("store: writing a page or a skip again changes nothing", "[store]") {
  TempDir dir;
  auto store = ps::OpenStore(dir.File("scan.db"));
  REQUIRE(store);
  auto scan = (*store)->CreateScan(SampleScan());
  REQUIRE(scan);
  REQUIRE(*(*store)->PutPage(SamplePage(*scan, "https://clare.example/a")));
  auto again = (*store)->PutPage(SamplePage(*scan, "https://clare.example/a"));
  REQUIRE(again);
  CHECK_FALSE(*again);
  ps::SkipRecord skip{*scan,    "cc1",         "https://clare.example/x", "https://clare.example/",
                      "robots", "Disallow: /x"};
  REQUIRE((*store)->PutSkip(skip));
  REQUIRE((*store)->PutSkip(skip));
  auto skips = (*store)->Skips(*scan, "cc1");
  REQUIRE(skips);
  CHECK(skips->size() == 1);
  size_t findings = 0;
  REQUIRE((*store)->ForEachPage(*scan, "cc1", [&](const ps::PageRecord& p) {
    findings += p.findings.size();
    return true;
  }));
  CHECK(findings == 2);
  auto urls = (*store)->StoredUrls(*scan, "cc1");
  REQUIRE(urls);
  CHECK(urls->count("https://clare.example/a") == 1);
}

TEST_CASE("store: each scan keeps its own pages and earlier scans stay", "[store]") {
  TempDir dir;
  auto store = ps::OpenStore(dir.File("scan.db"));
  REQUIRE(store);
  auto first = (*store)->CreateScan(SampleScan());
  auto second = (*store)->CreateScan(SampleScan());
  REQUIRE(first);
  REQUIRE(second);
  CHECK(*second != *first);
  REQUIRE(*(*store)->PutPage(SamplePage(*first, "https://clare.example/")));
  REQUIRE(*(*store)->PutPage(SamplePage(*second, "https://clare.example/")));
  REQUIRE((*store)->SetScanStatus(*first, ps::ScanStatus::kDone));
  auto scans = (*store)->Scans();
  REQUIRE(scans);
  REQUIRE(scans->size() == 2);
  CHECK(scans->at(0).status == ps::ScanStatus::kDone);
  CHECK_FALSE(scans->at(0).finished_at.empty());
  CHECK(scans->at(1).status == ps::ScanStatus::kRunning);
  CHECK(scans->at(1).bodies == 2);
  auto progress = (*store)->Progress(*second);
  REQUIRE(progress);
  CHECK(progress->pages == 1);
  CHECK(progress->bodies == 2);
}

TEST_CASE("store: a leased body is not leased twice until its lease expires", "[store]") {
  TempDir dir;
  auto store = ps::OpenStore(dir.File("scan.db"));
  REQUIRE(store);
  ps::NewScan queued = SampleScan();
  queued.status = ps::ScanStatus::kQueued;
  auto scan = (*store)->CreateScan(queued);
  REQUIRE(scan);
  auto a = (*store)->LeaseBody("worker-a", 60);
  auto b = (*store)->LeaseBody("worker-b", 60);
  auto c = (*store)->LeaseBody("worker-c", 60);
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  REQUIRE(a->has_value());
  REQUIRE(b->has_value());
  CHECK((*a)->body_id == "cc1");
  CHECK((*b)->body_id == "dept");
  CHECK_FALSE(c->has_value());
  CHECK((*store)->RenewLease(**a, "worker-a", 60));
  auto stolen = (*store)->RenewLease(**a, "worker-b", 60);
  REQUIRE_FALSE(stolen);
  CHECK(stolen.error().code == ErrorCode::kNotFound);
  // An expired lease (negative length here) is taken by the next worker.
  REQUIRE((*store)->RenewLease(**b, "worker-b", -10));
  auto d = (*store)->LeaseBody("worker-d", 60);
  REQUIRE(d);
  REQUIRE(d->has_value());
  CHECK((*d)->body_id == "dept");
  auto bodies = (*store)->Bodies(*scan);
  REQUIRE(bodies);
  CHECK(bodies->at(1).attempts == 2);
  CHECK(bodies->at(1).lease_owner == "worker-d");
  REQUIRE((*store)->ReleaseLease(**d, "worker-d"));
  bodies = (*store)->Bodies(*scan);
  CHECK(bodies->at(1).state == ps::BodyState::kPending);
}

TEST_CASE("store: OpenScans counts the bodies left to workers and those unfinished, per open scan",
          "[store]") {
  TempDir dir;
  auto store = ps::OpenStore(dir.File("scan.db"));
  REQUIRE(store);
  ps::NewScan queued = SampleScan();
  queued.status = ps::ScanStatus::kQueued;
  auto fleet = (*store)->CreateScan(queued);
  auto single = (*store)->CreateScan(SampleScan());  // a `plainsight scan` on one machine
  REQUIRE(fleet);
  REQUIRE(single);
  auto lease = (*store)->LeaseBody("worker-a", 60);
  REQUIRE(lease);
  REQUIRE(lease->has_value());
  CHECK((*lease)->scan_id == *fleet);
  // A body the single-machine scan crawls is unfinished, but no worker's to take.
  REQUIRE((*store)->StartBody(*single, "cc1"));
  auto open = (*store)->OpenScans();
  REQUIRE(open);
  REQUIRE(open->size() == 2);
  CHECK(open->at(0).scan_id == *fleet);
  CHECK(open->at(0).to_do == 2);  // dept pending, cc1 leased
  CHECK(open->at(0).unfinished == 2);
  CHECK(open->at(1).scan_id == *single);
  CHECK(open->at(1).to_do == 1);  // dept pending
  CHECK(open->at(1).unfinished == 2);

  REQUIRE((*store)->FinishBody(*fleet, "cc1", ps::BodyState::kDone, ""));
  REQUIRE((*store)->FinishBody(*fleet, "dept", ps::BodyState::kFailed, "unreachable"));
  open = (*store)->OpenScans();
  REQUIRE(open);
  REQUIRE(open->size() == 2);
  CHECK(open->at(0).to_do == 0);
  CHECK(open->at(0).unfinished == 0);
  // Scans that are done or interrupted are not open.
  REQUIRE((*store)->SetScanStatus(*fleet, ps::ScanStatus::kDone));
  REQUIRE((*store)->SetScanStatus(*single, ps::ScanStatus::kInterrupted));
  open = (*store)->OpenScans();
  REQUIRE(open);
  CHECK(open->empty());
}

namespace {

// Runs SQL on a file, failing the test on an error.
void Sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error != nullptr ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// The rows of a query on a file, columns joined with "|".
std::vector<std::string> Rows(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      row += (i > 0 ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

}  // namespace

TEST_CASE(
    "store: a version 1 store is migrated on open and keeps every row: findings, rule outcomes "
    "and text findings move into their page, and the views give the same rows",
    "[store]") {
  TempDir dir;
  std::string path = dir.File("v1.db");
  auto before = ps::MigrateSqliteFile(path, ps::Migrations().subspan(0, 1));
  REQUIRE(before);
  CHECK(*before == 0);
  // What plainsight wrote at version 1, row by row; rows inserted out of order on purpose.
  Sql(path,
      "INSERT INTO scans(id, started_at, status, tool_version, options, source) VALUES(1, "
      "'2026-12-01T10:00:00Z', 'running', 'test', '{}', 'bodies.csv');"
      "INSERT INTO scan_bodies(scan_id, body_id, position, name, url, sector, lang) VALUES(1, "
      "'cc1', 0, 'Clare', 'https://clare.example/', 'local', 'en');"
      "INSERT INTO pages VALUES(7, 1, 'cc1', 'https://clare.example/', "
      "'https://clare.example/', 200, 'html', 'text/html', 10, 1.5, '2026-12-01T10:00:01Z', 0, "
      "'', 'home', 'Home', 'en', '', '', '[]', '[]', '{}');"
      "INSERT INTO pages VALUES(8, 1, 'cc1', 'https://clare.example/a', "
      "'https://clare.example/a', 404, 'other', '', 0, 1, '2026-12-01T10:00:02Z', 1, '', '', '', "
      "'', 'HTTP 404', 'http', '[]', '[]', '');"
      "INSERT INTO findings VALUES(7, 1, 'html.b', 'cantTell', 'notice', '#b', 4, 2, "
      "'<b \"q\">', 'Check, then \\ decide.', '', 3, 9);"
      "INSERT INTO findings VALUES(7, 0, 'html.a', 'failed', 'error', 'img', 3, 1, '<img>', "
      "'No name.', 'https://clare.example/frame', 0, 5);"
      "INSERT INTO page_rules VALUES(7, 'html.z', 'passed', 2, 0, 0);"
      "INSERT INTO page_rules VALUES(7, 'html.a', 'failed', 0, 1, 0);"
      "INSERT INTO page_rules VALUES(7, 'html.b', 'cantTell', 0, 0, 1);"
      "INSERT INTO text_metrics(page_id, lang, words, sentences, syllables, paragraphs, "
      "long_sentences, flesch_kincaid_grade) VALUES(7, 'en', 50, 3, 70, 2, 1, 8.25);"
      "INSERT INTO text_findings VALUES(7, 1, 'passive', 'notice', 30, 40, 2, 5, 'was seen', "
      "'Passive.', '');"
      "INSERT INTO text_findings VALUES(7, 0, 'wordy-phrase', 'warning', 10, 20, 1, 11, "
      "'in order to', 'Wordy.', 'to');");
  auto store = ps::OpenStore(path);
  REQUIRE(store);
  CHECK((*store)->schema_version() == ps::kSchemaVersion);
  std::vector<ps::PageRecord> pages;
  REQUIRE((*store)->ForEachPage(1, "cc1", [&](const ps::PageRecord& p) {
    pages.push_back(p);
    return true;
  }));
  REQUIRE(pages.size() == 2);
  const ps::PageRecord& home = pages[0];
  REQUIRE(home.findings.size() == 2);
  CHECK(home.findings[0].rule == "html.a");  // in seq order
  CHECK(home.findings[0].document == "https://clare.example/frame");
  CHECK(home.findings[0].span_end == 5);
  CHECK(home.findings[1].snippet == "<b \"q\">");
  CHECK(home.findings[1].message == "Check, then \\ decide.");
  CHECK(home.findings[1].line == 4);
  CHECK(home.findings[1].column == 2);
  REQUIRE(home.rules.size() == 3);
  CHECK(home.rules[0].rule == "html.a");  // by rule
  CHECK(home.rules[1].cant_tell == 1);
  CHECK(home.rules[2].passed == 2);
  REQUIRE(home.text.has_value());
  CHECK(home.text->syllables == 70);
  CHECK(home.text->flesch_kincaid_grade == Approx(8.25));
  CHECK_FALSE(home.text->lix.has_value());
  CHECK_FALSE(pages[1].text.has_value());
  REQUIRE(home.text_findings.size() == 2);
  CHECK(home.text_findings[0].suggestion == "to");
  CHECK(home.text_findings[1].kind == "passive");
  CHECK(pages[1].findings.empty());
  CHECK(pages[1].rules.empty());
  CHECK(pages[1].error == "HTTP 404");
  // The views give the version 1 rows back, and the body's failures count the failed ones.
  CHECK(Rows(path, "SELECT * FROM findings ORDER BY page_id, seq") ==
        std::vector<std::string>{
            "7|0|html.a|failed|error|img|3|1|<img>|No name.|https://clare.example/frame|0|5",
            "7|1|html.b|cantTell|notice|#b|4|2|<b \"q\">|Check, then \\ decide.||3|9"});
  CHECK(Rows(path, "SELECT * FROM page_rules ORDER BY page_id, rule") ==
        std::vector<std::string>{"7|html.a|failed|0|1|0", "7|html.b|cantTell|0|0|1",
                                 "7|html.z|passed|2|0|0"});
  CHECK(Rows(path,
             "SELECT page_id, lang, words, syllables, long_sentences, "
             "flesch_kincaid_grade, lix FROM text_metrics") ==
        std::vector<std::string>{"7|en|50|70|1|8.25|NULL"});
  CHECK(Rows(path, "SELECT * FROM text_findings ORDER BY page_id, seq") ==
        std::vector<std::string>{"7|0|wordy-phrase|warning|10|20|1|11|in order to|Wordy.|to",
                                 "7|1|passive|notice|30|40|2|5|was seen|Passive.|"});
  REQUIRE((*store)->FinishBody(1, "cc1", ps::BodyState::kDone, ""));
  auto bodies = (*store)->Bodies(1);
  REQUIRE(bodies);
  CHECK(bodies->at(0).failures == 1);
  CHECK(bodies->at(0).pages == 2);
  // A page written now reads back through the same views.
  auto scan = (*store)->CreateScan(SampleScan());
  REQUIRE(scan);
  REQUIRE(*(*store)->PutPage(SamplePage(*scan, "https://clare.example/")));
  CHECK(Rows(path,
             "SELECT count(*), sum(outcome = 'failed') FROM findings f JOIN pages p ON "
             "p.id = f.page_id WHERE p.scan_id = " +
                 std::to_string(*scan)) == std::vector<std::string>{"2|1"});
}

TEST_CASE(
    "store: a read-only open upgrades an older store first when asked (status, report, serve), "
    "and refuses it otherwise",
    "[store]") {
  TempDir dir;
  std::string path = dir.File("v1.db");
  REQUIRE(ps::MigrateSqliteFile(path, ps::Migrations().subspan(0, 1)));
  ps::OpenOptions read_only;
  read_only.read_only = true;
  auto refused = ps::OpenStore(path, read_only);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == ErrorCode::kUnsupported);
  CHECK(refused.error().message.find("schema version 1 and must be upgraded") != std::string::npos);
  CHECK(Rows(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
        std::vector<std::string>{"1"});  // nothing written
  read_only.upgrade_older = true;
  auto upgraded = ps::OpenStore(path, read_only);
  REQUIRE(upgraded);
  CHECK((*upgraded)->schema_version() == ps::kSchemaVersion);
  CHECK(Rows(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
        std::vector<std::string>{std::to_string(ps::kSchemaVersion)});
  auto scans = (*upgraded)->Scans();
  REQUIRE(scans);
  CHECK(scans->empty());
  // A missing store is still missing: asking to upgrade creates nothing.
  auto missing = ps::OpenStore(dir.File("none.db"), read_only);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
  CHECK_FALSE(fs::exists(dir.File("none.db")));
}

TEST_CASE("store: a store of a later schema version is refused, after migrating to it", "[store]") {
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    auto store = ps::OpenStore(path);
    REQUIRE(store);
    auto scan = (*store)->CreateScan(SampleScan());
    REQUIRE(scan);
    REQUIRE(*(*store)->PutPage(SamplePage(*scan, "https://clare.example/")));
  }
  // This build's versions, then a later one that adds a column.
  constexpr std::string_view kAddColumn[] = {"ALTER TABLE pages ADD COLUMN note TEXT"};
  std::vector<ps::Migration> later(ps::Migrations().begin(), ps::Migrations().end());
  later.push_back({ps::kSchemaVersion + 1, kAddColumn, kAddColumn});
  auto upgraded = ps::MigrateSqliteFile(path, later);
  REQUIRE(upgraded);
  CHECK(*upgraded == ps::kSchemaVersion);
  // the page written before is still there
  CHECK(Rows(path, "SELECT count(*), count(note) FROM pages") == std::vector<std::string>{"1|0"});
  // This build reads up to kSchemaVersion: the upgraded file is newer, read-only or not.
  auto newer = ps::OpenStore(path);
  REQUIRE_FALSE(newer);
  CHECK(newer.error().code == ErrorCode::kUnsupported);
  CHECK(newer.error().message.find("newer plainsight") != std::string::npos);
  ps::OpenOptions read_only;
  read_only.read_only = true;
  read_only.upgrade_older = true;
  newer = ps::OpenStore(path, read_only);
  REQUIRE_FALSE(newer);
  CHECK(newer.error().message.find("newer plainsight") != std::string::npos);
}

TEST_CASE("store: a file that is not a store gives a clear error, never a crash", "[store]") {
  TempDir dir;
  SECTION("random bytes") {
    std::string path = dir.File("garbage.db");
    std::ofstream(path) << std::string(8192, '\x7f') << "not sqlite";
    auto store = ps::OpenStore(path);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == ErrorCode::kParse);
    CHECK(store.error().message.find("not a plainsight store") != std::string::npos);
  }
  SECTION("someone else's SQLite database") {
    std::string path = dir.File("other.db");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto store = ps::OpenStore(path);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == ErrorCode::kParse);
  }
  SECTION("a store whose pages were overwritten") {
    std::string path = dir.File("corrupt.db");
    {
      auto store = ps::OpenStore(path);
      REQUIRE(store);
      auto scan = (*store)->CreateScan(SampleScan());
      REQUIRE(scan);
      for (int i = 0; i < 200; ++i) {
        REQUIRE(
            *(*store)->PutPage(SamplePage(*scan, "https://clare.example/" + std::to_string(i))));
      }
    }
    // Keep the header, scribble over everything after the first page.
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    std::string junk(64 * 1024, '\xa5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    f.close();
    auto store = ps::OpenStore(path);
    if (store) {
      // The schema page may survive; reading the pages must then fail cleanly.
      auto scans = (*store)->Scans();
      bool failed = !scans;
      if (scans) {
        auto read = (*store)->ForEachPage(1, "cc1", [](const ps::PageRecord&) { return true; });
        failed = !read;
        if (failed) {
          CHECK(read.error().code == ErrorCode::kParse);
        }
      }
      CHECK(failed);
    } else {
      CHECK(store.error().code == ErrorCode::kParse);
    }
  }
  SECTION("a folder") {
    auto store = ps::OpenStore(dir.path.string());
    REQUIRE_FALSE(store);
    CHECK(store.error().code == ErrorCode::kIo);
  }
  SECTION("a missing store opened read-only") {
    ps::OpenOptions ro;
    ro.read_only = true;
    auto store = ps::OpenStore(dir.File("missing.db"), ro);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == ErrorCode::kNotFound);
  }
}

TEST_CASE("store: a read-only store file gives a clear error when opened for writing", "[store]") {
  if (geteuid() == 0) {
    // root ignores file permissions; the read-only check still holds for others.
    WARN("running as root: file permissions do not apply, checked through a read-only open");
  }
  TempDir dir;
  std::string path = dir.File("ro.db");
  {
    auto store = ps::OpenStore(path);
    REQUIRE(store);
  }
  if (geteuid() != 0) {
    fs::permissions(path, fs::perms::owner_read);
    auto store = ps::OpenStore(path);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == ErrorCode::kIo);
    CHECK(store.error().message.find("read-only") != std::string::npos);
  }
  ps::OpenOptions ro;
  ro.read_only = true;
  auto reader = ps::OpenStore(path, ro);
  REQUIRE(reader);
  auto scan = (*reader)->CreateScan(SampleScan());
  REQUIRE_FALSE(scan);
  CHECK(scan.error().code == ErrorCode::kIo);
  CHECK(scan.error().message.find("read-only") != std::string::npos);
}

TEST_CASE("store: a store locked by another process gives a clear error after the timeout",
          "[store]") {
  TempDir dir;
  std::string path = dir.File("locked.db");
  {
    auto store = ps::OpenStore(path);
    REQUIRE(store);
  }
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  ps::OpenOptions quick;
  quick.busy_timeout_ms = 100;
  auto store = ps::OpenStore(path, quick);
  bool clear = false;
  if (!store) {
    clear = store.error().code == ErrorCode::kTimeout;
  } else {
    auto scan = (*store)->CreateScan(SampleScan());
    REQUIRE_FALSE(scan);
    clear = scan.error().code == ErrorCode::kTimeout &&
            scan.error().message.find("locked") != std::string::npos;
  }
  CHECK(clear);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
}

namespace {

// Fills a store until the disk is full and checks the error: 0 when it was clear, else a code.
int FillUntilFull(const std::string& path) {
  auto store = ps::OpenStore(path);
  if (!store) {
    std::fprintf(stderr, "child: %s\n", store.error().ToString().c_str());
    return 3;
  }
  auto scan = (*store)->CreateScan(SampleScan());
  for (int i = 0; scan && i < 100000; ++i) {
    auto w = (*store)->PutPage(SamplePage(*scan, "https://clare.example/" + std::to_string(i)));
    if (!w) {
      bool clear = w.error().code == ErrorCode::kIo &&
                   w.error().message.find("disk is full") != std::string::npos;
      if (!clear) {
        std::fprintf(stderr, "child: %s\n", w.error().ToString().c_str());
      }
      // What was committed before stays readable.
      auto progress = (*store)->Progress(*scan);
      return clear && progress && progress->pages > 0 ? 0 : 4;
    }
  }
  if (!scan) {
    // The disk filled up before the first page: still a clear error?
    bool clear = scan.error().message.find("disk is full") != std::string::npos;
    return clear ? 0 : 6;
  }
  return 5;  // never filled
}

}  // namespace

TEST_CASE("store: a full disk gives a clear error and what was committed stays", "[store]") {
  TempDir dir;
  std::string mount_point = dir.File("small-disk");
  fs::create_directory(mount_point);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // A 256 KiB tmpfs in a private mount namespace (a user namespace too when not root): a real
    // full file system (ENOSPC). Where namespaces are not allowed, a file-size limit
    // (RLIMIT_FSIZE with SIGXFSZ ignored) makes writes fail with EFBIG instead.
    int flags = CLONE_NEWNS | (geteuid() == 0 ? 0 : CLONE_NEWUSER);
    bool mounted = unshare(flags) == 0 &&
                   mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
                   mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=256k") == 0;
    std::string path = mount_point + "/full.db";
    if (!mounted) {
      std::fprintf(stderr, "child: no tmpfs (%s); using a file-size limit\n", strerror(errno));
      signal(SIGXFSZ, SIG_IGN);

      struct rlimit limit {};

      limit.rlim_cur = limit.rlim_max = 256 * 1024;
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    _exit(FillUntilFull(path));
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
