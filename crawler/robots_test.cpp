// robots.txt per RFC 9309 (crawler/robots.h). Section numbers refer to the RFC.
#include "crawler/robots.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/url.h"
#include "plainsight/source_dir.h"

using plainsight::crawler::IsValidProductToken;
using plainsight::crawler::ProductToken;
using plainsight::crawler::RobotsPathFromUrl;
using plainsight::crawler::RobotsPatternMatches;
using plainsight::crawler::RobotsTxt;

TEST_CASE("robots: the longest match decides, as in the RFC 9309 5.2 example",
          "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse(
      "User-Agent: foobot\n"
      "Disallow: /\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n");
  CHECK(r.Allowed("foobot", "/example/page/"));
  CHECK(r.Allowed(ProductToken("FooBot/2.1"), "/example/page/x.html"));
  CHECK_FALSE(r.Allowed("foobot", "/example/page/disallowed.gif"));
  CHECK_FALSE(r.Allowed("foobot", "/other"));
  auto d = r.Decide("foobot", "/example/page/disallowed.gif");
  CHECK(d.line == 4);
  CHECK(d.line_text == "Disallow: /example/page/disallowed.gif");
  // Another crawler has no group and no '*' group: everything allowed.
  CHECK(r.Allowed("plainsight", "/other"));
}

TEST_CASE("robots: allow wins a tie between equally long rules (2.2.2)", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");
  auto d = r.Decide("plainsight", "/page");
  CHECK(d.allowed);
  CHECK(d.line == 3);
}

TEST_CASE("robots: '*' and '$' special characters (2.2.3)", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse(
      "User-agent: *\n"
      "Disallow: /*.gif$\n"
      "Disallow: /search*q=\n"
      "Allow: /$\n"
      "Disallow: /\n");
  CHECK_FALSE(r.Allowed("plainsight", "/images/a.gif"));
  CHECK_FALSE(r.Allowed("plainsight", "/other"));
  CHECK(r.Allowed("plainsight", "/"));
  CHECK_FALSE(r.Allowed("plainsight", "/search?lang=ga&q=x"));
  CHECK(RobotsPatternMatches("/*.gif$", "/a.gif"));
  CHECK_FALSE(RobotsPatternMatches("/*.gif$", "/a.gif?x=1"));
  CHECK(RobotsPatternMatches("/fish*.php", "/fishheads/catfish.php?parameters"));
  CHECK_FALSE(RobotsPatternMatches("/fish*.php", "/Fish.PHP"));
  CHECK(RobotsPatternMatches("/**a", "/xa"));
}

TEST_CASE("robots: percent-encoding is normalised on both sides (2.2.2)", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse(
      "User-agent: *\n"
      "Disallow: /%7Ejoe/\n"
      "Disallow: /foo/\xC3\xA4\n"
      "Disallow: /a%2fb\n");
  CHECK_FALSE(r.Allowed("plainsight", "/~joe/index.html"));
  CHECK_FALSE(r.Allowed("plainsight", "/%7ejoe/index.html"));
  CHECK_FALSE(r.Allowed("plainsight", "/foo/%C3%A4"));
  CHECK_FALSE(r.Allowed("plainsight", "/a%2Fb"));
  // An encoded reserved character is not the character itself.
  CHECK(r.Allowed("plainsight", "/a/b"));
}

