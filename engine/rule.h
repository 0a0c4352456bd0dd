// Rules and their findings. A rule is data (metadata, examples) plus one pure check function
// (STYLE.md section 2). Outcomes follow the W3C ACT Rules Format 1.0, section 4.7: a rule reports
// per test target passed, failed or cantTell; a page with no target is inapplicable.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dom.h"

namespace plainsight::engine {

class Page;

enum class Outcome : unsigned char { kPassed, kFailed, kCantTell, kInapplicable };
// "passed", "failed", "cantTell", "inapplicable": the ACT / EARL names.
const char* OutcomeName(Outcome outcome) noexcept;

// How much a failure hurts people (axe-core's scale).
enum class Impact : unsigned char { kMinor, kModerate, kSerious, kCritical };
const char* ImpactName(Impact impact) noexcept;

// One outcome on one target (an element, or the page when node is nullptr).
struct Finding {
  std::string_view rule_id;
  Outcome outcome = Outcome::kPassed;
  const Node* node = nullptr;
  std::string message;
  // Filled in by the runner from the node: where to look.
  std::string selector;
  SourcePosition position;
  std::string snippet;
  std::string document_url;  // differs from the page URL for targets inside iframes
};

// What a rule's check writes to. Each call records one target's outcome.
class Findings {
 public:
  explicit Findings(std::string_view rule_id) : rule_id_(rule_id) {}

  void Pass(const Node* node, std::string message = {}) {
    Add(Outcome::kPassed, node, std::move(message));
  }

  void Fail(const Node* node, std::string message) {
    Add(Outcome::kFailed, node, std::move(message));
  }

  // Needs a person to decide: say what to look at.
  void CantTell(const Node* node, std::string message) {
    Add(Outcome::kCantTell, node, std::move(message));
  }

  void Add(Outcome outcome, const Node* node, std::string message) {
    // Built in place (no temporary Finding to move); the location fields stay empty.
    Finding& f = items_.emplace_back();
    f.rule_id = rule_id_;
    f.outcome = outcome;
    f.node = node;
    f.message = std::move(message);
  }

  const std::vector<Finding>& items() const { return items_; }

  std::vector<Finding>& items() { return items_; }

 private:
  std::string_view rule_id_;
  std::vector<Finding> items_;
};

using CheckFunction = void (*)(const Page& page, Findings& out);

// A named threshold with its default (STYLE.md: no bare thresholds in rules).
struct RuleOption {
  std::string_view name;
  double default_value;
  std::string_view description;
};

struct Rule {
  std::string_view id;       // "html.img-alt": module, dot, kebab-case name
  std::string_view summary;  // what passing means, one line ("Images have a text alternative")
  std::string_view why;      // why it matters to people, plain English
  std::string_view help;     // how to fix it, plain English
  std::span<const std::string_view> wcag;      // success criteria, "1.1.1" (WCAG 2.1 and 2.2)
  std::span<const std::string_view> en301549;  // EN 301 549 V3.2.1 clauses, "9.1.1.1"
  std::span<const std::string_view> act;       // W3C ACT rule ids, "23a2a8"
  Impact impact = Impact::kSerious;
  CheckFunction check = nullptr;
  // Examples run as tests (tests/rule_examples_test.cpp): whole HTML documents or fragments.
  std::span<const std::string_view> passes;
  std::span<const std::string_view> fails;
  std::span<const std::string_view> inapplicable;
  // Examples a person must judge (rules about meaning: is this title descriptive?). A rule
  // that can never prove a pass may give these instead of pass examples.
  std::span<const std::string_view> cant_tell;
  std::span<const RuleOption> options;
  // WCAG conformance level of the strictest criterion: "A", "AA" or "AAA".
  std::string_view level = "A";
};

// The rule's outcome on a whole page: failed if any target failed, else cantTell if any target
// could not be decided, else passed if any passed, else inapplicable.
Outcome Aggregate(std::span<const Finding> findings) noexcept;

}  // namespace plainsight::engine
