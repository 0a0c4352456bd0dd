// robots.txt parsing and matching per RFC 9309 (see robots.h). Written here rather than taken
// from google/robotstxt because that library is not packaged for Debian 12.
#include "crawler/robots.h"

#include <cstdlib>

namespace plainsight::crawler {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = Lower(c);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  c = Lower(c);
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
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
  for (char c : Trim(user_agent)) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-') {
      out.push_back(Lower(c));
    } else {
      break;
    }
  }
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

RobotsTxt RobotsTxt::Parse(std::string_view content) {
  RobotsTxt r;
  if (content.size() > kRobotsMaxBytes) {
    content = content.substr(0, kRobotsMaxBytes);
    r.truncated_ = true;
  }
  // A UTF-8 byte order mark is ignored.
  if (content.substr(0, 3) == "\xEF\xBB\xBF") {
    content.remove_prefix(3);
  }
  bool in_agent_lines = false;  // the previous key line was a user-agent line
  int line_number = 0;
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      end = content.size();
    }
    std::string_view raw = content.substr(start, end - start);
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
    line = Trim(line);
    size_t colon = line.find(':');
    if (line.empty() || colon == std::string_view::npos) {
      if (end >= content.size()) {
        break;
      }
      continue;
    }
    std::string key = LowerAscii(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agent_lines || r.groups_.empty()) {
        r.groups_.emplace_back();
      }
      in_agent_lines = true;
      std::string token = value == "*" ? std::string("*") : ProductToken(value);
      if (!token.empty()) {
        r.groups_.back().agents.push_back(std::move(token));
      }
    } else if (key == "allow" || key == "disallow") {
      in_agent_lines = false;
      // Rules before any user-agent line belong to no group (RFC 9309 2.2.1).
      if (r.groups_.empty() || value.empty()) {
        continue;
      }
      RobotsRule rule;
      rule.allow = key == "allow";
      rule.pattern = std::string(value);
      rule.normalized = NormalizeRobotsPath(value);
      rule.line = line_number;
      rule.line_text = std::string(Trim(raw));
      r.groups_.back().rules.push_back(std::move(rule));
    } else if (key == "crawl-delay") {
      in_agent_lines = false;
      if (!r.groups_.empty()) {
        char* parse_end = nullptr;
        std::string text(value);
        double d = std::strtod(text.c_str(), &parse_end);
        if (parse_end != text.c_str() && d >= 0) {
          r.groups_.back().crawl_delay_s = d;
        }
      }
    } else if (key == "sitemap") {
      // Sitemap lines are not part of any group (RFC 9309 2.2.4) and do not end agent lines.
      if (!value.empty()) {
        r.sitemaps_.emplace_back(value);
      }
    } else {
      in_agent_lines = false;
    }
    if (end >= content.size()) {
      break;
    }
  }
  return r;
}

std::vector<const RobotsGroup*> RobotsTxt::GroupsFor(std::string_view agent) const {
  std::string token = ProductToken(agent);
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
  if (path == "/robots.txt") {
    return {true, 0, "/robots.txt is always allowed (RFC 9309 2.2.2)"};
  }
  const RobotsRule* best = nullptr;
  for (const RobotsGroup* g : GroupsFor(agent)) {
    for (const RobotsRule& rule : g->rules) {
      if (!RobotsPatternMatches(rule.normalized, path)) {
        continue;
      }
      if (best == nullptr || rule.normalized.size() > best->normalized.size() ||
          (rule.normalized.size() == best->normalized.size() && rule.allow && !best->allow)) {
        best = &rule;
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
