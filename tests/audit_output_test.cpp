// `plainsight audit` output written page by page (issue 17): every format is byte-identical to
// the report the binary wrote before it streamed (tests/audit_output/expected, captured from the
// binary of commit 72a99ee with tests/audit_output/capture.sh), with one thread or two; JSON Lines
// carries the same page objects as JSON; and the spill that the formats written at the end use
// keeps its bytes. A page rendered ahead on its audit thread gives the bytes it would in its turn.
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "audit/output_sink.h"
#include "audit/page_auditor.h"
#include "audit/settings.h"
#include "cli/commands.h"
#include "engine/page.h"
#include "plainsight/source_dir.h"

namespace fs = std::filesystem;

namespace {

const std::string kHere = std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/audit_output";

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

struct TempDir {
  fs::path path;

  TempDir() {
    char tmpl[] = "/tmp/plainsight-audit-output-XXXXXX";
    path = mkdtemp(tmpl);
  }

  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// Runs `plainsight audit SITE --no-text --rules ... --fail-on never FLAGS --out FILE` as
// capture.sh does (from an empty folder, so that no .plainsight.toml is found) and returns the
// output with the site's folder and the version replaced as in the expected files.
std::string AuditSite(const std::string& flags, int threads, int* status = nullptr) {
  TempDir dir;
  std::string rules = Read(kHere + "/rules.txt");
  std::vector<std::string> args = {"audit",   kHere + "/site", "--no-text",
                                   "--rules", rules,           "--fail-on",
                                   "never",   "--threads",     std::to_string(threads)};
  std::istringstream words(flags);
  for (std::string w; words >> w;) {
    args.push_back(w);
  }
  std::string out = (dir.path / "out").string();
  args.emplace_back("--out");
  args.push_back(out);
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  fs::path cwd = fs::current_path();
  fs::current_path(dir.path);
  int rc = plainsight::cli::RunAudit(static_cast<int>(argv.size()), argv.data());
  fs::current_path(cwd);
  if (status != nullptr) {
    *status = rc;
  }
  std::string text = Read(out);
  ReplaceAll(text, kHere + "/site", "@SITE@");
  ReplaceAll(text, PLAINSIGHT_VERSION, "@VERSION@");
  return text;
}

struct Case {
  std::string name;
  std::string flags;
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  std::istringstream lines(Read(kHere + "/cases.txt"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    size_t bar = line.find('|');
    cases.push_back({line.substr(0, bar), bar == std::string::npos ? "" : line.substr(bar + 1)});
  }
  return cases;
}

}  // namespace

TEST_CASE(
    "audit output: every format is byte-identical to the report written before streaming, "
    "with one thread or two",
    "[cli][audit-output]") {
  std::vector<Case> cases = Cases();
  REQUIRE(cases.size() >= 7);
  for (const Case& c : cases) {
    std::string expected = Read(kHere + "/expected/" + c.name);
    REQUIRE_FALSE(expected.empty());
    for (int threads : {1, 2}) {
      INFO(c.name << " with --threads " << threads);
      std::string got = AuditSite(c.flags, threads);
      CHECK(got.size() == expected.size());
      CHECK(got == expected);
    }
  }
}

TEST_CASE(
    "audit output: --format jsonl has a line per page, the same objects as --format json, "
    "then the summary",
    "[cli][audit-output]") {
  int status = -1;
  std::string lines = AuditSite("--format jsonl", 2, &status);
  CHECK(status == 2);  // the site has a dangling link with a page's name: unreadable
  nlohmann::json report = nlohmann::json::parse(Read(kHere + "/expected/report.json"));
  std::istringstream in(lines);
  std::vector<nlohmann::json> parsed;
  for (std::string line; std::getline(in, line);) {
    parsed.push_back(nlohmann::json::parse(line));
  }
  REQUIRE(parsed.size() == report["pages"].size() + 1);
  for (size_t i = 0; i < report["pages"].size(); ++i) {
    INFO("line " << i);
    CHECK(parsed[i] == nlohmann::json{{"page", report["pages"][i]}});
  }
  CHECK(parsed.back()["summary"] == report["summary"]);
  CHECK(parsed.back()["tool"]["name"] == "plainsight");
}

TEST_CASE("audit output: the spill gives back its bytes, indented line by line on request",
          "[audit][audit-output]") {
  plainsight::audit::Spill spill;
  REQUIRE(spill.ok());
  std::string big(200000, 'x');  // more than one read buffer
  spill.Append("{\n  \"a\": 1\n},\n");
  spill.Append(big);
  std::ostringstream plain;
  REQUIRE(spill.CopyTo(plain));
  CHECK(plain.str() == "{\n  \"a\": 1\n},\n" + big);
  spill.Append("\nend");
  std::ostringstream indented;
  REQUIRE(spill.CopyTo(indented, "    "));
  CHECK(indented.str() == "    {\n      \"a\": 1\n    },\n    " + big + "\n    end");
  CHECK(spill.bytes() == plain.str().size() + 4);
}

TEST_CASE("audit output: a newline at the end of a read buffer indents the next line",
          "[audit][audit-output]") {
  plainsight::audit::Spill spill;
  REQUIRE(spill.ok());
  std::string first((1 << 16) - 1, 'x');  // with its newline, exactly one read buffer
  spill.Append(first + "\ny\n");
  std::ostringstream indented;
  REQUIRE(spill.CopyTo(indented, "  "));
  CHECK(indented.str() == "  " + first + "\n  y\n");
}

TEST_CASE(
    "audit output: a page rendered on its audit thread gives the same bytes as one written in "
    "its turn",
    "[audit][audit-output]") {
  namespace pa = plainsight::audit;
  namespace pe = plainsight::engine;
  pa::Settings settings;
  auto rules = pa::SelectRules("AA", "");
  REQUIRE(rules);
  settings.rules = *rules;
  std::string text_off;
  pa::PageAuditor auditor(settings, &text_off);
  std::vector<plainsight::reports::AuditedInput> pages;
  for (const char* html :
       {"<!DOCTYPE html><html lang=\"en\"><head><title>Bins</title></head><body><main>"
        "<h1>Bins</h1><p>Your bins are collected on a Tuesday.</p><img src=\"bin.png\">"
        "<a href=\"#\">click here</a></main></body></html>",
        "<html><body><p style=\"color:#999;background:#aaa\">Faint text</p>"
        "<input type=\"text\"></body></html>"}) {
    pe::ParseOptions parse;
    parse.url = "https://example.ie/page";
    auto document = pe::Document::ParseHtml(html, parse);
    REQUIRE(document);
    auto page = pe::Page::Build(std::move(*document));
    pages.push_back(auditor.Audit(*page, "https://example.ie/page").input);
  }
  plainsight::reports::AuditedInput unreadable;
  unreadable.source = "missing.html";
  unreadable.error = "no such file";
  pages.push_back(unreadable);

  for (pa::OutputFormat format :
       {pa::OutputFormat::kText, pa::OutputFormat::kJsonl, pa::OutputFormat::kJson}) {
    INFO("format " << static_cast<int>(format));
    pa::OutputOptions options;
    options.format = format;
    options.report.list_review_in_text = true;
    std::ostringstream in_turn;
    std::ostringstream ahead;
    auto sink_in_turn = pa::OutputSink::Create(options, in_turn);
    auto sink_ahead = pa::OutputSink::Create(options, ahead);
    REQUIRE(sink_in_turn);
    REQUIRE(sink_ahead);
    for (const auto& page : pages) {
      (*sink_in_turn)->Page(plainsight::reports::AuditedInput(page));
      std::optional<std::string> rendered = (*sink_ahead)->Render(page);
      REQUIRE(rendered);
      (*sink_ahead)->RenderedPage(plainsight::reports::AuditedInput(page), std::move(*rendered));
    }
    REQUIRE((*sink_in_turn)->Finish({}, {}));
    REQUIRE((*sink_ahead)->Finish({}, {}));
    CHECK(in_turn.str().size() > 200);
    CHECK(ahead.str() == in_turn.str());
    CHECK((*sink_ahead)->tally().totals.failed == (*sink_in_turn)->tally().totals.failed);
    CHECK((*sink_ahead)->tally().unreadable.size() == 1);
  }
}
