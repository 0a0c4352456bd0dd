// Text facts: what the plain-language rules (rules/text/) read (issue 21). The analyser
// (analyser.h) computes them once per text with ICU, Hunspell, CLD2 and the phrase lists:
// blocks, sentences, tokens with syllables and letter case, word-list memberships, spelling
// verdicts and suggestions, phrase-list matches, detected languages and the readability
// metrics. The rules decide, from these facts and their own options, what to report: they stay
// pure functions with no ICU, Hunspell or I/O (STYLE.md section 2).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "engine/runner.h"
#include "engine/text/extract.h"
#include "engine/text/phrase_list.h"
#include "engine/text/readability.h"
#include "engine/text/segment.h"

namespace plainsight::engine::text {

class SyllableTable;  // engine/text/syllables.h

// What the word lists and the letter case say about a token (TokenFacts::flags).
enum TokenFlag : uint16_t {
  kFirstUpper = 1 << 0,
  kInflectedEnding = 1 << 1,  // ends in -es, -ed or -ing (ASCII, any case): not "complex" at 3
  kBeForm = 1 << 2,           // "is", "were"... (passive voice)
  kBetween = 1 << 3,          // may stand between "be" and a participle ("not", "-ly")
  kParticiple = 1 << 4,
  kBy = 1 << 5,
  kNegator = 1 << 6,         // opens a double negative ("not", "-n't")
  kNotOpening = 1 << 7,      // a negator that does not open one ("without", "gan")
  kSecondNegator = 1 << 8,   // closes one as a negator (not "no", "nor", "ná")
  kNegativeWord = 1 << 9,    // closes one by its prefix ("unlikely")
  kCapsShortWord = 1 << 10,  // "a" or "i": counts in a run of capitals
  kKnownAcronym = 1 << 11,   // in <data>/<lang>/known-acronyms.txt
  kAbbreviation = 1 << 12,   // a shortened form with full stops ("e.g.", "approx."): see below
  // Left out of the counts: an address, or a token that cannot be a word (non_words.h).
  kNotAWord = 1 << 13,
};

enum class Spelling : uint8_t {
  kNotChecked,  // spelling off, no dictionary, or not a candidate (names, numbers, capitals)
  kKnown,
  kMisspelt,
};

// One token (word, number, URL...) of a sentence. Offsets are into its block's text.
struct TokenFacts {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool hyphenated = false;
  uint8_t letters = 0;  // capped at 255
  uint8_t upper = 0;
  uint8_t digits = 0;
  uint8_t syllables = 1;  // 1 where the language has no syllable counter
  uint16_t flags = 0;     // TokenFlag
  Spelling spelling = Spelling::kNotChecked;
  uint32_t misspelling = 0;  // index into TextFacts::misspellings when kMisspelt
};

struct SentenceFacts {
  uint32_t block = 0;
  uint32_t start = 0;  // offsets into the block's text
  uint32_t end = 0;
  bool cut = false;  // ended by the word limit, not by punctuation (no full stops)
  uint32_t first_token = 0;
  uint32_t tokens = 0;  // its word count
};

struct BlockFacts {
  std::string lang;  // primary subtag the block was analysed in
  uint32_t first_sentence = 0;
  uint32_t sentences = 0;
  uint64_t words = 0;
  // CLD2's reliable verdict on the block alone, or "" when detection did not run on it (it runs
  // on blocks of AnalysisOptions::block_detection_min_words words or more whose dictionary did
  // not recognise most words) or was unsure.
  std::string detected_lang;
};

// A match of a phrase list (wordy phrases, jargon, nominalisations; phrase_list.h).
struct PhraseFacts {
  uint32_t block = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string kind;  // the list's kind: "wordy-phrase", "jargon", "nominalisation"
  // The list's #severity directive (for the compatibility view).
  Severity list_severity = Severity::kInfo;
  std::string suggestion;  // the plainer phrase
};

// A word the dictionary of its language does not know.
struct Misspelling {
  std::string word;  // as Hunspell saw it (typographic apostrophes as ASCII)
  std::string lang;  // the dictionary's language
  std::vector<std::string> suggestions;
  // False when no suggestion was looked for (over AnalysisOptions::max_spelling_suggestions or
  // suggestion_budget_ms): an empty list then says nothing about close matches.
  bool suggested = false;
};

// What the spelling check did in one analysis (for tests and benches; not in the JSON output).
struct SpellingStats {
  uint32_t not_candidates = 0;     // tokens skipped as identifiers, paths or camelCase names
  uint32_t from_cache = 0;         // misspellings answered from the process's suggestion cache
  uint32_t edit_lookups = 0;       // words sent to Hunspell's edit phase
  uint32_t undoubled_lookups = 0;  // of which retried with a doubled letter made single
  uint32_t not_computed = 0;       // misspellings left without suggestions (limits reached)
  double suggestion_ms = 0;        // wall time spent on suggestions
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

struct TextFacts {
  ExtractedText text;
  std::string lang;           // the language of the metrics (primary subtag)
  std::string declared_lang;  // as declared by the document or --lang
  std::string detected_lang;  // CLD2 on the whole text, "" when unreliable or too little text
  Metrics metrics;
  bool spelling = false;           // whether words were spell-checked
  std::vector<BlockFacts> blocks;  // one per text.blocks entry
  std::vector<SentenceFacts> sentences;
  std::vector<TokenFacts> tokens;
  std::vector<PhraseFacts> phrases;  // by block, then by start
  std::vector<Misspelling> misspellings;
  SpellingStats spelling_stats;
  std::vector<std::string> notes;      // e.g. "no Hunspell dictionary for 'xx'"
  std::vector<SentenceDetail> detail;  // only with AnalysisOptions::detail
  // The language's word list when it has one (English: the words of the syllable table), for
  // rules that check a word form they build (text.passive-voice's rewrites); null otherwise.
  std::shared_ptr<const SyllableTable> word_list;

