// Per-body scores (scoring.h; the method is docs/scoring.md).
#include "reports/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plainsight::reports {

bool CriterionOrder::operator()(const std::string& a, const std::string& b) const {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    auto digits = [](const std::string& s, size_t& k) {
      size_t start = k;
      while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
        ++k;
      }
      return std::string_view(s).substr(start, k - start);
    };
    std::string_view x = digits(a, i);
    std::string_view y = digits(b, j);
    if (!x.empty() && !y.empty()) {
      // Equal-length digit runs compare as text; a shorter run (no leading zeros in SC
      // numbers) is the smaller number.
      if (x.size() != y.size()) {
        return x.size() < y.size();
      }
      if (x != y) {
        return x < y;
      }
      continue;
    }
    if (!x.empty() || !y.empty()) {
      return !x.empty();  // a number before text
    }
    if (a[i] != b[j]) {
      return a[i] < b[j];
    }
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

namespace {

double Clamp01(double x) {
  return std::min(1.0, std::max(0.0, x));
}

std::string Fixed(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

double RoundScore(double value) noexcept {
  return std::round(value * 10) / 10;
}

const char* BandName(int band) noexcept {
  switch (band) {
    case 1:
      return "Basic";
    case 2:
      return "Developing";
    case 3:
      return "Established";
    case 4:
      return "Leading";
    default:
      return "";
  }
}

BodyScores ScoreBody(const BodyTally& t, const ScoringOptions& o) {
  BodyScores s;

  // Accessibility: criterion pass rates and failure density.
  double rate_sum = 0;
  uint64_t states = 0;
  uint64_t cant_tell_states = 0;
  for (const auto& [criterion, c] : t.criteria) {
    states += c.applicable();
    cant_tell_states += c.pages_cant_tell;
    if (c.decided() == 0) {
      continue;
    }
    ++s.criteria_tested;
    rate_sum += (c.pages_passed + o.warning_weight * c.pages_failed_warning) /
                static_cast<double>(c.decided());
  }
  s.cant_tell_share = states == 0 ? 0 : static_cast<double>(cant_tell_states) / states;
  if (t.pages_audited > 0 && s.criteria_tested > 0) {
    s.criterion_pass_rate = rate_sum / static_cast<double>(s.criteria_tested);
    s.weighted_failures_per_page =
        (static_cast<double>(t.failed_error_targets) +
         o.warning_weight * static_cast<double>(t.failed_warning_targets)) /
        t.pages_audited;
    double density = 1 / (1 + s.weighted_failures_per_page / o.density_half);
    double a =
        100 * (o.criterion_weight * s.criterion_pass_rate + (1 - o.criterion_weight) * density);
    s.accessibility.value = RoundScore(a);
    s.accessibility.basis =
        "mean pass rate " + Fixed(100 * s.criterion_pass_rate) + "% over " +
        std::to_string(s.criteria_tested) + " WCAG criteria tested on " +
        std::to_string(t.pages_audited) + " pages (weight " + Fixed(o.criterion_weight, 2) +
        "), and " + Fixed(s.weighted_failures_per_page, 2) +
        " weighted failures per page giving a density part of " + Fixed(100 * density) +
        "% (weight " + Fixed(1 - o.criterion_weight, 2) + ")";
  } else {
    s.accessibility.basis =
        t.pages_audited == 0 ? "no page could be audited" : "no rule applied to the pages audited";
  }

  // Plain language: reading grade, long sentences, wordy phrases.
  std::vector<std::pair<double, std::string>> parts;
  if (!t.grades.empty()) {
    s.median_grade = Median(t.grades);
    double g = Clamp01((o.grade_worst - *s.median_grade) / (o.grade_worst - o.grade_best));
    parts.emplace_back(
        g, "median reading grade " + Fixed(*s.median_grade) + " (part " + Fixed(100 * g) + "%)");
  }
  if (t.sentences > 0) {
    s.long_sentence_share = static_cast<double>(t.long_sentences) / t.sentences;
    double l = Clamp01(1 - *s.long_sentence_share / o.long_share_worst);
    parts.emplace_back(
        l, Fixed(100 * *s.long_sentence_share) + "% long sentences (part " + Fixed(100 * l) + "%)");
  }
  if (t.words > 0) {
    s.wordy_per_1000 = 1000.0 * static_cast<double>(t.wordy_phrases) / t.words;
    double w = Clamp01(1 - *s.wordy_per_1000 / o.wordy_per_1000_worst);
    parts.emplace_back(w, Fixed(*s.wordy_per_1000) + " wordy phrases per 1,000 words (part " +
                              Fixed(100 * w) + "%)");
  }
  if (!parts.empty()) {
    double sum = 0;
    std::string basis;
    for (const auto& [value, text] : parts) {
      sum += value;
      basis += (basis.empty() ? "" : ", ") + text;
    }
    s.plain_language.value = RoundScore(100 * sum / static_cast<double>(parts.size()));
    s.plain_language.basis =
        "mean of " + basis + " over " + std::to_string(t.text_pages) + " pages with text";
  } else {
    s.plain_language.basis = "no page had enough text to measure";
  }

  // Documents: the share audited without an error-severity failure.
  if (t.documents_audited > 0) {
    double ok =
        static_cast<double>(t.documents_audited - t.documents_with_errors) / t.documents_audited;
    s.documents.value = RoundScore(100 * ok);
    s.documents.basis = std::to_string(t.documents_audited - t.documents_with_errors) + " of " +
                        std::to_string(t.documents_audited) +
                        " documents audited without a certain failure";
  } else {
    s.documents.basis = t.documents == 0 ? "no documents found"
                                         : std::to_string(t.documents) +
                                               " documents found, none audited in this scan";
  }

  // Site-level checks.
  double weight = 0;
  double got = 0;
  size_t passed = 0;
  for (const SiteCheckTally& c : t.site_checks) {
    weight += c.weight;
    if (c.outcome == "passed") {
      got += c.weight;
      ++passed;
    } else if (c.outcome == "cantTell") {
      got += c.weight / 2;
    }
  }
  if (weight > 0) {
    s.site.value = RoundScore(100 * got / weight);
    s.site.basis = std::to_string(passed) + " of " + std::to_string(t.site_checks.size()) +
                   " site-level checks passed (cantTell counts half; weighted)";
  } else {
    s.site.basis = "no site-level checks in this scan";
  }

  // The index: a weighted mean of the components that could be measured.
  struct Part {
    const ComponentScore& score;
    double weight;
    const char* name;
  };

  const Part index_parts[] = {{s.accessibility, o.weight_accessibility, "accessibility"},
                              {s.plain_language, o.weight_plain_language, "plain language"},
                              {s.site, o.weight_site, "site-level checks"},
                              {s.documents, o.weight_documents, "documents"}};
  double total_weight = 0;
  double total = 0;
  for (const Part& p : index_parts) {
    if (p.score.value) {
      total_weight += p.weight;
      total += p.weight * *p.score.value;
    } else if (p.weight > 0) {
      s.confidence_reasons.push_back(std::string(p.name) + " not measured: " + p.score.basis);
    }
  }
  if (s.accessibility.value && total_weight > 0) {
    s.index = RoundScore(total / total_weight);
    s.band = *s.index >= 85 ? 4 : *s.index >= 70 ? 3 : *s.index >= 50 ? 2 : 1;
  }

  // Confidence: how far the figures can be trusted.
  if (!s.index) {
    s.confidence = "none";
    return s;
  }
  if (t.pages_audited < 10) {
    s.confidence_reasons.push_back("only " + std::to_string(t.pages_audited) +
                                   (t.pages_audited == 1 ? " page" : " pages") + " audited");
  }
  if (s.cant_tell_share > 0.2) {
    s.confidence_reasons.push_back(Fixed(100 * s.cant_tell_share) +
                                   "% of page-criterion results need a person to decide");
  }
  if (t.pages_failed > 0) {
    s.confidence_reasons.push_back(std::to_string(t.pages_failed) +
                                   (t.pages_failed == 1 ? " page" : " pages") +
                                   " could not be fetched or read");
  }
  bool low = t.pages_audited < 3 || s.cant_tell_share > 0.5;
  s.confidence = low ? "low" : s.confidence_reasons.empty() ? "high" : "medium";
  return s;
}

}  // namespace plainsight::reports
