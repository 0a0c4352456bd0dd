// WHATWG URL Standard parser and serializer (https://url.spec.whatwg.org/, sections 3 and 4).
// Written by hand because no Debian 12 package ships a WHATWG-conformant C++ URL parser (ada is
// not packaged; libcurl's URL API and uriparser follow RFC 3986, which differs from browsers on
// backslashes, whitespace, IPv4 shorthand and IDN). IDNA itself is ICU's UTS #46 implementation.
//
// The structure follows the spec's state machine but walks the input by component instead of
// by code point: scheme, then (authority | relative | opaque path), then path, query, fragment.
// The state override (setters) is not implemented: the crawler only parses.
// This file owns the percent-encode sets (1.3), the URL parser (4.4), the serializer (4.5) and
// the crawler's normalisation; the host parser and IDNA (3.5, 3.6) are in url_host.cpp.
#include "engine/url.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "engine/ascii.h"
#include "engine/url_internal.h"

namespace plainsight::engine {
namespace {

using url_internal::EncodeSet;

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

}  // namespace

namespace url_internal {

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

Unexpected Invalid(std::string message, std::string_view input) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::string(input));
}

}  // namespace url_internal

namespace {

using url_internal::AppendEncoded;
using url_internal::Invalid;
using url_internal::IsAsciiAlpha;
using url_internal::IsAsciiDigit;
using url_internal::IsAsciiHexDigit;
using url_internal::ParseHost;
using url_internal::PercentDecode;

bool IsSpecialScheme(std::string_view s) {
  return s == "http" || s == "https" || s == "ws" || s == "wss" || s == "ftp" || s == "file";
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