  std::string_view BlockText(uint32_t block) const { return text.blocks[block].text; }

  std::string_view TokenText(const SentenceFacts& s, const TokenFacts& t) const {
    return std::string_view(text.blocks[s.block].text).substr(t.start, t.end - t.start);
  }

  std::span<const TokenFacts> TokensOf(const SentenceFacts& s) const {
    return std::span<const TokenFacts>(tokens).subspan(s.first_token, s.tokens);
  }
};

// The word lowercased for list matching: ASCII letters, Latin-1 capitals with accents, and the
// typographic apostrophe as ASCII ("Wasn’t" -> "wasn't"). No ICU: other letters are unchanged.
std::string LowerForMatch(std::string_view word);

// Records a plain-language finding on `facts` for the block text [start, end) of `block`:
// outcome cantTell and severity notice (plain-language findings are advice a person weighs, on
// the one severity scale), the source span, line and column, the words concerned as the snippet
// (long spans shortened with "…"), `suggestion`, and the finding's kind and severity in the
// `plainsight text` JSON (`compat_kind`, `compat_severity`; docs/json-format.md).
void ReportText(Findings& out, const TextFacts& facts, uint32_t block, uint32_t start, uint32_t end,
                std::string message, std::string suggestion, std::string_view compat_kind,
                Severity compat_severity);

// The end of a finding that covers the start of a block: at most `max_bytes`, never inside a
// UTF-8 sequence.
uint32_t LeadEnd(std::string_view text, size_t max_bytes);

// Runs the text rules of `rules` (those with check_text) on `facts`, each isolated as the page
// runner isolates rules (a rule that throws gets cantTell with the error, unless
// options.strict). `overrides` replaces option defaults ("text.sentence-length.max_words").
std::vector<RuleResult> RunTextRules(const TextFacts& facts, std::span<const Rule* const> rules,
                                     const OptionOverrides& overrides = {},
                                     const RunOptions& options = {});

}  // namespace plainsight::engine::text
