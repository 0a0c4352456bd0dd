// Readability formulas; sources and worked examples in docs/readability.md.
#include "engine/text/readability.h"

#include <cmath>

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

Metrics ComputeMetrics(const TextCounts& c, std::string_view lang) {
  Metrics m;
  m.counts = c;
  if (c.words == 0 || c.sentences == 0) {
    return m;
  }
  const double words = static_cast<double>(c.words);
  const double sentences = static_cast<double>(c.sentences);
  const double asl = words / sentences;
  const double awl = static_cast<double>(c.letters) / words;
  m.average_sentence_length = asl;
  m.average_word_length = awl;
  m.lix = asl + 100.0 * static_cast<double>(c.long_words) / words;
  m.coleman_liau = 0.0588 * (100.0 * static_cast<double>(c.letters) / words) -
                   0.296 * (100.0 * sentences / words) - 15.8;
  m.ari = 4.71 * (static_cast<double>(c.characters) / words) + 0.5 * asl - 21.43;
  std::string primary = PrimaryLanguage(lang);
  if (primary == "it") {
    m.gulpease = 89.0 + (300.0 * sentences - 10.0 * static_cast<double>(c.letters)) / words;
  }
  if (!CountsSyllables(lang)) {
    return m;
  }
  const double asw = static_cast<double>(c.syllables) / words;
  m.average_syllables_per_word = asw;
  m.flesch_reading_ease = 206.835 - 1.015 * asl - 84.6 * asw;
  m.flesch_kincaid_grade = 0.39 * asl + 11.8 * asw - 15.59;
  m.gunning_fog = 0.4 * (asl + 100.0 * static_cast<double>(c.complex_words) / words);
  m.smog = 1.0430 * std::sqrt(static_cast<double>(c.polysyllables) * 30.0 / sentences) + 3.1291;
  if (primary == "de") {
    m.amstad = 180.0 - asl - 58.5 * asw;
    const double ms = 100.0 * static_cast<double>(c.polysyllables) / words;
    const double iw = 100.0 * static_cast<double>(c.long_words) / words;
    const double es = 100.0 * static_cast<double>(c.monosyllables) / words;
    m.wiener_sachtextformel = 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875;
  } else if (primary == "es") {
    m.fernandez_huerta = 206.84 - 60.0 * asw - 1.02 * asl;
  } else if (primary == "fr") {
    m.kandel_moles = 207.0 - 1.015 * asl - 73.6 * asw;
  } else if (primary == "nl") {
    m.douma = 206.835 - 0.93 * asl - 77.0 * asw;
  }
  return m;
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
