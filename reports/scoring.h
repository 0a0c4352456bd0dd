// Per-body compliance scores (docs/scoring.md has the method and a worked example). Pure
// functions of tallies that reports build from a scan's findings: every number here can be
// traced back to the pages, rules and findings it was counted from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace plainsight::reports {

// How one WCAG success criterion fared on a body's pages. A page counts once per criterion, in
// its worst state: a failure of a rule mapped to the criterion with severity error, else one
// with severity warning, else cantTell, else passed.
// WCAG success criteria in document order: "1.4.3" before "1.4.10" (number by number, then
// as text for anything that is not a number).
struct CriterionOrder {
  bool operator()(const std::string& a, const std::string& b) const;
};

struct CriterionTally {
  uint32_t pages_passed = 0;
  uint32_t pages_failed_error = 0;
  uint32_t pages_failed_warning = 0;
  uint32_t pages_cant_tell = 0;

  uint32_t applicable() const {
    return pages_passed + pages_failed_error + pages_failed_warning + pages_cant_tell;
  }

  uint32_t decided() const { return pages_passed + pages_failed_error + pages_failed_warning; }
};

using CriterionMap = std::map<std::string, CriterionTally, CriterionOrder>;

// A site-level check's outcome ("passed", "failed", "cantTell") and its weight in the site score.
struct SiteCheckTally {
  std::string id;
  std::string outcome;
  double weight = 1;
};

// What a body's scores are computed from.
struct BodyTally {
  uint32_t pages_audited = 0;  // HTML pages audited
  uint32_t pages_failed = 0;   // fetch or parse errors
  uint32_t documents = 0;      // PDF and office documents found
  uint32_t documents_audited = 0;
  uint32_t documents_with_errors = 0;  // audited documents with an error-severity failure
  uint64_t failed_error_targets = 0;
  uint64_t failed_warning_targets = 0;
  uint64_t cant_tell_targets = 0;
  uint64_t passed_targets = 0;
  CriterionMap criteria;  // by WCAG SC number, "1.1.1"
  // Plain language, over pages with enough text to measure (see ScoringOptions).
  std::vector<double> grades;  // each page's reading grade (Flesch-Kincaid, English pages)
  uint64_t words = 0;
  uint64_t sentences = 0;
  uint64_t long_sentences = 0;
  uint64_t wordy_phrases = 0;  // wordy-phrase and jargon findings
  uint32_t text_pages = 0;
  std::vector<SiteCheckTally> site_checks;
};

// The constants of the method, named (docs/scoring.md explains each).
struct ScoringOptions {
  double criterion_weight = 0.75;     // of the accessibility score; density takes the rest
  double density_half = 5;            // weighted failures per page that halve the density part
  double warning_weight = 0.5;        // a warning counts half an error
  double grade_best = 8;              // reading grade at or below which the grade part is 1
  double grade_worst = 14;            // at or above which it is 0
  double long_share_worst = 0.30;     // share of long sentences at which that part is 0
  double wordy_per_1000_worst = 15;   // wordy phrases per 1,000 words at which that part is 0
  uint32_t min_text_words = 50;       // a page with fewer words is not measured for text
  double weight_accessibility = 0.5;  // of the overall index
  double weight_plain_language = 0.2;
  double weight_site = 0.2;
  double weight_documents = 0.1;
};

struct ComponentScore {
  std::optional<double> value;  // 0-100; nullopt when it could not be measured
  std::string basis;            // how it was worked out, with the numbers
};

struct BodyScores {
  ComponentScore accessibility;
  ComponentScore plain_language;
  ComponentScore documents;
  ComponentScore site;
  std::optional<double> index;  // 0-100, weighted mean of the measured components
  std::optional<int> band;      // 1-4 service level
  std::string confidence;       // "high", "medium", "low" or "none"
  std::vector<std::string> confidence_reasons;
  // Figures shown with the scores.
  double criterion_pass_rate = 0;  // 0-1
  double weighted_failures_per_page = 0;
  double cant_tell_share = 0;  // of page-criterion states
  std::optional<double> median_grade;
  std::optional<double> long_sentence_share;
  std::optional<double> wordy_per_1000;
  size_t criteria_tested = 0;
};

BodyScores ScoreBody(const BodyTally& tally, const ScoringOptions& options = {});

// The band's name: 1 "Basic", 2 "Developing", 3 "Established", 4 "Leading".
const char* BandName(int band) noexcept;

// A score rounded to one decimal, as reports print it.
double RoundScore(double value) noexcept;

}  // namespace plainsight::reports
