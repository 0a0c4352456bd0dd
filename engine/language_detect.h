// Which language a text is written in, detected from the text itself with CLD2 (the Compact
// Language Detector 2, Debian's libcld2): used to report a declared language (lang) that does
// not match the words on the page.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::engine {

struct DetectedLanguage {
  std::string language;  // BCP 47 primary subtag ("en", "ga", "nl"); "" when unknown
  int percent = 0;       // share of the text's bytes in that language (0-100)
  bool reliable = false; // CLD2's own verdict on the evidence
  int words = 0;         // words looked at (whitespace-separated)
};

// Detects the main language of UTF-8 `text` (invalid UTF-8 is tolerated). Never fails: no
// evidence gives language "".
DetectedLanguage DetectLanguage(std::string_view text) noexcept;

// Do two primary language subtags name the same language, allowing for the registry's aliases
// (no/nb, he/iw, id/in, yi/ji, jv/jw, fil/tl)?
bool SameLanguage(std::string_view a, std::string_view b) noexcept;

}  // namespace plainsight::engine