TEST_CASE("robots: user-agent groups are matched case-insensitively and combined (2.2.1)",
          "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse(
      "Disallow: /c\n"
      "User-agent: otherbot\n"
      "User-agent: PlainSight\n"
      "Disallow: /a\n"
      "\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "user-agent: plainsight\n"
      "disallow: /b\n"
      "crawl-delay: 2.5\n"
      "Sitemap: https://example.ie/sitemap.xml\n");
  CHECK_FALSE(r.Allowed(ProductToken("plainsight/0.1 (+https://plainsight.eu)"), "/a"));
  CHECK_FALSE(r.Allowed("plainsight", "/b"));
  // '*' does not apply when a group names us, and "Disallow: /c" before any group is ignored.
  CHECK(r.Allowed("plainsight", "/c"));
  CHECK_FALSE(r.Allowed("someone", "/c"));  // '*' applies to others
  CHECK_FALSE(r.Allowed("otherbot", "/a"));
  CHECK(r.Allowed("otherbot", "/b"));
  REQUIRE(r.CrawlDelay("plainsight").has_value());
  CHECK(*r.CrawlDelay("plainsight") == Approx(2.5));
  REQUIRE(r.sitemaps().size() == 1);
  CHECK(r.sitemaps()[0] == "https://example.ie/sitemap.xml");
  CHECK(ProductToken("Mozilla/5.0 (compatible)") == "mozilla");
}

TEST_CASE("robots: /robots.txt is matched like any other path, as Google does",
          "[crawler][robots]") {
  // Deviation from RFC 9309 2.2.2 (which allows /robots.txt implicitly): the crawler fetches
  // robots.txt without asking, so Decide() answers for it as for any page.
  RobotsTxt r = RobotsTxt::Parse("User-agent: *\nDisallow: /\n");
  CHECK_FALSE(r.Allowed("plainsight", "/robots.txt"));
  CHECK_FALSE(r.Allowed("plainsight", "/"));
  CHECK(RobotsTxt::Parse("User-agent: *\nDisallow: /\nAllow: /robots.txt$\n")
            .Allowed("plainsight", "/robots.txt"));
}

TEST_CASE("robots: only the first 500 KiB are parsed (2.5)", "[crawler][robots]") {
  std::string content = "User-agent: *\nDisallow: /early\n";
  content += "# " + std::string(500 * 1024, 'x') + "\n";
  content += "Disallow: /late\n";
  RobotsTxt r = RobotsTxt::Parse(content);
  CHECK(r.truncated());
  CHECK_FALSE(r.Allowed("plainsight", "/early"));
  CHECK(r.Allowed("plainsight", "/late"));
}

TEST_CASE("robots: blanket outcomes for unavailable and unreachable files (2.3.1)",
          "[crawler][robots]") {
  RobotsTxt allow = RobotsTxt::AllowAll("robots.txt: HTTP 404: allow all");
  RobotsTxt deny = RobotsTxt::DisallowAll("robots.txt: HTTP 503: disallow all");
  CHECK(allow.Allowed("plainsight", "/anything"));
  auto d = deny.Decide("plainsight", "/anything");
  CHECK_FALSE(d.allowed);
  CHECK(d.line == 0);
  CHECK(d.line_text == "robots.txt: HTTP 503: disallow all");
}

TEST_CASE("robots: lines end with CR, LF or CRLF and comments are stripped", "[crawler][robots]") {
  RobotsTxt r =
      RobotsTxt::Parse("\xEF\xBB\xBFUser-agent: * # all\r\nDisallow: /x # no\rAllow: /x/y\n");
  CHECK_FALSE(r.Allowed("plainsight", "/x"));
  CHECK(r.Allowed("plainsight", "/x/y"));
  CHECK(r.Decide("plainsight", "/x/y").line == 3);
}

TEST_CASE("robots: a UTF-8 byte order mark, whole or cut short, is skipped at the start only",
          "[crawler][robots]") {
  for (const char* bom : {"\xEF\xBB\xBF", "\xEF\xBB", "\xEF"}) {
    INFO(std::string(bom).size() << " byte(s) of a BOM");
    RobotsTxt r = RobotsTxt::Parse(std::string(bom) + "User-agent: foo\nDisallow: /x\n");
    CHECK_FALSE(r.Allowed("foo", "/x"));
  }
  // A wrong second byte leaves the first line unreadable; the rest is read.
  RobotsTxt broken = RobotsTxt::Parse(
      "\xEF\x11\xBFUser-agent: foo\nDisallow: /x\nUser-agent: bar\nDisallow: /x\n");
  CHECK(broken.Allowed("foo", "/x"));
  CHECK_FALSE(broken.Allowed("bar", "/x"));
  RobotsTxt middle = RobotsTxt::Parse(
      "User-agent: foo\n\xEF\xBB\xBF"
      "Disallow: /x\n");
  CHECK(middle.Allowed("foo", "/x"));
}

