// WHATWG URL Standard parser and serializer (https://url.spec.whatwg.org/, sections 3 and 4).
// Written by hand because no Debian 12 package ships a WHATWG-conformant C++ URL parser (ada is
// not packaged; libcurl's URL API and uriparser follow RFC 3986, which differs from browsers on
// backslashes, whitespace, IPv4 shorthand and IDN). IDNA itself is ICU's UTS #46 implementation.
//
// The structure follows the spec's state machine but walks the input by component instead of
// by code point: scheme, then (authority | relative | opaque path), then path, query, fragment.
// The state override (setters) is not implemented: the crawler only parses.
#include "engine/url.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <unicode/uidna.h>

#include "engine/ascii.h"

namespace plainsight::engine {
namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsAsciiHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Percent-encode sets (URL Standard 1.3). Bytes >= 0x80 are always encoded.
enum class EncodeSet { kC0Control, kFragment, kQuery, kSpecialQuery, kPath, kUserinfo };

constexpr bool InSetSlow(unsigned char c, EncodeSet set) {
  if (c < 0x20 || c > 0x7E) {
    return true;
  }
  switch (set) {
    case EncodeSet::kC0Control:
      return false;
    case EncodeSet::kFragment:
      return c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
    case EncodeSet::kQuery:
      return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
    case EncodeSet::kSpecialQuery:
      return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' || c == '\'';
    case EncodeSet::kPath:
      return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' || c == '?' || c == '^' ||
             c == '`' || c == '{' || c == '}';
    case EncodeSet::kUserinfo:
      return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' || c == '?' || c == '`' ||
             c == '{' || c == '}' || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' ||
             (c >= '[' && c <= '^') || c == '|';
  }
  return false;
}

// The sets as 256-bit tables, built at compile time: one lookup per byte.
struct EncodeTable {
  uint64_t bits[4] = {0, 0, 0, 0};

  constexpr bool Has(unsigned char c) const { return ((bits[c >> 6] >> (c & 63)) & 1) != 0; }
};

constexpr EncodeTable MakeTable(EncodeSet set) {
  EncodeTable t;
  for (int c = 0; c < 256; ++c) {
    if (InSetSlow(static_cast<unsigned char>(c), set)) {
      t.bits[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
  return t;
}

constexpr EncodeTable kEncodeTables[] = {
    MakeTable(EncodeSet::kC0Control), MakeTable(EncodeSet::kFragment),
    MakeTable(EncodeSet::kQuery),     MakeTable(EncodeSet::kSpecialQuery),
    MakeTable(EncodeSet::kPath),      MakeTable(EncodeSet::kUserinfo)};

void AppendEncoded(std::string& out, std::string_view in, EncodeSet set) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const EncodeTable& table = kEncodeTables[static_cast<int>(set)];
  size_t run = 0;  // start of the bytes not yet copied: copied a run at a time
  for (size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (!table.Has(c)) {
      continue;
    }
    out.append(in.data() + run, i - run);
    const char escaped[3] = {'%', kHex[c >> 4], kHex[c & 15]};
    out.append(escaped, 3);
    run = i + 1;
  }
  out.append(in.data() + run, in.size() - run);
}

std::string PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() && IsAsciiHexDigit(in[i + 1]) &&
        IsAsciiHexDigit(in[i + 2])) {
      out.push_back(static_cast<char>(AsciiHexValue(in[i + 1]) * 16 + AsciiHexValue(in[i + 2])));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

bool IsSpecialScheme(std::string_view s) {
  return s == "http" || s == "https" || s == "ws" || s == "wss" || s == "ftp" || s == "file";
}

Unexpected Invalid(std::string message, std::string_view input) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::string(input));
}

// --- Hosts (URL Standard 3.5) ---

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

// --- Paths ---

bool IsSingleDot(std::string_view s) {
  return s == "." || s == "%2e" || s == "%2E";
}

bool IsDoubleDot(std::string_view s) {
  if (s == "..") {
    return true;
  }
  if (s.size() == 4 || s.size() == 6) {
    std::string lower;
    for (char c : s) {
      lower.push_back(AsciiLowerChar(c));
    }
    return lower == ".%2e" || lower == "%2e." || lower == "%2e%2e";
  }
  return false;
}

bool IsWindowsDriveLetter(std::string_view s, bool normalized_only) {
  return s.size() == 2 && IsAsciiAlpha(s[0]) && (s[1] == ':' || (!normalized_only && s[1] == '|'));
}

// Splits a serialized path ("/a/b") into segments.
std::vector<std::string> PathSegments(std::string_view path) {
  std::vector<std::string> segments;
  if (path.empty()) {
    return segments;
  }
  size_t start = path.front() == '/' ? 1 : 0;
  for (size_t i = start; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      segments.emplace_back(path.substr(start, i - start));
      start = i + 1;
    }
  }
  return segments;
}

void ShortenPath(std::vector<std::string>& segments, bool is_file) {
  if (is_file && segments.size() == 1 && IsWindowsDriveLetter(segments[0], true)) {
    return;
  }
  if (!segments.empty()) {
    segments.pop_back();
  }
}

// Path state (4.4): appends `input` (up to '?' or '#') to `segments`.
void ParsePathInto(std::string_view input, bool special, bool is_file,
                   std::vector<std::string>& segments) {
  size_t start = 0;
  for (size_t i = 0; i <= input.size(); ++i) {
    bool end = i == input.size();
    if (!end && !(input[i] == '/' || (special && input[i] == '\\'))) {
      continue;
    }
    std::string_view raw = input.substr(start, i - start);
    std::string buffer;
    AppendEncoded(buffer, raw, EncodeSet::kPath);
    if (IsDoubleDot(buffer)) {
      // ".." followed by a slash leaves nothing; at the end it leaves an empty last segment.
      ShortenPath(segments, is_file);
      if (end) {
        segments.emplace_back();
      }
    } else if (IsSingleDot(buffer)) {
      if (end) {
        segments.emplace_back();
      }
    } else {
      if (is_file && segments.empty() && IsWindowsDriveLetter(buffer, false)) {
        buffer[1] = ':';
      }
      segments.push_back(std::move(buffer));
    }
    start = i + 1;
  }
}

std::string JoinPath(const std::vector<std::string>& segments) {
  std::string out;
  for (const auto& s : segments) {
    out += '/';
    out += s;
  }
  return out;
}

struct Split {
  std::string_view before;  // up to '?' or '#'
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

Split SplitQueryFragment(std::string_view s) {
  Split out;
  size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    out.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  size_t q = s.find('?');
  if (q != std::string_view::npos) {
    out.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  out.before = s;
  return out;
}

void SetQueryFragment(Url& url, const Split& split) {
  if (split.query) {
    std::string q;
    AppendEncoded(q, *split.query, url.IsSpecial() ? EncodeSet::kSpecialQuery : EncodeSet::kQuery);
    url.query = std::move(q);
  }
  if (split.fragment) {
    std::string f;
    AppendEncoded(f, *split.fragment, EncodeSet::kFragment);
    url.fragment = std::move(f);
  }
}

bool IsSlash(char c, bool special) {
  return c == '/' || (special && c == '\\');
}

// Authority state + host state + port state (4.4). `rest` starts after the slashes; on success
// returns the remainder (path, query, fragment).
Result<std::string_view> ParseAuthority(Url& url, std::string_view rest, std::string_view whole) {
  bool special = url.IsSpecial();
  size_t end = 0;
  while (end < rest.size() && !(rest[end] == '/' || rest[end] == '?' || rest[end] == '#' ||
                                (special && rest[end] == '\\'))) {
    ++end;
  }
  std::string_view authority = rest.substr(0, end);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    size_t colon = userinfo.find(':');
    AppendEncoded(url.username, userinfo.substr(0, colon), EncodeSet::kUserinfo);
    if (colon != std::string_view::npos) {
      AppendEncoded(url.password, userinfo.substr(colon + 1), EncodeSet::kUserinfo);
    }
    authority = authority.substr(at + 1);
    if (authority.empty()) {
      return Invalid("credentials without a host", whole);
    }
  }
  // The port starts at the first ':' outside brackets.
  size_t colon = std::string_view::npos;
  bool in_brackets = false;
  for (size_t i = 0; i < authority.size(); ++i) {
    if (authority[i] == '[') {
      in_brackets = true;
    } else if (authority[i] == ']') {
      in_brackets = false;
    } else if (authority[i] == ':' && !in_brackets) {
      colon = i;
      break;
    }
  }
  std::string_view host_text = authority.substr(0, colon);
  if (host_text.empty() && special) {
    return Invalid("special URL with an empty host", whole);
  }
  if (colon != std::string_view::npos && host_text.empty()) {
    return Invalid("port without a host", whole);
  }
  auto host = ParseHost(host_text, !special, whole);
  if (!host) {
    return host.error();
  }
  url.host = std::move(*host);
  if (colon != std::string_view::npos) {
    std::string_view port_text = authority.substr(colon + 1);
    if (!port_text.empty()) {
      uint32_t port = 0;
      for (char c : port_text) {
        if (!IsAsciiDigit(c)) {
          return Invalid("port is not a number", whole);
        }
        port = port * 10 + (c - '0');
        if (port > 65535) {
          return Invalid("port above 65535", whole);
        }
      }
      url.port = (static_cast<int>(port) == DefaultPort(url.scheme)) ? -1 : static_cast<int>(port);
    }
  }
  return rest.substr(end);
}

// Path start state onwards for URLs with a hierarchical path.
// A path that the path state would copy unchanged: nothing to percent-encode, no backslash
// (for special URLs), no segment that may be a dot segment, no Windows drive letter.
bool IsPlainPath(std::string_view path, bool special, bool is_file) {
  if (is_file && path.size() >= 2 && IsAsciiAlpha(path[0]) && (path[1] == ':' || path[1] == '|')) {
    return false;
  }
  const EncodeTable& table = kEncodeTables[static_cast<int>(EncodeSet::kPath)];
  bool segment_start = true;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (table.Has(c) || (special && ch == '\\') || (segment_start && (ch == '.' || ch == '%'))) {
      return false;
    }
    segment_start = ch == '/';
  }
  return true;
}

void ParsePathQueryFragment(Url& url, std::string_view rest, std::vector<std::string> segments) {
  Split split = SplitQueryFragment(rest);
  bool special = url.IsSpecial();
  std::string_view path = split.before;
  if (segments.empty() && !path.empty()) {
    // The common case, an absolute path with nothing to rewrite: the serialised path is the
    // input with one leading slash, as splitting into segments and joining them would give.
    std::string_view body = IsSlash(path.front(), special) ? path.substr(1) : path;
    if (IsPlainPath(body, special, url.scheme == "file")) {
      url.path.reserve(body.size() + 1);
      url.path = "/";
      url.path.append(body);
      SetQueryFragment(url, split);
      return;
    }
  }
  if (!path.empty() && IsSlash(path.front(), special)) {
    path.remove_prefix(1);
    ParsePathInto(path, special, url.scheme == "file", segments);
  } else if (!path.empty()) {
    ParsePathInto(path, special, url.scheme == "file", segments);
  } else if (special && segments.empty()) {
    segments.emplace_back();
  }
  if (!special && segments.empty() && path.empty()) {
    url.path.clear();
  } else {
    url.path = JoinPath(segments);
  }
  SetQueryFragment(url, split);
}

Result<Url> ParseFile(std::string_view rest, const Url* base, std::string_view whole) {
  Url url;
  url.scheme = "file";
  url.host = "";
  if (rest.size() >= 2 && IsSlash(rest[0], true) && IsSlash(rest[1], true)) {
    rest.remove_prefix(2);
    size_t end = 0;
    while (end < rest.size() &&
           !(rest[end] == '/' || rest[end] == '\\' || rest[end] == '?' || rest[end] == '#')) {
      ++end;
    }
    std::string_view host_text = rest.substr(0, end);
    if (IsWindowsDriveLetter(host_text, false)) {
      // "file://C:/x": the drive letter is the start of the path.
      ParsePathQueryFragment(url, std::string("/") + std::string(rest), {});
      return url;
    }
    if (!host_text.empty()) {
      auto host = ParseHost(host_text, false, whole);
      if (!host) {
        return host.error();
      }
      url.host = (*host == "localhost") ? std::string() : std::move(*host);
    }
    ParsePathQueryFragment(url, rest.substr(end), {});
    return url;
  }
  if (base && base->scheme == "file") {
    url.host = base->host;
    if (rest.empty()) {
      url.path = base->path;
      url.query = base->query;
      return url;
    }
    if (rest.front() == '?' || rest.front() == '#') {
      url.path = base->path;
      if (rest.front() == '#') {
        url.query = base->query;
      }
      SetQueryFragment(url, SplitQueryFragment(rest));
      return url;
    }
    if (!IsSlash(rest.front(), true)) {
      auto segments = PathSegments(base->path);
      ShortenPath(segments, true);
      ParsePathQueryFragment(url, rest, segments);
      return url;
    }
  }
  ParsePathQueryFragment(url, rest, {});
  return url;
}

}  // namespace

int DefaultPort(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") {
    return 80;
  }
  if (scheme == "https" || scheme == "wss") {
    return 443;
  }
  if (scheme == "ftp") {
    return 21;
  }
  return -1;
}

bool Url::IsSpecial() const {
  return IsSpecialScheme(scheme);
}

int Url::EffectivePort() const {
  return port >= 0 ? port : DefaultPort(scheme);
}

std::string Url::Authority() const {
  if (!host) {
    return {};
  }
  std::string out = *host;
  if (port >= 0) {
    out += ':' + std::to_string(port);
  }
  return out;
}

std::string Url::PathAndQuery() const {
  std::string out = path.empty() ? std::string("/") : path;
  if (query) {
    out += '?';
    out += *query;
  }
  return out;
}

std::string Url::Origin() const {
  return scheme + "://" + Authority();
}

std::string Url::Serialize(bool exclude_fragment) const {
  std::string out = scheme;
  out += ':';
  if (host) {
    out += "//";
    if (!username.empty() || !password.empty()) {
      out += username;
      if (!password.empty()) {
        out += ':';
        out += password;
      }
      out += '@';
    }
    out += Authority();
  } else if (!opaque_path && path.size() > 1 && path[0] == '/' && path[1] == '/') {
    out += "/.";
  }
  out += path;
  if (query) {
    out += '?';
    out += *query;
  }
  if (!exclude_fragment && fragment) {
    out += '#';
    out += *fragment;
  }
  return out;
}

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

Result<Url> ParseUrl(std::string_view raw, const Url* base) {
  // Strip leading and trailing C0 control or space; remove all ASCII tab or newline.
  while (!raw.empty() && static_cast<unsigned char>(raw.front()) <= 0x20) {
    raw.remove_prefix(1);
  }
  while (!raw.empty() && static_cast<unsigned char>(raw.back()) <= 0x20) {
    raw.remove_suffix(1);
  }
  std::string cleaned;
  std::string_view input = raw;
  if (raw.find_first_of("\t\n\r") != std::string_view::npos) {
    for (char c : raw) {
      if (c != '\t' && c != '\n' && c != '\r') {
        cleaned.push_back(c);
      }
    }
    input = cleaned;
  }

  // Scheme start state / scheme state.
  std::string scheme;
  std::string_view rest = input;
  if (!input.empty() && IsAsciiAlpha(input[0])) {
    size_t i = 1;
    while (i < input.size() && (IsAsciiAlpha(input[i]) || IsAsciiDigit(input[i]) ||
                                input[i] == '+' || input[i] == '-' || input[i] == '.')) {
      ++i;
    }
    if (i < input.size() && input[i] == ':') {
      for (size_t j = 0; j < i; ++j) {
        scheme.push_back(AsciiLowerChar(input[j]));
      }
      rest = input.substr(i + 1);
    }
  }

  if (scheme.empty()) {
    // No scheme state.
    if (base == nullptr) {
      return Invalid("relative URL without a base", input);
    }
    if (base->opaque_path) {
      if (input.empty() || input.front() != '#') {
        return Invalid("relative URL against a base with an opaque path", input);
      }
      Url url = *base;
      url.fragment.reset();
      SetQueryFragment(url, Split{{}, std::nullopt, input.substr(1)});
      return url;
    }
    if (base->scheme == "file") {
      return ParseFile(input, base, input);
    }
    scheme = base->scheme;
    rest = input;
  } else if (scheme == "file") {
    return ParseFile(rest, (base && base->scheme == "file") ? base : nullptr, input);
  } else if (IsSpecialScheme(scheme)) {
    bool relative = base != nullptr && base->scheme == scheme &&
                    !(rest.size() >= 2 && rest[0] == '/' && rest[1] == '/');
    if (!relative) {
      // Special authority slashes / ignore slashes state: any run of '/' or '\'.
      Url url;
      url.scheme = scheme;
      while (!rest.empty() && IsSlash(rest.front(), true)) {
        rest.remove_prefix(1);
      }
      auto after = ParseAuthority(url, rest, input);
      if (!after) {
        return after.error();
      }
      ParsePathQueryFragment(url, *after, {});
      return url;
    }
    // Special relative or authority state, with one slash or none: relative state below.
  } else {
    Url url;
    url.scheme = scheme;
    if (rest.size() >= 2 && rest[0] == '/' && rest[1] == '/') {
      auto after = ParseAuthority(url, rest.substr(2), input);
      if (!after) {
        return after.error();
      }
      ParsePathQueryFragment(url, *after, {});
      return url;
    }
    if (!rest.empty() && rest.front() == '/') {
      ParsePathQueryFragment(url, rest, {});
      return url;
    }
    // Opaque path state.
    Split split = SplitQueryFragment(rest);
    url.opaque_path = true;
    AppendEncoded(url.path, split.before, EncodeSet::kC0Control);
    SetQueryFragment(url, split);
    return url;
  }

  // Relative state (base is hierarchical and has this scheme).
  Url url;
  url.scheme = scheme;
  bool special = url.IsSpecial();
  if (!rest.empty() && IsSlash(rest.front(), special)) {
    // Relative slash state.
    if (rest.size() >= 2 && IsSlash(rest[1], special)) {
      std::string_view after_slashes = rest;
      while (!after_slashes.empty() && IsSlash(after_slashes.front(), special)) {
        after_slashes.remove_prefix(1);
        if (!special) {
          break;
        }
      }
      if (!special) {
        after_slashes = rest.substr(2);
      }
      auto after = ParseAuthority(url, after_slashes, input);
      if (!after) {
        return after.error();
      }
      ParsePathQueryFragment(url, *after, {});
      return url;
    }
    url.username = base->username;
    url.password = base->password;
    url.host = base->host;
    url.port = base->port;
    ParsePathQueryFragment(url, rest, {});
    return url;
  }
  url.username = base->username;
  url.password = base->password;
  url.host = base->host;
  url.port = base->port;
  url.path = base->path;
  if (rest.empty()) {
    url.query = base->query;
    return url;
  }
  if (rest.front() == '?') {
    SetQueryFragment(url, SplitQueryFragment(rest));
    return url;
  }
  if (rest.front() == '#') {
    url.query = base->query;
    SetQueryFragment(url, SplitQueryFragment(rest));
    return url;
  }
  auto segments = PathSegments(base->path);
  ShortenPath(segments, false);
  ParsePathQueryFragment(url, rest, std::move(segments));
  return url;
}

Result<std::string> ResolveUrlString(std::string_view base, std::string_view reference) {
  auto base_url = ParseUrl(base);
  if (!base_url) {
    return base_url.error();
  }
  auto url = ParseUrl(reference, &*base_url);
  if (!url) {
    return url.error();
  }
  return url->Serialize();
}

namespace {

bool IsUnreserved(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string NormalizePercent(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && IsAsciiHexDigit(s[i + 1]) && IsAsciiHexDigit(s[i + 2])) {
      char decoded = static_cast<char>(AsciiHexValue(s[i + 1]) * 16 + AsciiHexValue(s[i + 2]));
      if (IsUnreserved(decoded)) {
        out.push_back(decoded);
      } else {
        out.push_back('%');
        out.push_back(kHex[AsciiHexValue(s[i + 1])]);
        out.push_back(kHex[AsciiHexValue(s[i + 2])]);
      }
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::string NormalizeUrl(const Url& url) {
  if (url.opaque_path) {
    return url.Serialize(true);
  }
  Url copy = url;
  copy.path = NormalizePercent(url.path);
  if (copy.query) {
    copy.query = NormalizePercent(*copy.query);
  }
  // Dot segments in any %2e spelling were already removed by the parser, and '.' is never
  // produced here from a path separator, so the key stays canonical.
  return copy.Serialize(true);
}

Result<std::string> NormalizeUrlString(std::string_view input) {
  auto url = ParseUrl(input);
  if (!url) {
    return url.error();
  }
  return NormalizeUrl(*url);
}

}  // namespace plainsight::engine
