// WHATWG URL Standard host parsing and serializing (https://url.spec.whatwg.org/, sections 3.5
// "Host parsing" and 3.6 "Host serializing"): IPv6 and IPv4 addresses (hex and octal parts,
// compression), opaque hosts, and domains through UTS #46 "domain to ASCII" (3.3), which is
// ICU's implementation. The URL parser that calls ParseHost is url.cpp.
#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <unicode/uidna.h>

#include "engine/ascii.h"
#include "engine/url.h"
#include "engine/url_internal.h"

namespace plainsight::engine {
namespace url_internal {
namespace {

bool IsForbiddenHostCodePoint(char c) {
  switch (c) {
    case '\0':
    case '\t':
    case '\n':
    case '\r':
    case ' ':
    case '#':
    case '/':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '^':
    case '|':
      return true;
    default:
      return false;
  }
}

bool IsForbiddenDomainCodePoint(char c) {
  auto u = static_cast<unsigned char>(c);
  return IsForbiddenHostCodePoint(c) || u <= 0x1F || c == '%' || u == 0x7F;
}

// IPv6 parser (3.5.1 "IPv6 parser"). Returns false on failure.
bool ParseIpv6(std::string_view in, std::array<uint16_t, 8>& address) {
  address.fill(0);
  int piece_index = 0;
  int compress = -1;
  size_t p = 0;
  auto at = [&](size_t i) -> char { return i < in.size() ? in[i] : '\0'; };
  if (at(p) == ':') {
    if (at(p + 1) != ':') {
      return false;
    }
    p += 2;
    ++piece_index;
    compress = piece_index;
  }
  while (p < in.size()) {
    if (piece_index == 8) {
      return false;
    }
    if (at(p) == ':') {
      if (compress != -1) {
        return false;
      }
      ++p;
      ++piece_index;
      compress = piece_index;
      continue;
    }
    int value = 0;
    int length = 0;
    while (length < 4 && IsAsciiHexDigit(at(p))) {
      value = value * 16 + AsciiHexValue(at(p));
      ++p;
      ++length;
    }
    if (at(p) == '.') {
      if (length == 0) {
        return false;
      }
      p -= length;
      if (piece_index > 6) {
        return false;
      }
      int numbers_seen = 0;
      while (p < in.size()) {
        int ipv4_piece = -1;
        if (numbers_seen > 0) {
          if (at(p) == '.' && numbers_seen < 4) {
            ++p;
          } else {
            return false;
          }
        }
        if (!IsAsciiDigit(at(p))) {
          return false;
        }
        while (IsAsciiDigit(at(p))) {
          int number = at(p) - '0';
          if (ipv4_piece == -1) {
            ipv4_piece = number;
          } else if (ipv4_piece == 0) {
            return false;
          } else {
            ipv4_piece = ipv4_piece * 10 + number;
          }
          if (ipv4_piece > 255) {
            return false;
          }
          ++p;
        }
        address[piece_index] = static_cast<uint16_t>(address[piece_index] * 0x100 + ipv4_piece);
        ++numbers_seen;
        if (numbers_seen == 2 || numbers_seen == 4) {
          ++piece_index;
        }
      }
      if (numbers_seen != 4) {
        return false;
      }
      break;
    }
    if (at(p) == ':') {
      ++p;
      if (p >= in.size()) {
        return false;
      }
    } else if (p < in.size()) {
      return false;
    }
    address[piece_index] = static_cast<uint16_t>(value);
    ++piece_index;
  }
  if (compress != -1) {
    int swaps = piece_index - compress;
    piece_index = 7;
    while (piece_index != 0 && swaps > 0) {
      std::swap(address[piece_index], address[compress + swaps - 1]);
      --piece_index;
      --swaps;
    }
  } else if (piece_index != 8) {
    return false;
  }
  return true;
}

// IPv6 serializer (3.6): the first longest run of two or more zero pieces becomes "::".
std::string SerializeIpv6(const std::array<uint16_t, 8>& address) {
  int best_start = -1;
  int best_len = 1;
  for (int i = 0; i < 8;) {
    if (address[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && address[j] == 0) {
      ++j;
    }
    if (j - i > best_len) {
      best_start = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out = "[";
  bool ignore0 = false;
  for (int i = 0; i < 8; ++i) {
    if (ignore0 && address[i] == 0) {
      continue;
    }
    ignore0 = false;
    if (i == best_start) {
      out += (i == 0) ? "::" : ":";
      ignore0 = true;
      continue;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "%x", address[i]);
    out += buf;
    if (i != 7) {
      out += ':';
    }
  }
  out += ']';
  return out;
}

// IPv4 number parser (3.5 "IPv4 number parser"): decimal, 0x hex, leading-0 octal.
std::optional<uint64_t> ParseIpv4Number(std::string_view s) {
  if (s.empty()) {
    return std::nullopt;
  }
  int radix = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    radix = 16;
  } else if (s.size() >= 2 && s[0] == '0') {
    s.remove_prefix(1);
    radix = 8;
  }
  if (s.empty()) {
    return 0;
  }
  uint64_t value = 0;
  for (char c : s) {
    int d = AsciiHexValue(c);
    if (d < 0 || d >= radix) {
      return std::nullopt;
    }
    value = value * radix + d;
    if (value > 0xFFFFFFFFull * 256) {
      return value;  // already too large for any part; avoid overflow
    }
  }
  return value;
}

std::vector<std::string_view> SplitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// "ends in a number checker" (3.5).
bool EndsInANumber(std::string_view s) {
  auto parts = SplitDots(s);
  if (parts.back().empty()) {
    if (parts.size() == 1) {
      return false;
    }
    parts.pop_back();
  }
  std::string_view last = parts.back();
  if (!last.empty()) {
    bool all_digits = true;
    for (char c : last) {
      all_digits = all_digits && IsAsciiDigit(c);
    }
    if (all_digits) {
      return true;
    }
  }
  return ParseIpv4Number(last).has_value();
}

std::optional<std::string> ParseIpv4(std::string_view s) {
  auto parts = SplitDots(s);
  if (parts.back().empty() && parts.size() > 1) {
    parts.pop_back();
  }
  if (parts.size() > 4) {
    return std::nullopt;
  }
  std::vector<uint64_t> numbers;
  for (auto part : parts) {
    auto n = ParseIpv4Number(part);
    if (!n) {
      return std::nullopt;
    }
    numbers.push_back(*n);
  }
  for (size_t i = 0; i + 1 < numbers.size(); ++i) {
    if (numbers[i] > 255) {
      return std::nullopt;
    }
  }
  uint64_t limit = 1ull << (8 * (5 - numbers.size()));
  if (numbers.back() >= limit) {
    return std::nullopt;
  }
  uint64_t ipv4 = numbers.back();
  for (size_t i = 0; i + 1 < numbers.size(); ++i) {
    ipv4 += numbers[i] << (8 * (3 - i));
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", unsigned(ipv4 >> 24), unsigned((ipv4 >> 16) & 255),
                unsigned((ipv4 >> 8) & 255), unsigned(ipv4 & 255));
  return std::string(buf);
}

}  // namespace

Result<std::string> ParseHost(std::string_view input, bool is_opaque, std::string_view whole) {
  if (!input.empty() && input.front() == '[') {
    if (input.back() != ']') {
      return Invalid("IPv6 address is missing its closing ']'", whole);
    }
    std::array<uint16_t, 8> address;
    if (!ParseIpv6(input.substr(1, input.size() - 2), address)) {
      return Invalid("invalid IPv6 address", whole);
    }
    return SerializeIpv6(address);
  }
  if (is_opaque) {
    for (char c : input) {
      if (IsForbiddenHostCodePoint(c) && c != '%') {
        return Invalid("forbidden code point in host", whole);
      }
    }
    std::string out;
    AppendEncoded(out, input, EncodeSet::kC0Control);
    return out;
  }
  std::string domain = PercentDecode(input);
  auto ascii = DomainToAscii(domain);
  if (!ascii) {
    return Invalid(ascii.error().message, whole);
  }
  for (char c : *ascii) {
    if (IsForbiddenDomainCodePoint(c)) {
      return Invalid("forbidden code point in host", whole);
    }
  }
  if (!ascii->empty() && EndsInANumber(*ascii)) {
    auto ipv4 = ParseIpv4(*ascii);
    if (!ipv4) {
      return Invalid("invalid IPv4 address", whole);
    }
    return *ipv4;
  }
  return std::move(*ascii);
}

}  // namespace url_internal

Result<std::string> DomainToAscii(std::string_view domain) {
  bool ascii = true;
  for (char c : domain) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  // Fast path: for ASCII input without punycode labels UTS #46 mapping is ASCII lowercasing.
  if (ascii && domain.find("xn--") == std::string_view::npos &&
      domain.find("XN--") == std::string_view::npos) {
    std::string out;
    out.reserve(domain.size());
    for (char c : domain) {
      out.push_back(AsciiLowerChar(c));
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  static UIDNA* const kIdna = uidna_openUTS46(
      UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII, &status);
  if (kIdna == nullptr) {
    return Fail(ErrorCode::kInternal, "ICU UTS #46 is unavailable", std::string(domain));
  }
  status = U_ZERO_ERROR;
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  std::string out(domain.size() * 4 + 64, '\0');
  int32_t length =
      uidna_nameToASCII_UTF8(kIdna, domain.data(), static_cast<int32_t>(domain.size()), out.data(),
                             static_cast<int32_t>(out.size()), &info, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(length);
    status = U_ZERO_ERROR;
    length = uidna_nameToASCII_UTF8(kIdna, domain.data(), static_cast<int32_t>(domain.size()),
                                    out.data(), static_cast<int32_t>(out.size()), &info, &status);
  }
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInvalidArgument, std::string("IDNA failed: ") + u_errorName(status),
                std::string(domain));
  }
  // beStrict=false: CheckHyphens and VerifyDnsLength are off, so those errors are ignored.
  uint32_t ignored = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                     UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                     UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;
  if ((info.errors & ~ignored) != 0) {
    return Fail(ErrorCode::kInvalidArgument, "invalid internationalised domain name",
                std::string(domain));
  }
  out.resize(length);
  if (out.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "empty host", std::string(domain));
  }
  return out;
}

}  // namespace plainsight::engine
