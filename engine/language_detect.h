// Which language a text is written in, detected from the text itself with CLD2 (the Compact
// Language Detector 2, Debian's libcld2): the one wrapper of the detector, used by the page rules
// (a declared lang that does not match the words) and by the plain-language analyser.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::engine {

struct DetectedLanguage {
  std::string language;   // BCP 47 primary subtag ("en", "ga", "nl"); "" when unknown
  int percent = 0;        // share of the text's bytes in that language (0-100)
  bool reliable = false;  // CLD2's own verdict on the evidence
  int words = 0;          // words looked at (whitespace-separated)
  // The next language CLD2 found in the text and its share of the bytes ("" and 0 when none):
  // a bilingual page has both ("ga" 55, "en" 45).
  std::string second_language;
  int second_percent = 0;
};

// Detects the main language of the first `max_bytes` of UTF-8 `text`. Input is checked as
// UTF-8: detection stops at the first invalid byte. Never fails: no evidence gives language "".
// `language` is CLD2's code, primary subtag only ("iw" for Hebrew, "nb"/"nn" for Norwegian);
// compare codes with SameLanguage.
DetectedLanguage DetectLanguage(std::string_view text, size_t max_bytes = 64 * 1024) noexcept;

// A sample of `text` for the detector, at most about `budget` bytes: the text itself when it is
// no longer, else `windows` stretches of about budget/windows bytes spread evenly from its start
// to its end, each cut at spaces (or, in text without spaces, between UTF-8 characters) and
// joined by one space. CLD2 costs about 35 ns per byte (a 32 KB page text takes a millisecond)
// and needs a few hundred bytes to be sure; an even sample keeps the shares of a page's
// languages where a prefix would see only its header.
std::string EvenSample(std::string_view text, size_t budget, size_t windows);

// Do two primary language subtags name the same language, allowing for the registry's aliases
// (no/nb, he/iw, id/in, yi/ji, jv/jw, fil/tl)?
bool SameLanguage(std::string_view a, std::string_view b) noexcept;

}  // namespace plainsight::engine
