// Segmentation: ICU break iterators over UTF-8 (UText, so every boundary is a byte offset) and
// the sentence-boundary repairs listed in segment.h.
#include "engine/text/segment.h"

#include <algorithm>
#include <optional>

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "engine/ascii.h"
#include "engine/text/segment_abbreviations.h"

namespace plainsight::engine::text {

std::string PrimaryLanguage(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') {
      break;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

namespace {

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsAsciiUpper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool IsAsciiLower(char c) {
  return c >= 'a' && c <= 'z';
}

// The code point starting at byte i, or -1.
UChar32 CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) {
    return -1;
  }
  auto pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

// The code point ending just before byte i, or -1.
UChar32 CodePointBefore(std::string_view s, size_t i) {
  if (i == 0 || i > s.size()) {
    return -1;
  }
  auto pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  return c;
}

bool IsOpeningPunctuation(UChar32 c) {
  int8_t type = u_charType(c);
  return c == '"' || c == '\'' || type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
         c == 0x2014 || c == 0x2013 || c == '-';
}

bool IsClosingQuoteOrBracket(UChar32 c) {
  if (c < 0) {
    return false;
  }
  int8_t type = u_charType(c);
  return c == '"' || c == '\'' || c == ']' || type == U_FINAL_PUNCTUATION || c == 0x201D ||
         c == 0x2019;
}

size_t SkipSpaces(std::string_view text, size_t i) {
  while (i < text.size() && IsSpaceByte(text[i])) {
    ++i;
  }
  return i;
}

// Roman numerals i to xxxix, lowercase: 0 when `s` is not one.
int RomanValue(std::string_view s) {
  static constexpr std::string_view kUnits[] = {"",  "i",  "ii",  "iii",  "iv",
                                                "v", "vi", "vii", "viii", "ix"};
  int tens = 0;
  while (!s.empty() && s.front() == 'x' && tens < 3) {
    s.remove_prefix(1);
    ++tens;
  }
  for (int u = 0; u < 10; ++u) {
    if (s == kUnits[u]) {
      return tens * 10 + u;
    }
  }
  return 0;
}

// A list item's marker: an optional bullet, then a number, letter or roman numeral, then ".",
// ")" or ".)", then a space ("1.) ", "• 4. ", "⁃9. ", "a) ", "iii. ").
struct Marker {
  uint32_t end = 0;  // after the suffix
  std::string_view bullet;
  std::string_view suffix;
  int number = 0;  // 1-999, or 0
  int letter = 0;  // a=1... (either case), or 0
  int roman = 0;   // i=1..., or 0
  bool upper = false;
};

std::optional<Marker> MarkerAt(std::string_view text, size_t pos) {
  static constexpr std::string_view kBullets[] = {
      "\xE2\x80\xA2", "\xE2\x81\x83", "\xE2\x80\xA3", "\xE2\x97\xA6", "\xE2\x96\xAA", "-", "*"};
  Marker m;
  size_t p = pos;
  for (std::string_view b : kBullets) {
    if (text.substr(p, b.size()) == b) {
      m.bullet = b;
      p = p + b.size();
      while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) {
        ++p;
      }
      break;
    }
  }
  size_t label = p;
  while (p < text.size() && p - label < 3 && IsAsciiDigit(text[p])) {
    ++p;
  }
  if (p > label) {
    m.number = std::stoi(std::string(text.substr(label, p - label)));
  } else {
    while (p < text.size() && p - label < 6 && (IsAsciiLower(text[p]) || IsAsciiUpper(text[p]))) {
      ++p;
    }
    if (p == label) {
      return std::nullopt;
    }
    std::string_view word = text.substr(label, p - label);
    m.upper = IsAsciiUpper(word[0]);
    bool same_case =
        std::all_of(word.begin(), word.end(), [&](char c) { return IsAsciiUpper(c) == m.upper; });
    if (!same_case) {
      return std::nullopt;
    }
    std::string lower = AsciiLower(word);
    m.roman = RomanValue(lower);
    if (word.size() == 1) {
      m.letter = lower[0] - 'a' + 1;
    }
    if (m.roman == 0 && m.letter == 0) {
      return std::nullopt;
    }
  }
  for (std::string_view suffix :
       {std::string_view(".)"), std::string_view(")"), std::string_view(".")}) {
    if (text.substr(p, suffix.size()) == suffix) {
      m.suffix = suffix;
      p += suffix.size();
      break;
    }
  }
  if (m.suffix.empty() || p + 1 >= text.size() || (text[p] != ' ' && text[p] != '\t') ||
      IsSpaceByte(text[p + 1])) {
    return std::nullopt;
  }
  m.end = static_cast<uint32_t>(p);
  return m;
}

// Is `b` the item after `a` in the same list?
bool Continues(const Marker& a, const Marker& b) {
  if (a.suffix != b.suffix || a.bullet != b.bullet) {
    return false;
  }
  if (a.number > 0) {
    return b.number == a.number + 1;
  }
  if (a.upper != b.upper || b.number > 0) {
    return false;
  }
  return (a.letter > 0 && b.letter == a.letter + 1) || (a.roman > 0 && b.roman == a.roman + 1);
}

// Where the item after `current` (which ends at `from`) starts, or 0. Items must start after a
// space; the search stops after `limit` bytes (a list item is never that long).
uint32_t FindNextItem(std::string_view text, size_t from, const Marker& current, size_t limit) {
  size_t stop = std::min(text.size(), from + limit);
  for (size_t p = from + 1; p < stop; ++p) {
    if (!IsSpaceByte(text[p - 1]) || IsSpaceByte(text[p])) {
      continue;
    }
    char c = text[p];
    if (!IsAsciiDigit(c) && !IsAsciiLower(c) && !IsAsciiUpper(c) &&
        static_cast<unsigned char>(c) != 0xE2 && c != '-' && c != '*') {
      continue;
    }
    std::optional<Marker> next = MarkerAt(text, p);
    if (next && Continues(current, *next)) {
      return static_cast<uint32_t>(p);
    }
  }
  return 0;
}

// The word starting at byte n: ASCII letters and apostrophes (’ folded to '), up to 24 bytes.
std::string WordAt(std::string_view text, size_t n) {
  std::string out;
  while (n < text.size() && out.size() < 24) {
    char c = text[n];
    if (IsAsciiLower(c) || IsAsciiUpper(c)) {
      out.push_back(c);
      ++n;
    } else if (c == '\'') {
      out.push_back('\'');
      ++n;
    } else if (text.substr(n, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      n += 3;
    } else {
      break;
    }
  }
  while (!out.empty() && out.back() == '\'') {
    out.pop_back();
  }
  return out;
}

// Does a common sentence starter ("They", "The", "How", "It's") begin at byte n? Acronyms in
// capitals ("IT", "NASA") are not starters; "I" is.
bool StarterAt(std::string_view text, size_t n) {
  std::string word = WordAt(text, n);
  if (word.empty() || !IsAsciiUpper(word[0])) {
    return false;
  }
  if (word.size() > 1 &&
      std::all_of(word.begin(), word.end(), [](char c) { return !IsAsciiLower(c); })) {
    return false;
  }
  std::string lower = AsciiLower(word);
  if (IsEnglishSentenceStarter(lower)) {
    return true;
  }
  size_t apostrophe = lower.find('\'');  // "They'd", "You'd"
  return apostrophe != std::string::npos &&
         IsEnglishSentenceStarter(std::string_view(lower).substr(0, apostrophe));
}

// Is the text from `start` to `end` a short fronted time phrase ("By 9", "At about 7")?
bool FrontedTimePhrase(std::string_view text, size_t start, size_t end) {
  start = SkipSpaces(text, start);
  std::string first = AsciiLower(WordAt(text, start));
  if (first.empty() || !IsTimePhrasePreposition(first)) {
    return false;
  }
  int words = 0;
  bool in_word = false;
  for (size_t i = start; i < end; ++i) {
    bool space = IsSpaceByte(text[i]);
    if (!space && !in_word) {
      ++words;
    }
    in_word = !space;
  }
  return words <= 5;
}

// After a quotation, a bracketed reference ending the sentence ("..." (Smith 55).) is a
// citation, not a sentence: no sentence punctuation inside, a few words, punctuation after.
bool CitationAt(std::string_view text, size_t b) {
  if (b >= text.size() || text[b] != '(') {
    return false;
  }
  size_t close = text.find(')', b);
  if (close == std::string_view::npos || close - b > 80) {
    return false;
  }
  std::string_view inside = text.substr(b + 1, close - b - 1);
  if (inside.find_first_of("(.?!") != std::string_view::npos) {
    return false;
  }
  if (std::count(inside.begin(), inside.end(), ' ') > 7) {
    return false;
  }
  size_t after = close + 1;
  return after < text.size() && (text[after] == '.' || text[after] == '?' || text[after] == '!' ||
                                 text[after] == ',' || text[after] == ';');
}

// Boundaries ICU does not propose: after "…" before a space and a capitalised word ("We
// waited… Then"), and after a full stop glued to the next sentence ("world.Today",
// "1,000.That"; a capital then a lower-case letter, so "Ph.D." and "U.S.A." are not candidates).
std::vector<uint32_t> GluedCandidates(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t i = text.find_first_of(".\xE2"); i != std::string_view::npos;
       i = text.find_first_of(".\xE2", i + 1)) {
    if (text[i] == '.') {
      if (i > 0 && i + 2 < text.size() &&
          (IsAsciiLower(text[i - 1]) || IsAsciiDigit(text[i - 1])) && IsAsciiUpper(text[i + 1]) &&
          IsAsciiLower(text[i + 2])) {
        out.push_back(static_cast<uint32_t>(i + 1));
      }
    } else if (text.substr(i, 3) == "\xE2\x80\xA6") {
      size_t n = i + 3;
      while (n < text.size() && IsSpaceByte(text[n])) {
        ++n;
      }
      if (n > i + 3 && n < text.size() && IsAsciiUpper(text[n])) {
        out.push_back(static_cast<uint32_t>(n));
      }
    }
  }
  return out;
}

}  // namespace