TEST_CASE("robots: a missing colon is accepted when the line has exactly two words",
          "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse("user-agent FooBot\ndisallow /\nallow\t/open\n");
  CHECK_FALSE(r.Allowed("foobot", "/x/y"));
  CHECK(r.Allowed("foobot", "/open/a"));
  CHECK(r.groups()[0].rules[0].line == 2);
  // Three words: nobody can tell where the key ends.
  CHECK(RobotsTxt::Parse("user-agent FooBot\ndisallow / now\n").Allowed("foobot", "/x"));
  // A colon still wins when there is one.
  CHECK_FALSE(RobotsTxt::Parse("user-agent: Foo Bot\ndisallow: /\n").Allowed("foo", "/x"));
}

TEST_CASE("robots: misspelt keys and keys read by their start", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse(
      "useragent: a\ndissallow: /1\ndisalow: /2\n"
      "user agent: b\ndisallowed: /3\nsite-map: https://x.ie/s.xml\n");
  CHECK_FALSE(r.Allowed("a", "/1"));
  CHECK_FALSE(r.Allowed("a", "/2"));
  CHECK(r.Allowed("a", "/3"));
  CHECK_FALSE(r.Allowed("b", "/3"));
  REQUIRE(r.sitemaps().size() == 1);
}

TEST_CASE("robots: the requesting agent must be a product token to match a named group",
          "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse(
      "User-Agent: *\nDisallow: /\n"
      "User-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n");
  CHECK(r.Allowed("Foo", "/x/y"));
  CHECK_FALSE(r.Allowed("Foo Bar", "/x/y"));  // not a product token: only '*' applies
  CHECK_FALSE(r.Allowed("Foo/1.0", "/x/y"));
  CHECK_FALSE(r.Allowed("", "/x/y"));
  CHECK(IsValidProductToken("Foobot-Bar"));
  CHECK(IsValidProductToken("Foo_Bar"));
  CHECK_FALSE(IsValidProductToken(""));
  CHECK_FALSE(IsValidProductToken("Foobot*"));
  CHECK_FALSE(IsValidProductToken(" Foobot "));
  CHECK_FALSE(IsValidProductToken("Foobot/2.1"));
  CHECK_FALSE(IsValidProductToken("Foobot Bar"));
  CHECK_FALSE(IsValidProductToken("\xE3\x83\x84"));
}

TEST_CASE("robots: 'User-agent: *' followed by more words is still the global group",
          "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse("User-agent: * everyone\nDisallow: /p\n");
  CHECK_FALSE(r.Allowed("foo", "/p"));
  CHECK(RobotsTxt::Parse("User-agent: *foo\nDisallow: /p\n").Allowed("foo", "/p"));
}

TEST_CASE("robots: a sitemap or unknown line ends a run of user-agent lines, as in Google's parser",
          "[crawler][robots]") {
  RobotsTxt r =
      RobotsTxt::Parse("User-agent: a\nSitemap: https://x.ie/s.xml\nUser-agent: b\nDisallow: /\n");
  CHECK(r.Allowed("a", "/x"));
  CHECK_FALSE(r.Allowed("b", "/x"));
}

