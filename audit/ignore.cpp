#include "audit/ignore.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

// Debian's toml++ is a shared library built with exceptions: a parse error is a
// toml::parse_error, caught where it is thrown and turned into an Error.
#include <toml++/toml.h>

#include "engine/css/selectors.h"
#include "engine/css/tokenizer.h"

namespace plainsight::audit {
namespace {

namespace css = engine::css;

const std::set<std::string, std::less<>> kKeys = {"rule", "selector", "url", "reason"};

engine::Unexpected Bad(const std::string& where, const std::string& what) {
  return engine::Fail(engine::ErrorCode::kInvalidArgument, where + ": " + what);
}

}  // namespace

struct IgnoreList::Compiled {
  std::string source;  // the selector text the tokens view into
  css::SelectorList selectors;
};

IgnoreList::IgnoreList() = default;
IgnoreList::~IgnoreList() = default;
IgnoreList::IgnoreList(IgnoreList&&) noexcept = default;
IgnoreList& IgnoreList::operator=(IgnoreList&&) noexcept = default;

bool GlobMatch(std::string_view pattern, std::string_view text) {
  // Iterative wildcard matching with backtracking to the last star: linear in practice, never
  // exponential.
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

engine::Result<IgnoreList> IgnoreList::Parse(std::string_view text, bool json,
                                             const std::string& name) {
  // Both forms become the same list of string maps first.
  std::vector<std::map<std::string, std::string>> raw;
  if (json) {
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      return Bad(name, "not a JSON object (expected {\"ignore\": [...]})");
    }
    for (auto& [key, value] : doc.items()) {
      if (key != "ignore") {
        return Bad(name, "unknown key \"" + key + R"(" (expected "ignore"))");
      }
    }
    auto list = doc.find("ignore");
    if (list == doc.end()) {
      return IgnoreList{};
    }
    if (!list->is_array()) {
      return Bad(name, "\"ignore\" must be an array of entries");
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const nlohmann::json& e = (*list)[i];
      std::string where = name + ": entry " + std::to_string(i + 1);
      if (!e.is_object()) {
        return Bad(where, "an entry must be an object");
      }
      std::map<std::string, std::string> m;
      for (auto& [key, value] : e.items()) {
        if (!value.is_string()) {
          return Bad(where, "\"" + key + "\" must be a string");
        }
        m[key] = value.get<std::string>();
      }
      raw.push_back(std::move(m));
    }
  } else {
    toml::table table;
    try {
      table = toml::parse(text, name);
    } catch (const toml::parse_error& err) {
      std::ostringstream where;
      where << name << ":" << err.source().begin.line << ":" << err.source().begin.column;
      return Bad(where.str(), std::string(err.description()));
    }
    for (auto&& [key, value] : table) {
      if (key.str() != "ignore") {
        return Bad(name, "unknown key \"" + std::string(key.str()) + "\" (expected [[ignore]])");
      }
    }
    if (toml::node* node = table.get("ignore")) {
      toml::array* list = node->as_array();
      if (list == nullptr) {
        return Bad(name, "\"ignore\" must be an array of tables ([[ignore]])");
      }
      for (size_t i = 0; i < list->size(); ++i) {
        std::string where = name + ": entry " + std::to_string(i + 1);
        toml::table* e = (*list)[i].as_table();
        if (e == nullptr) {
          return Bad(where, "an entry must be a table");
        }
        std::map<std::string, std::string> m;
        for (auto&& [key, value] : *e) {
          std::optional<std::string> s = value.value<std::string>();
          if (!value.is_string() || !s) {
            return Bad(where, "\"" + std::string(key.str()) + "\" must be a string");
          }
          m[std::string(key.str())] = *s;
        }
        raw.push_back(std::move(m));
      }
    }
  }

  IgnoreList out;
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string where = name + ": entry " + std::to_string(i + 1);
    for (const auto& [key, value] : raw[i]) {
      if (kKeys.count(key) == 0) {
        return Bad(where, "unknown key \"" + key + "\" (rule, selector, url or reason)");
      }
    }
    IgnoreEntry e;
    auto get = [&](const char* key) {
      auto it = raw[i].find(key);
      return it == raw[i].end() ? std::string() : it->second;
    };
    e.rule = get("rule");
    e.selector = get("selector");
    e.url = get("url");
    e.reason = get("reason");
    e.where = where;
    if (e.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Bad(where, "needs a \"reason\": say why this finding was reviewed and silenced");
    }
    if (e.rule.empty() && e.selector.empty() && e.url.empty()) {
      return Bad(where, R"(needs at least one of "rule", "selector" and "url")");
    }
    auto compiled = std::make_unique<Compiled>();
    if (!e.selector.empty()) {
      compiled->source = e.selector;
      css::TokenList tokens;
      css::Tokenize(compiled->source, &tokens);
      if (!css::ParseSelectorList(tokens, 0, tokens.tokens.size(), false, &compiled->selectors) ||
          compiled->selectors.empty()) {
        return Bad(where, "\"" + e.selector + "\" is not a CSS selector this audit understands");
      }
    }
    out.entries_.push_back(std::move(e));
    out.compiled_.push_back(std::move(compiled));
  }
  return out;
}

