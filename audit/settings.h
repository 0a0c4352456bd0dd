// What an audit runs: which rules (by WCAG level or by id), the runner's options, and whether
// the plain-language analysis is on. Shared by `plainsight audit`, `scan` and the fleet worker.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "engine/rule.h"
#include "engine/runner.h"
#include "store/records.h"

namespace plainsight::audit {

class IgnoreList;

struct Settings {
  std::string level = "AA";  // "A", "AA" or "AAA": the WCAG conformance level checked
  std::vector<const engine::Rule*> rules;
  engine::RunOptions run;
  bool text = true;  // the plain-language analysis of each page's main content
  // Reviewed false positives taken out of each page's results (audit/ignore.h); not owned.
  const IgnoreList* ignore = nullptr;
};

// The catalogue's rules up to `level` ("A", "AA", "AAA"), or, when `ids` is not empty, the rules
// it names (comma-separated), whatever their level. Fails with kInvalidArgument naming the bad
// level or the unknown id.
engine::Result<std::vector<const engine::Rule*>> SelectRules(std::string_view level,
                                                             std::string_view ids);

// The rules' metadata as a store keeps it with a scan.
std::vector<store::RuleInfo> RuleInfos(const std::vector<const engine::Rule*>& rules);

// The number of audit threads to use: `requested` if above 0, else the machine's cores.
int AuditThreads(int requested);

}  // namespace plainsight::audit