TEST_CASE("robots: non-ASCII paths are compared as percent-encoded UTF-8 on both sides",
          "[crawler][robots]") {
  RobotsTxt raw_rule =
      RobotsTxt::Parse("User-agent: *\nDisallow: /\nAllow: /foo/bar/\xE3\x83\x84\n");
  CHECK(raw_rule.Allowed("x", "/foo/bar/%E3%83%84"));
  CHECK(raw_rule.Allowed("x", "/foo/bar/%e3%83%84"));
  CHECK(raw_rule.Allowed("x", "/foo/bar/\xE3\x83\x84"));
  RobotsTxt encoded_rule =
      RobotsTxt::Parse("User-agent: *\nDisallow: /\nAllow: /foo/bar/%e3%83%84\n");
  CHECK(encoded_rule.Allowed("x", "/foo/bar/\xE3\x83\x84"));
  CHECK(encoded_rule.Allowed("x", "/foo/bar/%E3%83%84"));
  CHECK_FALSE(encoded_rule.Allowed("x", "/foo/bar/%E3%83%85"));
}

TEST_CASE("robots: 'Allow: /dir/index.html' also allows /dir/", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse("User-Agent: *\nAllow: /a/index.html\nDisallow: /\n");
  CHECK(r.Allowed("foo", "/a/"));
  CHECK(r.Allowed("foo", "/a/index.html"));
  CHECK_FALSE(r.Allowed("foo", "/a/index.htm"));
  CHECK_FALSE(r.Allowed("foo", "/a/?x"));
  CHECK_FALSE(r.Allowed("foo", "/other"));
  auto d = r.Decide("foo", "/a/");
  CHECK(d.line == 2);
  // Only for allow rules, and only index.htm*.
  CHECK(RobotsTxt::Parse("User-Agent: *\nDisallow: /a/index.html\n").Allowed("foo", "/a/"));
  CHECK_FALSE(
      RobotsTxt::Parse("User-Agent: *\nAllow: /a/index.php\nDisallow: /\n").Allowed("foo", "/a/"));
}

TEST_CASE("robots: an empty URL or agent gets an answer", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse("user-agent: FooBot\ndisallow: /\n");
  CHECK(RobotsTxt::Parse("").Allowed("FooBot", ""));
  CHECK(r.Allowed("", ""));
  CHECK_FALSE(r.Allowed("FooBot", ""));
  CHECK(RobotsTxt::Parse("").Allowed("", ""));
}

TEST_CASE("robots: only the first 16,663 bytes of a line are read", "[crawler][robots]") {
  std::string long_path = "/x/" + std::string(plainsight::crawler::kRobotsMaxLineBytes, 'a');
  RobotsTxt r = RobotsTxt::Parse("user-agent: FooBot\ndisallow: " + long_path + "/qux\n");
  size_t kept = plainsight::crawler::kRobotsMaxLineBytes - std::string("disallow: ").size();
  CHECK(r.Allowed("FooBot", "/fux"));
  // The rule was cut, so a path that shares only the kept part is disallowed.
  CHECK_FALSE(r.Allowed("FooBot", long_path.substr(0, kept) + "/fux"));
  CHECK(r.Allowed("FooBot", long_path.substr(0, kept - 1) + "b"));
}

TEST_CASE("robots: RobotsPathFromUrl keeps path, params and query", "[crawler][robots]") {
  CHECK(RobotsPathFromUrl("") == "/");
  CHECK(RobotsPathFromUrl("http://www.example.com") == "/");
  CHECK(RobotsPathFromUrl("http://www.example.com/a/b?c=http://d.e/") == "/a/b?c=http://d.e/");
  CHECK(RobotsPathFromUrl("http://www.example.com/a/b?c=d&e=f#fragment") == "/a/b?c=d&e=f");
  CHECK(RobotsPathFromUrl("example.com/a/") == "/a/");
  CHECK(RobotsPathFromUrl("a") == "/");
  CHECK(RobotsPathFromUrl("/a") == "/a");
  CHECK(RobotsPathFromUrl("a/b") == "/b");
  CHECK(RobotsPathFromUrl("example.com?a") == "/?a");
  CHECK(RobotsPathFromUrl("example.com/a;b#c") == "/a;b");
  CHECK(RobotsPathFromUrl("//a/b/c") == "/b/c");
  CHECK(RobotsPathFromUrl("example.com#x/y") == "/");
}

