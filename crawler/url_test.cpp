// WHATWG URL parsing, resolution and normalisation (engine/url.h). Expected values are the
// URL Standard's (cross-checked against web-platform-tests url/resources/urltestdata.json).
#include "engine/url.h"

#include <string>

#include <catch2/catch.hpp>

using plainsight::engine::NormalizeUrlString;
using plainsight::engine::ParseUrl;
using plainsight::engine::ResolveUrlString;

namespace {

struct Row {
  const char* base;  // "" for none
  const char* input;
  const char* expected;  // "" for failure
};

}  // namespace

TEST_CASE("url: references resolve as the URL Standard says", "[crawler][url]") {
  const Row rows[] = {
      // RFC 3986 5.4.1 examples, which the URL Standard keeps.
      {"http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
      {"http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
      {"http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
      {"http://a/b/c/d;p?q", "/g", "http://a/g"},
      {"http://a/b/c/d;p?q", "//g", "http://g/"},
      {"http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
      {"http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"},
      {"http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"},
      {"http://a/b/c/d;p?q", ".", "http://a/b/c/"},
      {"http://a/b/c/d;p?q", "..", "http://a/b/"},
      {"http://a/b/c/d;p?q", "../g", "http://a/b/g"},
      {"http://a/b/c/d;p?q", "../../../g", "http://a/g"},
      {"http://a/b/c/d;p?q", "g;x=1/../y", "http://a/b/c/y"},
      // Browser leniencies that RFC 3986 lacks.
      {"http://a/b/c", "\\x\\y", "http://a/x/y"},
      {"", R"(http:\\host\path)", "http://host/path"},
      {"http://a/b/c", "  d.html  ", "http://a/b/d.html"},
      {"", "ht\ttp://exa\nmple.com/", "http://example.com/"},
      {"http://a/b", "http:g", "http://a/g"},  // same special scheme: relative
      {"", "http:////host/x", "http://host/x"},
      // Hosts: case, IDN, IPv4 shorthand, IPv6 compression, percent-decoding.
      {"", "HTTP://EXAMPLE.com/Path", "http://example.com/Path"},
      {"", "http://m\xC3\xBCnchen.de/", "http://xn--mnchen-3ya.de/"},
      {"", "http://0x7f.1/", "http://127.0.0.1/"},
      {"", "http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]:8080/"},
      {"", "http://[2001:db8:0:0:1:0:0:1]/", "http://[2001:db8::1:0:0:1]/"},
      {"", "http://ex%41mple.com/", "http://example.com/"},
      // Ports.
      {"", "https://example.com:443/", "https://example.com/"},
      {"", "http://example.com:8080", "http://example.com:8080/"},
      // Paths, queries, fragments.
      {"", "http://example.com/a/./b/../c", "http://example.com/a/c"},
      {"", "http://example.com/%2e%2E/x", "http://example.com/x"},
      {"", "http://example.com/a b", "http://example.com/a%20b"},
      // Plain absolute paths are copied as they are; anything else goes segment by segment.
      {"", "http://example.com/a//b/", "http://example.com/a//b/"},
      {"", "http://example.com/.well-known/x.y", "http://example.com/.well-known/x.y"},
      {"", "http://example.com/a/%2e/b", "http://example.com/a/b"},
      {"", "http://example.com/%41/b", "http://example.com/%41/b"},
      {"", "http://example.com/a\\b", "http://example.com/a/b"},
      {"", "http://example.com/\xC3\xA9t\xC3\xA9", "http://example.com/%C3%A9t%C3%A9"},
      {"", "file:///work/main/x.html", "file:///work/main/x.html"},
      {"", "file:///C|/x", "file:///C:/x"},
      {"", "foo://host/a/../b", "foo://host/b"},
      {"", "foo://host/a b/c", "foo://host/a%20b/c"},
      {"", "http://example.com/?q=a b'", "http://example.com/?q=a%20b%27"},
      {"", "http://example.com/#a b", "http://example.com/#a%20b"},
      {"", "http://user:pa ss@example.com/", "http://user:pa%20ss@example.com/"},
      // Non-special and opaque URLs.
      {"", "mailto:a@b.ie", "mailto:a@b.ie"},
      {"", "javascript:alert(1)", "javascript:alert(1)"},
      {"", "foo://host/a/../b", "foo://host/b"},
      // Failures.
      {"", "http://ex ample.com/", ""},
      {"", "http://example.com:99999/", ""},
      {"", "http://1.2.3.4.5/", ""},
      {"", "http://[::1/", ""},
      {"", "http:///", ""},
      {"", "relative/path", ""},
      {"mailto:x@y", "z", ""},
  };
  for (const Row& row : rows) {
    INFO("base=" << row.base << " input=" << row.input);
    std::string expected = row.expected;
    if (std::string(row.base).empty()) {
      auto url = ParseUrl(row.input);
      if (expected.empty()) {
        CHECK_FALSE(url.has_value());
      } else {
        REQUIRE(url.has_value());
        CHECK(url->Serialize() == expected);
      }
    } else {
      auto resolved = ResolveUrlString(row.base, row.input);
      if (expected.empty()) {
        CHECK_FALSE(resolved.has_value());
      } else {
        REQUIRE(resolved.has_value());
        CHECK(*resolved == expected);
      }
    }
  }
}

TEST_CASE("url: normalisation drops fragments and canonicalises escapes", "[crawler][url]") {
  const std::pair<const char*, const char*> rows[] = {
      {"http://Example.COM:80/a/../b#frag", "http://example.com/b"},
      {"http://example.com/%7euser/%2f", "http://example.com/~user/%2F"},
      {"http://example.com/?a=%41%3d", "http://example.com/?a=A%3D"},
      {"https://example.com", "https://example.com/"},
  };
  for (const auto& [input, expected] : rows) {
    INFO(input);
    auto key = NormalizeUrlString(input);
    REQUIRE(key.has_value());
    CHECK(*key == expected);
  }
}

TEST_CASE("url: accessors give origin, authority and request target", "[crawler][url]") {
  auto url = ParseUrl("https://www.example.ie:8443/a/b?x=1#top");
  REQUIRE(url.has_value());
  CHECK(url->Origin() == "https://www.example.ie:8443");
  CHECK(url->PathAndQuery() == "/a/b?x=1");
  CHECK(url->EffectivePort() == 8443);
  CHECK(url->Serialize(true) == "https://www.example.ie:8443/a/b?x=1");
}
