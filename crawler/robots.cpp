// robots.txt parsing and matching per RFC 9309 (see robots.h). Written here rather than taken
// from google/robotstxt because that library is not packaged for Debian 12.
#include "crawler/robots.h"

#include <cstdlib>

#include "engine/ascii.h"

namespace plainsight::crawler {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  c = engine::AsciiLowerChar(c);
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

// RFC 9309 2.2.1: product tokens are made of these.
bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

bool Unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string NormalizeRobotsPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    auto c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && Hex(path[i + 1]) >= 0 && Hex(path[i + 2]) >= 0) {
      char decoded = static_cast<char>(Hex(path[i + 1]) * 16 + Hex(path[i + 2]));
      if (Unreserved(decoded)) {
        out.push_back(decoded);
      } else {
        out.push_back('%');
        out.push_back(kHex[Hex(path[i + 1])]);
        out.push_back(kHex[Hex(path[i + 2])]);
      }
      i += 2;
    } else if (c >= 0x80 || c < 0x21) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  // RFC 9309 2.2.3: '*' matches any sequence, '$' at the end anchors. Classic two-pointer
  // matcher with backtracking to the last '*': linear in practice, O(n*m) worst case, both
  // bounded by the 500 KiB limit and the URL length limit.
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) {
    pattern.remove_suffix(1);
  }
  size_t p = 0;
  size_t s = 0;
  size_t star = std::string_view::npos;
  size_t star_s = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // prefix match
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

std::string ProductToken(std::string_view user_agent) {
  std::string out;
  for (char c : engine::TrimWhitespace(user_agent)) {
    if (IsTokenChar(c)) {
      out.push_back(engine::AsciiLowerChar(c));
    } else {
      break;
    }
  }
  return out;
}

bool IsValidProductToken(std::string_view agent) {
  if (agent.empty()) {
    return false;
  }
  for (char c : agent) {
    if (!IsTokenChar(c)) {
      return false;
    }
  }
  return true;
}

std::string RobotsPathFromUrl(std::string_view url) {
  // Interpretation (the contract of Google's GetPathParamsQuery): "//host/p" and "host/p" have
  // an authority before the first "/", "?" or ";"; "/p" has none.
  size_t search_start = url.substr(0, 2) == "//" ? 2 : 0;
  size_t early_path = url.find_first_of("/?;", search_start);
  size_t scheme_end = url.find("://", search_start);
  size_t authority_start = search_start;
  if (scheme_end != std::string_view::npos &&
      (early_path == std::string_view::npos || scheme_end < early_path)) {
    authority_start = scheme_end + 3;
  }
  size_t path_start = url.find_first_of("/?;", authority_start);
  if (path_start == std::string_view::npos) {
    return "/";
  }
  size_t hash = url.find('#', search_start);
  if (hash != std::string_view::npos && hash < path_start) {
    return "/";
  }
  size_t path_end = hash == std::string_view::npos ? url.size() : hash;
  std::string out;
  if (url[path_start] != '/') {
    out.push_back('/');
  }
  out.append(url.substr(path_start, path_end - path_start));
  return out;
}

RobotsTxt RobotsTxt::AllowAll(std::string why) {
  RobotsTxt r;
  r.blanket_ = Blanket::kAllowAll;
  r.blanket_reason_ = std::move(why);
  return r;
}

RobotsTxt RobotsTxt::DisallowAll(std::string why) {
  RobotsTxt r;
  r.blanket_ = Blanket::kDisallowAll;
  r.blanket_reason_ = std::move(why);
  return r;
}

namespace {

enum class Key { kUserAgent, kAllow, kDisallow, kSitemap, kCrawlDelay, kOther };

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) {
    return false;
  }
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (engine::AsciiLowerChar(s[i]) != prefix[i]) {
      return false;
    }
  }
  return true;
}

