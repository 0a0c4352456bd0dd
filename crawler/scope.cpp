// Crawl scope and trap guards (see scope.h).
#include "crawler/scope.h"

#include <algorithm>
#include <utility>

#include <libpsl.h>
#include <re2/re2.h>

#include "engine/dom.h"

namespace plainsight::crawler {
namespace {

bool IsSessionKey(std::string_view key) {
  std::string k = engine::AsciiLower(key);
  return k == "phpsessid" || k == "sid" || k == "sessionid" || k == "session_id" ||
         k == "jsessionid" || k == "cfid" || k == "cftoken" || k.rfind("aspsessionid", 0) == 0;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Replaces each run of digits by '#': "/events/2024/05/" -> "/events/#/#/".
std::string DigitShape(std::string_view s) {
  std::string out;
  bool in_digits = false;
  for (char c : s) {
    if (IsDigit(c)) {
      if (!in_digits) {
        out.push_back('#');
      }
      in_digits = true;
    } else {
      out.push_back(c);
      in_digits = false;
    }
  }
  return out;
}

// Does the text contain something date-shaped: yyyy-mm, yyyy/mm, yyyy-mm-dd, or month=/year=/
// date= parameters? These are what calendar widgets generate without end.
bool LooksLikeCalendar(std::string_view path, std::string_view query) {
  static const RE2 kDate(R"((?:^|[^0-9])(?:19|20)[0-9]{2}[-/_.](?:0?[1-9]|1[0-2])(?:[^0-9]|$))");
  static const RE2 kParams(R"((?i)(?:^|&)(?:month|year|date|day|week|cal(?:endar)?)=)");
  return RE2::PartialMatch(re2::StringPiece(path.data(), path.size()), kDate) ||
         RE2::PartialMatch(re2::StringPiece(query.data(), query.size()), kDate) ||
         RE2::PartialMatch(re2::StringPiece(query.data(), query.size()), kParams);
}

}  // namespace

struct Scope::Patterns {
  std::vector<std::unique_ptr<RE2>> include;
  std::vector<std::unique_ptr<RE2>> exclude;
};

std::string RegistrableDomain(std::string_view host) {
  std::string h(host);
  if (h.empty() || h.front() == '[' ||
      std::all_of(h.begin(), h.end(), [](char c) { return IsDigit(c) || c == '.'; })) {
    return h;
  }
  const psl_ctx_t* psl = psl_builtin();
  const char* domain = psl != nullptr ? psl_registrable_domain(psl, h.c_str()) : nullptr;
  return domain != nullptr ? std::string(domain) : h;
}

bool StripSessionIds(engine::Url& url) {
  bool changed = false;
  // ";jsessionid=..." path parameters (Java servlet URL rewriting).
  size_t semi = engine::AsciiLower(url.path).find(";jsessionid=");
  if (semi != std::string::npos) {
    url.path.erase(semi);
    changed = true;
  }
  if (url.query) {
    std::string kept;
    std::string_view q = *url.query;
    size_t start = 0;
    while (start <= q.size()) {
      size_t end = q.find('&', start);
      if (end == std::string_view::npos) {
        end = q.size();
      }
      std::string_view pair = q.substr(start, end - start);
      std::string_view key = pair.substr(0, pair.find('='));
      if (!pair.empty() && IsSessionKey(key)) {
        changed = true;
      } else if (!pair.empty()) {
        if (!kept.empty()) {
          kept += '&';
        }
        kept += pair;
      }
      start = end + 1;
    }
    if (changed) {
      if (kept.empty()) {
        url.query.reset();
      } else {
        url.query = kept;
      }
    }
  }
  return changed;
}

Scope::Scope(ScopeOptions options)
    : options_(std::move(options)), patterns_(std::make_unique<Patterns>()) {}

Scope::~Scope() = default;

engine::Result<std::unique_ptr<Scope>> Scope::Create(const ScopeOptions& options) {
  std::unique_ptr<Scope> scope(new Scope(options));
  for (int pass = 0; pass < 2; ++pass) {
    const auto& list = pass == 0 ? options.include : options.exclude;
    for (const std::string& p : list) {
      auto re = std::make_unique<RE2>(p, RE2::Quiet);
      if (!re->ok()) {
        return engine::Fail(engine::ErrorCode::kInvalidArgument, "invalid pattern: " + re->error(),
                            p);
      }
      (pass == 0 ? scope->patterns_->include : scope->patterns_->exclude).push_back(std::move(re));
    }
  }
  return scope;
}

void Scope::AddSeed(const engine::Url& seed) {
  std::string host = seed.host.value_or("");
  sites_.push_back(RegistrableDomain(host));
  hosts_.push_back(seed.Authority());
  std::string prefix = seed.Serialize(true);
  // The prefix is the seed's directory: https://x/a/b.html covers https://x/a/.
  size_t slash = prefix.rfind('/');
  if (slash != std::string::npos && slash > prefix.find("://") + 2) {
    prefix.erase(slash + 1);
  }
  size_t q = prefix.find('?');
  if (q != std::string::npos) {
    prefix.erase(q);
  }
  prefixes_.push_back(prefix);
}

bool Scope::HostInScope(std::string_view host) const {
  std::string site = RegistrableDomain(host);
  return std::find(sites_.begin(), sites_.end(), site) != sites_.end();
}

std::string Scope::OutOfScope(const engine::Url& url, const std::string& key) const {
  if (url.scheme != "http" && url.scheme != "https") {
    return "not an http(s) URL";
  }
  switch (options_.mode) {
    case ScopeMode::kSite:
      if (!HostInScope(url.host.value_or(""))) {
        return "outside the site " + (sites_.empty() ? std::string() : sites_.front());
      }
      break;
    case ScopeMode::kHost:
      if (std::find(hosts_.begin(), hosts_.end(), url.Authority()) == hosts_.end()) {
        return "outside the host " + (hosts_.empty() ? std::string() : hosts_.front());
      }
      break;
    case ScopeMode::kPrefix: {
      bool inside = false;
      for (const std::string& p : prefixes_) {
        inside = inside || key.compare(0, p.size(), p) == 0;
      }
      if (!inside) {
        return "outside the path prefix " + (prefixes_.empty() ? std::string() : prefixes_.front());
      }
      break;
    }
  }
  for (const auto& re : patterns_->exclude) {
    if (RE2::PartialMatch(key, *re)) {
      return "matches --exclude " + re->pattern();
    }
  }
  if (!patterns_->include.empty()) {
    bool any = false;
    for (const auto& re : patterns_->include) {
      any = any || RE2::PartialMatch(key, *re);
    }
    if (!any) {
      return "matches no --include pattern";
    }
  }
  return {};
}

std::string Scope::Trap(const engine::Url& url, const std::string& key) {
  if (key.size() > options_.max_url_length) {
    return "URL longer than " + std::to_string(options_.max_url_length) + " characters";
  }
  std::vector<std::string_view> segments;
  std::string_view path = url.path;
  size_t start = path.empty() || path.front() != '/' ? 0 : 1;
  for (size_t i = start; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (i > start) {
        segments.push_back(path.substr(start, i - start));
      }
      start = i + 1;
    }
  }
  if (segments.size() > options_.max_path_segments) {
    return "path deeper than " + std::to_string(options_.max_path_segments) + " segments";
  }
  std::unordered_map<std::string_view, int> counts;
  for (std::string_view s : segments) {
    if (++counts[s] > options_.max_segment_repeats) {
      return "path segment '" + std::string(s) + "' repeated more than " +
             std::to_string(options_.max_segment_repeats) + " times";
    }
  }
  std::string_view query = url.query ? std::string_view(*url.query) : std::string_view();
  std::string base = url.Origin() + url.path;
  if (LooksLikeCalendar(url.path, query)) {
    std::string shape = DigitShape(base) + "?" + DigitShape(query);
    if (++calendar_counts_[shape] > options_.max_calendar_variants) {
      return "calendar-like URL pattern " + shape + " seen more than " +
             std::to_string(options_.max_calendar_variants) + " times";
    }
  }
  if (url.query) {
    if (++query_counts_[base] > options_.max_query_variants) {
      return "more than " + std::to_string(options_.max_query_variants) + " query variants of " +
             base;
    }
  }
  return {};
}

}  // namespace plainsight::crawler
