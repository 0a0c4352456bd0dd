// URLs the way browsers parse them: the WHATWG URL Standard (https://url.spec.whatwg.org/),
// section 4.4 "URL parsing" (the basic URL parser, without the optional state override), plus
// the host parser of 3.5 (IPv4 with hex/octal parts, IPv6 compression, IDNA via ICU's UTS #46)
// and the percent-encode sets of 1.3. libcurl's URL API follows RFC 3986 and differs from
// browsers on backslashes, surrounding whitespace, IDN and dot segments, so links found in pages
// are resolved here instead.
//
// NormalizeUrl() adds what a crawler needs for de-duplication on top of the serializer:
// fragment dropped, percent-encoded unreserved characters decoded (RFC 3986 section 6.2.2.2),
// remaining escapes upper-cased (6.2.2.1). Case, default ports and dot segments are already
// normalised by the parser itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace plainsight::engine {

struct Url {
  std::string scheme;                // lowercase, without ':' ("https")
  std::string username;              // percent-encoded
  std::string password;              // percent-encoded
  std::optional<std::string> host;   // serialized: lowercase ASCII (punycode), "1.2.3.4", "[::1]"
  int port = -1;                     // -1 when absent or the scheme's default
  std::string path;                  // "/a/b" for hierarchical URLs, or the opaque path
  bool opaque_path = false;          // "mailto:x@y", "javascript:..."
  std::optional<std::string> query;  // without '?'
  std::optional<std::string> fragment;  // without '#'

  // The href: scheme://user:pass@host:port/path?query#fragment (URL Standard 4.5).
  std::string Serialize(bool exclude_fragment = false) const;
  // http, https, ws, wss, ftp, file.
  bool IsSpecial() const;
  // The port, or the scheme's default port (80, 443, 21), or -1.
  int EffectivePort() const;
  // host plus ":port" when the port is not the default; "" when there is no host.
  std::string Authority() const;
  // path plus "?query" when there is a query (what goes on the HTTP request line).
  std::string PathAndQuery() const;
  // scheme://host[:port]
  std::string Origin() const;
};

// The default port of a special scheme, or -1.
int DefaultPort(std::string_view scheme);

// Parses `input` (UTF-8) against an optional absolute base URL. Fails with kInvalidArgument
// (message says why, `where` holds the input) where the URL Standard returns failure: a relative
// reference without a base, an invalid host or IPv6/IPv4 address, a port above 65535, a special
// URL with an empty host.
Result<Url> ParseUrl(std::string_view input, const Url* base = nullptr);

// Convenience: ParseUrl(reference, &ParseUrl(base)), serialized; fails as ParseUrl does.
Result<std::string> ResolveUrlString(std::string_view base, std::string_view reference);

// The crawler's de-duplication key: Serialize(exclude_fragment=true) with percent-encoding
// normalised (escaped unreserved characters decoded, other escapes upper-case) in path and query.
std::string NormalizeUrl(const Url& url);

// Parses and normalises in one step. Fails as ParseUrl does.
Result<std::string> NormalizeUrlString(std::string_view input);

// Converts a domain to ASCII with UTS #46 (nontransitional, CheckBidi, CheckJoiners, no
// CheckHyphens, no STD3 rules, as the URL Standard's "domain to ASCII" with beStrict false).
// Fails with kInvalidArgument on an invalid label.
Result<std::string> DomainToAscii(std::string_view domain);

}  // namespace plainsight::engine
