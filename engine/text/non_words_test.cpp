// Which tokens cannot be words (issue 19, item 4).
#include "engine/text/non_words.h"

#include <string>

#include <catch2/catch.hpp>

namespace plainsight::engine::text {
namespace {

NonWordKind Word(std::string_view token, std::string_view lang = "en") {
  return ClassifyToken(token, TokenKind::kWord, lang);
}

TEST_CASE("non-words: more than 45 letters in a run is not a word; hyphenated parts count alone",
          "[text][non-words]") {
  CHECK(Word("pneumonoultramicroscopicsilicovolcanoconiosis") == NonWordKind::kWord);
  CHECK(Word("pneumonoultramicroscopicsilicovolcanoconiosiss") == NonWordKind::kTooLong);
  CHECK(Word(std::string(200000, 'a')) == NonWordKind::kTooLong);
  CHECK(Word("state-of-the-art-evidence-based-community-oriented-neighbourhood-policing") ==
        NonWordKind::kWord);
  CHECK(Word("Donaudampfschifffahrtsgesellschaftskapit\xC3\xA4n", "de") == NonWordKind::kWord);
}

TEST_CASE("non-words: encoded data and code are not words; codes with hyphens and names are",
          "[text][non-words]") {
  CHECK(Word("aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ") == NonWordKind::kEncoded);
  CHECK(Word("QmFzZTY0IGlzIG5vdCBhIHdvcmQ") == NonWordKind::kEncoded);
  CHECK(Word("a1b2c3d4e5f6a7b8c9d0e1f2") == NonWordKind::kEncoded);
  CHECK(Word("getElementsByClassName") == NonWordKind::kEncoded);
  CHECK(Word("COVID-19-related-guidance-for-schools") == NonWordKind::kWord);
  CHECK(Word("internationalisation") == NonWordKind::kWord);
  CHECK(Word("McDonald") == NonWordKind::kWord);
  CHECK(Word("a1b2c3") == NonWordKind::kWord);  // too short to tell
}

TEST_CASE("non-words: five Latin letters or more with no vowel are not a word, by language",
          "[text][non-words]") {
  CHECK(Word("xkcdqwrtzp") == NonWordKind::kNoVowels);
  CHECK(Word("Pfffft") == NonWordKind::kNoVowels);
  CHECK(Word("rhythm") == NonWordKind::kWord);
  CHECK(Word("NSPCC") == NonWordKind::kWord);  // capitals: an acronym
  CHECK(Word("hmm") == NonWordKind::kWord);    // too short to tell
  CHECK(Word("zmrzl", "en") == NonWordKind::kNoVowels);
  CHECK(Word("zmrzl", "cs") == NonWordKind::kWord);
  CHECK(Word("\xC4\x8Dtvrt", "cs") == NonWordKind::kWord);  // čtvrt
  CHECK(Word("cwtch", "cy") == NonWordKind::kWord);
  CHECK(Word("St\xC3\xA9phane", "fr") == NonWordKind::kWord);
  CHECK(Word("\xCE\xA3\xCF\x84\xCF\x81\xCF\x82\xCF\x84", "el") == NonWordKind::kWord);  // Greek
}

TEST_CASE("non-words: addresses are left out, numbers and ideographs are words",
          "[text][non-words]") {
  CHECK(ClassifyToken("https://www.gov.ie/", TokenKind::kUrl, "en") == NonWordKind::kAddress);
  CHECK(ClassifyToken("info@example.ie", TokenKind::kEmail, "en") == NonWordKind::kAddress);
  CHECK(ClassifyToken("12345678901234567890123", TokenKind::kNumber, "en") == NonWordKind::kWord);
  CHECK(ClassifyToken("\xE4\xB8\xAD\xE6\x96\x87", TokenKind::kIdeographic, "zh") ==
        NonWordKind::kWord);
  CHECK(NonWordDescription(NonWordKind::kTooLong) == "a run of more than 45 letters");
}

}  // namespace
}  // namespace plainsight::engine::text
