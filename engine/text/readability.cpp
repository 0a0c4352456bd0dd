// Readability formulas; sources and worked examples in docs/readability.md.
#include "engine/text/readability.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unicode/uloc.h>

#include "engine/text/segment.h"

namespace plainsight::engine::text {

TextCounts& TextCounts::operator+=(const TextCounts& other) {
  words += other.words;
  sentences += other.sentences;
  syllables += other.syllables;
  complex_words += other.complex_words;
  polysyllables += other.polysyllables;
  monosyllables += other.monosyllables;
  letters += other.letters;
  characters += other.characters;
  long_words += other.long_words;
  paragraphs += other.paragraphs;
  left_out += other.left_out;
  han += other.han;
  common_han += other.common_han;
  return *this;
}

bool CountsSyllables(std::string_view lang) {
  std::string primary = PrimaryLanguage(lang);
  static constexpr std::string_view kNoSyllables[] = {"zh", "ja", "ko", "th", "lo", "km", "my"};
  for (std::string_view l : kNoSyllables) {
    if (primary == l) {
      return false;
    }
  }
  return true;
}

namespace {

double Clamp(double v, double low, double high) {
  return std::isnan(v) ? v : std::min(std::max(v, low), high);
}

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool OwnFormula(const std::string& primary) {
  return primary == "de" || primary == "es" || primary == "fr" || primary == "it" ||
         primary == "nl";
}

// The JSON names of the scores computed for a language, in the order of Metrics.
std::vector<std::string> ScoreNames(const std::string& primary, bool syllables) {
  if (!syllables) {
    return {};  // written without spaces: no formula
  }
  if (primary == "en") {
    return {"flesch_reading_ease",
            "flesch_kincaid_grade",
            "gunning_fog",
            "smog",
            "coleman_liau",
            "ari",
            "lix"};
  }
  std::vector<std::string> names = {"lix"};
  if (primary == "de") {
    names.insert(names.end(), {"amstad", "wiener_sachtextformel"});
  } else if (primary == "es") {
    names.emplace_back("fernandez_huerta");
  } else if (primary == "fr") {
    names.emplace_back("kandel_moles");
  } else if (primary == "it") {
    names.emplace_back("gulpease");
  } else if (primary == "nl") {
    names.emplace_back("douma");
  }
  return names;
}

std::string MeasuresNote(const std::string& primary, std::string_view lang, bool syllables) {
  if (primary == "en" && syllables) {
    return {};  // before the name: ICU loads its display names on first use
  }
  const std::string name = LanguageName(primary.empty() ? lang : primary);
  if (!syllables) {
    return name +
           " is written without spaces between words: it is measured in characters per "
           "sentence; the readability formulas, built on syllables and letters of "
           "alphabetic languages, do not apply.";
  }
  if (OwnFormula(primary)) {
    return name +
           " has its own readability formula, shown with LIX; the English formulas "
           "(Flesch, Flesch-Kincaid and others) were not made for it and are left out.";
  }
  return "No readability formula has been validated for " + name +
         ": LIX (made to compare languages) and sentence and word length are shown.";
}

}  // namespace

Metrics ComputeMetrics(const TextCounts& c, std::string_view lang) {
  Metrics m;
  m.counts = c;
  const std::string primary = PrimaryLanguage(lang);
  const bool syllables = CountsSyllables(lang);
  if (c.words == 0 || c.sentences == 0) {
    if (c.left_out > 0) {  // not empty: only tokens that are not words
      m.too_short_for = ScoreNames(primary, syllables);
      m.score_notes.emplace_back(
          "Too short to score: the text has no words, only tokens that "
          "cannot be counted as words.");
    }
    return m;
  }
  m.measures_note = MeasuresNote(primary, lang, syllables);
  const auto words = static_cast<double>(c.words);
  const auto sentences = static_cast<double>(c.sentences);
  const double asl = words / sentences;
  const double awl = static_cast<double>(c.letters) / words;
  m.average_sentence_length = asl;
  m.average_word_length = awl;
  if (!syllables) {
    m.average_sentence_characters = static_cast<double>(c.letters) / sentences;
    if (c.han > 0 && primary == "zh") {
      m.common_character_percent =
          100.0 * static_cast<double>(c.common_han) / static_cast<double>(c.han);
    }
    return m;
  }
  m.average_syllables_per_word = static_cast<double>(c.syllables) / words;
  if (c.words < kMinWordsToScore) {
    m.too_short_for = ScoreNames(primary, syllables);
    m.score_notes.push_back("Too short to score: readability formulas need at least " +
                            std::to_string(kMinWordsToScore) + " words, and this text has " +
                            Plural(c.words, "word", "words") + ".");
    return m;
  }
  const double asw = *m.average_syllables_per_word;
  m.lix = std::max(0.0, asl + 100.0 * static_cast<double>(c.long_words) / words);
  if (primary == "en") {
    m.coleman_liau = std::max(0.0, 0.0588 * (100.0 * static_cast<double>(c.letters) / words) -
                                       0.296 * (100.0 * sentences / words) - 15.8);
    m.ari = std::max(0.0, 4.71 * (static_cast<double>(c.characters) / words) + 0.5 * asl - 21.43);
    m.flesch_reading_ease = Clamp(206.835 - 1.015 * asl - 84.6 * asw, 0, 100);
    m.flesch_kincaid_grade = std::max(0.0, 0.39 * asl + 11.8 * asw - 15.59);
    m.gunning_fog =
        std::max(0.0, 0.4 * (asl + 100.0 * static_cast<double>(c.complex_words) / words));
    if (c.sentences >= kMinSentencesForSmog) {
      m.smog = 1.0430 * std::sqrt(static_cast<double>(c.polysyllables) * 30.0 / sentences) + 3.1291;
    } else {
      m.too_short_for.emplace_back("smog");
      m.score_notes.push_back("SMOG needs at least " + std::to_string(kMinSentencesForSmog) +
                              " sentences, and this text has " +
                              Plural(c.sentences, "sentence", "sentences") + ".");
    }
  } else if (primary == "de") {
    m.amstad = Clamp(180.0 - asl - 58.5 * asw, 0, 100);
    const double ms = 100.0 * static_cast<double>(c.polysyllables) / words;
    const double iw = 100.0 * static_cast<double>(c.long_words) / words;
    const double es = 100.0 * static_cast<double>(c.monosyllables) / words;
    m.wiener_sachtextformel =
        Clamp(0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875, 4, 15);
  } else if (primary == "es") {
    m.fernandez_huerta = Clamp(206.84 - 60.0 * asw - 1.02 * asl, 0, 100);
  } else if (primary == "fr") {
    m.kandel_moles = Clamp(207.0 - 1.015 * asl - 73.6 * asw, 0, 100);
  } else if (primary == "it") {
    m.gulpease =
        Clamp(89.0 + (300.0 * sentences - 10.0 * static_cast<double>(c.letters)) / words, 0, 100);
  } else if (primary == "nl") {
    m.douma = Clamp(206.835 - 0.93 * asl - 77.0 * asw, 0, 100);
  }
  return m;
}

bool IsKnownLanguage(std::string_view tag) {
  // A well-formed tag: letters, digits and hyphens (or ICU's underscores) only.
  if (tag.size() > 35 || !std::all_of(tag.begin(), tag.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '-' || ch == '_';
      })) {
    return false;
  }
  std::string primary = PrimaryLanguage(tag);
  if (primary.size() < 2 || primary.size() > 3 ||
      !std::all_of(primary.begin(), primary.end(),
                   [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
    return false;
  }
  for (const char* const* code = uloc_getISOLanguages(); *code != nullptr; ++code) {
    if (primary == *code) {
      return true;
    }
  }
  // Three-letter codes without a two-letter form ("fil", "haw"): ICU names them.
  return primary.size() == 3 && LanguageName(primary) != primary;
}

std::string LanguageName(std::string_view tag) {
  std::string primary = PrimaryLanguage(tag);
  UChar buffer[64];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uloc_getDisplayLanguage(primary.c_str(), "en", buffer, 64, &status);
  if (U_FAILURE(status) || n <= 0) {
    return primary;
  }
  std::string name;
  for (int32_t i = 0; i < n; ++i) {
    if (buffer[i] >= 0x80) {
      return primary;  // the English names are ASCII; keep the code otherwise
    }
    name.push_back(static_cast<char>(buffer[i]));
  }
  return name;
}

std::string DescribeFlesch(double score) {
  if (score >= 90) {
    return "very easy: an 11-year-old would follow it";
  }
  if (score >= 80) {
    return "easy";
  }
  if (score >= 70) {
    return "fairly easy";
  }
  if (score >= 60) {
    return "plain English: most adults read it without effort";
  }
  if (score >= 50) {
    return "fairly difficult: shorter sentences and words would help";
  }
  if (score >= 30) {
    return "difficult: written for readers with a degree";
  }
  return "very difficult: most readers will struggle";
}

std::vector<std::string> SummaryNotes(const Metrics& m) {
  std::vector<std::string> notes;
  if (m.counts.left_out > 0) {
    notes.push_back((m.counts.left_out == 1 ? std::string("1 token was")
                                            : std::to_string(m.counts.left_out) + " tokens were") +
                    " left out of the counts: web and e-mail addresses, codes and runs of "
                    "letters are not words.");
  }
  if (m.average_sentence_characters) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f characters per sentence on average.",
                  *m.average_sentence_characters);
    notes.emplace_back(buffer);
  }
  if (m.common_character_percent) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer,
                  "%.0f%% of its characters are among the 2,500 most common.",
                  *m.common_character_percent);
    notes.emplace_back(buffer);
  }
  if (!m.measures_note.empty()) {
    notes.push_back(m.measures_note);
  }
  // LIX is computed for every language with formulas: when it is left out, every score is.
  if (std::find(m.too_short_for.begin(), m.too_short_for.end(), "lix") != m.too_short_for.end() &&
      !m.score_notes.empty()) {
    notes.push_back(m.score_notes.front());
  }
  return notes;
}

std::string DescribeLix(double score) {
  if (score < 30) {
    return "very easy (children's books)";
  }
  if (score < 40) {
    return "easy (fiction, popular press)";
  }
  if (score < 50) {
    return "medium (newspapers)";
  }
  if (score < 60) {
    return "difficult (official texts)";
  }
  return "very difficult (specialist and bureaucratic prose)";
}

}  // namespace plainsight::engine::text
