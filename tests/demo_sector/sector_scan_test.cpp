// `plainsight scan` on the demo sector (corpora/sector), served on loopback as `make demo`
// serves it (each body on ID.localhost), gives each body the site facts its design
// (corpora/sector/design.json) says: a model statement passes and a partial one lacks the
// sections its design says are missing, a body with no statement fails, a statement prepared
// more than a year before the scan is flagged, charters, complaints pages, contact details from
// the home page, Irish-language versions (and a page labelled English behind a "Gaeilge" link)
// and documents without an HTML version are found.
//
// The expectations are read from design.json, never written here per body: a body added to the
// design is checked the same way. Statement dates are judged against today (the scan's date),
// so a statement that ages past a year turns from passed to failed here as it would in a scan.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "plainsight/source_dir.h"
#include "tests/crawler/test_server.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using plainsight::testing::TestConnection;
using plainsight::testing::TestRequest;
using plainsight::testing::TestServer;

namespace {

const fs::path kSector = fs::path(PLAINSIGHT_SOURCE_DIR) / "corpora" / "sector";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The media types nginx gives these files in scripts/demo.sh.
std::string ContentType(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css"},
      {".svg", "image/svg+xml"},
      {".txt", "text/plain"},
      {".pdf", "application/pdf"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  };
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// Serves corpora/sector/ID/ for Host ID.localhost, as scripts/demo.sh's nginx does: "/dir/" is
// dir/index.html, a missing file is the body's 404.html (or a bare page) with status 404.
void ServeSector(const TestRequest& r, TestConnection& c) {
  std::string host = r.headers.count("host") ? r.headers.at("host") : "";
  host = host.substr(0, host.find(':'));
  std::string body = EndsWith(host, ".localhost") ? host.substr(0, host.size() - 10) : "";
  std::string path = r.target.substr(0, r.target.find_first_of("?#"));
  bool safe = !body.empty() && body.find('/') == std::string::npos && body[0] != '.' &&
              path.find("..") == std::string::npos && !path.empty() && path[0] == '/';
  fs::path root = kSector / body;
  if (!safe || !fs::is_directory(root)) {
    c.Respond(404, "text/html", "<!DOCTYPE html><title>Not found</title><p>Not found</p>");
    return;
  }
  fs::path file = root / path.substr(1);
  if (path.back() == '/') {
    file /= "index.html";
  }
  if (!fs::is_regular_file(file)) {
    fs::path missing = root / "404.html";
    c.Respond(404, "text/html; charset=utf-8",
              fs::is_regular_file(missing) ? ReadFile(missing)
                                           : "<!DOCTYPE html><title>Not found</title>");
    return;
  }
  c.Respond(200, ContentType(file), ReadFile(file));
}

struct TempDir {
  fs::path path;

  TempDir() {
    char tmpl[] = "/tmp/plainsight-demo-sector-XXXXXX";
    path = mkdtemp(tmpl);
  }

  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// The bodies file of the demo (bodies.csv.in with the server's port).
std::string WriteBodies(const TempDir& dir, int port) {
  std::string csv = ReadFile(kSector / "bodies.csv.in");
  const std::string marker = "@PORT@";
  for (size_t at = csv.find(marker); at != std::string::npos; at = csv.find(marker, at)) {
    csv.replace(at, marker.size(), std::to_string(port));
  }
  fs::path out = dir.path / "bodies.csv";
  std::ofstream(out) << csv;
  return out.string();
}

// Each body's site facts: body id -> fact name -> the parsed JSON value.
using Facts = std::map<std::string, std::map<std::string, json>>;

Facts ReadFacts(const std::string& db_path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT body_id, name, value FROM site_facts", -1, &st, nullptr) ==
          SQLITE_OK);
  Facts facts;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string body = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    std::string value = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
    facts[body][name] = json::parse(value, nullptr, false);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return facts;
}

// One scan of the whole demo sector, made once for every test case.
struct Scan {
  int exit_code = -1;
  std::string err;
  Facts facts;
};

const Scan& SectorScan() {
  static Scan scan;
  static bool done = false;
  if (done) {
    return scan;
  }
  done = true;
  TestServer server(ServeSector);
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());
  std::string db = (dir.path / "sector.db").string();
  std::string err = (dir.path / "err").string();
  std::string command = std::string("'") + PLAINSIGHT_BINARY + "' scan '" + bodies + "' --db '" +
                        db + "' --allow-private --delay-ms 0 --progress none > /dev/null 2> '" +
                        err + "'";
  int status = std::system(command.c_str());
  scan.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  scan.err = ReadFile(err);
  if (fs::exists(db)) {
    scan.facts = ReadFacts(db);
  }
  return scan;
}

const json& Design() {
  static const json kDesign = json::parse(ReadFile(kSector / "design.json"));
  return kDesign;
}

// Days from 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian, H. Hinnant's days_from_civil).
long DaysFromCivil(const std::string& ymd) {
  int y = std::stoi(ymd.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(ymd.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(ymd.substr(8, 2)));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

long TodayDays() {
  return static_cast<long>(std::time(nullptr) / 86400);
}

const json& Fact(const std::string& body, const std::string& rule) {
  static const json kMissing;
  const Scan& scan = SectorScan();
  auto b = scan.facts.find(body);
  if (b == scan.facts.end()) {
    return kMissing;
  }
  auto f = b->second.find(rule);
  return f == b->second.end() ? kMissing : f->second;
}

std::string Outcome(const std::string& body, const std::string& rule) {
  const json& f = Fact(body, rule);
  return f.is_object() && f.contains("outcome") && f["outcome"].is_string()
             ? f["outcome"].get<std::string>()
             : "(no fact)";
}

// Does any evidence URL or the message name `path` on the body's host?
bool Mentions(const json& fact, const std::string& path) {
  if (!fact.is_object()) {
    return false;
  }
  for (const json& e : fact.value("evidence", json::array())) {
    std::string url = e.get<std::string>();
    auto host_end = url.find('/', url.find("//") + 2);
    if (host_end != std::string::npos && url.substr(host_end) == path) {
      return true;
    }
  }
  return fact.value("message", "").find(path) != std::string::npos;
}

constexpr const char* kSiteRules[] = {
    "site.accessibility-statement", "site.accessible-document-formats",
    "site.complaints-procedure",    "site.contact-details",
    "site.customer-charter",        "site.irish-language-version",
    "site.statement-content",       "site.statement-date",
};

}  // namespace

// One test case, one scan: each SECTION below runs after the same scan (SectorScan keeps it), so
// ctest starts the scan once rather than once per check.
TEST_CASE("demo sector scan: the site facts of every body are as its design says",
          "[demo-sector][scan]") {
  const Scan& scan = SectorScan();
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);

  SECTION("every body is scanned and gets every site fact, as the contract says") {
    const std::set<std::string> outcomes = {"passed", "failed", "cantTell", "inapplicable"};
    for (const json& body : Design()["bodies"]) {
      std::string id = body["id"];
      for (const char* rule : kSiteRules) {
        INFO(id << " " << rule);
        const json& f = Fact(id, rule);
        REQUIRE(f.is_object());
        CHECK(outcomes.count(f.value("outcome", "")) == 1);
        CHECK_FALSE(f.value("message", "").empty());
      }
    }
  }

  SECTION("statements are found, and judged against the EU model statement") {
    for (const json& body : Design()["bodies"]) {
      std::string id = body["id"];
      const json& design = body["statement"];
      std::string kind = design["kind"];
      INFO(id << " (statement " << kind << ")");
      INFO(Fact(id, "site.accessibility-statement").dump(1));
      if (kind == "none") {
        CHECK(Outcome(id, "site.accessibility-statement") == "failed");
        CHECK(Outcome(id, "site.statement-content") == "inapplicable");
        CHECK(Outcome(id, "site.statement-date") == "inapplicable");
        continue;
      }
      CHECK(Outcome(id, "site.accessibility-statement") == "passed");
      CHECK(Mentions(Fact(id, "site.accessibility-statement"), design["path"]));

      const json& content = Fact(id, "site.statement-content");
      INFO(content.dump(1));
      REQUIRE(content.is_object());
      const json& details = content["details"];
      CHECK(details.value("statement_url", "").find(design["path"].get<std::string>()) !=
            std::string::npos);
      // design.json names sections with underscores; the fact's details with hyphens, and the
      // preparation method is its own entry.
      auto found = [&](const std::string& section) {
        if (section == "preparation_method") {
          return details["methods"].value("self_assessment", false) ||
                 details["methods"].value("third_party", false);
        }
        std::string key = section;
        std::replace(key.begin(), key.end(), '_', '-');
        return details["sections"][key].value("found", false);
      };
      for (const json& s : design["sections"]) {
        INFO("section " << s);
        CHECK(found(s));
      }
      bool missing_any = false;
      for (const json& s : design.value("missing", json::array())) {
        INFO("missing section " << s);
        CHECK_FALSE(found(s));
        missing_any = true;
      }
      CHECK(Outcome(id, "site.statement-content") == (missing_any ? "failed" : "passed"));

      // A year is 365 days (site.statement-date's max_age_days).
      const json& date = Fact(id, "site.statement-date");
      INFO(date.dump(1));
      long age = TodayDays() - DaysFromCivil(design["prepared"]);
      CHECK(Outcome(id, "site.statement-date") == (age > 365 ? "failed" : "passed"));
      CHECK(date.dump().find(design["prepared"].get<std::string>()) != std::string::npos);
    }
  }

  SECTION("charters, complaints procedures and contact details as designed") {
    for (const json& body : Design()["bodies"]) {
      std::string id = body["id"];
      INFO(id);
      INFO(Fact(id, "site.customer-charter").dump(1));
      INFO(Fact(id, "site.complaints-procedure").dump(1));
      INFO(Fact(id, "site.contact-details").dump(1));
      CHECK(Outcome(id, "site.customer-charter") ==
            (body["charter"].empty() ? "failed" : "passed"));
      CHECK(Outcome(id, "site.complaints-procedure") ==
            (body["complaints"].is_null() ? "failed" : "passed"));
      if (!body["complaints"].is_null()) {
        CHECK(Mentions(Fact(id, "site.complaints-procedure"), body["complaints"]));
      }
      bool all = true;
      for (const auto& [kind, present] : body["contact_from_home"].items()) {
        all = all && present.get<bool>();
      }
      CHECK(Outcome(id, "site.contact-details") == (all ? "passed" : "failed"));
    }
  }

  SECTION("Irish-language versions, and an English page behind a Gaeilge link") {
    for (const json& body : Design()["bodies"]) {
      std::string id = body["id"];
      const json& irish = body["irish"];
      INFO(id);
      INFO(Fact(id, "site.irish-language-version").dump(1));
      std::string expected = "failed";
      if (!irish["ga_pages"].empty()) {
        expected = "passed";
      } else if (!irish.value("mislabelled_ga_pages", json::array()).empty()) {
        expected = "cantTell";  // a person must read the page the switcher leads to
      }
      CHECK(Outcome(id, "site.irish-language-version") == expected);
      for (const json& page : irish.value("mislabelled_ga_pages", json::array())) {
        CHECK(Mentions(Fact(id, "site.irish-language-version"), page));
      }
    }
  }

  SECTION("documents without an HTML version beside them are named") {
    for (const json& body : Design()["bodies"]) {
      std::string id = body["id"];
      INFO(id);
      const json& fact = Fact(id, "site.accessible-document-formats");
      INFO(fact.dump(1));
      size_t without = 0;
      size_t on_request = 0;
      for (const json& d : body["documents"]) {
        if (d["html_alternative"].is_null()) {
          ++without;
          on_request += d.value("other_formats_on_request", false);
          CHECK(fact.dump().find(d["path"].get<std::string>()) != std::string::npos);
        }
      }
      // Only offered "in other formats on request": a person must judge (cantTell).
      std::string expected = without == 0            ? "passed"
                             : on_request == without ? "cantTell"
                                                     : "failed";
      CHECK(Outcome(id, "site.accessible-document-formats") == expected);
      if (fact.is_object()) {
        CHECK(fact["details"].value("without_alternative", size_t{0}) == without - on_request);
        CHECK(fact["details"].value("on_request_only", size_t{0}) == on_request);
        CHECK(fact["details"].value("documents", size_t{0}) == body["documents"].size());
      }
    }
  }
}
