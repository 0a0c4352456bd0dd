// Escaping for terminal output (see terminal_text.h). Control characters as ECMA-48 defines
// them (C0: 0x00-0x1F, DEL: 0x7F, C1: 0x80-0x9F); bidi formatting characters from UAX #9
// section 2 (explicit embeddings and overrides, U+202A-U+202E; isolates, U+2066-U+2069).
#include "engine/terminal_text.h"

#include <cstdint>

#include "engine/utf8.h"

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
    size_t next = i;
    const char32_t cp = DecodeUtf8(text, &next);
    const size_t len = next - i;
    // An ill-formed byte decodes to U+FFFD one byte long; a real U+FFFD is three bytes long.
    if (cp == 0xFFFD && len == 1) {
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
