// Segmentation: ICU break iterators over UTF-8 (UText, so every boundary is a byte offset) and
// the sentence-boundary repairs listed in segment.h.
#include "engine/text/segment.h"

#include <algorithm>
#include <set>

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

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

// Abbreviations that never end a sentence (titles, Latin, county), per language, lowercase,
// without the final full stop.
const std::set<std::string, std::less<>>& NeverFinal(std::string_view lang) {
  static const std::set<std::string, std::less<>> kEnglish = {
      "mr",  "mrs", "ms",  "dr",  "prof", "rev",  "hon",  "gen",    "col",  "capt", "lt",
      "sgt", "fr",  "e.g", "i.e", "cf",   "vs",   "viz",  "approx", "dept", "est",  "co",
      "mt",  "jan", "feb", "mar", "apr",  "jun",  "jul",  "aug",    "sep",  "sept", "oct",
      "nov", "dec", "tel", "ext", "incl", "excl", "govt", "cllr",   "supt", "insp", "ref",
      "eg",  "ie",  "nb",  "n.b", "ps",   "p.s",  "al",   "b",      "c"};
  static const std::set<std::string, std::less<>> kIrish = {
      "uas",  "bn",  "dr",     "co",     "uimh", "lch",  "m.sh",  "srl",   "i.e", "e.g",   "r.ch",
      "tel",  "fón", "ll",     "cf",     "vs",   "ean",  "feabh", "márta", "aib", "beal",  "meith",
      "iúil", "lún", "m.fómh", "d.fómh", "samh", "noll", "prof",  "cllr",  "sp",  "id est"};
  return lang == "ga" ? kIrish : kEnglish;
}

// Abbreviations that end a sentence only when a capitalised word follows ("etc.", "a.m.").
const std::set<std::string, std::less<>>& MayBeFinal() {
  static const std::set<std::string, std::less<>> kSet = {
      "etc", "a.m", "p.m", "ltd", "inc", "plc", "corp", "bros", "jr",  "sr",  "st",   "ave",
      "rd",  "u.s", "u.k", "e.u", "a.d", "b.c", "ph.d", "cont", "yrs", "hrs", "mins", "approx"};
  return kSet;
}

// Abbreviations that do not end a sentence when a number follows ("No. 5", "p. 12").
const std::set<std::string, std::less<>>& BeforeNumber() {
  static const std::set<std::string, std::less<>> kSet = {
      "no",  "nos", "p",    "pp",  "para", "paras", "art",  "arts", "sec",
      "s",   "fig", "figs", "vol", "vols", "ch",    "chap", "op",   "uimh",
      "lch", "alt", "reg",  "r",   "ss",   "item",  "tab"};
  return kSet;
}

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// The code point starting at byte i, or -1.
UChar32 CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) {
    return -1;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsOpeningPunctuation(UChar32 c) {
  int8_t type = u_charType(c);
  return c == '"' || c == '\'' || type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
         c == 0x2014 || c == 0x2013 || c == '-';
}

bool IsRoman(std::string_view s) {
  static constexpr std::string_view kRoman[] = {"i",  "ii",  "iii",  "iv", "v",
                                                "vi", "vii", "viii", "ix", "x"};
  return std::find(std::begin(kRoman), std::end(kRoman), s) != std::end(kRoman);
}

}  // namespace

struct Segmenter::Impl {
  std::string lang;
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
      size_t start = static_cast<size_t>(match.data() - text.data());
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
    if (last.empty() || last.back() != '.' ||
        (last.size() >= 3 && last.substr(last.size() - 3) == "...")) {
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
    UChar32 first = CodePointAt(core, 0);
    if (first >= 0 && static_cast<size_t>(U8_LENGTH(first)) == core.size() && u_isupper(first)) {
      return false;  // an initial: "J. Smith"
    }
    std::string lower = AsciiLowerCopy(core);
    bool next_is_digit = next >= 0 && u_isdigit(next);
    if (NeverFinal(lang).count(lower) > 0) {
      return false;
    }
    if (next_is_digit && BeforeNumber().count(lower) > 0) {
      return false;
    }
    if (MayBeFinal().count(lower) > 0) {
      return !(next >= 0 && !u_isupper(next) && !u_istitle(next));
    }
    // A list marker inside a sentence: "Bring: 1. a form 2. a photo".
    bool numeric = core.size() <= 2 && std::all_of(core.begin(), core.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    if (numeric || (core.size() == 1 && core[0] >= 'a' && core[0] <= 'z') || IsRoman(core)) {
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
  // "ss=standard" turns on ICU's per-locale abbreviation suppressions (CLDR segmentation
  // exceptions) where it has them (en, de, es, fr, it, pt, ru...).
  icu::Locale with_suppressions((locale_id + "@ss=standard").c_str());
  impl->sentence.reset(icu::BreakIterator::createSentenceInstance(with_suppressions, status));
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
  const uint32_t size = static_cast<uint32_t>(text.size());

  uint32_t sentence_start = 0;
  auto next_boundary = [&](uint32_t from_start) -> uint32_t {
    while (true) {
      int32_t b = m.sentence->next();
      if (b == icu::BreakIterator::DONE || static_cast<uint32_t>(b) >= size) {
        return size;
      }
      if (m.Accept(text, static_cast<uint32_t>(b), from_start, masks)) {
        return static_cast<uint32_t>(b);
      }
    }
  };
  m.sentence->first();
  uint32_t sentence_end = next_boundary(sentence_start);
  std::vector<Token> tokens;
  tokens.reserve(64);
  auto emit = [&](uint32_t start, uint32_t end, bool cut) {
    if (!tokens.empty()) {
      while (end > start && IsSpaceByte(text[end - 1])) {
        --end;
      }
      while (start < end && IsSpaceByte(text[start])) {
        ++start;
      }
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
        text[tokens.back().end] == '-') {
      tokens.back().end = token.end;
      tokens.back().hyphenated = true;
      continue;
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
