// robots.txt per RFC 9309 (crawler/robots.h). Section numbers refer to the RFC.
#include "crawler/robots.h"

#include <string>

#include <catch2/catch.hpp>

using plainsight::crawler::ProductToken;
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
  CHECK(r.Allowed("FooBot/2.1", "/example/page/x.html"));
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
  CHECK_FALSE(r.Allowed("plainsight/0.1 (+https://plainsight.eu)", "/a"));
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

TEST_CASE("robots: /robots.txt itself is always allowed (2.2.2)", "[crawler][robots]") {
  RobotsTxt r = RobotsTxt::Parse("User-agent: *\nDisallow: /\n");
  CHECK(r.Allowed("plainsight", "/robots.txt"));
  CHECK_FALSE(r.Allowed("plainsight", "/"));
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
