// Internal to engine/url.cpp and engine/url_host.cpp: what the URL parser (URL Standard 4.4)
// and the host parser (3.5) share: ASCII classes, the percent-encode sets (1.3), percent-decoding
// and the error of an input that is not a valid URL. Nothing outside engine/url*.cpp includes it.
#pragma once

#include <string>
#include <string_view>

#include "engine/result.h"

namespace plainsight::engine::url_internal {

inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

inline bool IsAsciiHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Percent-encode sets (URL Standard 1.3). Bytes >= 0x80 are always encoded.
enum class EncodeSet { kC0Control, kFragment, kQuery, kSpecialQuery, kPath, kUserinfo };

// Appends `in` to `out`, percent-encoding the bytes of `set` (1.3 "percent-encode after
// encoding" for UTF-8 input).
void AppendEncoded(std::string& out, std::string_view in, EncodeSet set);

// `in` with each "%" followed by two hex digits replaced by that byte (1.3 "percent-decode");
// other "%" kept.
std::string PercentDecode(std::string_view in);

// The failure of a URL that does not parse: kInvalidArgument with `message`, `input` the whole
// URL.
Unexpected Invalid(std::string message, std::string_view input);

// The host parser (3.5): `input` between the authority's "@" (or start) and its port; opaque for
// URLs of a non-special scheme. The serialized host (3.6) on success; Invalid(..., `whole`)
// when it is not a valid host.
Result<std::string> ParseHost(std::string_view input, bool is_opaque, std::string_view whole);

}  // namespace plainsight::engine::url_internal
