// Which tokens cannot be words (see non_words.h).
#include "engine/text/non_words.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace plainsight::engine::text {

namespace {

// Vowels of the Latin script, lowercase, with the accented forms of the EU languages.
bool IsLatinVowel(UChar32 c) {
  static constexpr std::u32string_view kVowels =
      U"aeiouy\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED"
      U"\u00EE\u00EF\u00F2\u00F3\u00F4\u00F5\u00F6\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FF"
      U"\u0101\u0103\u0105\u0113\u0115\u0117\u0119\u011B\u0129\u012B\u012D\u012F\u0131\u014D"
      U"\u014F\u0151\u0153\u0169\u016B\u016D\u016F\u0171\u0173\u0177\u01CE\u01D0\u01D2\u01D4"
      U"\u1EF3";
  return kVowels.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// Letters that carry a syllable in `lang` besides the vowels.
std::u32string_view SyllabicConsonants(std::string_view lang) {
  if (lang == "cy") {
    return U"w";
  }
  static constexpr std::string_view kSyllabicRL[] = {"cs", "sk", "hr", "sr", "sl", "bs", "mk"};
  if (std::find(std::begin(kSyllabicRL), std::end(kSyllabicRL), lang) != std::end(kSyllabicRL)) {
    return U"rl\u0155\u013A";  // r, l, ŕ, ĺ
  }
  return {};
}

}  // namespace

NonWordKind ClassifyToken(std::string_view token, TokenKind kind, std::string_view lang) {
  if (kind == TokenKind::kUrl || kind == TokenKind::kEmail) {
    return NonWordKind::kAddress;
  }
  if (kind != TokenKind::kWord) {
    return NonWordKind::kWord;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(token.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(token.size(), INT32_MAX));
  int letters = 0;
  int upper = 0;
  int digits = 0;
  bool latin = true;
  bool vowel = false;
  bool encoded = false;
  int longest_run = 0;
  // The current part (hyphens separate parts: "COVID-19-related-guidance" is no code).
  int32_t part_start = 0;
  bool part_ascii = true;
  int part_letters = 0;
  int part_digits = 0;
  int part_switches = 0;
  int last_case = 0;  // 1 lower, 2 upper, 0 none yet
  // Encoded data and codes: 20 characters or more, ASCII, with letters and digits mixed or the
  // case switching more often than in any name ("McDonald" switches 3 times, "iPhone" 2).
  auto end_part = [&](int32_t end) {
    if (part_ascii && end - part_start >= 20 && part_letters > 0 &&
        (part_digits > 0 || part_switches >= 5)) {
      encoded = true;
    }
    longest_run = std::max(longest_run, part_letters);
    part_ascii = true;
    part_letters = part_digits = part_switches = last_case = 0;
  };
  const std::u32string_view syllabic = SyllabicConsonants(lang);
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      continue;
    }
    if (c == '-' || c == 0x2010 || c == 0x2011) {
      end_part(at);
      part_start = i;
      continue;
    }
    part_ascii = part_ascii && c < 0x80;
    // What the character is: ASCII without ICU's tables (the common case), the rest with them.
    bool digit;
    bool letter;
    int this_case;  // 1 lower, 2 upper (or title), 0 neither
    UChar32 lower;
    if (c < 0x80) {
      digit = c >= '0' && c <= '9';
      const bool up = c >= 'A' && c <= 'Z';
      letter = up || (c >= 'a' && c <= 'z');
      this_case = up ? 2 : 1;
      lower = up ? c + ('a' - 'A') : c;
    } else {
      digit = u_isdigit(c) != 0;
      letter = !digit && u_isalpha(c) != 0;
      this_case = (u_isupper(c) || u_istitle(c)) ? 2 : (u_islower(c) ? 1 : 0);
      lower = u_tolower(c);
      UErrorCode status = U_ZERO_ERROR;
      if (letter && latin && uscript_getScript(c, &status) != USCRIPT_LATIN) {
        latin = false;
      }
    }
    if (digit) {
      ++digits;
      ++part_digits;
      continue;
    }
    if (!letter) {
      continue;
    }
    ++letters;
    ++part_letters;
    upper += this_case == 2 ? 1 : 0;
    if (this_case != 0) {
      part_switches += (last_case != 0 && this_case != last_case) ? 1 : 0;
      last_case = this_case;
    }
    vowel = vowel || IsLatinVowel(lower) ||
            syllabic.find(static_cast<char32_t>(lower)) != std::u32string_view::npos;
  }
  end_part(length);
  if (longest_run > kMaxWordLetters) {
    return NonWordKind::kTooLong;
  }
  if (encoded) {
    return NonWordKind::kEncoded;
  }
  if (latin && letters >= 5 && digits == 0 && upper < letters && !vowel) {
    return NonWordKind::kNoVowels;
  }
  return NonWordKind::kWord;
}

std::string_view NonWordDescription(NonWordKind kind) {
  switch (kind) {
    case NonWordKind::kWord:
      return "a word";
    case NonWordKind::kAddress:
      return "a web or e-mail address";
    case NonWordKind::kTooLong:
      return "a run of more than 45 letters";
    case NonWordKind::kEncoded:
      return "code or encoded data";
    case NonWordKind::kNoVowels:
      return "letters with no vowel";
  }
  return "a word";
}

}  // namespace plainsight::engine::text
