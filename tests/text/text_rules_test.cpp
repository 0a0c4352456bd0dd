// The plain-language rules (rules/text/) over the analyser's facts (issue 21): options replace
// thresholds, findings are located notices, a rule that throws is isolated, and documents'
// text reaches the rules.
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/text/analyser.h"
#include "engine/text/test_support.h"
#include "engine/text/text_facts.h"
#include "rules/catalog.h"

namespace plainsight::engine::text {
namespace {

std::shared_ptr<const TextFacts> FactsOf(std::string_view input) {
  auto extracted = Extract(input, "");
  REQUIRE(extracted);
  auto facts = testing::SharedAnalyser().Facts(std::move(*extracted));
  REQUIRE(facts);
  return *facts;
}

RuleResult Only(std::vector<RuleResult> results) {
  REQUIRE(results.size() == 1);
  return std::move(results[0]);
}

TEST_CASE("text.sentence-length: the max_words option replaces the default",
          "[rules][text.sentence-length]") {
  auto facts = FactsOf("We will look at the form today.");
  const Rule* one[] = {&rules::kTextSentenceLength};
  CHECK(Only(RunTextRules(*facts, one)).outcome == Outcome::kPassed);
  OptionOverrides strict{{"text.sentence-length.max_words", 5}};
  const RuleResult r = Only(RunTextRules(*facts, one, strict));
  CHECK(r.outcome == Outcome::kCantTell);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message == "sentence of 7 words (over 5)");
  // Another rule's override changes nothing here.
  OptionOverrides other{{"text.paragraph-length.max_words", 1}};
  CHECK(Only(RunTextRules(*facts, one, other)).outcome == Outcome::kPassed);
}

TEST_CASE("text rules: findings are notices located in the source, with the plainer wording",
          "[rules][text.wordy-phrase]") {
  const std::string input = "Hello.\n\nWe will utilise the hall.";
  auto facts = FactsOf(input);
  const Rule* one[] = {&rules::kTextWordyPhrase};
  const RuleResult r = Only(RunTextRules(*facts, one));
  REQUIRE(r.findings.size() == 1);
  const Finding& f = r.findings[0];
  CHECK(f.outcome == Outcome::kCantTell);
  CHECK(f.severity == engine::Severity::kNotice);
  CHECK(f.node == nullptr);
  CHECK(input.substr(f.span.start, f.span.end - f.span.start) == "utilise");
  CHECK(f.position.line == 3);
  CHECK(f.position.column == 9);
  CHECK(f.snippet == "utilise");
  CHECK(f.suggestion() == "Try: use");
  CHECK(f.compat_kind() == "wordy-phrase");
}

void Throws(const TextFacts&, const OptionValues&, Findings&) {
  throw std::runtime_error("boom");
}

TEST_CASE("text rules: a rule that throws gets cantTell with its error, the others still run",
          "[rules][text]") {
  static constexpr std::string_view kNone[] = {""};
  const Rule broken{.id = "text.broken",
                    .summary = "s",
                    .why = "w",
                    .help = "h",
                    .severity = engine::Severity::kNotice,
                    .cant_tell = kNone,
                    .check_text = &Throws};
  auto facts = FactsOf("We will check your form.");
  const Rule* two[] = {&broken, &rules::kTextPassiveVoice};
  std::vector<RuleResult> results = RunTextRules(*facts, two);
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == Outcome::kCantTell);
  CHECK(results[0].error == "boom");
  CHECK(results[1].outcome == Outcome::kPassed);
  RunOptions strict;
  strict.strict = true;
  CHECK_THROWS(RunTextRules(*facts, two, {}, strict));
}

TEST_CASE("text rules: the page rules are not run as text rules, nor the text rules on pages",
          "[rules][text]") {
  auto facts = FactsOf("We will check your form.");
  std::vector<RuleResult> results = RunTextRules(*facts, rules::AllRules());
  size_t text_rules = 0;
  for (const Rule* r : rules::AllRules()) {
    text_rules += r->check_text != nullptr;
  }
  CHECK(results.size() == text_rules);
  CHECK(text_rules >= 12);
  for (const RuleResult& r : results) {
    CHECK(r.rule->id.rfind("text.", 0) == 0);
  }
}

TEST_CASE("text rules: the compatibility view keeps the kinds and severities of before",
          "[rules][text]") {
  auto extracted = ExtractPlainText(
      "If you want to apply for a permit you should bring the completed form, two recent "
      "photographs, a utility bill that shows your address and your passport or driving licence "
      "to the office on the ground floor of the building between nine and five on a weekday.");
  REQUIRE(extracted);
  AnalysisOptions options;
  options.lang = "en";
  auto a = testing::SharedAnalyser().Analyse(*extracted, rules::AllRules(), options);
  REQUIRE(a);
  REQUIRE(a->findings.size() >= 1);
  CHECK(a->findings[0].kind == "long-sentence");
  CHECK(a->findings[0].rule == "text.sentence-length");
  CHECK(a->findings[0].severity == Severity::kError);  // over 35 words
  bool listed = false;
  for (const RuleResult& r : a->rules) {
    listed = listed || (r.rule->id == "text.sentence-length" && r.outcome == Outcome::kCantTell);
  }
  CHECK(listed);
}

TEST_CASE("text.abbreviations: Latin abbreviations are found with the plainer words",
          "[rules][text.abbreviations]") {
  auto facts = FactsOf("Bring a bill, i.e. proof of address, and photos etc. to us.");
  const Rule* one[] = {&rules::kTextAbbreviations};
  const RuleResult r = Only(RunTextRules(*facts, one));
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].snippet == "i.e.");
  CHECK(r.findings[0].suggestion() == "Write it out: \"that is\".");
  CHECK(r.findings[1].snippet == "etc.");
}

}  // namespace
}  // namespace plainsight::engine::text
