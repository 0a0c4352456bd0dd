// Readability formulas (issue 3, item 4). Pure functions of counts; each formula, its source
// and its reading are documented in docs/readability.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight::engine::text {

struct TextCounts {
  uint64_t words = 0;
  uint64_t sentences = 0;
  uint64_t syllables = 0;
  uint64_t complex_words = 0;  // Gunning: 3+ syllables, not a proper noun, hyphenated compound,
                               // or 3 syllables only through -es/-ed/-ing
  uint64_t polysyllables = 0;  // SMOG and Wiener: 3+ syllables, no exclusions
  uint64_t monosyllables = 0;  // Wiener: words of one syllable
  uint64_t letters = 0;        // letters only (Coleman-Liau, Gulpease, average word length)
  uint64_t characters = 0;     // letters and digits (ARI)
  uint64_t long_words = 0;     // LIX and Wiener: more than 6 letters
  uint64_t paragraphs = 0;
  // Tokens kept out of every count above: addresses and tokens that cannot be words
  // (non_words.h).
  uint64_t left_out = 0;
  // Chinese: Han characters, and those among the language's common characters
  // (corpora/text/zh/common-characters.txt); 0 for other languages.
  uint64_t han = 0;
  uint64_t common_han = 0;

  TextCounts& operator+=(const TextCounts& other);
};

// The formulas were defined on samples of 100 words (Flesch 1948, Gunning 1952, Coleman and
// Liau 1975) and SMOG on 30 sentences (McLaughlin 1969): a shorter text gets no score, and a note
// that says why, instead of a number from too little text.
inline constexpr uint64_t kMinWordsToScore = 100;
inline constexpr uint64_t kMinSentencesForSmog = 30;

// The averages are empty when the text has no words or no sentences; the scores also when it
// has too few (above), and the syllable-based ones for languages whose syllables are not counted
// (Chinese, Japanese, Thai...). Scores are clamped to their defined range: the 0-100 ease scores
// (Flesch, Amstad, Fernández Huerta, Kandel-Moles, Gulpease, Douma) to 0-100, grades and indexes
// to 0 and above, the Wiener Sachtextformel to its school grades 4-15.
//
// Each language gets the measures that are valid for it (issue 16): English the English formulas
// (Flesch to ARI) and LIX; German, Spanish, French, Italian and Dutch their own formulas and LIX;
// other alphabetic languages (Irish...) LIX, designed to compare languages, and sentence and word
// length; languages written without spaces between words (Chinese, Japanese, Thai...) characters
// per sentence and no formula. `measures_note` says which when it is not English.
struct Metrics {
  TextCounts counts;
  std::optional<double> average_sentence_length;  // words per sentence
  // Languages written without spaces: characters (letters) per sentence.
  std::optional<double> average_sentence_characters;
  // Chinese: the share of its Han characters (0-100) that are among the 2,500 most common, a
  // measure of how everyday its vocabulary is; empty for other languages.
  std::optional<double> common_character_percent;
  std::optional<double> average_word_length;  // letters per word
  std::optional<double> average_syllables_per_word;
  std::optional<double> flesch_reading_ease;   // Flesch 1948
  std::optional<double> flesch_kincaid_grade;  // Kincaid et al. 1975
  std::optional<double> gunning_fog;           // Gunning 1952
  std::optional<double> smog;                  // McLaughlin 1969
  std::optional<double> coleman_liau;          // Coleman and Liau 1975
  std::optional<double> ari;                   // Smith and Senter 1967
  std::optional<double> lix;                   // Björnsson 1968
  // Language-specific formulas, set only for their language.
  std::optional<double> amstad;                 // de: Amstad 1978
  std::optional<double> wiener_sachtextformel;  // de: Bamberger and Vanecek 1984 (1st WSTF)
  std::optional<double> fernandez_huerta;       // es: Fernández Huerta 1959
  std::optional<double> kandel_moles;           // fr: Kandel and Moles 1958
  std::optional<double> gulpease;               // it: Lucisano and Piemontese 1988
  std::optional<double> douma;                  // nl: Douma 1960
  // The JSON names of the scores left out because the text is too short, and why, in words.
  std::vector<std::string> too_short_for;
  std::vector<std::string> score_notes;
  // Which measures this language gets and why, in a sentence; empty for English.
  std::string measures_note;
};

// Computes every formula that applies to `lang` (BCP 47) from the counts.
Metrics ComputeMetrics(const TextCounts& counts, std::string_view lang);

// Does this language get syllable counts (alphabetic scripts)?
bool CountsSyllables(std::string_view lang);

// Is the tag's primary subtag an ISO 639 language ICU knows ("en", "ga-IE", "zh-Hant", "fil")?
// "klingon", "xx" and "" are not.
bool IsKnownLanguage(std::string_view tag);

// The language's English name ("ga" -> "Irish"), or the subtag when ICU has none.
std::string LanguageName(std::string_view tag);

// A sentence in plain words about a Flesch reading ease score ("fairly difficult: ...") and
// about a LIX score, for the text summary.
std::string DescribeFlesch(double score);
std::string DescribeLix(double score);
// The sentences a summary shows after its word and sentence counts, in order: the tokens left
// out of the counts, characters per sentence (languages written without spaces), which measures
// the language gets, and the too-short note when the text is too short for every score (a note
// about SMOG alone is left to the JSON). Shared by `plainsight text` and the browser checker.
std::vector<std::string> SummaryNotes(const Metrics& metrics);

}  // namespace plainsight::engine::text