namespace {

struct RobotsCheck {
  std::string agent;
  std::string url;
  bool allowed = false;
  int line = 0;
};

struct RobotsCase {
  std::string name;
  std::string content;
  std::vector<RobotsCheck> checks;
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Decodes the case file's escapes; returns false when the line ends in \z (no newline after).
bool Unescape(std::string_view in, std::string& out) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\' || i + 1 >= in.size()) {
      out.push_back(in[i]);
      continue;
    }
    char e = in[++i];
    if (e == 'x' && i + 2 < in.size() && HexDigit(in[i + 1]) >= 0 && HexDigit(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(in[i + 1]) * 16 + HexDigit(in[i + 2])));
      i += 2;
    } else if (e == 'r') {
      out.push_back('\r');
    } else if (e == 'n') {
      out.push_back('\n');
    } else if (e == 't') {
      out.push_back('\t');
    } else if (e == 'z' && i + 1 == in.size()) {
      return false;
    } else {
      out.push_back(e);
    }
  }
  return true;
}

std::vector<RobotsCase> ReadCases(const std::string& path) {
  std::ifstream in(path);
  std::vector<RobotsCase> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("@ ", 0) == 0) {
      cases.push_back({line.substr(2), "", {}});
    } else if (!cases.empty() && (line == "|" || line.rfind("| ", 0) == 0)) {
      if (!Unescape(line.size() > 2 ? std::string_view(line).substr(2) : "",
                    cases.back().content)) {
        continue;
      }
      cases.back().content.push_back('\n');
    } else if (!cases.empty() && line.rfind("?\t", 0) == 0) {
      std::vector<std::string> fields;
      std::stringstream s(line);
      std::string field;
      while (std::getline(s, field, '\t')) {
        fields.push_back(field);
      }
      REQUIRE(fields.size() == 4);
      REQUIRE((fields[3] == "allow" || fields[3] == "disallow"));
      std::string agent;
      std::string url;
      Unescape(fields[1], agent);
      Unescape(fields[2], url);
      cases.back().checks.push_back({agent, url, fields[3] == "allow", number});
    }
  }
  return cases;
}

// What `plainsight robots URL --robots FILE` matches: the path of an absolute http(s) URL as the
// crawler sees it, else the path RobotsPathFromUrl finds.
std::string PathOf(const std::string& url) {
  auto parsed = plainsight::engine::ParseUrl(url);
  if (parsed && (parsed->scheme == "http" || parsed->scheme == "https")) {
    return parsed->PathAndQuery();
  }
  return RobotsPathFromUrl(url);
}

}  // namespace

TEST_CASE("robots: the case file of RFC 9309 and Google-parser expectations passes in full",
          "[crawler][robots]") {
  std::vector<RobotsCase> cases =
      ReadCases(std::string(PLAINSIGHT_SOURCE_DIR) + "/crawler/testdata/robots-cases.txt");
  REQUIRE(cases.size() > 100);
  size_t checks = 0;
  size_t right = 0;
  for (const RobotsCase& c : cases) {
    RobotsTxt r = RobotsTxt::Parse(c.content);
    for (const RobotsCheck& k : c.checks) {
      ++checks;
      bool allowed = r.Allowed(k.agent, PathOf(k.url));
      if (allowed == k.allowed) {
        ++right;
      } else {
        UNSCOPED_INFO("miss: " << c.name << " (line " << k.line << "): agent '" << k.agent
                               << "' url '" << k.url << "' expected "
                               << (k.allowed ? "allow" : "disallow"));
      }
    }
  }
  UNSCOPED_INFO("robots cases: " << right << " of " << checks << " right");
  WARN("robots cases: " << right << " of " << checks << " right");
  CHECK(checks >= 300);
  CHECK(right == checks);
}
