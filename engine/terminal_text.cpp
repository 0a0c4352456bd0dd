// Escaping for terminal output (see terminal_text.h). Control characters as ECMA-48 defines
// them (C0: 0x00-0x1F, DEL: 0x7F, C1: 0x80-0x9F); bidi formatting characters from UAX #9
// section 2 (explicit embeddings and overrides, U+202A-U+202E; isolates, U+2066-U+2069).
#include "engine/terminal_text.h"

#include <cstdint>

namespace plainsight::engine {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendByteEscape(std::string& out, unsigned char b) {
  out += "\\x";
  out += kHex[b >> 4];
  out += kHex[b & 0xF];
}

void AppendCodePointEscape(std::string& out, uint32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) {
    out += kHex[(cp >> shift) & 0xF];
  }
}

// The length of the well-formed UTF-8 sequence at s[i] and its code point, or 0 when the bytes
// there are not one (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t len = 0;
  uint32_t value = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    value = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    value = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    value = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      return 0;
    }
    value = (value << 6) | (b(i + k) & 0x3F);
  }
  if ((len == 3 && value < 0x800) || (len == 4 && value < 0x10000) || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *cp = value;
  return len;
}

bool Unsafe(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

void AppendTerminalSafe(std::string& out, std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Printable ASCII and tab, the usual case, are copied in runs.
    size_t run = i;
    while (run < n) {
      const auto c = static_cast<unsigned char>(text[run]);
      if ((c < 0x20 && c != '\t') || c >= 0x7F) {
        break;
      }
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i >= n) {
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      AppendByteEscape(out, c);  // C0 or DEL
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {
      AppendByteEscape(out, c);
      ++i;
    } else if (Unsafe(cp)) {
      AppendCodePointEscape(out, cp);
      i += len;
    } else {
      out.append(text.data() + i, len);
      i += len;
    }
  }
}

std::string TerminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendTerminalSafe(out, text);
  return out;
}

}  // namespace plainsight::engine