struct Segmenter::Impl {
  std::string lang;
  bool own_abbreviations = false;  // English and Irish: we decide, ICU suppresses nothing
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
  RE2 address{
      R"((?i)(?:(?:https?|ftp)://|www\.)[^\s<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"};

  struct Mask {
    uint32_t start;
    uint32_t end;
    TokenKind kind;
  };

  std::vector<Mask> FindAddresses(std::string_view text) const {
    std::vector<Mask> masks;
    if (text.find("://") == std::string_view::npos && text.find("www.") == std::string_view::npos &&
        text.find('@') == std::string_view::npos) {
      return masks;
    }
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    size_t pos = 0;
    while (pos < text.size() &&
           address.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
      auto start = static_cast<size_t>(match.data() - text.data());
      size_t end = start + match.size();
      // Trailing punctuation belongs to the sentence, not the address.
      while (end > start &&
             std::string_view(".,;:!?)]}'\"").find(text[end - 1]) != std::string_view::npos) {
        --end;
      }
      if (end > start) {
        bool email = std::string_view(text.data() + start, end - start).find('@') !=
                         std::string_view::npos &&
                     std::string_view(text.data() + start, end - start).find("://") ==
                         std::string_view::npos;
        masks.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                         email ? TokenKind::kEmail : TokenKind::kUrl});
      }
      pos = std::max(start + match.size(), start + 1);
    }
    return masks;
  }

  AbbreviationKind KindOf(std::string_view lower) const {
    return lang == "ga" ? IrishAbbreviationKind(lower) : EnglishAbbreviationKind(lower);
  }

  // Should the ICU boundary at `b` (start of the next sentence) stand?
  bool Accept(std::string_view text, uint32_t b, uint32_t sentence_start,
              const std::vector<Mask>& masks) const {
    if (b >= text.size()) {
      return true;
    }
    for (const Mask& m : masks) {
      if (b > m.start && b < m.end) {
        return false;
      }
    }
    // The sentence so far is only a list marker ("1.)", "• 4.", "a."): not a sentence.
    size_t first = SkipSpaces(text, sentence_start);
    if (std::optional<Marker> marker = MarkerAt(text, first);
        marker && SkipSpaces(text, marker->end) >= b) {
      return false;
    }
    // The character after the boundary, skipping opening quotes and brackets.
    size_t n = b;
    while (n < text.size()) {
      UChar32 c = CodePointAt(text, n);
      if (c < 0 || !IsOpeningPunctuation(c)) {
        break;
      }
      n += U8_LENGTH(c);
    }
    UChar32 next = CodePointAt(text, n);
    if (next >= 0 && u_islower(next)) {
      return false;  // "... and then?" "what next?" continue the sentence
    }
    // A capitalised word in brackets or quotes after the full stop opens a sentence, not a
    // name: "Fill in part A. (Part B is for office use.)".
    const bool opened = n > b;
    const bool next_is_digit = next >= 0 && u_isdigit(next);
    // The word before the boundary.
    size_t e = b;
    while (e > sentence_start && IsSpaceByte(text[e - 1])) {
      --e;
    }
    size_t w = e;
    while (w > sentence_start && !IsSpaceByte(text[w - 1])) {
      --w;
    }
    std::string_view last = text.substr(w, e - w);
    if (last.empty()) {
      return true;
    }
    if (CitationAt(text, b) && IsClosingQuoteOrBracket(CodePointBefore(text, e)) &&
        last.back() != '.') {
      return false;  // "...stairways [...]" (Smith 55).
    }
    if (e >= 3 && text.substr(e - 3, 3) == "\xE2\x80\xA6") {
      return true;  // "We waited… Then"
    }
    // Ellipses: three spaced dots leave the sentence open (". . . I didn't mean it"), four
    // close it (". . . . Next"); "..." closes it before a capitalised word ("Loading... Please").
    int dots = 0;
    bool spaced = false;
    for (size_t k = e; k > sentence_start && (text[k - 1] == '.' || text[k - 1] == ' '); --k) {
      if (text[k - 1] == '.') {
        ++dots;
      } else {
        spaced = true;
      }
    }
    if (dots >= 2) {
      return !(dots == 3 && spaced);
    }
    if (last.back() != '.') {
      return true;
    }
    std::string_view core = last.substr(0, last.size() - 1);
    while (!core.empty() && (core.front() == '(' || core.front() == '"' || core.front() == '\'' ||
                             core.front() == '[')) {
      core.remove_prefix(1);
    }
    if (core.empty()) {
      return true;
    }
    UChar32 first_letter = CodePointAt(core, 0);
    if (first_letter >= 0 && static_cast<size_t>(U8_LENGTH(first_letter)) == core.size() &&
        u_isupper(first_letter)) {
      // An initial ("J. Smith", "Albert I. Jones") or a letter ending a sentence ("Plan B.",
      // "you and I."): only a common sentence starter after it ends the sentence, and never
      // another initial ("J. A. Smith").
      if (!own_abbreviations) {
        return false;
      }
      bool next_initial =
          next >= 0 && n + 1 < text.size() && IsAsciiUpper(text[n]) && text[n + 1] == '.';
      return !next_initial && (opened || StarterAt(text, n));
    }
    std::string lower = AsciiLower(core);
    // A list marker inside a sentence: "Bring: 1. a form 2. a photo".
    bool numeric = core.size() <= 2 && std::all_of(core.begin(), core.end(), IsAsciiDigit);
    if (numeric || (core.size() == 1 && IsAsciiLower(core[0])) || RomanValue(lower) > 0) {
      std::string_view before = text.substr(sentence_start, w - sentence_start);
      while (!before.empty() && IsSpaceByte(before.back())) {
        before.remove_suffix(1);
      }
      if (before.empty() || before.back() == ':' || before.back() == ';' || before.back() == ',') {
        return false;
      }
      if (numeric && core != "0" && core != "1") {
        int n_value = std::stoi(std::string(core));
        std::string previous = std::to_string(n_value - 1) + ". ";
        if (before.find(previous) != std::string_view::npos) {
          return false;
        }
      }
    }
    AbbreviationKind kind = KindOf(lower);
    if (kind == AbbreviationKind::kNone && lower == "sr") {
      // "John Hayes Sr." (senior) or "Sr. Mary" (sister).
      size_t p = w;
      while (p > sentence_start && IsSpaceByte(text[p - 1])) {
        --p;
      }
      size_t q = p;
      while (q > sentence_start && !IsSpaceByte(text[q - 1])) {
        --q;
      }
      kind =
          q < p && IsAsciiUpper(text[q]) ? AbbreviationKind::kNameSuffix : AbbreviationKind::kTitle;
    }
    if (kind == AbbreviationKind::kNone && own_abbreviations &&
        lower.find('.') != std::string::npos) {
      // Unlisted initials with full stops: "B.A.", "N.Y.", "a.k.a.".
      bool initials = true;
      size_t run = 0;
      for (char c : core) {
        if (c == '.') {
          initials = initials && run > 0;
          run = 0;
        } else if (IsAsciiLower(c) || IsAsciiUpper(c)) {
          initials = initials && ++run <= 3;
        } else {
          initials = false;
        }
      }
      if (initials && run > 0) {
        bool upper = std::none_of(core.begin(), core.end(), IsAsciiLower);
        kind = upper ? AbbreviationKind::kInitials : AbbreviationKind::kUnit;
      }
    }
    if (kind == AbbreviationKind::kNone) {
      return true;
    }
    if (next_is_digit) {
      return false;  // "No. 5", "Jan. 1", "approx. 200", "the U.S. 2024 figures"
    }
    std::string next_word = AsciiLower(WordAt(text, n));
    switch (kind) {
      case AbbreviationKind::kTitle:
      case AbbreviationKind::kLatin:
        return false;
      case AbbreviationKind::kStreet:
      case AbbreviationKind::kInitials:
      case AbbreviationKind::kTitleOrWord:
        return opened || StarterAt(text, n);
      case AbbreviationKind::kCompany:
        return !(lower == "co" && IsCounty(next_word));
      case AbbreviationKind::kTime:
        return !IsDayMonthOrTimeZone(next_word) && !FrontedTimePhrase(text, sentence_start, w);
      case AbbreviationKind::kNameSuffix:
      case AbbreviationKind::kDate:
      case AbbreviationKind::kUnit:
      case AbbreviationKind::kNumberLabel:
      case AbbreviationKind::kNone:
        return true;
    }
    return true;
  }
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(std::string_view lang) {
  auto impl = std::make_unique<Impl>();
  impl->lang = PrimaryLanguage(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::string locale_id(lang);
  std::replace(locale_id.begin(), locale_id.end(), '-', '_');
  icu::Locale plain(locale_id.c_str());
  impl->own_abbreviations = impl->lang == "en" || impl->lang == "ga" || impl->lang.empty();
  if (!impl->own_abbreviations) {
    // "ss=standard" turns on ICU's per-locale abbreviation suppressions (CLDR segmentation
    // exceptions) where it has them (de, es, fr, it, pt, ru...). English and Irish decide with
    // their abbreviation kinds instead: ICU's English list would hide boundaries such as "in
    // the U.S. How" and "at 6 P.M. Mr. Walsh then...".
    icu::Locale with_suppressions((locale_id + "@ss=standard").c_str());
    impl->sentence.reset(icu::BreakIterator::createSentenceInstance(with_suppressions, status));
  }
  if (U_FAILURE(status) || !impl->sentence) {
    status = U_ZERO_ERROR;
    impl->sentence.reset(icu::BreakIterator::createSentenceInstance(plain, status));
  }
  if (U_FAILURE(status) || !impl->sentence) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU cannot make a sentence break iterator: ") + u_errorName(status));
  }
  impl->word.reset(icu::BreakIterator::createWordInstance(plain, status));
  if (U_FAILURE(status) || !impl->word) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU cannot make a word break iterator: ") + u_errorName(status));
  }
  if (!impl->address.ok()) {
    return Fail(ErrorCode::kInternal, "bad address pattern: " + impl->address.error());
  }
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

