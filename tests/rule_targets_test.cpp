// Rules that declare their targets (Rule::target_tags, target_attributes) are left out as
// inapplicable on pages without them (engine::MayApply). Each such rule is held to its word: on
// every HTML example of every rule and on every ACT test page, wherever the runner would leave it
// out, running it anyway finds nothing (no finding of any outcome, no passed target).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/page.h"
#include "engine/runner.h"
#include "rules/catalog.h"

namespace fs = std::filesystem;
namespace pe = plainsight::engine;

namespace {

std::unique_ptr<pe::Page> Build(std::string_view html) {
  pe::ParseOptions options;
  options.url = "https://example.ie/page.html";
  bool xml = html.rfind("<svg xmlns", 0) == 0 || html.rfind("<?xml", 0) == 0;
  auto doc = xml ? pe::Document::ParseXml(html, options) : pe::Document::ParseHtml(html, options);
  if (!doc) {
    return nullptr;
  }
  return pe::Page::Build(std::move(*doc));
}

std::vector<std::string> PageSources() {
  std::vector<std::string> out;
  for (const pe::Rule* rule : plainsight::rules::AllRules()) {
    if (rule->check == nullptr) {
      continue;  // documents and plain text: not HTML pages
    }
    for (auto examples : {rule->passes, rule->fails, rule->inapplicable, rule->cant_tell}) {
      out.insert(out.end(), examples.begin(), examples.end());
    }
  }
  const fs::path act = fs::path(PLAINSIGHT_SHARED_DIR) / "act-rules" / "testcases";
  if (fs::exists(act)) {
    for (const auto& e : fs::recursive_directory_iterator(act)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".html" || ext == ".htm" || ext == ".xhtml")) {
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        out.push_back(s.str());
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("rule targets: a rule left out for want of its targets would have found nothing",
          "[rules][targets]") {
  std::vector<const pe::Rule*> declaring;
  for (const pe::Rule* rule : plainsight::rules::AllRules()) {
    if (!rule->target_tags.empty() || !rule->target_attributes.empty()) {
      REQUIRE(rule->check != nullptr);  // page rules only
      declaring.push_back(rule);
    }
  }
  REQUIRE(declaring.size() >= 20);
  const std::vector<std::string> sources = PageSources();
  REQUIRE(sources.size() > 300);
  size_t left_out = 0;
  for (const std::string& html : sources) {
    auto page = Build(html);
    if (page == nullptr) {
      continue;
    }
    const pe::NamesPresent names(*page);
    for (const pe::Rule* rule : declaring) {
      if (pe::MayApply(*rule, names)) {
        continue;
      }
      ++left_out;
      pe::RunOptions options;
      options.keep_passed = true;
      pe::RuleResult result;
      pe::RunIsolated(*rule, options, result, [&](pe::Findings& out) { rule->check(*page, out); });
      INFO(rule->id << " on: " << html.substr(0, 300));
      CHECK(result.findings.empty());
      CHECK(result.passed == 0);
      CHECK(result.outcome == pe::Outcome::kInapplicable);
    }
  }
  CHECK(left_out > 1000);  // the check above has something to check
}

TEST_CASE("rule targets: the tags and attributes of a page's elements are present",
          "[rules][targets]") {
  auto page = Build("<!DOCTYPE html><p accesskey=\"h\">x</p>");
  REQUIRE(page != nullptr);
  const pe::NamesPresent names(*page);
  CHECK(names.MayHaveTag("p"));
  CHECK(names.MayHaveAttribute("accesskey"));
  // Absent names: with 256 bits and a handful of names, these few are clear.
  int clear = 0;
  for (std::string_view tag : {"table", "iframe", "marquee", "dl", "fieldset"}) {
    clear += names.MayHaveTag(tag) ? 0 : 1;
  }
  CHECK(clear >= 4);
}

TEST_CASE("rule targets: aria-* stands for any WAI-ARIA attribute, in any case",
          "[rules][targets]") {
  const std::string_view any = pe::NamesPresent::kAnyAriaAttribute;
  auto with_aria = Build("<!DOCTYPE html><p aria-describedby=\"n\">x</p>");
  REQUIRE(with_aria != nullptr);
  CHECK(pe::NamesPresent(*with_aria).MayHaveAttribute(any));
  // In an iframe's page too, and written in capitals in XML (SVG keeps the case as written).
  auto in_frame = Build(R"(<!DOCTYPE html><iframe srcdoc="<p aria-hidden=true>x</p>"></iframe>)");
  REQUIRE(in_frame != nullptr);
  CHECK(pe::NamesPresent(*in_frame).MayHaveAttribute(any));
  auto svg = Build(R"(<svg xmlns="http://www.w3.org/2000/svg"><g ARIA-LABEL="Map"/></svg>)");
  REQUIRE(svg != nullptr);
  CHECK(pe::NamesPresent(*svg).MayHaveAttribute(any));
  // "aria" alone, or a name that only contains it, is not an ARIA attribute.
  auto without = Build(R"(<!DOCTYPE html><p aria="x" data-aria-label="y" role="note">x</p>)");
  REQUIRE(without != nullptr);
  CHECK_FALSE(pe::NamesPresent(*without).MayHaveAttribute(any));
}
