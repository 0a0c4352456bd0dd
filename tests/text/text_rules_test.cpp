// The plain-language rules (rules/text/) over the analyser's facts (issue 21): options replace
// thresholds, findings are located notices, a rule that throws is isolated, and documents'
// text reaches the rules.
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/text/analyser.h"
#include "engine/text/test_support.h"
#include "engine/text/text_facts.h"
#include "rules/catalog.h"
#include "rules/text/passive_rewrite.h"

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

namespace plainsight::engine::text {
namespace {

TEST_CASE(
    "text.passive-voice: rewrites are grammatical active sentences "
    "(tests/text/passive_sentences.tsv)",
    "[rules][text.passive-voice]") {
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/text/passive_sentences.tsv");
  REQUIRE(in);
  const Rule* one[] = {&rules::kTextPassiveVoice};
  std::string line;
  size_t sentences = 0;
  size_t matched = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string sentence = line.substr(0, tab);
    const std::string expected = line.substr(tab + 1);
    ++sentences;
    auto facts = FactsOf(sentence);
    const RuleResult r = Only(RunTextRules(*facts, one));
    INFO(sentence);
    REQUIRE_FALSE(r.findings.empty());
    REQUIRE(r.findings[0].outcome == Outcome::kCantTell);  // every one is a passive it finds
    const std::string got = r.findings[0].suggestion();
    const std::string want = expected == "-" ? "" : "Try: \"" + expected + "\"";
    CHECK(got == want);
    matched += got == want;
  }
  CHECK(sentences >= 100);
  WARN(matched << " of " << sentences << " rewrites as expected");
}

TEST_CASE("text.passive-voice: verb forms from participles", "[rules][text.passive-voice]") {
  auto known = [](std::string_view w) {
    static const std::set<std::string, std::less<>> kWords = {
        "complete", "visit",  "note",   "not",    "unite", "unit",  "add",   "ad",      "call",
        "change",   "belong", "focus",  "use",    "us",    "waste", "test",  "guide",   "suit",
        "install",  "travel", "submit", "cancel", "apply", "agree", "issue", "process", "enable"};
    return kWords.count(w) > 0;
  };

  struct Case {
    const char* participle;
    const char* base;
    const char* past;
    const char* third;
    const char* ing;
  };

  const Case cases[] = {
      {"undertaken", "undertake", "undertook", "undertakes", "undertaking"},
      {"completed", "complete", "completed", "completes", "completing"},
      {"visited", "visit", "visited", "visits", "visiting"},
      {"noted", "note", "noted", "notes", "noting"},
      {"united", "unite", "united", "unites", "uniting"},
      {"added", "add", "added", "adds", "adding"},
      {"called", "call", "called", "calls", "calling"},
      {"submitted", "submit", "submitted", "submits", "submitting"},
      {"cancelled", "cancel", "cancelled", "cancels", "cancelling"},
      {"applied", "apply", "applied", "applies", "applying"},
      {"changed", "change", "changed", "changes", "changing"},
      {"belonged", "belong", "belonged", "belongs", "belonging"},
      {"focused", "focus", "focused", "focuses", "focusing"},
      {"used", "use", "used", "uses", "using"},
      {"wasted", "waste", "wasted", "wastes", "wasting"},
      {"tested", "test", "tested", "tests", "testing"},
      {"agreed", "agree", "agreed", "agrees", "agreeing"},
      {"issued", "issue", "issued", "issues", "issuing"},
      {"processed", "process", "processed", "processes", "processing"},
      {"run", "run", "ran", "runs", "running"},
      {"set", "set", "set", "sets", "setting"},
      {"paid", "pay", "paid", "pays", "paying"},
      {"taught", "teach", "taught", "teaches", "teaching"},
      {"guided", "guide", "guided", "guides", "guiding"},
      {"installed", "install", "installed", "installs", "installing"},
      {"enabled", "enable", "enabled", "enables", "enabling"},
  };
  for (const Case& c : cases) {
    INFO(c.participle);
    rules::passive::VerbForms f = rules::passive::FormsOfParticiple(c.participle, known);
    CHECK(f.base == c.base);
    CHECK(f.past == c.past);
    CHECK(f.third == c.third);
    CHECK(f.ing == c.ing);
  }
}

}  // namespace
}  // namespace plainsight::engine::text

namespace plainsight::engine::text {
namespace {

TEST_CASE("text.passive-voice: every irregular participle the detector knows has its verb forms",
          "[rules][text.passive-voice]") {
  // The detector reads corpora/text/en/irregular-participles.txt; the rewriter's table gives
  // each its base and past. A participle added to one and not the other shows here.
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) +
                   "/corpora/text/en/irregular-participles.txt");
  REQUIRE(in);
  std::string line;
  size_t checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line == "been") {
      continue;
    }
    INFO(line);
    const rules::passive::VerbForms f = rules::passive::FormsOfParticiple(line, {});
    CHECK_FALSE(f.base.empty());
    CHECK_FALSE(f.past.empty());
    ++checked;
  }
  CHECK(checked > 100);
}

}  // namespace
}  // namespace plainsight::engine::text
