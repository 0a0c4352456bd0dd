// `plainsight audit` for CI (issue 10, item 5): SARIF 2.1.0 that validates against the shipped
// schema, JUnit XML, --fail-on, the ignore list (--ignore and .plainsight.toml), and --report
// for one site.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <libxml/parser.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "audit/ignore.h"
#include "cli/commands.h"
#include "plainsight/source_dir.h"
#include "reports/audit_report.h"
#include "reports/ci_formats.h"

namespace fs = std::filesystem;
namespace pa = plainsight::audit;
namespace pe = plainsight::engine;
namespace pr = plainsight::reports;

namespace {

struct TempDir {
  fs::path path;

  TempDir() {
    char tmpl[] = "/tmp/plainsight-ci-XXXXXX";
    path = mkdtemp(tmpl);
  }

  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int Audit(std::vector<std::string> args) {
  args.insert(args.begin(), "audit");
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  return plainsight::cli::RunAudit(static_cast<int>(argv.size()), argv.data());
}

std::string RunPython(const std::string& args) {
  std::string cmd = "/usr/bin/python3 " + std::string(PLAINSIGHT_SOURCE_DIR) +
                    "/tests/reports/validate_open_data.py " + args + " 2>&1; echo \"exit=$?\"";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string output;
  char buf[512];
  while (pipe != nullptr && fgets(buf, sizeof buf, pipe) != nullptr) {
    output += buf;
  }
  if (pipe != nullptr) {
    pclose(pipe);
  }
  return output;
}

// An image without alt (an error of html.image-name), a hostile title, a control character.
constexpr const char* kPage =
    "<!DOCTYPE html><html lang=en><head><title>]]&gt; <script>x</script> \"q\" \x01 tab\t"
    "</title></head><body><main><h1>Bins</h1>\n<img src=a.png>\n"
    "<div id=banner><img src=b.png></div></main></body></html>";

}  // namespace

TEST_CASE("ci: SARIF output validates against the SARIF 2.1.0 schema", "[cli][ci]") {
  TempDir dir;
  std::string page = dir.Write("site/index.html", kPage);
  dir.Write("site/missing-alt/more.html", kPage);
  std::string out = (dir.path / "out.sarif").string();
  CHECK(Audit({(dir.path / "site").string(), "--format", "sarif", "--out", out}) == 1);
  auto log = nlohmann::json::parse(Read(out));
  CHECK(log["version"] == "2.1.0");
  const auto& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "plainsight");
  // Every rule with a WCAG criterion links to its Understanding page.
  bool found_rule = false;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    if (rule["id"] == "html.image-name") {
      found_rule = true;
      CHECK(rule["helpUri"] == "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html");
    }
  }
  CHECK(found_rule);
  size_t image_results = 0;
  for (const auto& r : run["results"]) {
    if (r["ruleId"] != "html.image-name") {
      continue;
    }
    ++image_results;
    CHECK(r["level"] == "error");
    CHECK(r["kind"] == "fail");
    const auto& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["region"]["startLine"].get<int>() >= 2);
    std::string uri = loc["artifactLocation"]["uri"].get<std::string>();
    bool named =
        uri.find("index.html") != std::string::npos || uri.find("more.html") != std::string::npos;
    CHECK(named);
    CHECK(r["locations"][0]["logicalLocations"][0]["kind"] == "element");
  }
  CHECK(image_results == 4);
  std::string output =
      RunPython("- '" + std::string(PLAINSIGHT_SOURCE_DIR) + "/reports/schemas' '" + out + "'");
  INFO(output);
  CHECK(output.find("valid: SARIF 2.1.0") != std::string::npos);
  CHECK(output.find("exit=0") != std::string::npos);

  // An unreadable input is a tool notification, not a lost line; the log still validates.
  std::string out2 = (dir.path / "out2.sarif").string();
  CHECK(Audit({page, (dir.path / "nope.html").string(), "--format", "sarif", "--out", out2}) == 2);
  auto log2 = nlohmann::json::parse(Read(out2));
  CHECK(log2["runs"][0]["invocations"][0]["executionSuccessful"] == false);
  CHECK(log2["runs"][0]["invocations"][0]["toolExecutionNotifications"].size() == 1);
  std::string output2 =
      RunPython("- '" + std::string(PLAINSIGHT_SOURCE_DIR) + "/reports/schemas' '" + out2 + "'");
  INFO(output2);
  CHECK(output2.find("exit=0") != std::string::npos);
}

