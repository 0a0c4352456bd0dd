// Sentence and word segmentation with ICU break iterators (UAX #29, with ICU's dictionaries for
// Chinese, Japanese, Thai and other scripts written without spaces), plus the repairs plain ICU
// needs on real prose (issue 3 item 2, issue 12):
//  - a full stop after an abbreviation ends a sentence or not by the abbreviation's kind and the
//    next word (segment_abbreviations.h): "Dr. Murphy", "the U.K. Parliament", "By 9 a.m. Ms.
//    Kelly had left" and "Co. Cork" go on; "in the U.K. They...", "Byrne & Co. It was...", "at
//    6 p.m. Mr. Walsh then..." end. An initial ("J. Smith") ends one only before a common
//    sentence starter ("you and I. Did..."). For English and Irish the segmenter decides alone
//    (ICU's "ss=standard" suppressions would hide boundaries such as "the U.S. How"); other
//    languages keep ICU's suppressions;
//  - a sentence never ends before a lower-case word (ellipses, "?" and "!" inside a sentence);
//  - numbered items inside one line ("1.) Fill in the form 2.) Sign it", "1) a 2) b", "1. a 2. b",
//    "• 4. a • 5. b", "a. b. c.", "i. ii.") are one sentence each when the first starts a
//    sentence; the marker stays in the sentence's span but is not a word. A list run into a
//    sentence ("Bring: 1. a form 2. a photo") stays one sentence;
//  - a spaced three-dot ellipsis (". . .") leaves the sentence open, four dots close it; an
//    unspaced one ("...", U+2026) closes it before a capitalised word;
//  - a citation in brackets after a quotation ("...stairways" (Smith 55).) stays with it;
//  - URLs and e-mail addresses are single words and never split a sentence;
//  - a word glued across a boundary ("world.Today") is split there;
//  - hyphenated compounds ("well-known") are one word, as readability formulas count them.
// Headings and list items without a full stop end at their block's end (see extract.h).
// Decimals, quotes and brackets after a full stop are handled by ICU's rules (UAX #29 SB6-SB11).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace plainsight::engine::text {

enum class TokenKind : uint8_t { kWord, kNumber, kUrl, kEmail, kIdeographic };

struct Token {
  uint32_t start = 0;  // byte offsets into the segmented text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool hyphenated = false;  // joined from parts by hyphens ("well-known")
};

struct SentenceSpan {
  uint32_t start = 0;  // byte offsets; trailing spaces excluded
  uint32_t end = 0;
  bool cut = false;  // ended by the max_words limit, not by punctuation
};

using SentenceCallback = std::function<void(const SentenceSpan&, const std::vector<Token>&)>;

class Segmenter {
 public:
  // `lang` is a BCP 47 tag ("en", "ga-IE", "zh-Hant"); "" means root rules. Fails with kInternal
  // when ICU cannot build its break iterators (missing ICU data).
  static Result<std::unique_ptr<Segmenter>> Create(std::string_view lang);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Calls `on_sentence` for each sentence of `text` (UTF-8, one block) in order, with its word
  // and number tokens. Sentences without any word are skipped. A sentence longer than
  // `max_words` is cut there, so memory stays bounded whatever the input (a 100 MB text with no
  // punctuation gives many cut sentences, never one 100 MB token list).
  void Segment(std::string_view text, uint32_t max_words, const SentenceCallback& on_sentence);

  // Conveniences for tests and tools.
  std::vector<SentenceSpan> Sentences(std::string_view text, uint32_t max_words = 1000);
  std::vector<Token> Words(std::string_view text);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The primary language subtag, lowercase: "en-IE" -> "en", "GA" -> "ga", "" -> "".
std::string PrimaryLanguage(std::string_view tag);

}  // namespace plainsight::engine::text
