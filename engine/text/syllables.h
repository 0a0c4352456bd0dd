// Syllable counting (issue 3, item 3).
//
// English: a table derived from the whole CMU Pronouncing Dictionary (corpora/text/en/
// syllables.tsv and syllables-extra.tsv, BSD licence beside them; the first pronunciation's count),
// looked up for the whole word first (capitals folded, typographic apostrophes as ASCII,
// hyphenated entries such as "able-bodied" as written), then per hyphen-separated part, then the
// table again for inflected and prefixed forms it lacks ("reorganising" = "reorganise" + 1), then
// spelling rules. Hyphenation patterns are not used for
// English: they undercount badly (issue 3 cites ~60% exact).
// Other languages: vowel-group rules, with the language's vowels (Irish á é í ó ú and its vowel
// digraphs, which are one syllable each; Spanish and Italian hiatus of strong vowels; French
// silent final e). Measured figures are in bench/text/README.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/result.h"
#include "engine/text/word_table.h"

namespace plainsight::engine::text {

// Deliberately not noexcept: libstdc++ then caches each key's hash in its node, so a lookup does
// not rehash every key along the bucket chain (measured: the table lookups took 16% of the full
// analysis before).
struct TransparentStringHash {
  using is_transparent = void;

  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// word (lowercase) -> syllables. Words of up to WordTable::kMaxKeyBytes bytes (nearly all) sit
// in a flat table, one cache line access per lookup; the few longer ones in a node map.
class SyllableTable {
 public:
  SyllableTable() : short_(size_t{1} << 20) {}

  // Keeps the first count given for a word.
  void Insert(std::string_view word, uint8_t syllables);
  // The syllables of `word`, or -1 when it is not in the table.
  int Find(std::string_view word) const;

  size_t size() const { return short_.size() + long_.size(); }

  // Makes room for `words` words (see WordTable::Reserve).
  void Reserve(size_t words) { short_.Reserve(words); }

 private:
  WordTable<uint8_t> short_;
  std::unordered_map<std::string, uint8_t, TransparentStringHash, std::equal_to<>> long_;
  bool short_overflow_ = false;  // some short words are in long_
  // The longest word inserted: a longer one is not looked up (nor hashed: LookUp asks for every
  // split of a word, which would be quadratic in a giant token).
  size_t longest_ = 0;
};

// Reads `word<TAB>count` files (# comments) into one table; the first count given for a word
// wins. Fails with kNotFound or kParse (with file and line).
Result<std::shared_ptr<const SyllableTable>> LoadSyllableTable(const std::string& path);
Result<std::shared_ptr<const SyllableTable>> LoadSyllableTables(
    const std::vector<std::string>& paths);

// The English table of `data_dir` (corpora/text): en/syllables.tsv (English words) and
// en/syllables-extra.tsv (the rest of the CMU Pronouncing Dictionary: names, places, American
// spellings, words with apostrophes, hyphens or full stops).
Result<std::shared_ptr<const SyllableTable>> LoadEnglishSyllableTable(const std::string& data_dir);

class SyllableCounter {
 public:
  // `lang` is a BCP 47 tag. For English, `table` may be null (rules only).
  SyllableCounter(std::string_view lang, std::shared_ptr<const SyllableTable> table);

  // Syllables in one word (UTF-8, any case; hyphenated compounds are summed). At least 1 for
  // any word that has a letter; 1 for numbers and symbols.
  int Count(std::string_view word) const;
  // The same without the table (for measuring the rules on their own).
  int CountByRules(std::string_view word) const;

  bool english() const { return english_; }

  // The word table (English), null when there is none.
  const std::shared_ptr<const SyllableTable>& table() const { return table_; }

 private:
  int CountPart(std::string_view lower, bool use_table) const;
  int LookUp(std::string_view lower, int depth) const;  // -1 when not derivable from the table
  std::string lang_;
  bool english_ = false;
  std::shared_ptr<const SyllableTable> table_;
};

// Spelling rules for one lowercase ASCII English word (letters and apostrophes).
int EnglishSyllablesByRule(std::string_view lower_word);

// Vowel-group rules for one lowercase word in `lang` (primary subtag).
int VowelGroupSyllables(std::string_view lower_word_utf8, std::string_view lang);

}  // namespace plainsight::engine::text
