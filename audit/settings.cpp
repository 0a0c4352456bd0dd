// Rule selection for audits and the rules' metadata for the store.
#include "audit/settings.h"

#include <thread>

#include "rules/catalog.h"

namespace plainsight::audit {
namespace {

std::string Join(std::span<const std::string_view> values) {
  std::string out;
  for (std::string_view v : values) {
    if (!out.empty()) {
      out += ", ";
    }
    out += v;
  }
  return out;
}

}  // namespace

engine::Result<std::vector<const engine::Rule*>> SelectRules(std::string_view level,
                                                             std::string_view ids) {
  if (level != "A" && level != "AA" && level != "AAA") {
    return engine::Fail(engine::ErrorCode::kInvalidArgument,
                        "--level must be A, AA or AAA, not '" + std::string(level) + "'");
  }
  std::vector<const engine::Rule*> rules;
  if (ids.empty()) {
    // Rules whose criteria are above the chosen level are not run (named rules always are).
    for (const engine::Rule* r : rules::AllRules()) {
      if (r->level.size() <= level.size()) {
        rules.push_back(r);
      }
    }
    return rules;
  }
  size_t start = 0;
  while (start <= ids.size()) {
    size_t comma = ids.find(',', start);
    std::string_view id =
        ids.substr(start, comma == std::string_view::npos ? ids.npos : comma - start);
    const engine::Rule* r = rules::FindRule(id);
    if (r == nullptr) {
      return engine::Fail(engine::ErrorCode::kInvalidArgument,
                          "no rule with id '" + std::string(id) + "' (see plainsight rules)");
    }
    rules.push_back(r);
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return rules;
}

std::vector<store::RuleInfo> RuleInfos(const std::vector<const engine::Rule*>& rules) {
  std::vector<store::RuleInfo> out;
  out.reserve(rules.size());
  for (const engine::Rule* r : rules) {
    out.push_back({std::string(r->id), std::string(r->summary), std::string(r->why),
                   std::string(r->help), Join(r->wcag), Join(r->en301549), Join(r->act),
                   std::string(r->level), engine::SeverityName(r->severity),
                   engine::ImpactName(r->impact)});
  }
  return out;
}

int AuditThreads(int requested) {
  if (requested > 0) {
    return requested;
  }
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace plainsight::audit
