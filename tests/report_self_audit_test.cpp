// Our own HTML reports must pass our own rules (at AAA): a report about accessibility that is
// itself inaccessible would be worse than none.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "engine/runner.h"
#include "reports/html_report.h"
#include "rules/catalog.h"

namespace pe = plainsight::engine;

namespace {

std::vector<std::string> Failures(const std::string& html) {
  auto doc = pe::Document::ParseHtml(html, {});
  REQUIRE(doc.has_value());
  auto page = pe::Page::Build(std::move(*doc));
  std::vector<std::string> out;
  for (const auto& r : pe::RunRules(*page, plainsight::rules::AllRules()).results) {
    for (const auto& f : r.findings) {
      if (f.outcome == pe::Outcome::kFailed) {
        out.push_back(std::string(r.rule->id) + ": " + f.message);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("reports: the HTML audit report passes every rule", "[reports][self-audit]") {
  // A real audit of a page with failures, so the report has findings to show.
  auto doc = pe::Document::ParseHtml(
      "<!DOCTYPE html><html><body><img src=x.png><a href=/a></a>"
      "<p style='color:#ccc'>faint</p></body></html>",
      {});
  REQUIRE(doc.has_value());
  auto page = pe::Page::Build(std::move(*doc));
  plainsight::reports::AuditedInput input;
  input.source = "bad <page>.html";
  input.audit = pe::RunRules(*page, plainsight::rules::AllRules());
  plainsight::reports::AuditedInput unreadable;
  unreadable.source = "missing.html";
  unreadable.error = "no such file";
  std::vector<plainsight::reports::AuditedInput> inputs{input, unreadable};
  std::ostringstream html;
  plainsight::reports::WriteAuditHtml(inputs, html);
  CHECK(html.str().find("bad &lt;page&gt;.html") != std::string::npos);
  auto failures = Failures(html.str());
  INFO((failures.empty() ? "" : failures[0]));
  CHECK(failures.empty());
}