// Keys are case-insensitive (2.2) and, as in Google's parser, recognised by their start and
// with the misspellings seen in real files.
Key ParseKey(std::string_view key) {
  for (std::string_view k : {"user-agent", "useragent", "user agent"}) {
    if (StartsWithIgnoreCase(key, k)) {
      return Key::kUserAgent;
    }
  }
  if (StartsWithIgnoreCase(key, "allow")) {
    return Key::kAllow;
  }
  for (std::string_view k :
       {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}) {
    if (StartsWithIgnoreCase(key, k)) {
      return Key::kDisallow;
    }
  }
  if (StartsWithIgnoreCase(key, "sitemap") || StartsWithIgnoreCase(key, "site-map")) {
    return Key::kSitemap;
  }
  if (StartsWithIgnoreCase(key, "crawl-delay")) {
    return Key::kCrawlDelay;
  }
  return Key::kOther;
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t';
}

// Splits a line (comment removed, trimmed) into key and value. The separator is the first
// colon; without one, whitespace, but only when the line is exactly two words ("disallow /"),
// as Google accepts. Returns false for a line with neither, or an empty key.
bool SplitKeyValue(std::string_view line, std::string_view& key, std::string_view& value) {
  size_t sep = line.find(':');
  size_t value_start = 0;
  if (sep != std::string_view::npos) {
    value_start = sep + 1;
  } else {
    sep = line.find_first_of(" \t");
    if (sep == std::string_view::npos) {
      return false;
    }
    value_start = sep;
    while (value_start < line.size() && IsBlank(line[value_start])) {
      ++value_start;
    }
    if (line.find_first_of(" \t", value_start) != std::string_view::npos) {
      return false;  // three words or more: not a line we can read
    }
  }
  key = engine::TrimWhitespace(line.substr(0, sep));
  value = engine::TrimWhitespace(line.substr(value_start));
  return !key.empty();
}

// "/dir/index.html" -> "/dir/$": Google treats an allowed index.htm* page as allowing its
// directory too. "" when the pattern's last segment does not start with "index.htm".
std::string DirectoryPattern(std::string_view normalized) {
  size_t slash = normalized.rfind('/');
  if (slash == std::string_view::npos || normalized.substr(slash, 10) != "/index.htm") {
    return "";
  }
  return std::string(normalized.substr(0, slash + 1)) + "$";
}

}  // namespace

RobotsTxt RobotsTxt::Parse(std::string_view content) {
  RobotsTxt r;
  if (content.size() > kRobotsMaxBytes) {
    content = content.substr(0, kRobotsMaxBytes);
    r.truncated_ = true;
  }
  // A UTF-8 byte order mark is skipped, and so is the start of one (Google's parser does; a
  // file cut or mis-converted leaves "\xEF\xBB" or "\xEF"). Anywhere else it is text.
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  size_t bom = 0;
  while (bom < kBom.size() && bom < content.size() && content[bom] == kBom[bom]) {
    ++bom;
  }
  content.remove_prefix(bom);
  bool in_agent_lines = false;  // the previous key line was a user-agent line
  int line_number = 0;
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      end = content.size();
    }
    std::string_view raw = content.substr(start, std::min(end - start, kRobotsMaxLineBytes));
    ++line_number;
    // "\r\n" counts as one line end.
    if (end < content.size() && content[end] == '\r' && end + 1 < content.size() &&
        content[end + 1] == '\n') {
      ++end;
    }
    start = end + 1;
    std::string_view line = raw;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = engine::TrimWhitespace(line);
    std::string_view key_text;
    std::string_view value;
    if (line.empty() || !SplitKeyValue(line, key_text, value)) {
      if (end >= content.size()) {
        break;
      }
      continue;
    }
    Key key = ParseKey(key_text);
    if (key == Key::kUserAgent) {
      if (!in_agent_lines || r.groups_.empty()) {
        r.groups_.emplace_back();
      }
      in_agent_lines = true;
      // "User-agent: * (all robots)" is the wildcard too (Google); otherwise the product token
      // at the start of the value ("Foo Bar" names "foo").
      bool star = !value.empty() && value[0] == '*' && (value.size() == 1 || IsBlank(value[1]));
      std::string token = star ? std::string("*") : ProductToken(value);
      if (!token.empty()) {
        r.groups_.back().agents.push_back(std::move(token));
      }
      if (end >= content.size()) {
        break;
      }
      continue;
    }
    // Any other line that could be read ends the run of user-agent lines, so the next
    // user-agent line opens a new group (Google counts sitemap and unknown lines too).
    in_agent_lines = false;
    if (key == Key::kAllow || key == Key::kDisallow) {
      // Rules before any user-agent line belong to no group (RFC 9309 2.2.1).
      if (!r.groups_.empty() && !value.empty()) {
        RobotsRule rule;
        rule.allow = key == Key::kAllow;
        rule.pattern = std::string(value);
        rule.normalized = NormalizeRobotsPath(value);
        if (rule.allow) {
          rule.directory = DirectoryPattern(rule.normalized);
        }
        rule.line = line_number;
        rule.line_text = std::string(engine::TrimWhitespace(raw));
        r.groups_.back().rules.push_back(std::move(rule));
      }
    } else if (key == Key::kCrawlDelay) {
      if (!r.groups_.empty()) {
        char* parse_end = nullptr;
        std::string text(value);
        double d = std::strtod(text.c_str(), &parse_end);
        if (parse_end != text.c_str() && d >= 0) {
          r.groups_.back().crawl_delay_s = d;
        }
      }
    } else if (key == Key::kSitemap) {
      // Sitemap lines are not part of any group (RFC 9309 2.2.4).
      if (!value.empty()) {
        r.sitemaps_.emplace_back(value);
      }
    }
    if (end >= content.size()) {
      break;
    }
  }
  return r;
}

