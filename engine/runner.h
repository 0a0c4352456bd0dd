// The rule runner: runs rules on a page, isolating each (STYLE.md section 4: a rule that throws
// gives cantTell for that rule and page, with the error attached, and the audit goes on), and
// locates each finding (CSS selector path, line:column, snippet).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::engine {

struct RuleResult {
  const Rule* rule = nullptr;
  Outcome outcome = Outcome::kInapplicable;  // Aggregate() of findings
  std::vector<Finding> findings;
  std::string error;  // set when the rule threw
};

struct PageAudit {
  std::string type;  // "html", "xml" (SVG and other XML), "pdf", "docx", "odt"
  std::string url;
  std::string title;
  std::string lang;
  std::vector<RuleResult> results;  // one per rule run, in catalogue order
  std::vector<std::string> warnings;
  // Nodes the runner looked at to locate the findings (selector paths). Not reported: tests and
  // benches check that it grows with the page and its findings, never with their product.
  uint64_t locate_steps = 0;
};

struct RunOptions {
  bool strict = false;  // rethrow a rule's exception instead of recording cantTell
  // Fill selector, position and snippet for passed targets too (failed and cantTell ones always
  // get them). Off by default: most targets pass, and reports list them only on request.
  bool locate_passed = false;
};

// Runs the page rules of `rules` (those with a `check`; document rules are skipped) on `page`.
// Never throws unless options.strict.
PageAudit RunRules(const Page& page, std::span<const Rule* const> rules,
                   const RunOptions& options = {});

// A CSS selector that finds `node` in its document: "#id" when the id is unique, else a path of
// tag names with :nth-child() where needed ("html > body > main > p:nth-child(2)").
std::string SelectorPath(const Node& node);
// The element's start tag from the source, shortened to at most `max_chars` bytes (on a UTF-8
// boundary, with "…" when cut).
std::string Snippet(const Node& node, size_t max_chars = 160);

}  // namespace plainsight::engine