TEST_CASE("ci: JUnit output is well-formed XML with a testsuite per page", "[cli][ci]") {
  TempDir dir;
  std::string page = dir.Write("index.html", kPage);
  std::string good = dir.Write("good.html",
                               "<!DOCTYPE html><html lang=en><title>Bins - Cork County Council"
                               "</title><body><main><p>Collection days.</p></main></body></html>");
  std::string out = (dir.path / "out.xml").string();
  CHECK(Audit({page, good, "--format", "junit", "--out", out}) == 1);
  std::string xml = Read(out);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "out.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  INFO(xml.substr(0, 2000));
  REQUIRE(doc != nullptr);
  xmlNodePtr root = xmlDocGetRootElement(doc);
  REQUIRE(root != nullptr);
  CHECK(std::string(reinterpret_cast<const char*>(root->name)) == "testsuites");
  size_t suites = 0;
  for (xmlNodePtr n = root->children; n != nullptr; n = n->next) {
    suites += n->type == XML_ELEMENT_NODE &&
              std::string(reinterpret_cast<const char*>(n->name)) == "testsuite";
  }
  xmlFreeDoc(doc);
  CHECK(suites == 2);
  CHECK(xml.find("<script>") == std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("classname=\"html.image-name\"") != std::string::npos);
  CHECK(xml.find("<failure message=\"2 targets failed\" type=\"error\">") != std::string::npos);
}

TEST_CASE("ci: --fail-on decides the exit status by severity", "[cli][ci]") {
  TempDir dir;
  std::string page = dir.Write("index.html", kPage);
  std::string out = (dir.path / "out.json").string();
  CHECK(Audit({page, "--format", "json", "--out", out}) == 1);
  CHECK(Audit({page, "--fail-on", "error", "--format", "json", "--out", out}) == 1);
  CHECK(Audit({page, "--fail-on", "warning", "--format", "json", "--out", out}) == 1);
  CHECK(Audit({page, "--fail-on", "never", "--format", "json", "--out", out}) == 0);
  CHECK(Audit({page, "--fail-on", "sometimes", "--out", out}) == 2);
  // Unreadable input stays exit 2 whatever --fail-on says.
  CHECK(Audit({(dir.path / "nope.html").string(), "--fail-on", "never", "--out", out}) == 2);

  // The threshold, on findings of each severity.
  pr::AuditedInput input;
  pe::RuleResult r;
  pe::Finding f;
  f.outcome = pe::Outcome::kFailed;
  f.severity = pe::Severity::kWarning;
  r.outcome = pe::Outcome::kFailed;
  r.findings.push_back(f);
  input.audit.results.push_back(r);
  std::vector<pr::AuditedInput> inputs{input};
  CHECK_FALSE(pr::AnyFailedAtLeast(inputs, pe::Severity::kError));
  CHECK(pr::AnyFailedAtLeast(inputs, pe::Severity::kWarning));
  inputs[0].audit.results[0].findings[0].severity = pe::Severity::kError;
  CHECK(pr::AnyFailedAtLeast(inputs, pe::Severity::kError));
  inputs[0].audit.results[0].findings[0].outcome = pe::Outcome::kCantTell;
  CHECK_FALSE(pr::AnyFailedAtLeast(inputs, pe::Severity::kWarning));
}

