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
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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

// word (lowercase) -> syllables: 127,000 words for English, built at every start-up, so it is
// built for loading speed. The words sit one after another in one string and the hash table
// holds 8-byte slots (offset, length, count, hash tag) at most half full: 2 MiB for English,
// where the 32-byte slots of WordTable (keys inline) took 8 MiB, whose zeroing, page faults and
// scattered writes were a tenth of a 20 KB draft's CPU time (issue 20). A lookup costs two
// memory accesses (slot, then key) instead of one; it is made once per distinct word of a text
// (the analyser's word cache is in front of it).
// Why not std::unordered_map: a node and a heap key per word, 127,000 allocations at start-up.
class SyllableTable {
 public:
  SyllableTable() { Rehash(1024); }

  // Keeps the first count given for a word.
  void Insert(std::string_view word, uint8_t syllables);
  // The same for many words; their slots are fetched kBatch at a time (loading, issue 20).
  static constexpr size_t kBatch = 16;
  void InsertBatch(std::span<const std::pair<std::string_view, uint8_t>> words);
  // The syllables of `word`, or -1 when it is not in the table.
  int Find(std::string_view word) const;

  size_t size() const { return size_ + long_.size() + (empty_word_ >= 0 ? 1 : 0); }

  // Makes room for `words` words of `key_bytes` bytes in all, so that loading a known number of
  // words does not grow the table step by step.
  void Reserve(size_t words, size_t key_bytes = 0);

 private:
  struct Slot {
    uint32_t offset = 0;  // of the word in keys_
    uint8_t length = 0;   // 0 = empty slot (the empty word is kept in empty_word_)
    uint8_t syllables = 0;
    uint16_t tag = 0;  // more bits of the hash, to skip most key comparisons
  };

  static_assert(sizeof(Slot) == 8);
  static constexpr size_t kMaxLength = 255;  // longer words go to long_
  static constexpr size_t kMaxKeyBytes = uint64_t{1} << 32;

  const Slot* FindSlot(std::string_view word, uint64_t hash) const;
  void InsertHashed(std::string_view word, uint8_t syllables, uint64_t hash);
  void Rehash(size_t count);

  std::string keys_;  // every word of the table, one after the other
  std::vector<Slot> slots_;
  size_t size_ = 0;
  int empty_word_ = -1;
  // Words over kMaxLength bytes, or inserted once keys_ is full (4 GiB).
  std::unordered_map<std::string, uint8_t, TransparentStringHash, std::equal_to<>> long_;
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
