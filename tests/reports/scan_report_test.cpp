// `plainsight report` over a store written through the store interface: every file written,
// hostile page strings escaped in every format, the open data valid (Data Package profile,
// Table Schema, EARL as RDF), the HTML passing plainsight's own rules, comparison between scans,
// and the same scores from the same store.
#include "reports/scan_report.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "audit/settings.h"
#include "engine/runner.h"
#include "plainsight/source_dir.h"
#include "rules/catalog.h"
#include "store/store.h"

namespace fs = std::filesystem;
namespace pe = plainsight::engine;
namespace ps = plainsight::store;
namespace pr = plainsight::reports;

namespace {

struct TempDir {
  fs::path path;

  TempDir() {
    char tmpl[] = "/tmp/plainsight-report-XXXXXX";
    path = mkdtemp(tmpl);
  }

  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr const char* kHostileTitle = "<script>alert(1)</script> \"quoted\" & 'single'";
constexpr const char* kFormula = R"(=HYPERLINK("http://evil.example","click"))";

ps::PageRecord Page(int64_t scan, const std::string& body, const std::string& url,
                    bool with_alt_failure, bool hostile) {
  ps::PageRecord p;
  p.scan_id = scan;
  p.body_id = body;
  p.url = url;
  p.final_url = url;
  p.status = 200;
  p.kind = "html";
  p.content_type = "text/html";
  p.title = hostile ? kHostileTitle : "Home";
  p.lang = "en";
  p.rules.push_back({"html.page-title", "passed", 1, 0, 0});
  if (with_alt_failure) {
    p.rules.push_back({"html.image-name", "failed", 0, 1, 0});
    p.findings.push_back({"html.image-name", "failed", "error", "html > body > img", 4, 3,
                          hostile ? "<img src=\"x\" onerror=\"alert(1)\">" : "<img src=x>",
                          hostile ? kFormula : "The image has no name.", "", 0, 0});
  } else {
    p.rules.push_back({"html.image-name", "passed", 1, 0, 0});
  }
  p.rules.push_back({"html.color-contrast", "cantTell", 0, 0, 1});
  p.findings.push_back({"html.color-contrast", "cantTell", "notice", "#banner", 2, 1,
                        "<div id=banner>", "Text over an image", "", 0, 0});
  ps::TextMetricsRecord m;
  m.lang = "en";
  m.words = 300;
  m.sentences = 20;
  m.long_sentences = 3;
  m.flesch_kincaid_grade = 10.5;
  p.text = m;
  p.text_findings.push_back({"wordy-phrase", "warning", 10, 20, 1, 11, "in order to",
                             "\"in order to\" has a plainer alternative", "to"});
  return p;
}

// A store with two scans of three bodies: in the second, body "b" fixed its image and body
// "c" could not be reached.
std::string MakeStore(const TempDir& dir) {
  std::string path = (dir.path / "scan.db").string();
  auto store = ps::OpenStore(path);
  REQUIRE(store);
  auto rules = plainsight::audit::SelectRules("AA", "");
  REQUIRE(rules);
  for (int scan_no = 1; scan_no <= 2; ++scan_no) {
    ps::NewScan scan;
    scan.tool_version = "test";
    scan.options = "{}";
    scan.source = "bodies.csv";
    scan.bodies = {{"a", kHostileTitle, "https://a.example/", "local", "en"},
                   {"b", "Body B", "https://b.example/", "central", "en"},
                   {"c/../x", "Body C", "https://c.example/", "local", "ga"}};
    scan.rules = plainsight::audit::RuleInfos(*rules);
    auto id = (*store)->CreateScan(scan);
    REQUIRE(id);
    for (int i = 0; i < 4; ++i) {
      std::string n = std::to_string(i);
      REQUIRE((*store)->PutPage(Page(*id, "a", "https://a.example/" + n, true, i == 0)));
      REQUIRE((*store)->PutPage(
          Page(*id, "b", "https://b.example/" + n, scan_no == 1 && i == 1, false)));
    }
    // Body "a" links two documents: a PDF that fails a check and a DOCX that cannot be read.
    ps::PageRecord pdf = Page(*id, "a", "https://a.example/files/plan.pdf", false, false);
    pdf.kind = "pdf";
    pdf.content_type = "application/pdf";
    pdf.title = "";
    pdf.referrer = "https://a.example/1";
    pdf.rules = {{"pdf.tagged", "failed", 0, 1, 0}};
    pdf.findings = {
        {"pdf.tagged", "failed", "error", "document", 0, 0, "", "Not tagged.", "", 0, 0}};
    REQUIRE((*store)->PutPage(pdf));
    ps::PageRecord docx = Page(*id, "a", "https://a.example/files/form.docx", false, false);
    docx.kind = "docx";
    docx.referrer = "https://a.example/2";
    docx.error = "not a zip archive";
    docx.rules.clear();
    docx.findings.clear();
    docx.text.reset();
    docx.text_findings.clear();
    REQUIRE((*store)->PutPage(docx));
    REQUIRE((*store)->PutSiteFact({*id, "a", "site.accessibility-statement",
                                   R"({"outcome":"failed","message":"no statement found"})"}));
    REQUIRE((*store)->PutSiteFact({*id, "b", "site.accessibility-statement",
                                   R"({"outcome":"passed","message":"found at /accessibility"})"}));
    REQUIRE((*store)->FinishBody(*id, "a", ps::BodyState::kDone, ""));
    REQUIRE((*store)->FinishBody(*id, "b", ps::BodyState::kDone, ""));
    if (scan_no == 2) {
      REQUIRE((*store)->FinishBody(*id, "c/../x", ps::BodyState::kFailed,
                                   "the start page could not be fetched: <refused>"));
    } else {
      ps::PageRecord p = Page(*id, "c/../x", "https://c.example/", false, false);
      REQUIRE((*store)->PutPage(p));
      REQUIRE((*store)->FinishBody(*id, "c/../x", ps::BodyState::kDone, ""));
    }
    REQUIRE((*store)->SetScanStatus(*id, ps::ScanStatus::kDone));
  }
  return path;
}

std::vector<std::string> RuleFailures(const std::string& html) {
  auto doc = pe::Document::ParseHtml(html, {});
  REQUIRE(doc.has_value());
  auto page = pe::Page::Build(std::move(*doc));
  std::vector<std::string> out;
  for (const auto& r : pe::RunRules(*page, plainsight::rules::AllRules()).results) {
    for (const auto& f : r.findings) {
      if (f.outcome == pe::Outcome::kFailed) {
        out.push_back(std::string(r.rule->id) + ": " + f.message + " " + f.snippet);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("report: a scan becomes HTML pages and open data, with hostile strings escaped",
          "[reports][report]") {
  TempDir dir;
  std::string db = MakeStore(dir);
  auto store = ps::OpenStore(db, {true, false, 1000});
  REQUIRE(store);
  pr::ScanReportOptions options;
  options.out_dir = (dir.path / "out").string();
  options.compare_id = 1;
  auto written = pr::WriteScanReport(**store, options);
  REQUIRE(written);
  CHECK(written->scan_id == 2);
  CHECK(written->bodies == 3);
  fs::path out = options.out_dir;
  for (const char* f : {"index.html", "bodies.csv", "pages.csv", "findings.csv", "report.json",
                        "datapackage.json", "earl.jsonld", "rules/html.image-name.html"}) {
    INFO(f);
    CHECK(fs::exists(out / f));
  }
  // The body id with a slash and dots gets a safe file of its own.
  size_t body_pages = 0;
  for (const auto& e : fs::directory_iterator(out / "bodies")) {
    ++body_pages;
    CHECK(e.path().filename().string().find('/') == std::string::npos);
  }
  CHECK(body_pages == 3);

  // HTML: escaped, and free of what plainsight's own rules fail.
  std::string index = Read(out / "index.html");
  CHECK(index.find("<script>") == std::string::npos);
  CHECK(index.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(index.find("&lt;refused&gt;") != std::string::npos);
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (e.path().extension() != ".html") {
      continue;
    }
    std::string html = Read(e.path());
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("onerror=\"alert") == std::string::npos);
    auto failures = RuleFailures(html);
    INFO(e.path().string() << ": " << (failures.empty() ? "" : failures[0]));
    CHECK(failures.empty());
  }

  // Documents: a section on the body's page, counts in report.json.
  std::string body_a;
  for (const auto& e : fs::directory_iterator(out / "bodies")) {
    std::string html = Read(e.path());
    if (html.find("https://a.example/") != std::string::npos) {
      body_a = html;
    }
  }
  size_t docs = body_a.find("<h2>Documents</h2>");
  REQUIRE(docs != std::string::npos);
  std::string section = body_a.substr(docs, body_a.find("<h2>", docs + 4) - docs);
  CHECK(section.find("2 documents found: 1 with failed checks, 0 with checks to review only, 0 "
                     "with nothing found, 1 that could not be read") != std::string::npos);
  CHECK(section.find(">plan.pdf</a>") != std::string::npos);
  CHECK(section.find(">Home (DOCX)</a>") != std::string::npos);
  CHECK(section.find("<a href=\"https://a.example/1\">") != std::string::npos);
  CHECK(section.find("<a href=\"../rules/pdf.tagged.html\">pdf.tagged</a>") != std::string::npos);
  CHECK(section.find("not read: not a zip archive") != std::string::npos);
  CHECK(section.find("https://a.example/0") == std::string::npos);  // HTML pages are not listed
  std::string body_b = Read(out / "bodies" / "b.html");
  CHECK(body_b.find("No PDF or office document of this body was found") != std::string::npos);

  // CSV: the formula in a message is neutralised.
  std::string findings = Read(out / "findings.csv");
  CHECK(findings.find(",\"'=HYPERLINK(") != std::string::npos);
  CHECK(findings.find(",=HYPERLINK") == std::string::npos);

  // JSON: everything, comparison included.
  auto report = nlohmann::json::parse(Read(out / "report.json"));
  REQUIRE(report["bodies"].size() == 3);
  const auto& b = report["bodies"][1];
  CHECK(b["id"] == "b");
  CHECK(b["comparison"]["fixed_failures"].size() == 1);
  CHECK(b["comparison"]["new_failures"].empty());
  CHECK(report["bodies"][2]["scores"]["index"].is_null());
  CHECK(report["bodies"][2]["scores"]["confidence"] == "none");
  CHECK(report["bodies"][0]["scores"]["index"].is_number());
  CHECK(report["compare"]["id"] == 1);
  CHECK(report["bodies"][0]["documents"] ==
        nlohmann::json{{"total", 2}, {"with_failures", 1}, {"to_review", 0}, {"unreadable", 1}});
  CHECK(report["bodies"][1]["documents"]["total"] == 0);
  bool linked = false;
  for (const auto& page : report["bodies"][0]["pages"]) {
    linked = linked || page.value("linked_from", "") == "https://a.example/2";
  }
  CHECK(linked);

  // Open data: validated against the Data Package profile and Table Schema, EARL as RDF.
  std::string cmd = "/usr/bin/python3 " + std::string(PLAINSIGHT_SOURCE_DIR) +
                    "/tests/reports/validate_open_data.py '" + out.string() + "' '" +
                    PLAINSIGHT_SOURCE_DIR + "/reports/schemas' 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe) != nullptr) {
    output += buf;
  }
  int status = pclose(pipe);
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("valid:") != std::string::npos);
}

TEST_CASE("report: the same store gives the same scores every time", "[reports][report]") {
  TempDir dir;
  std::string db = MakeStore(dir);
  auto store = ps::OpenStore(db, {true, false, 1000});
  REQUIRE(store);
  std::vector<std::string> csvs;
  for (int i = 0; i < 2; ++i) {
    pr::ScanReportOptions options;
    options.out_dir = (dir.path / ("out" + std::to_string(i))).string();
    REQUIRE(pr::WriteScanReport(**store, options));
    csvs.push_back(Read(fs::path(options.out_dir) / "bodies.csv"));
  }
  CHECK(csvs[0] == csvs[1]);
}

TEST_CASE("report: a missing scan or store is a clear error", "[reports][report]") {
  TempDir dir;
  std::string db = MakeStore(dir);
  auto store = ps::OpenStore(db, {true, false, 1000});
  REQUIRE(store);
  pr::ScanReportOptions options;
  options.out_dir = (dir.path / "out").string();
  options.scan_id = 9;
  auto written = pr::WriteScanReport(**store, options);
  REQUIRE_FALSE(written);
  CHECK(written.error().code == pe::ErrorCode::kNotFound);
}
