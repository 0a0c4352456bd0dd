// The plain-language analyser (issue 3, items 2-5 and 7; issue 21): computes the text facts
// (text_facts.h: segmentation, syllables, word lists, spelling, detected languages, readability
// metrics) of extracted text (extract.h) from a CLI file, a crawled page or a document, and runs
// the plain-language rules (rules/text/) over them.
//
// TextAnalysis is the `plainsight text` view of the result: its findings keep the kinds and
// severities that command has always written (a compatibility view, docs/json-format.md):
//   long-sentence              text.sentence-length
//   long-paragraph             text.paragraph-length
//   passive-voice              text.passive-voice
//   nominalisation             text.nominalisation
//   wordy-phrase, jargon       text.wordy-phrase, text.jargon (phrase lists)
//   acronym-undefined          text.undefined-acronym (never spelled out)
//   acronym-before-definition  text.undefined-acronym (used before it is spelled out)
//   misspelling                text.spelling (not in the dictionary, with suggestions)
//   unknown-word               text.unusual-words (not in the dictionary, no close match)
//   all-caps                   text.all-caps
//   double-negative            text.double-negative
//   language-mismatch          text.language-mismatch
// The rules' own results (one severity scale, outcome cantTell) are in TextAnalysis::rules.
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
#include "engine/text/text_facts.h"

namespace plainsight::engine::text {

// A finding in the compatibility view (see above).
struct TextFinding {
  std::string kind;
  std::string rule;  // the text rule that found it
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

struct TextAnalysis {
  std::string lang;           // the language the metrics use (primary subtag)
  std::string declared_lang;  // as declared by the document or --lang
  std::string detected_lang;  // CLD2, "" when unreliable or too little text
  Metrics metrics;
  std::vector<TextFinding> findings;      // ordered by position
  std::vector<SentenceDetail> sentences;  // only with AnalysisOptions::detail
  size_t findings_dropped = 0;            // over AnalysisOptions::max_findings
  std::vector<std::string> notes;         // e.g. "no Hunspell dictionary for 'xx'"
  // Each text rule run and its findings (outcome cantTell, severity notice), in rule order.
  std::vector<RuleResult> rules;
};

// How the facts are computed. The findings' thresholds are the text rules' options
// (rules/text/, docs/rules.md), replaced through rule_options.
struct AnalysisOptions {
  std::string lang;     // overrides the declared language of the document when set
  bool detail = false;  // fill TextAnalysis::sentences
  // Counts and formulas only: no word lists, spelling or findings, and the facts keep no
  // sentences or tokens (their blocks still have their counts).
  bool metrics_only = false;
  bool spelling = true;
  bool detect_language = true;
  uint32_t max_sentence_words = 500;  // hard cut for text without sentence punctuation
  // CLD2 looks at a block of its own only from this many words (fewer are too few to tell).
  uint32_t block_detection_min_words = 30;
  size_t max_findings = 5000;  // in TextAnalysis::findings; the rules' results keep them all
  size_t max_detail_sentences = 100000;
  // Words looked up for spelling suggestions per analysis (answers the process has already
  // computed are free), and the wall time they may take; misspellings past either limit are
  // reported with "no suggestion computed". 0 ms = no time limit.
  size_t max_spelling_suggestions = 50;
  double suggestion_budget_ms = 50;
  OptionOverrides rule_options;  // "text.sentence-length.max_words" -> 30
};

struct AnalyserConfig {
  std::string data_dir;  // corpora/text; "" = DefaultDataDir()
  std::string hunspell_dir = "/usr/share/hunspell";
  std::vector<std::string> extra_wordlists;  // user lists, applied to every language
  // Word-per-line files (# comments) of words the spelling check accepts in every language: the
  // names and local terms a body uses (`--words`). Matched as written or in lower case.
  std::vector<std::string> accepted_words;
};

// The data directory: $PLAINSIGHT_TEXT_DATA if set, else the source tree's corpora/text.
std::string DefaultDataDir();

// Holds the loaded resources (syllable table, phrase matchers, Hunspell dictionaries, ICU
// iterators) per language, created on first use, and what it has learnt about each distinct word
// (syllables, letter case, spelling verdict; at most 8 MiB per language, kept across analyses).
// Not thread-safe: use one Analyser per thread.
class Analyser {
 public:
  // Loads the user word lists, and starts loading the English syllable table on another thread
  // (shared by the process's analysers). Fails with kNotFound when the table's files are missing
  // and kNotFound / kParse for a missing or malformed word list; a malformed syllable table
  // fails the first analysis that needs English (kParse).
  static Result<std::unique_ptr<Analyser>> Create(const AnalyserConfig& config = {});
  ~Analyser();

  // The facts of extracted text, for the text rules. Fails only with kInternal (ICU unusable),
  // when a language's phrase lists cannot be read, or (kParse) when the English syllable table
  // is malformed; bad input was refused by the extractor.
  Result<std::shared_ptr<const TextFacts>> Facts(ExtractedText text,
                                                 const AnalysisOptions& options = {});

  // The facts, then the text rules among `rules` (those with check_text) over them, seen both
  // as rule results and as the compatibility view. Fails as Facts does.
  Result<TextAnalysis> Analyse(const ExtractedText& text, std::span<const Rule* const> rules,
                               const AnalysisOptions& options = {});
  // The same, taking the text over instead of copying it (a large page's text is megabytes).
  Result<TextAnalysis> Analyse(ExtractedText&& text, std::span<const Rule* const> rules,
                               const AnalysisOptions& options = {});

  // For the page audit: the visible text of the page's main content (or body), with lang
  // honoured per element; positions refer to document.source().
  Result<TextAnalysis> AnalyseDocument(const Document& document, std::span<const Rule* const> rules,
                                       const AnalysisOptions& options = {});

 private:
  struct Impl;
  explicit Analyser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::engine::text
