// Scores: the worked example of docs/scoring.md, figure by figure, and the edge cases.
#include "reports/scoring.h"

#include <catch2/catch.hpp>

namespace pr = plainsight::reports;

namespace {

pr::BodyTally WorkedExample() {
  pr::BodyTally t;
  t.pages_audited = 10;
  t.criteria["1.1.1"] = {7, 3, 0, 0};
  t.criteria["1.4.3"] = {6, 2, 2, 0};
  t.criteria["2.4.2"] = {10, 0, 0, 0};
  t.criteria["3.1.1"] = {9, 1, 0, 0};
  t.criteria["4.1.2"] = {5, 1, 0, 2};
  t.failed_error_targets = 12;
  t.failed_warning_targets = 4;
  t.grades = {9, 10, 11, 12, 13};  // median 11
  t.sentences = 100;
  t.long_sentences = 18;
  t.words = 5000;
  t.wordy_phrases = 30;  // 6 per 1,000 words
  t.text_pages = 5;
  t.site_checks = {{"site.accessibility-statement", "passed", 2},
                   {"site.statement-content", "cantTell", 2},
                   {"site.statement-date", "failed", 2},
                   {"site.customer-charter", "passed", 1},
                   {"site.complaints-procedure", "passed", 1},
                   {"site.contact-details", "passed", 1},
                   {"site.irish-language-version", "failed", 1},
                   {"site.accessible-document-formats", "cantTell", 1}};
  return t;
}

}  // namespace

TEST_CASE("scoring: the worked example of docs/scoring.md", "[reports][scoring]") {
  pr::BodyScores s = pr::ScoreBody(WorkedExample());
  CHECK(s.criteria_tested == 5);
  CHECK(s.criterion_pass_rate == Approx(0.8267).epsilon(0.001));
  CHECK(s.weighted_failures_per_page == Approx(1.4));
  REQUIRE(s.accessibility.value);
  CHECK(*s.accessibility.value == Approx(81.5));
  REQUIRE(s.median_grade);
  CHECK(*s.median_grade == Approx(11));
  REQUIRE(s.plain_language.value);
  CHECK(*s.plain_language.value == Approx(50.0));
  REQUIRE(s.site.value);
  CHECK(*s.site.value == Approx(59.1));
  CHECK_FALSE(s.documents.value);
  REQUIRE(s.index);
  CHECK(*s.index == Approx(69.5));
  CHECK(s.band == 2);
  CHECK(std::string(pr::BandName(*s.band)) == "Developing");
  CHECK(s.confidence == "medium");
  REQUIRE(s.confidence_reasons.size() == 1);
  CHECK(s.confidence_reasons[0].find("documents") != std::string::npos);
  CHECK(s.accessibility.basis.find("5 WCAG criteria") != std::string::npos);
}

TEST_CASE("scoring: a body with no audited page has no index and no confidence",
          "[reports][scoring]") {
  pr::BodyTally t;
  t.pages_failed = 3;
  pr::BodyScores s = pr::ScoreBody(t);
  CHECK_FALSE(s.index);
  CHECK_FALSE(s.band);
  CHECK(s.confidence == "none");
  CHECK(s.accessibility.basis == "no page could be audited");
}

TEST_CASE("scoring: a clean, well-measured body is band 4 with high confidence",
          "[reports][scoring]") {
  pr::BodyTally t;
  t.pages_audited = 20;
  t.criteria["1.1.1"] = {20, 0, 0, 0};
  t.criteria["2.4.2"] = {20, 0, 0, 0};
  t.grades = {7, 8};
  t.sentences = 200;
  t.words = 3000;
  t.text_pages = 2;
  t.documents = 2;
  t.documents_audited = 2;
  t.site_checks = {{"site.accessibility-statement", "passed", 2}};
  pr::BodyScores s = pr::ScoreBody(t);
  CHECK(*s.accessibility.value == Approx(100));
  CHECK(*s.plain_language.value == Approx(100));
  CHECK(*s.documents.value == Approx(100));
  CHECK(*s.index == Approx(100));
  CHECK(s.band == 4);
  CHECK(s.confidence == "high");
}

TEST_CASE("scoring: many pages to review make the confidence low", "[reports][scoring]") {
  pr::BodyTally t;
  t.pages_audited = 12;
  t.criteria["1.4.3"] = {2, 0, 0, 10};
  pr::BodyScores s = pr::ScoreBody(t);
  REQUIRE(s.index);
  CHECK(s.cant_tell_share == Approx(10.0 / 12));
  CHECK(s.confidence == "low");
}

TEST_CASE("scoring: the same tallies always give the same scores", "[reports][scoring]") {
  pr::BodyScores a = pr::ScoreBody(WorkedExample());
  pr::BodyScores b = pr::ScoreBody(WorkedExample());
  CHECK(*a.index == *b.index);
  CHECK(a.accessibility.basis == b.accessibility.basis);
}

TEST_CASE("scoring: criteria are listed in WCAG order", "[reports][scoring]") {
  pr::CriterionOrder less;
  CHECK(less("1.4.3", "1.4.10"));
  CHECK_FALSE(less("1.4.10", "1.4.3"));
  CHECK(less("1.4.12", "2.1.1"));
  CHECK(less("2.4.4", "2.4.11"));
  CHECK_FALSE(less("1.1.1", "1.1.1"));
  CHECK(less("1.1", "1.1.1"));
  CHECK(less("4.1.2", "best-practice"));
}
