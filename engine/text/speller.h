// Spelling for the analyser (issue 3; issue 20, cheap suggestions): one Hunspell dictionary per
// language, its verdicts, and its suggestions in two tiers, cached for the whole process.
//
// Hunspell's suggest() works in two phases: edits of the word (swapped, missing, extra or
// replaced letters, the REP table, splits into two words), each checked against the dictionary,
// then an n-gram comparison with every word of the dictionary. The second phase costs 30-100 ms a
// word (the first 1-20 ms) and runs whenever the first finds no "good" edit, so it dominated
// `plainsight text` on technical prose. Measured on 104 common English misspellings and the
// misspelt words of 20 KB of dpkg documentation, the first phase's list is always the start of
// the full list: the n-gram phase only adds to its tail, or gives distant words ("dpkg" ->
// "GDP") when no edit fits. So the dictionary is loaded with its affix file plus
// `MAXNGRAMSUGS 0`: suggestions are Hunspell's edit phase, topped up by one step of our own for
// doubled letters (SuggestUndoubled). A word with neither has no close match (text.unusual-words).
//
// Most of what remained was compounding: en_GB's two COMPOUNDRULEs (ordinal numbers: "21st",
// "102nd") make Hunspell try every split of every candidate of the edit phase as a compound, about
// three quarters of suggest()'s time and much of spell()'s for unknown words. Those compounds all
// contain a digit, and the analyser checks no word with a digit, nor can the edit phase put one
// into a word (no digit in TRY, KEY, REP, MAP or the conversions). So when CompoundRulesNeedDigits
// holds, the rules are dropped from the affix file too: same verdicts on every word the analyser
// checks, same suggestions (tests/text/spelling_test.cpp compares against the file as installed).
//
// Internal to engine/text: Hunspell stays a private dependency.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/text_facts.h"

namespace plainsight::engine::text {

// kFast drops compound rules that can only make words with digits (above); kAsInstalled keeps
// the affix file as it is, bar MAXNGRAMSUGS (for tests that compare the two).
enum class SpellerMode { kFast, kAsInstalled };

class Speller {
 public:
  // Loads `base`.aff and `base`.dic. Hunspell reports no load errors; a dictionary that cannot
  // be read knows no words.
  explicit Speller(const std::string& base, SpellerMode mode = SpellerMode::kFast);
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  // 1 = correct, 0 = not in the dictionary, -1 = cannot be written in its encoding.
  // `use_cache` = false when the caller caches the verdict itself (the analyser's word table).
  int Check(const std::string& word, bool use_cache = true);

  // Suggestions already computed for `word` with this dictionary, by any analyser of this process
  // (`serve` keeps several), or false. Thread-safe.
  bool Cached(const std::string& word, std::vector<std::string>& out) const;

  // Up to three suggestions from Hunspell's edit phase (fast), or none.
  std::vector<std::string> SuggestEdits(const std::string& word);

  // For a word with fewer than three edit suggestions: the edit suggestions of the word with one
  // doubled letter
  // made single (the first two doubles tried; "tommorow" -> "tomorow" -> "tomorrow"), up to
  // three. Doubling errors are the commonest English misspellings, and Hunspell finds these
  // only in its n-gram phase.
  std::vector<std::string> SuggestUndoubled(const std::string& word);

  // Records suggestions for Cached(), for every analyser of the process. Thread-safe.
  void Remember(const std::string& word, const std::vector<std::string>& suggestions);

  // Whether the dictionary was loaded without its COMPOUNDRULE lines (kFast, when
  // CompoundRulesNeedDigits held). Words with a digit may then be judged differently.
  bool compound_rules_dropped() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether every word that the COMPOUNDRULE lines of affix file `aff` can build contains an ASCII
// digit, and no suggestion can bring a digit into a word: `aff` has compound rules and no other
// compounding (COMPOUNDFLAG, COMPOUNDBEGIN...), single-byte flags (no FLAG, no AF), no digit in
// TRY, KEY, REP, MAP, ICONV or OCONV nor in an affix's strip, and every entry of dictionary
// `dic` that carries a flag named in a rule has a digit. False when unsure.
bool CompoundRulesNeedDigits(std::string_view aff, std::string_view dic);

// Empties the process-wide suggestion cache (for benches that time cold analyses).
void ForgetSuggestions();

// How many dictionaries this process has loaded so far (tests check that loading is lazy).
size_t SpellersLoaded();

// Is `w` an identifier, a path or a camelCase name rather than a word of language `lang`
// ("os_type", "a/b", "postProcessing", "iPhone")? Such tokens are not spell-checked: no
// suggestion fits them, and they cost Hunspell the most.
// Interpretation: Irish initial mutations put one or two lower-case letters before a capital
// ("i nGaillimh", "na hÉireann", "ár bhFeirm"); in Irish that alone is not camelCase.
bool IsIdentifierLike(std::string_view w, std::string_view lang);

// Fills in the suggestions of facts.misspellings (spellers[i] is the dictionary of entry i), in
// order of first use (shortest words first when there is a time limit: they are the cheapest):
// from the process's cache (free), else while the limits allow (at most `max_words` words looked
// up and `budget_ms` of wall time; 0 = no time limit): SuggestEdits, topped up to three with
// SuggestUndoubled. Entries past the limits keep suggested = false. Counts what it did in
// facts.spelling_stats.
void SuggestForMisspellings(TextFacts& facts, std::span<Speller* const> spellers, size_t max_words,
                            double budget_ms);

}  // namespace plainsight::engine::text
