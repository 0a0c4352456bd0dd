// ASCII character classes and case mapping, as the HTML Standard (Infra: "ASCII whitespace",
// "ASCII lowercase") and CSS define them for markup, keywords and protocol fields. Not for
// natural-language text, which goes through ICU (engine/text). EqualsIgnoreCase, SplitWhitespace
// and CollapseWhitespace are in engine/dom.h.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::engine {

// TAB, LF, FF, CR or SPACE (Infra "ASCII whitespace").
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// A-Z mapped to a-z; every other byte unchanged (Infra "ASCII lowercase", one code unit).
constexpr char AsciiLowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII-lowercases `s` in place (for tag, attribute and keyword comparisons the specs define as
// ASCII case-insensitive, and protocol fields; not for natural-language text).
inline void AsciiLowerInPlace(std::string& s) {
  for (char& c : s) {
    c = AsciiLowerChar(c);
  }
}

// An ASCII-lowercased copy of `s` (see AsciiLowerInPlace).
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(out);
  return out;
}

// The value of ASCII hex digit `c` (0-9, a-f, A-F), or -1.
constexpr int AsciiHexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// `s` without the ASCII whitespace at either end.
constexpr std::string_view TrimWhitespace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && IsAsciiSpace(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace plainsight::engine