engine::Result<IgnoreList> IgnoreList::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return engine::Fail(engine::ErrorCode::kNotFound, "no ignore file at this path", path);
  }
  if (std::filesystem::file_size(path, ec) > (4u << 20)) {
    return engine::Fail(engine::ErrorCode::kTooLarge, "an ignore file is at most 4 MB", path);
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot read the ignore file", path);
  }
  bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  return Parse(buffer.str(), json, path);
}

std::string IgnoreList::FindConfig(const std::string& folder) {
  for (const char* name : {".plainsight.toml", ".plainsight.json"}) {
    std::filesystem::path p = std::filesystem::path(folder) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) {
      return p.string();
    }
  }
  return {};
}

nlohmann::json IgnoreList::Apply(engine::PageAudit& audit, const std::string& source) const {
  nlohmann::json ignored = nlohmann::json::array();
  if (entries_.empty()) {
    return ignored;
  }
  // Element tables and matchers per document (a finding may be inside an iframe), made on
  // first use: most pages match no selector entry at all.
  std::map<const engine::Document*, std::unique_ptr<css::ElementTable>> tables;
  auto selector_matches = [&](const Compiled& c, const engine::Node* node) {
    while (node != nullptr && !node->IsElement()) {
      node = node->parent();
    }
    if (node == nullptr) {
      return false;
    }
    const engine::Document* doc = &node->document();
    auto& table = tables[doc];
    if (!table) {
      table = std::make_unique<css::ElementTable>(*doc);
    }
    css::Matcher matcher(*table);
    for (int32_t i = table->IndexOf(*node); i >= 0; i = table->parent(static_cast<uint32_t>(i))) {
      if (matcher.MatchesList(c.selectors, static_cast<uint32_t>(i))) {
        return true;
      }
    }
    return false;
  };
  for (engine::RuleResult& r : audit.results) {
    if (r.rule == nullptr) {
      continue;
    }
    bool changed = false;
    std::vector<engine::Finding> kept;
    kept.reserve(r.findings.size());
    for (engine::Finding& f : r.findings) {
      const IgnoreEntry* hit = nullptr;
      if (f.outcome == engine::Outcome::kFailed || f.outcome == engine::Outcome::kCantTell) {
        for (size_t i = 0; i < entries_.size() && hit == nullptr; ++i) {
          const IgnoreEntry& e = entries_[i];
          if (!e.rule.empty() &&
              !(e.rule == r.rule->id || (e.rule.back() == '*' && GlobMatch(e.rule, r.rule->id)))) {
            continue;
          }
          if (!e.url.empty()) {
            std::string_view page_url = f.document_url().empty() ? audit.url : f.document_url();
            if (!GlobMatch(e.url, page_url) && !GlobMatch(e.url, audit.url) &&
                !GlobMatch(e.url, source)) {
              continue;
            }
          }
          if (!e.selector.empty() && !selector_matches(*compiled_[i], f.node)) {
            continue;
          }
          hit = &e;
        }
      }
      if (hit == nullptr) {
        kept.push_back(std::move(f));
        continue;
      }
      changed = true;
      ignored.push_back(
          {{"rule", std::string(r.rule->id)},
           {"outcome", engine::OutcomeName(f.outcome)},
           {"severity",
            f.outcome == engine::Outcome::kFailed ? engine::SeverityName(f.severity) : "notice"},
           {"selector", f.selector},
           {"line", f.position.line},
           {"column", f.position.column},
           {"snippet", f.snippet},
           {"message", f.message},
           {"reason", hit->reason},
           {"ignored_by", hit->where}});
    }
    if (changed) {
      r.findings = std::move(kept);
      r.outcome = engine::Aggregate(r.findings, r.passed);
    }
  }
  return ignored;
}

}  // namespace plainsight::audit
