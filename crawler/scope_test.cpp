// Crawl scope, session-id stripping and trap guards (crawler/scope.h).
#include "crawler/scope.h"

#include <string>

#include <catch2/catch.hpp>

#include "engine/url.h"

using namespace plainsight;
using crawler::Scope;
using crawler::ScopeMode;
using crawler::ScopeOptions;

namespace {

engine::Url U(const char* s) {
  auto u = engine::ParseUrl(s);
  REQUIRE(u.has_value());
  return *u;
}

std::string Out(Scope& scope, const char* s) {
  engine::Url u = U(s);
  return scope.OutOfScope(u, engine::NormalizeUrl(u));
}

}  // namespace

TEST_CASE("scope: registrable domains come from the Public Suffix List", "[crawler][scope]") {
  CHECK(crawler::RegistrableDomain("www.council.ie") == "council.ie");
  CHECK(crawler::RegistrableDomain("maps.dublincity.gov.uk") == "dublincity.gov.uk");
  CHECK(crawler::RegistrableDomain("127.0.0.1") == "127.0.0.1");
  CHECK(crawler::RegistrableDomain("[::1]") == "[::1]");
}

TEST_CASE("scope: site, host and prefix modes", "[crawler][scope]") {
  ScopeOptions site;
  auto s = Scope::Create(site);
  REQUIRE(s.has_value());
  (*s)->AddSeed(U("https://www.council.ie/services/"));
  CHECK(Out(**s, "https://maps.council.ie/x").empty());
  CHECK(Out(**s, "https://other.ie/") == "outside the site council.ie");
  CHECK(Out(**s, "mailto:info@council.ie") == "not an http(s) URL");

  ScopeOptions host;
  host.mode = ScopeMode::kHost;
  auto h = Scope::Create(host);
  REQUIRE(h.has_value());
  (*h)->AddSeed(U("https://www.council.ie/services/"));
  CHECK(Out(**h, "https://www.council.ie/x").empty());
  CHECK_FALSE(Out(**h, "https://maps.council.ie/x").empty());

  ScopeOptions prefix;
  prefix.mode = ScopeMode::kPrefix;
  auto p = Scope::Create(prefix);
  REQUIRE(p.has_value());
  (*p)->AddSeed(U("https://www.council.ie/services/index.html"));
  CHECK(Out(**p, "https://www.council.ie/services/bins").empty());
  CHECK_FALSE(Out(**p, "https://www.council.ie/news/").empty());
}

TEST_CASE("scope: include and exclude patterns are RE2, exclude wins", "[crawler][scope]") {
  ScopeOptions o;
  o.include = {"/en/", "/ga/"};
  o.exclude = {"\\.php$", "/en/archive/"};
  auto s = Scope::Create(o);
  REQUIRE(s.has_value());
  (*s)->AddSeed(U("https://council.ie/"));
  CHECK(Out(**s, "https://council.ie/en/a").empty());
  CHECK(Out(**s, "https://council.ie/de/a") == "matches no --include pattern");
  CHECK(Out(**s, "https://council.ie/en/archive/1") == "matches --exclude /en/archive/");
  CHECK(Out(**s, "https://council.ie/ga/x.php") == "matches --exclude \\.php$");

  ScopeOptions bad;
  bad.include = {"(unclosed"};
  auto b = Scope::Create(bad);
  REQUIRE_FALSE(b.has_value());
  CHECK(b.error().code == engine::ErrorCode::kInvalidArgument);
}

TEST_CASE("scope: session ids are stripped from query and path", "[crawler][scope]") {
  engine::Url u = U("https://x.ie/a;jsessionid=ABC123?page=2&PHPSESSID=f00&sid=9");
  CHECK(crawler::StripSessionIds(u));
  CHECK(u.Serialize() == "https://x.ie/a?page=2");
  engine::Url v = U("https://x.ie/a?page=2");
  CHECK_FALSE(crawler::StripSessionIds(v));
  engine::Url w = U("https://x.ie/a?ASPSESSIONIDQQ=1");
  CHECK(crawler::StripSessionIds(w));
  CHECK(w.Serialize() == "https://x.ie/a");
}

TEST_CASE("scope: trap guards catch long URLs, repeated segments and calendars",
          "[crawler][scope]") {
  ScopeOptions o;
  o.max_url_length = 100;
  o.max_calendar_variants = 3;
  o.max_query_variants = 5;
  auto s = Scope::Create(o);
  REQUIRE(s.has_value());
  auto trap = [&](const std::string& text) {
    engine::Url u = U(text.c_str());
    return (*s)->Trap(u, engine::NormalizeUrl(u));
  };
  CHECK(trap("https://x.ie/" + std::string(120, 'a')).find("longer than 100") != std::string::npos);
  CHECK(trap("https://x.ie/a/b/a/b/a/b/a/b").find("repeated more than 3") != std::string::npos);
  CHECK(trap("https://x.ie/a/b/a/b/a/b").empty());
  // Three months of a calendar pass; the fourth variant of the same shape is a trap.
  CHECK(trap("https://x.ie/events/2024-01").empty());
  CHECK(trap("https://x.ie/events/2024-02").empty());
  CHECK(trap("https://x.ie/events/2024-03").empty());
  CHECK(trap("https://x.ie/events/2024-04").find("calendar-like") != std::string::npos);
  CHECK(trap("https://x.ie/cal?month=1").empty());
  // Query explosion on one path.
  for (int i = 0; i < 5; ++i) {
    CHECK(trap("https://x.ie/list?p=" + std::to_string(i)).empty());
  }
  CHECK(trap("https://x.ie/list?p=99").find("query variants") != std::string::npos);
}
