// robots.txt: the Robots Exclusion Protocol, RFC 9309, read the way Google's open-source parser
// (google/robotstxt, the reference the big crawlers follow) reads real files.
//
// Parsing (section 2.2): lines of `key: value`, `#` comments, groups opened by one or more
// `user-agent` lines, `allow`/`disallow` rules, `sitemap` lines outside groups; `crawl-delay` is
// a common extension honoured here. Only the first 500 KiB are parsed (2.5).
// Matching (2.2.2): the group(s) whose user-agent equals the crawler's product token,
// case-insensitively, else the `*` group(s), else no rules; among the rules the longest match
// wins, `allow` on ties; `*` matches any sequence, a trailing `$` anchors the end; both the
// pattern and the URL path are compared with percent-encoding normalised (non-ASCII octets are
// percent-encoded UTF-8 on both sides). Fetch outcomes (2.3.1): 2xx parse, 4xx allow
// everything, 5xx or unreachable disallow everything, more than five redirects counts as
// unavailable (4xx).
//
// Mistakes in the wild that Google's parser accepts, and so do we (each is tested in
// robots_test.cpp):
//  - a UTF-8 byte order mark before the first line, whole or cut short ("\xEF\xBB");
//  - a missing colon ("disallow /"): whitespace separates key and value when the line has
//    exactly two words;
//  - misspelt keys ("useragent", "user agent", "dissallow", "disalow", "site-map"), and keys
//    matched by their start ("disallowed: /x" is a disallow line);
//  - "User-agent: * anything" is the `*` group; "User-agent: Foo Bar" names "foo";
//  - "Allow: /dir/index.html" (or index.htm...) also allows "/dir/" itself;
//  - a line longer than 16,663 bytes is read up to that length.
// Deviation from RFC 9309 2.2.2: /robots.txt is matched like any other path (as Google does); the
// crawler fetches robots.txt itself without asking Decide().
// Interpretation: the requesting agent must itself be a product token ([A-Za-z_-]+); anything
// else ("Foo Bar", "FooBot/2.1", "") matches no named group, only `*`. Callers holding a whole
// User-Agent header pass ProductToken(header).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight::crawler {

// RFC 9309 2.5: crawlers must parse at least 500 kibibytes.
inline constexpr size_t kRobotsMaxBytes = 500 * 1024;
// Bytes of one line that are read (Google: 8 times the 2,083-byte URL limit of old browsers,
// less one); the rest of a longer line is ignored.
inline constexpr size_t kRobotsMaxLineBytes = 2083 * 8 - 1;

struct RobotsRule {
  bool allow = false;
  std::string pattern;     // as written, trimmed
  std::string normalized;  // percent-encoding normalised, for matching
  // For "Allow: /dir/index.html": "/dir/$", which the rule also allows (Google's reading).
  std::string directory;
  int line = 0;  // 1-based line in the file
  std::string line_text;
};

struct RobotsGroup {
  std::vector<std::string> agents;  // lowercase product tokens, "*" for the wildcard
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay_s;
};

// Why a URL was allowed or disallowed, for `plainsight robots` and skip reports.
struct RobotsDecision {
  bool allowed = true;
  int line = 0;           // line of the deciding rule; 0 when no rule decided
  std::string line_text;  // the deciding line as written, or a sentence when no rule decided
};

class RobotsTxt {
 public:
  // Parses robots.txt content (only the first kRobotsMaxBytes).
  static RobotsTxt Parse(std::string_view content);
  // A robots.txt that allows everything, for an unavailable file (HTTP 4xx). `why` is reported.
  static RobotsTxt AllowAll(std::string why);
  // A robots.txt that disallows everything, for an unreachable one (HTTP 5xx, network error).
  static RobotsTxt DisallowAll(std::string why);

  // Decides whether `path_and_query` (the URL's path plus "?query", percent-encoded as in the
  // URL; "" means "/") may be fetched by a crawler whose product token is `agent` (e.g.
  // "plainsight"). Never fails: an empty or invalid agent gets the `*` group's answer.
  RobotsDecision Decide(std::string_view agent, std::string_view path_and_query) const;

  bool Allowed(std::string_view agent, std::string_view path_and_query) const {
    return Decide(agent, path_and_query).allowed;
  }

  // The crawl-delay of the group that applies to `agent`, if it has one.
  std::optional<double> CrawlDelay(std::string_view agent) const;

  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  const std::vector<RobotsGroup>& groups() const { return groups_; }

  bool truncated() const { return truncated_; }

 private:
  std::vector<const RobotsGroup*> GroupsFor(std::string_view agent) const;

  std::vector<RobotsGroup> groups_;
  std::vector<std::string> sitemaps_;
  enum class Blanket { kNone, kAllowAll, kDisallowAll } blanket_ = Blanket::kNone;
  std::string blanket_reason_;
  bool truncated_ = false;
};

// The product token of a User-Agent string: its first run of [A-Za-z_-] ("plainsight/0.1 (+...)"
// gives "plainsight"), lowercased. RFC 9309 2.2.1.
std::string ProductToken(std::string_view user_agent);

// Does robots.txt pattern `pattern` (already normalised) match `path` (already normalised)?
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

// Is `agent` a product token a crawler can be named by: one or more of [A-Za-z_-]?
bool IsValidProductToken(std::string_view agent);

// The path, params and query of a URL as robots.txt matching wants them: scheme, authority and
// fragment removed, always starting with "/" ("" and "http://a.ie" give "/"; "a.ie/x?y" gives
// "/x?y"). For arguments that are not absolute URLs (an empty string, a bare path).
std::string RobotsPathFromUrl(std::string_view url);

// Percent-encoding normalisation used on both sides before matching (RFC 9309 2.2.2):
// non-ASCII and control octets are encoded, escapes of unreserved characters decoded, other
// escapes upper-cased.
std::string NormalizeRobotsPath(std::string_view path);

}  // namespace plainsight::crawler
