// ASCII character classes and case mapping, as the HTML Standard (Infra: "ASCII whitespace",
// "ASCII lowercase") and CSS define them for markup, keywords and protocol fields. Not for
// natural-language text, which goes through ICU (engine/text). The string forms (AsciiLower,
// EqualsIgnoreCase, TrimWhitespace, SplitWhitespace, CollapseWhitespace) are in engine/dom.h.
#pragma once

namespace plainsight::engine {

// TAB, LF, FF, CR or SPACE (Infra "ASCII whitespace").
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// A-Z mapped to a-z; every other byte unchanged (Infra "ASCII lowercase", one code unit).
constexpr char AsciiLowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace plainsight::engine
