// UTF-8 decoding (Unicode 15, section 3.9, table 3-7 "well-formed UTF-8 byte sequences") for the
// code that must not call ICU (rules, STYLE.md section 9) or needs only code points, not text
// segmentation. Text from the DOM is always well-formed UTF-8 (the parsers replace what does not
// decode); the replacement rules below matter only for bytes from elsewhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plainsight::engine {

// The number of bytes of the sequence that `lead` starts: 1 for ASCII, 2 for C2-DF, 3 for
// E0-EF, 4 for F0-F4; 0 for a byte that cannot start a well-formed sequence (a continuation
// byte 80-BF, C0, C1, F5-FF).
constexpr int Utf8SequenceLength(unsigned char lead) {
  return lead < 0x80                    ? 1
         : lead >= 0xC2 && lead <= 0xDF ? 2
         : lead >= 0xE0 && lead <= 0xEF ? 3
         : lead >= 0xF0 && lead <= 0xF4 ? 4
                                        : 0;
}

// The length (2-4) of the well-formed multi-byte sequence that starts at byte `i` of `s`, or 0
// when the bytes there are not one (a bad lead or continuation byte, an overlong form, a
// surrogate, a value above U+10FFFF, or a sequence cut off by the end of `s`); 1 for ASCII.
// Precondition: i < s.size().
constexpr int WellFormedUtf8Length(std::string_view s, size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const int len = Utf8SequenceLength(lead);
  if (len <= 1) {
    return len;
  }
  if (i + static_cast<size_t>(len) > s.size()) {
    return 0;
  }
  // Table 3-7: the second byte's range depends on the lead byte; later bytes are 80-BF.
  const auto second = static_cast<unsigned char>(s[i + 1]);
  const unsigned char lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (second < lo || second > hi) {
    return 0;
  }
  for (int k = 2; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if (b < 0x80 || b > 0xBF) {
      return 0;
    }
  }
  return len;
}

// Decodes the code point that starts at byte `*i` of `s` and moves `*i` past it. An ill-formed
// sequence (a byte that cannot start one, a missing or wrong continuation byte, an overlong
// form, a surrogate, a value above U+10FFFF) decodes to U+FFFD and moves one byte on, so that
// decoding resumes at the next byte. Precondition: *i < s.size().
constexpr char32_t DecodeUtf8(std::string_view s, size_t* i) {
  const auto lead = static_cast<unsigned char>(s[*i]);
  const int len = Utf8SequenceLength(lead);
  if (len == 1) {
    ++*i;
    return lead;
  }
  if (len == 0 || *i + static_cast<size_t>(len) > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 2 ? (lead & 0x1F) : len == 3 ? (lead & 0x0F) : (lead & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return 0xFFFD;
  }
  *i += static_cast<size_t>(len);
  return cp;
}

// Where to cut `s` at or before `pos` without splitting a UTF-8 sequence: `pos` itself when it
// starts a character (or is at or past the end), else the start of the character it falls in.
constexpr size_t Utf8CutPoint(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

// The code points of `s`, for range-for loops: `for (char32_t cp : Utf8CodePoints(text))`.
// Decodes as DecodeUtf8 does; views `s`, which must outlive the loop.
class Utf8CodePoints {
 public:
  explicit constexpr Utf8CodePoints(std::string_view s) : s_(s) {}

  class Iterator {
   public:
    constexpr Iterator(std::string_view s, size_t pos) : s_(s), pos_(pos), next_(pos) { Load(); }

    constexpr char32_t operator*() const { return cp_; }

    constexpr Iterator& operator++() {
      pos_ = next_;
      Load();
      return *this;
    }

    constexpr bool operator!=(const Iterator& other) const { return pos_ != other.pos_; }

   private:
    constexpr void Load() {
      if (pos_ < s_.size()) {
        next_ = pos_;
        cp_ = DecodeUtf8(s_, &next_);
      }
    }

    std::string_view s_;
    size_t pos_;
    size_t next_;
    char32_t cp_ = 0;
  };

  constexpr Iterator begin() const { return Iterator(s_, 0); }

  constexpr Iterator end() const { return Iterator(s_, s_.size()); }

 private:
  std::string_view s_;
};

// The number of code points in `s` (ill-formed bytes count one each, as DecodeUtf8 reads them).
constexpr size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    DecodeUtf8(s, &i);
    ++n;
  }
  return n;
}

// Appends the UTF-8 form of code point `cp` (at most U+10FFFF; the caller replaces surrogates
// and larger values with U+FFFD where they can occur).
inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace plainsight::engine