std::vector<const RobotsGroup*> RobotsTxt::GroupsFor(std::string_view agent) const {
  // Only a valid product token can name a group; "Foo Bar" must not match "User-agent: Foo Bar"
  // (which names "foo").
  std::string token = IsValidProductToken(agent) ? engine::AsciiLower(agent) : std::string();
  std::vector<const RobotsGroup*> exact;
  std::vector<const RobotsGroup*> star;
  for (const RobotsGroup& g : groups_) {
    for (const std::string& a : g.agents) {
      if (!token.empty() && a == token) {
        exact.push_back(&g);
        break;
      }
      if (a == "*") {
        star.push_back(&g);
        break;
      }
    }
  }
  // Groups for the same agent are combined (RFC 9309 2.2.1); '*' only when none names us.
  return exact.empty() ? star : exact;
}

RobotsDecision RobotsTxt::Decide(std::string_view agent, std::string_view path_and_query) const {
  if (blanket_ == Blanket::kAllowAll) {
    return {true, 0, blanket_reason_};
  }
  if (blanket_ == Blanket::kDisallowAll) {
    return {false, 0, blanket_reason_};
  }
  std::string path = NormalizeRobotsPath(path_and_query.empty() ? "/" : path_and_query);
  if (path.front() != '/') {
    path.insert(path.begin(), '/');
  }
  const RobotsRule* best = nullptr;
  size_t best_length = 0;
  for (const RobotsGroup* g : GroupsFor(agent)) {
    for (const RobotsRule& rule : g->rules) {
      size_t length = 0;
      if (RobotsPatternMatches(rule.normalized, path)) {
        length = rule.normalized.size();
      } else if (!rule.directory.empty() && RobotsPatternMatches(rule.directory, path)) {
        length = rule.directory.size();
      } else {
        continue;
      }
      if (best == nullptr || length > best_length ||
          (length == best_length && rule.allow && !best->allow)) {
        best = &rule;
        best_length = length;
      }
    }
  }
  if (best == nullptr) {
    return {true, 0, "no rule matched"};
  }
  return {best->allow, best->line, best->line_text};
}

std::optional<double> RobotsTxt::CrawlDelay(std::string_view agent) const {
  for (const RobotsGroup* g : GroupsFor(agent)) {
    if (g->crawl_delay_s) {
      return g->crawl_delay_s;
    }
  }
  return std::nullopt;
}

}  // namespace plainsight::crawler
