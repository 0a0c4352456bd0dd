// JSON form of a TextAnalysis (see analysis_json.h).
#include "engine/text/analysis_json.h"

#include <cmath>

namespace plainsight::engine::text {

namespace {

double Round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

void Put(nlohmann::json& j, const char* name, const std::optional<double>& v) {
  if (v.has_value() && std::isfinite(*v)) {
    j[name] = Round2(*v);
  }
}

}  // namespace

nlohmann::json MetricsToJson(const Metrics& m) {
  nlohmann::json j;
  const TextCounts& c = m.counts;
  j["words"] = c.words;
  j["sentences"] = c.sentences;
  j["paragraphs"] = c.paragraphs;
  j["syllables"] = c.syllables;
  j["complex_words"] = c.complex_words;
  j["polysyllables"] = c.polysyllables;
  j["long_words"] = c.long_words;
  j["letters"] = c.letters;
  j["left_out"] = c.left_out;
  Put(j, "average_sentence_length", m.average_sentence_length);
  Put(j, "average_sentence_characters", m.average_sentence_characters);
  Put(j, "common_character_percent", m.common_character_percent);
  Put(j, "average_word_length", m.average_word_length);
  Put(j, "average_syllables_per_word", m.average_syllables_per_word);
  Put(j, "flesch_reading_ease", m.flesch_reading_ease);
  Put(j, "flesch_kincaid_grade", m.flesch_kincaid_grade);
  Put(j, "gunning_fog", m.gunning_fog);
  Put(j, "smog", m.smog);
  Put(j, "coleman_liau", m.coleman_liau);
  Put(j, "ari", m.ari);
  Put(j, "lix", m.lix);
  Put(j, "amstad", m.amstad);
  Put(j, "wiener_sachtextformel", m.wiener_sachtextformel);
  Put(j, "fernandez_huerta", m.fernandez_huerta);
  Put(j, "kandel_moles", m.kandel_moles);
  Put(j, "gulpease", m.gulpease);
  Put(j, "douma", m.douma);
  if (!m.measures_note.empty()) {
    j["measures_note"] = m.measures_note;
  }
  if (!m.too_short_for.empty()) {
    j["too_short_for"] = m.too_short_for;
    j["score_notes"] = m.score_notes;
  }
  return j;
}

nlohmann::json FindingToJson(const TextFinding& f, bool notice) {
  return nlohmann::json{{"kind", f.kind},
                        {"rule", f.rule},
                        {"severity", notice ? "notice" : SeverityName(f.severity)},
                        {"line", f.line},
                        {"column", f.column},
                        {"start", f.start},
                        {"end", f.end},
                        {"text", f.text},
                        {"message", f.message},
                        {"suggestion", f.suggestion}};
}

nlohmann::json AnalysisToJson(const TextAnalysis& a, bool detail, bool notice) {
  nlohmann::json j;
  j["lang"] = a.lang;
  if (!a.declared_lang.empty()) {
    j["declared_lang"] = a.declared_lang;
  }
  if (!a.detected_lang.empty()) {
    j["detected_lang"] = a.detected_lang;
  }
  j["metrics"] = MetricsToJson(a.metrics);
  nlohmann::json findings = nlohmann::json::array();
  for (const TextFinding& f : a.findings) {
    findings.push_back(FindingToJson(f, notice));
  }
  j["findings"] = std::move(findings);
  if (a.findings_dropped > 0) {
    j["findings_dropped"] = a.findings_dropped;
  }
  if (!a.notes.empty()) {
    j["notes"] = a.notes;
  }
  if (!a.rules.empty()) {
    nlohmann::json rules = nlohmann::json::object();
    for (const RuleResult& r : a.rules) {
      rules[std::string(r.rule->id)] = OutcomeName(r.outcome);
    }
    j["rules"] = std::move(rules);
  }
  if (detail) {
    nlohmann::json sentences = nlohmann::json::array();
    for (const SentenceDetail& s : a.sentences) {
      nlohmann::json words = nlohmann::json::array();
      for (const WordDetail& w : s.words) {
        words.push_back({{"text", w.text}, {"syllables", w.syllables}});
      }
      sentences.push_back(
          {{"start", s.start}, {"end", s.end}, {"text", s.text}, {"words", std::move(words)}});
    }
    j["sentences"] = std::move(sentences);
  }
  return j;
}

}  // namespace plainsight::engine::text