TEST_CASE("ci: an ignore list leaves out reviewed findings, with their reason", "[cli][ci]") {
  TempDir dir;
  std::string page = dir.Write("index.html", kPage);
  std::string out = (dir.path / "out.json").string();
  // Only the image in #banner is silenced: the other one still fails.
  std::string toml = dir.Write("ignore.toml",
                               "# reviewed\n[[ignore]]\nrule = \"html.image-name\"\n"
                               "selector = \"#banner\"\nreason = \"Vendor banner, reported\"\n");
  CHECK(Audit({page, "--ignore", toml, "--format", "json", "--out", out}) == 1);
  auto j = nlohmann::json::parse(Read(out));
  const auto& p = j["pages"][0];
  REQUIRE(p["ignored"].size() == 1);
  CHECK(p["ignored"][0]["rule"] == "html.image-name");
  CHECK(p["ignored"][0]["reason"] == "Vendor banner, reported");
  CHECK(p["ignored"][0]["selector"].get<std::string>().find("banner") != std::string::npos);
  size_t image_failures = 0;
  for (const auto& f : p["findings"]) {
    image_failures += f["rule"] == "html.image-name" && f["outcome"] == "failed";
  }
  CHECK(image_failures == 1);

  // Both images, by rule and URL pattern (JSON form): the rule passes on nothing and the page
  // has no image failure left.
  std::string json = dir.Write(
      "ignore.json",
      R"({"ignore":[{"rule":"html.image-name","url":"*index.html","reason":"decorative, reviewed"}]})");
  CHECK(Audit({page, "--ignore", json, "--format", "json", "--out", out}) == 0);
  auto j2 = nlohmann::json::parse(Read(out));
  CHECK(j2["pages"][0]["ignored"].size() == 2);
  CHECK(j2["pages"][0]["rules"]["html.image-name"] != "failed");

  // Mistakes are reported with the entry, and exit 2.
  for (const std::string& bad :
       {std::string("[[ignore]]\nrule = \"html.image-name\"\n"),                    // no reason
        std::string("[[ignore]]\nreason = \"why\"\n"),                              // no match
        std::string("[[ignore]]\nselctor = \"#x\"\nreason = \"typo\"\n"),           // unknown
        std::string("[[ignore]]\nselector = \"#[\"\nreason = \"bad selector\"\n"),  // CSS
        std::string("[[ignore]\nrule = 1\n")}) {                                    // TOML
    INFO(bad);
    std::string f = dir.Write("bad.toml", bad);
    auto list = pa::IgnoreList::Load(f);
    CHECK_FALSE(list);
    CHECK(Audit({page, "--ignore", f, "--out", out}) == 2);
  }
  CHECK(Audit({page, "--ignore", (dir.path / "none.toml").string(), "--out", out}) == 2);

  // The config file of the folder the audit runs from.
  dir.Write(".plainsight.toml", "[[ignore]]\nrule = \"html.*\"\nreason = \"all reviewed\"\n");
  CHECK(pa::IgnoreList::FindConfig(dir.path.string()) == (dir.path / ".plainsight.toml").string());
  fs::path cwd = fs::current_path();
  fs::current_path(dir.path);
  int status = Audit({page, "--format", "json", "--out", out});
  fs::current_path(cwd);
  CHECK(status == 0);

  CHECK(pa::GlobMatch("https://x.ie/archive/*", "https://x.ie/archive/2019/a.html"));
  CHECK_FALSE(pa::GlobMatch("https://x.ie/archive/*", "https://x.ie/news/"));
  CHECK(pa::GlobMatch("*", ""));
  CHECK(pa::GlobMatch("a*b*c", "aXXbYYc"));
  CHECK_FALSE(pa::GlobMatch("a*b*c", "aXXbYY"));
}

TEST_CASE("ci: --report writes the sector report for one site", "[cli][ci]") {
  TempDir dir;
  dir.Write("site/index.html", kPage);
  dir.Write("site/about.html",
            "<!DOCTYPE html><html lang=en><title>About us - Cork County Council</title><body>"
            "<main><h1>About us</h1><p>We run the county's roads, libraries and parks. We "
            "answer letters within ten days.</p></main></body></html>");
  fs::path report = dir.path / "report";
  std::string out = (dir.path / "out.txt").string();
  CHECK(Audit({(dir.path / "site").string(), "--report", report.string(), "--out", out}) == 1);
  CHECK(fs::exists(report / "index.html"));
  CHECK(fs::exists(report / "bodies" / "site.html"));
  CHECK(fs::exists(report / "findings.csv"));
  auto j = nlohmann::json::parse(Read(report / "report.json"));
  REQUIRE(j["bodies"].size() == 1);
  CHECK(j["bodies"][0]["pages"].size() == 2);
  std::string body = Read(report / "bodies" / "site.html");
  CHECK(body.find("html.image-name") != std::string::npos);
  CHECK(body.find("<script>x") == std::string::npos);
  std::string output = RunPython("'" + report.string() + "' '" +
                                 std::string(PLAINSIGHT_SOURCE_DIR) + "/reports/schemas'");
  INFO(output);
  CHECK(output.find("exit=0") != std::string::npos);
  // A folder it cannot write to is exit 2 with a reason.
  dir.Write("file", "x");
  CHECK(Audit({(dir.path / "site").string(), "--report", (dir.path / "file" / "r").string(),
               "--out", out}) == 2);
}
