// Tokens that cannot be words (issue 19, item 4): a 20 MB run of letters, a base64 blob or a
// consonant-only string would otherwise count as one word of a thousand syllables and give
// scores outside their range ("Flesch 121.2 of 100"). The analyser keeps them, and web and
// e-mail addresses, out of the word, letter and syllable counts; text.non-words reports the
// first kinds once per text. Pure functions of the token and its language; no ICU state.
#pragma once

#include <cstdint>
#include <string_view>

#include "engine/text/segment.h"

namespace plainsight::engine::text {

enum class NonWordKind : uint8_t {
  kWord,      // counted
  kAddress,   // a web or e-mail address: read out, but not a word of the language
  kTooLong,   // a run of more than kMaxWordLetters letters (hyphenated parts taken one by one)
  kEncoded,   // 20 characters or more that look like code or encoded data: letters and digits
              // mixed, or the letter case switching again and again ("aGVsbG8gd29ybGQ")
  kNoVowels,  // five letters or more in the Latin script with no vowel, not all capitals
};

// The longest word of English dictionaries ("pneumonoultramicroscopicsilicovolcanoconiosis")
// has 45 letters.
inline constexpr int kMaxWordLetters = 45;

// What kind of token this is. Numbers and ideographic tokens are words. `lang` is the primary
// subtag: Welsh counts w as a vowel, and Czech, Slovak, Croatian, Serbian, Slovenian, Bosnian
// and Macedonian count r and l ("zmrzl", "vlk").
NonWordKind ClassifyToken(std::string_view token, TokenKind kind, std::string_view lang);

// The kind in words, for messages: "a run of more than 45 letters".
std::string_view NonWordDescription(NonWordKind kind);

}  // namespace plainsight::engine::text
