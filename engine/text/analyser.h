// The plain-language analyser (issue 3, items 2-5 and 7): readability metrics and findings with
// spans and advice for extracted text (extract.h), from a CLI file or a crawled page.
//
// Finding kinds (stable names, used in JSON and docs/text.md):
//   long-sentence              more words than the warning / error thresholds
//   passive-voice              English "be" + past participle (irregular participles listed)
//   nominalisation             a noun standing for a verb ("make a decision" -> "decide")
//   wordy-phrase, jargon       matches from the phrase lists in corpora/text/<lang>/lists
//   acronym-undefined          an acronym never spelled out in the text
//   acronym-before-definition  an acronym used before it is spelled out
//   misspelling, unknown-word  Hunspell: not in the dictionary, with / without suggestions
//   long-paragraph             more words than the paragraph threshold
//   all-caps                   a run of words in capitals
//   double-negative            "not unlike", "not without", Irish "ní ... neamh-"
//   language-mismatch          CLD2 detects another language than the declared one
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/dom.h"
#include "engine/result.h"
#include "engine/text/extract.h"
#include "engine/text/phrase_list.h"
#include "engine/text/readability.h"

namespace plainsight::engine::text {

struct TextFinding {
  std::string kind;
  Severity severity = Severity::kWarning;
  uint32_t start = 0;  // byte offsets into ExtractedText::source
  uint32_t end = 0;
  uint32_t line = 0;  // 1-based, of start
  uint32_t column = 0;
  std::string text;  // the words concerned (long spans are shortened with "…")
  std::string message;
  std::string suggestion;
  // Where it is in ExtractedText::blocks (for renderers that show the extracted text).
  uint32_t block = 0;
  uint32_t block_start = 0;
  uint32_t block_end = 0;
};

struct WordDetail {
  std::string text;
  int syllables = 0;
};

struct SentenceDetail {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;
  std::vector<WordDetail> words;
};

struct TextAnalysis {
  std::string lang;           // the language the metrics use (primary subtag)
  std::string declared_lang;  // as declared by the document or --lang
  std::string detected_lang;  // CLD2, "" when unreliable or too little text
  Metrics metrics;
  std::vector<TextFinding> findings;      // ordered by position
  std::vector<SentenceDetail> sentences;  // only with AnalysisOptions::detail
  size_t findings_dropped = 0;            // over AnalysisOptions::max_findings
  std::vector<std::string> notes;         // e.g. "no Hunspell dictionary for 'xx'"
};

// Thresholds are named options (STYLE.md section 2); docs/text.md lists them.
struct AnalysisOptions {
  std::string lang;           // overrides the declared language of the document when set
  bool detail = false;        // fill TextAnalysis::sentences
  bool metrics_only = false;  // counts and formulas only: no findings (the fast path)
  bool spelling = true;
  bool detect_language = true;
  uint32_t long_sentence_warning_words = 25;
  uint32_t long_sentence_error_words = 35;
  uint32_t long_paragraph_words = 150;
  uint32_t all_caps_min_words = 3;
  uint32_t max_sentence_words = 500;  // hard cut for text without sentence punctuation
  size_t max_findings = 5000;
  size_t max_detail_sentences = 100000;
  size_t max_spelling_suggestions = 50;  // Hunspell suggest() calls per analysis (they are slow)
};

struct AnalyserConfig {
  std::string data_dir;  // corpora/text; "" = DefaultDataDir()
  std::string hunspell_dir = "/usr/share/hunspell";
  std::vector<std::string> extra_wordlists;  // user lists, applied to every language
};

// The data directory: $PLAINSIGHT_TEXT_DATA if set, else the source tree's corpora/text.
std::string DefaultDataDir();

// Holds the loaded resources (syllable table, phrase matchers, Hunspell dictionaries, ICU
// iterators) per language, created on first use, and what it has learnt about each distinct word
// (syllables, letter case, spelling verdict; at most 8 MiB per language, kept across analyses).
// Not thread-safe: use one Analyser per thread.
class Analyser {
 public:
  // Loads the English syllable table and the user word lists. Fails with kNotFound / kParse
  // when they are missing or malformed.
  static Result<std::unique_ptr<Analyser>> Create(const AnalyserConfig& config = {});
  ~Analyser();

  // Analyses extracted text. Fails only with kInternal (ICU unusable); bad input was refused
  // by the extractor.
  Result<TextAnalysis> Analyse(const ExtractedText& text, const AnalysisOptions& options = {});

  // For the page audit: the visible text of the page's main content (or body), with lang
  // honoured per element; positions refer to document.source().
  Result<TextAnalysis> AnalyseDocument(const Document& document,
                                       const AnalysisOptions& options = {});

 private:
  struct Impl;
  explicit Analyser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::engine::text
