// Internal to engine/text: what the analyser keeps per language, shared by analyser.cpp (the
// analysis) and analyser_languages.cpp (loading a language's resources, Analyser::Create).
#pragma once

#include <future>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include <unicode/umachine.h>

#include "engine/text/analyser.h"
#include "engine/text/phrase_list.h"
#include "engine/text/segment.h"
#include "engine/text/speller.h"
#include "engine/text/syllables.h"
#include "engine/text/word_table.h"

namespace plainsight::engine::text {
namespace analyser_internal {

using StringSet = std::unordered_set<std::string, TransparentStringHash, std::equal_to<>>;

// What the analyser knows about one word, by its exact bytes, in one language: the facts are
// pure functions of the bytes, so they are computed once per distinct word.
enum CachedFact : uint8_t {
  kHaveSyllables = 1 << 0,
  kHaveListFlags = 1 << 1,
  kHaveSpelling = 1 << 2,
};

struct CachedWord {
  uint8_t have = 0;  // CachedFact bits; the letter-case fields are always filled in
  uint8_t syllables = 0;
  uint8_t letters = 0;  // keys are at most WordTable::kMaxKeyBytes bytes, so these fit
  uint8_t upper = 0;
  uint8_t digits = 0;
  bool misspelt = false;
  uint16_t flags = 0;  // TokenFlag
};

// A language's dictionary, loaded on a thread of its own from Start() on: Hunspell reads its
// .dic and .aff for tens of milliseconds, which then overlaps with the rest of the language's
// start-up (segmenter, phrase lists, word sets) and with the first blocks' analysis. The first
// use waits for it. Used by one analyser (one thread) at a time, like the rest of Language.
class AsyncSpeller {
 public:
  void Start(const std::string& base) {
    auto load = [base] { return std::make_unique<Speller>(base); };
    try {
      loading_ = std::async(std::launch::async, load);
    } catch (const std::system_error&) {  // no thread to be had: load when first used
      loading_ = std::async(std::launch::deferred, load);
    }
  }

  // Whether Start() was called (the load may still be running).
  bool started() const { return loading_.valid() || speller_ != nullptr; }

  // The dictionary, or null when none was started.
  Speller* get() const {
    if (loading_.valid()) {
      speller_ = loading_.get();
    }
    return speller_.get();
  }

  explicit operator bool() const { return get() != nullptr; }

  Speller& operator*() const { return *get(); }

 private:
  mutable std::future<std::unique_ptr<Speller>> loading_;
  mutable std::unique_ptr<Speller> speller_;
};

// Everything loaded for one language.
struct Language {
  std::string code;  // primary subtag
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<SyllableCounter> syllables;
  std::unique_ptr<PhraseMatcher> phrases;
  // Loaded on the first analysis that checks spelling in this language (`--no-spelling` and
  // metrics never load it); null before that, or when no dictionary is installed.
  AsyncSpeller speller;
  std::string speller_base;  // the dictionary (path without .aff/.dic), "" when none is installed
  StringSet known_acronyms;
  StringSet participles;      // English irregular past participles
  StringSet not_participles;  // -ed words that are adjectives after "be"
  StringSet be_forms;
  StringSet negators;
  StringSet negative_words;  // words that are negative by prefix ("unlikely")
  // Chinese: the common characters (zh/common-characters.txt), sorted; empty elsewhere.
  std::vector<UChar32> common_characters;
  // Every distinct word met so far (exact bytes) with what is known about it in this language.
  WordTable<CachedWord> words;
};

using EnglishTable = Result<std::shared_ptr<const SyllableTable>>;

}  // namespace analyser_internal

struct Analyser::Impl {
  AnalyserConfig config;
  // Being loaded on another thread at first.
  std::shared_future<analyser_internal::EnglishTable> english_table;

  // The loading thread must not outlive the analyser that started it (the process may exit).
  ~Impl() {
    if (english_table.valid()) {
      english_table.wait();
    }
  }

  std::vector<PhraseList> extra_lists;
  // AnalyserConfig::accepted_words, as written and in lower case.
  analyser_internal::StringSet accepted_words;
  std::map<std::string, std::unique_ptr<analyser_internal::Language>> languages;

  // The language's resources, loading them on first use; with `spelling`, its dictionary too.
  Result<analyser_internal::Language*> Get(const std::string& code, bool spelling);
};

}  // namespace plainsight::engine::text
