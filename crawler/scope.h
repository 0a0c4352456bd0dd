// Crawl scope and trap guards: which discovered URLs belong to the crawl.
//
// Scope is one of: the same site (registrable domain, "eTLD+1", from the Public Suffix List via
// libpsl, so www.council.ie and maps.council.ie are one site but council.gov.ie and
// other.gov.ie are not), the same host, or a URL path prefix. Include/exclude patterns are RE2
// regular expressions matched (partially, like grep) against the normalised URL; an exclude
// always wins; with includes, a URL must match one. Trap guards catch the URL explosions that
// make crawlers loop: over-long URLs, deep paths, a path segment repeated many times, session
// ids in the query or path (stripped rather than followed), and calendar-like URLs (a date in
// the path or query) beyond a per-pattern budget.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/result.h"
#include "engine/url.h"

namespace plainsight::crawler {

enum class ScopeMode { kSite, kHost, kPrefix };

struct ScopeOptions {
  ScopeMode mode = ScopeMode::kSite;
  std::vector<std::string> include;  // RE2 patterns
  std::vector<std::string> exclude;  // RE2 patterns
  size_t max_url_length = 2048;
  size_t max_path_segments = 32;
  int max_segment_repeats = 3;        // a segment occurring more often than this is a trap
  size_t max_calendar_variants = 50;  // per date-shaped URL pattern
  size_t max_query_variants = 500;    // distinct queries per path
};

// The registrable domain of a host (libpsl), or the host itself for IPs and unknown suffixes.
std::string RegistrableDomain(std::string_view host);

// Removes session-id parameters (jsessionid path parameters; PHPSESSID, sid, sessionid,
// session_id, jsessionid, aspsessionid*, cfid, cftoken query keys). Returns true if any.
bool StripSessionIds(engine::Url& url);

class Scope {
 public:
  // Fails with kInvalidArgument when a pattern does not compile.
  static engine::Result<std::unique_ptr<Scope>> Create(const ScopeOptions& options);
  ~Scope();

  // Adds a seed: its site, host or path prefix becomes part of the scope.
  void AddSeed(const engine::Url& seed);

  // "" when `url` (normalised key `key`) is in scope; otherwise why not (a sentence).
  std::string OutOfScope(const engine::Url& url, const std::string& key) const;
  // "" when `url` is not a trap; otherwise why. Counts calendar and query variants, so call it
  // once per new URL.
  std::string Trap(const engine::Url& url, const std::string& key);
  // Is this host inside the scope (for redirects and documents on the same site)?
  bool HostInScope(std::string_view host) const;

 private:
  struct Patterns;
  explicit Scope(ScopeOptions options);
  ScopeOptions options_;
  std::unique_ptr<Patterns> patterns_;
  std::vector<std::string> sites_;
  std::vector<std::string> hosts_;
  std::vector<std::string> prefixes_;
  std::unordered_map<std::string, size_t> calendar_counts_;
  std::unordered_map<std::string, size_t> query_counts_;
};

}  // namespace plainsight::crawler