void Segmenter::Segment(std::string_view text, uint32_t max_words,
                        const SentenceCallback& on_sentence) {
  if (text.empty()) {
    return;
  }
  if (max_words == 0) {
    max_words = 1;
  }
  Impl& m = *impl_;
  UErrorCode status = U_ZERO_ERROR;
  UText sentence_text = UTEXT_INITIALIZER;
  UText word_text = UTEXT_INITIALIZER;
  utext_openUTF8(&sentence_text, text.data(), static_cast<int64_t>(text.size()), &status);
  utext_openUTF8(&word_text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(&sentence_text);
    utext_close(&word_text);
    return;
  }
  m.sentence->setText(&sentence_text, status);
  m.word->setText(&word_text, status);
  std::vector<Impl::Mask> masks = m.FindAddresses(text);
  const auto size = static_cast<uint32_t>(text.size());

  // Sentence boundaries: ICU's candidates that Accept() keeps, plus the starts of numbered items
  // of a list that begins a sentence ("1.) Fill in the form 2.) Sign it"). ICU proposes no
  // boundary after "…" nor inside "world.Today"; GluedCandidates() does, for Accept() to judge.
  std::vector<uint32_t> extra = GluedCandidates(text);
  size_t extra_index = 0;
  constexpr size_t kMaxItemBytes = 4096;
  int64_t pending = -1;               // an ICU candidate read but not used yet
  uint32_t next_item = 0;             // start of the next item of the current list, 0 when none
  std::vector<uint32_t> item_starts;  // starts of items found in lists, in order
  auto find_list = [&](uint32_t from_start) {
    size_t first = SkipSpaces(text, from_start);
    std::optional<Marker> marker = MarkerAt(text, first);
    if (!marker) {
      return;
    }
    bool in_list = !item_starts.empty() && item_starts.back() == first;
    uint32_t found = FindNextItem(text, marker->end, *marker, kMaxItemBytes);
    // Capital letters with full stops are initials more often than list labels ("A. Smith
    // met B. Jones"): a new list of them needs a third item.
    if (found > 0 && !in_list && marker->number == 0 && marker->upper && marker->roman == 0 &&
        marker->suffix == ".") {
      std::optional<Marker> second = MarkerAt(text, found);
      if (!second || FindNextItem(text, second->end, *second, kMaxItemBytes) == 0) {
        found = 0;
      }
    }
    if (found > 0) {
      if (!in_list) {
        item_starts.push_back(static_cast<uint32_t>(first));
      }
      item_starts.push_back(found);
      next_item = found;
    }
  };
  auto next_boundary = [&](uint32_t from_start) -> uint32_t {
    if (next_item <= from_start) {
      next_item = 0;
      find_list(from_start);
    }
    while (true) {
      if (pending < 0) {
        int32_t b = m.sentence->next();
        pending = (b == icu::BreakIterator::DONE || static_cast<uint32_t>(b) >= size)
                      ? size
                      : static_cast<uint32_t>(b);
      }
      auto candidate = static_cast<uint32_t>(pending);
      bool from_extra = extra_index < extra.size() && extra[extra_index] < candidate;
      if (from_extra) {
        candidate = extra[extra_index];
      }
      if (next_item > from_start && candidate >= next_item) {
        if (candidate == next_item && from_extra) {
          ++extra_index;
        } else if (candidate == next_item) {
          pending = -1;
        }
        return next_item;
      }
      if (from_extra) {
        ++extra_index;
      } else {
        pending = -1;
      }
      if (candidate >= size) {
        return size;
      }
      if (candidate > from_start && m.Accept(text, candidate, from_start, masks)) {
        return candidate;
      }
    }
  };
  m.sentence->first();
  uint32_t sentence_start = 0;
  uint32_t sentence_end = next_boundary(sentence_start);
  std::vector<Token> tokens;
  tokens.reserve(64);
  auto emit = [&](uint32_t start, uint32_t end, bool cut) {
    while (end > start && IsSpaceByte(text[end - 1])) {
      --end;
    }
    while (start < end && IsSpaceByte(text[start])) {
      ++start;
    }
    // A list marker starting the sentence stays in its span but is not a word ("1.", "a)").
    if (!tokens.empty() && !cut) {
      if (std::optional<Marker> marker = MarkerAt(text, start)) {
        bool listed = std::binary_search(item_starts.begin(), item_starts.end(), start);
        if (listed || marker->number > 0 || !marker->bullet.empty() || marker->suffix != "." ||
            !marker->upper) {
          size_t keep = 0;
          while (keep < tokens.size() && tokens[keep].start < marker->end) {
            ++keep;
          }
          tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(keep));
        }
      }
    }
    if (!tokens.empty()) {
      on_sentence(SentenceSpan{start, end, cut}, tokens);
    }
    tokens.clear();
  };

  size_t mask_index = 0;
  int32_t start = m.word->first();
  for (int32_t end = m.word->next(); end != icu::BreakIterator::DONE;
       start = end, end = m.word->next()) {
    int32_t rule = m.word->getRuleStatus();
    Token token{static_cast<uint32_t>(start), static_cast<uint32_t>(end), TokenKind::kWord, false};
    while (mask_index < masks.size() && masks[mask_index].end <= token.start) {
      ++mask_index;
    }
    if (mask_index < masks.size() && token.end > masks[mask_index].start) {
      // Inside (or running into) an address: the address is one token; skip ICU's pieces.
      const Impl::Mask& mask = masks[mask_index];
      token = Token{mask.start, mask.end, mask.kind, false};
      ++mask_index;
      end = m.word->following(static_cast<int32_t>(mask.end) - 1);
      if (end == icu::BreakIterator::DONE) {
        end = static_cast<int32_t>(size);
      }
      if (static_cast<uint32_t>(end) < mask.end) {
        end = static_cast<int32_t>(mask.end);
      }
    } else if (rule < UBRK_WORD_NONE_LIMIT) {
      continue;  // spaces and punctuation
    } else if (rule < UBRK_WORD_NUMBER_LIMIT) {
      token.kind = TokenKind::kNumber;
    } else if (rule >= UBRK_WORD_KANA && rule < UBRK_WORD_IDEO_LIMIT) {
      token.kind = TokenKind::kIdeographic;
    }
    // "well-known": one word (ICU splits at the hyphen).
    if (!tokens.empty() && token.kind == TokenKind::kWord &&
        tokens.back().kind == TokenKind::kWord && token.start == tokens.back().end + 1 &&
        text[tokens.back().end] == '-' && token.start < sentence_end) {
      tokens.back().end = token.end;
      tokens.back().hyphenated = true;
      continue;
    }
    // A word glued across a boundary ("world.Today", "1,000.That"): split it there.
    while (token.start < sentence_end && token.end > sentence_end && sentence_end < size &&
           (token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber)) {
      Token head = token;
      head.end = sentence_end;
      while (head.end > head.start && !IsAsciiLower(text[head.end - 1]) &&
             !IsAsciiUpper(text[head.end - 1]) && !IsAsciiDigit(text[head.end - 1]) &&
             static_cast<unsigned char>(text[head.end - 1]) < 0x80) {
        --head.end;
      }
      if (head.end > head.start) {
        tokens.push_back(head);
      }
      emit(sentence_start, sentence_end, false);
      sentence_start = sentence_end;
      sentence_end = next_boundary(sentence_start);
      token.start = sentence_start;
    }
    while (token.start >= sentence_end && sentence_end < size) {
      emit(sentence_start, sentence_end, false);
      sentence_start = sentence_end;
      sentence_end = next_boundary(sentence_start);
    }
    if (tokens.size() >= max_words) {
      uint32_t cut_at = tokens.back().end;
      emit(sentence_start, cut_at, true);
      sentence_start = token.start;
    }
    tokens.push_back(token);
  }
  emit(sentence_start, sentence_end, false);
  utext_close(&sentence_text);
  utext_close(&word_text);
}

std::vector<SentenceSpan> Segmenter::Sentences(std::string_view text, uint32_t max_words) {
  std::vector<SentenceSpan> out;
  Segment(text, max_words,
          [&](const SentenceSpan& s, const std::vector<Token>&) { out.push_back(s); });
  return out;
}

std::vector<Token> Segmenter::Words(std::string_view text) {
  std::vector<Token> out;
  Segment(text, 1u << 30, [&](const SentenceSpan&, const std::vector<Token>& tokens) {
    out.insert(out.end(), tokens.begin(), tokens.end());
  });
  return out;
}

}  // namespace plainsight::engine::text
