// The catalogue's invariants: sorted unique ids, complete metadata, parseable criteria, and
// passed, failed and inapplicable examples for every rule.
#include <filesystem>
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "engine/site/site_model.h"
#include "plainsight/source_dir.h"
#include "rules/catalog.h"

namespace pe = plainsight::engine;

namespace {

// "html.img-alt" lives in rules/html/img_alt.cpp (or a file named after a sibling rule sharing
// its check, such as meta_refresh.cpp for both meta-refresh rules).
bool SourceFileExists(std::string_view rule_id) {
  std::string id(rule_id);
  auto dot = id.find('.');
  if (dot == std::string::npos) {
    return false;
  }
  std::string folder = id.substr(0, dot);
  std::string name = id.substr(dot + 1);
  std::replace(name.begin(), name.end(), '-', '_');
  std::filesystem::path dir = std::filesystem::path(PLAINSIGHT_SOURCE_DIR) / "rules" / folder;
  std::string candidate = name;
  while (!candidate.empty()) {
    if (std::filesystem::exists(dir / (candidate + ".cpp"))) {
      return true;
    }
    auto cut = candidate.rfind('_');
    candidate = cut == std::string::npos ? "" : candidate.substr(0, cut);
  }
  return false;
}

// Page and site rules share one id space: checks both lists for ids, order and source files.
template <typename RuleT>
void CheckIds(std::span<const RuleT* const> rules, std::set<std::string_view>& seen) {
  REQUIRE(rules.size() >= 1);
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleT& r = *rules[i];
    INFO(r.id);
    CHECK(seen.insert(r.id).second);
    if (i > 0) {
      CHECK(rules[i - 1]->id < r.id);
    }
    CHECK(SourceFileExists(r.id));
  }
}

}  // namespace

TEST_CASE("catalog: ids are unique, sorted and name their source file", "[rules][catalog]") {
  std::set<std::string_view> seen;
  CheckIds(plainsight::rules::AllRules(), seen);
  CheckIds(plainsight::rules::AllSiteRules(), seen);
  for (const auto* r : plainsight::rules::AllSiteRules()) {
    INFO(r->id);
    CHECK(r->id.rfind("site.", 0) == 0);
    CHECK(plainsight::rules::FindSiteRule(r->id) == r);
    CHECK(plainsight::rules::FindRule(r->id) == nullptr);
  }
}

TEST_CASE("catalog: every rule has metadata, criteria that parse, and examples of each outcome",
          "[rules][catalog]") {
  const std::regex sc(R"(\d\.\d{1,2}\.\d{1,2})");
  const std::regex clause(R"((9|10|11)(\.\d{1,2}){2,4})");
  const std::regex act(R"([0-9a-z]{6})");
  // WCAG techniques and failures (C21, F73, G183, ARIA1, SCR2, PDF18), Matterhorn and PDF/UA.
  const std::regex technique(
      R"(((ARIA|C|F|G|H|PDF|SCR|SM|SVR|T)\d{1,3}|Matterhorn \d\d-\d\d\d|PDF/UA-1 \d+(\.\d+)*))");
  for (const pe::Rule* r : plainsight::rules::AllRules()) {
    INFO(r->id);
    CHECK_FALSE(r->summary.empty());
    CHECK_FALSE(r->why.empty());
    CHECK_FALSE(r->help.empty());
    // A page rule, a document rule or a text rule, one of them.
    CHECK((r->check != nullptr) + (r->check_pdf != nullptr) + (r->check_office != nullptr) +
              (r->check_text != nullptr) ==
          1);
    // Text rules (rules/text/) are the plain-language checks: the ones with WCAG success
    // criteria are levelled by them, the others are advice with no criterion.
    const bool text_rule = r->check_text != nullptr;
    CHECK(text_rule == (r->id.rfind("text.", 0) == 0));
    if (text_rule) {
      CHECK(r->severity == pe::Severity::kNotice);
      CHECK_FALSE(r->limits.empty());
    }
    for (const pe::RuleOption& o : r->options) {
      CHECK_FALSE(o.name.empty());
      CHECK_FALSE(o.description.empty());
    }
    for (auto t : r->techniques) {
      CHECK(std::regex_match(std::string(t), technique));
    }
    if (!text_rule) {
      CHECK_FALSE(r->wcag.empty());
    } else if (r->wcag.empty()) {
      CHECK(r->level == "A");  // no criterion: run at every level
    }
    for (auto c : r->wcag) {
      CHECK(std::regex_match(std::string(c), sc));
    }
    for (auto c : r->en301549) {
      CHECK(std::regex_match(std::string(c), clause));
    }
    for (auto a : r->act) {
      CHECK(std::regex_match(std::string(a), act));
    }
    CHECK((r->level == "A" || r->level == "AA" || r->level == "AAA"));
    // A rule about meaning may be unable to prove a pass: it then shows what it asks a person.
    CHECK(r->passes.size() + r->cant_tell.size() >= 1);
    if (r->severity == pe::Severity::kNotice) {
      // A rule that only asks a person (docs/rules.md, "Severity") never fails: it shows what
      // it asks instead, and has no failure examples.
      CHECK(r->cant_tell.size() >= 1);
      CHECK(r->fails.empty());
    } else {
      CHECK(r->fails.size() >= 1);
    }
    CHECK(r->inapplicable.size() >= 1);
    // The page rules beyond the ACT rules say what they cannot know (issue #11); the document
    // rules say it in docs/documents.md.
    if (r->act.empty() && r->id.rfind("html.", 0) == 0) {
      CHECK_FALSE(r->limits.empty());
    }
  }
}

TEST_CASE("catalog: every site rule has metadata, requirements, criteria that parse, and examples",
          "[rules][catalog][site]") {
  const std::regex sc(R"(\d\.\d{1,2}\.\d{1,2})");
  const std::regex clause(R"((9|10|11)(\.\d{1,2}){2,4})");
  for (const auto* r : plainsight::rules::AllSiteRules()) {
    INFO(r->id);
    CHECK_FALSE(r->summary.empty());
    CHECK_FALSE(r->why.empty());
    CHECK_FALSE(r->help.empty());
    CHECK(r->check != nullptr);
    // What requires it, in words: a directive, decision or standard, or the Irish policy.
    CHECK_FALSE(r->requirements.empty());
    for (auto q : r->requirements) {
      CHECK(q.size() > 10);
    }
    for (auto c : r->wcag) {
      CHECK(std::regex_match(std::string(c), sc));
    }
    for (auto c : r->en301549) {
      CHECK(std::regex_match(std::string(c), clause));
    }
    CHECK(r->passes.size() + r->cant_tell.size() >= 1);
    CHECK(r->fails.size() >= 1);
    CHECK(r->inapplicable.size() >= 1);
    for (const pe::RuleOption& o : r->options) {
      CHECK_FALSE(o.name.empty());
      CHECK_FALSE(o.description.empty());
    }
  }
}
