// Rules and their findings. A rule is data (metadata, examples) plus one pure check function
// (STYLE.md section 2). Outcomes follow the W3C ACT Rules Format 1.0, section 4.7: a rule reports
// per test target passed, failed or cantTell; a page with no target is inapplicable.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dom.h"

namespace plainsight::engine {

class Page;

namespace pdf {
struct PdfDocument;  // engine/pdf/pdf_document.h
}

namespace office {
struct OfficeDocument;  // engine/office/office_document.h
}

namespace text {
struct TextFacts;  // engine/text/text_facts.h
}

enum class Outcome : unsigned char { kPassed, kFailed, kCantTell, kInapplicable };
// "passed", "failed", "cantTell", "inapplicable": the ACT / EARL names.
const char* OutcomeName(Outcome outcome) noexcept;

// How much a failure hurts people (axe-core's scale).
enum class Impact : unsigned char { kMinor, kModerate, kSerious, kCritical };
const char* ImpactName(Impact impact) noexcept;

// How sure a finding is, one scale for every finding (docs/rules.md, "Severity"):
//   kError    a failure we are sure of (outcome failed);
//   kWarning  very likely a failure, a person should look (outcome still failed);
//   kNotice   needs a person to decide (outcome cantTell).
// Passed targets have no severity; they keep kNotice and reports do not show it.
enum class Severity : unsigned char { kError, kWarning, kNotice };
// "error", "warning", "notice".
const char* SeverityName(Severity severity) noexcept;

// A stretch of the decoded source a finding is about, in bytes: [start, end). Empty (end <=
// start) for findings located by their element alone.
struct TextSpan {
  uint32_t start = 0;
  uint32_t end = 0;

  bool empty() const { return end <= start; }
};

// What few findings have, kept out of line so that the many others do not pay for it.
struct FindingDetail {
  std::string document_url;  // differs from the page URL for targets inside iframes
  // Plain-language findings (rules/text/): the plainer wording to use ("" when none), where the
  // span is in the extracted text (block index and offsets into its text), and the finding's
  // kind and severity in the `plainsight text` JSON, a compatibility view of these findings
  // (docs/json-format.md). compat_kind is empty for findings that view does not show.
  std::string suggestion;
  uint32_t text_block = 0;
  TextSpan block_span;
  std::string_view compat_kind;
  std::string_view compat_severity;
};

// One outcome on one target (an element, or the page when node is nullptr). A large page has
// hundreds of thousands: keep it small (160 bytes, the small fields together at the end; rare
// fields are in FindingDetail).
struct Finding {
  std::string_view rule_id;
  const Node* node = nullptr;
  std::string message;
  // Filled in by the runner from the node: where to look.
  std::string selector;
  std::string snippet;
  SourcePosition position;
  TextSpan span;  // set by rules about a stretch of text (a sentence, a word)
  Outcome outcome = Outcome::kPassed;
  Severity severity = Severity::kNotice;

  const std::string& document_url() const { return detail_ ? detail_->document_url : kNone; }

  const std::string& suggestion() const { return detail_ ? detail_->suggestion : kNone; }

  uint32_t text_block() const { return detail_ ? detail_->text_block : 0; }

  TextSpan block_span() const { return detail_ ? detail_->block_span : TextSpan{}; }

  std::string_view compat_kind() const { return detail_ ? detail_->compat_kind : ""; }

  std::string_view compat_severity() const { return detail_ ? detail_->compat_severity : ""; }

  // The detail to write to, made on first use (and copied first when another finding shares it).
  FindingDetail& Detail() {
    if (!detail_) {
      detail_ = std::make_shared<FindingDetail>();
    } else if (detail_.use_count() > 1) {
      detail_ = std::make_shared<FindingDetail>(*detail_);
    }
    return *detail_;
  }

 private:
  inline static const std::string kNone;
  std::shared_ptr<FindingDetail> detail_;
};

// What a rule's check writes to. Each call records one target's outcome.
class Findings {
 public:
  // `fail_severity`: what Fail() records (the rule's Rule::severity). `keep_passed`: whether
  // passed targets are kept as findings; when not, they are only counted (passed()). Most
  // targets pass, and an audit lists them only on request: on a large page they were most of
  // its memory.
  explicit Findings(std::string_view rule_id, Severity fail_severity = Severity::kError,
                    bool keep_passed = true)
      : rule_id_(rule_id), fail_severity_(fail_severity), keep_passed_(keep_passed) {}

  // Most targets pass and passes are only counted: the message is copied only when kept.
  void Pass(const Node* node, std::string_view message = {}) {
    ++passed_;
    if (keep_passed_) {
      Keep(Outcome::kPassed, node, std::string(message), Severity::kNotice);
    }
  }

  // A failure, with the rule's own severity (an error unless the rule says otherwise).
  void Fail(const Node* node, std::string message) {
    Add(Outcome::kFailed, node, std::move(message), fail_severity_);
  }

  // Very likely a failure, but a person should look: outcome failed, severity warning.
  void Warn(const Node* node, std::string message) {
    Add(Outcome::kFailed, node, std::move(message), Severity::kWarning);
  }

  // Needs a person to decide: say what to look at.
  void CantTell(const Node* node, std::string message) {
    Add(Outcome::kCantTell, node, std::move(message));
  }

  // Severity follows the outcome: failed gives the rule's fail severity, cantTell and passed
  // give kNotice.
  Finding& Add(Outcome outcome, const Node* node, std::string message) {
    return Add(outcome, node, std::move(message),
               outcome == Outcome::kFailed ? fail_severity_ : Severity::kNotice);
  }

  Finding& Add(Outcome outcome, const Node* node, std::string message, Severity severity) {
    if (outcome == Outcome::kPassed) {
      ++passed_;
      if (!keep_passed_) {
        // What the caller sets on it is never read. Made on first use: a Finding is built and
        // destroyed for nothing in every rule's run otherwise.
        return discarded_ ? *discarded_ : discarded_.emplace();
      }
    }
    return Keep(outcome, node, std::move(message), severity);
  }

  const std::vector<Finding>& items() const { return items_; }

  std::vector<Finding>& items() { return items_; }

  // Passed targets recorded, kept or not.
  size_t passed() const { return passed_; }

  // Targets recorded so far, whatever their outcome, kept or not.
  size_t count() const { return items_.size() + (keep_passed_ ? 0 : passed_); }

 private:
  std::string_view rule_id_;
  Severity fail_severity_;
  bool keep_passed_;
  size_t passed_ = 0;

  // Built in place (no temporary Finding to move); the location fields stay empty.
  Finding& Keep(Outcome outcome, const Node* node, std::string message, Severity severity) {
    if (items_.empty()) {
      items_.reserve(kFirstRoom);
    }
    Finding& f = items_.emplace_back();
    f.rule_id = rule_id_;
    f.outcome = outcome;
    f.severity = severity;
    f.node = node;
    f.message = std::move(message);
    return f;
  }

  // Room made at a rule's first finding: most rules that find anything find a few, and growing
  // one at a time moved each Finding up to three times.
  static constexpr size_t kFirstRoom = 4;
  std::vector<Finding> items_;
  std::optional<Finding> discarded_;
};

using CheckFunction = void (*)(const Page& page, Findings& out);
// Document rules (rules/pdf/, rules/office/) read a document model instead of a page. Their
// findings have no node: the rule sets each finding's selector (a structure path, "page 3",
// "paragraph 12") and snippet itself.
using PdfCheckFunction = void (*)(const pdf::PdfDocument& document, Findings& out);
using OfficeCheckFunction = void (*)(const office::OfficeDocument& document, Findings& out);

// A named threshold with its default (STYLE.md: no bare thresholds in rules).
struct RuleOption {
  std::string_view name;
  double default_value;
  std::string_view description;
};

// Option values a user set, by "<rule id>.<option name>" ("text.sentence-length.max_words").
using OptionOverrides = std::map<std::string, double, std::less<>>;

// The options of one rule for one run: the declared defaults, replaced by any override.
class OptionValues {
 public:
  OptionValues(std::string_view rule_id, std::span<const RuleOption> declared,
               const OptionOverrides* overrides = nullptr)
      : rule_id_(rule_id), declared_(declared), overrides_(overrides) {}

  // The value of the declared option `name`. Asking for an undeclared option is a programmer
  // error (the rule's metadata and code disagree): it gives 0, which the examples catch.
  double Get(std::string_view name) const;

 private:
  std::string_view rule_id_;
  std::span<const RuleOption> declared_;
  const OptionOverrides* overrides_;
};

// Plain-language rules (rules/text/) read the facts the analyser computed for a text
// (engine/text/text_facts.h) and their options; their findings have no node, a span instead.
using TextCheckFunction = void (*)(const text::TextFacts& facts, const OptionValues& options,
                                   Findings& out);

struct Rule {
  std::string_view id;       // "html.img-alt": module, dot, kebab-case name
  std::string_view summary;  // what passing means, one line ("Images have a text alternative")
  std::string_view why;      // why it matters to people, plain English
  std::string_view help;     // how to fix it, plain English
  // What the rule cannot know from the static page (scripts, images, meaning, layout), so what
  // a person must still check; plain English. Shown in docs/rules.md.
  std::string_view limits = {};
  std::span<const std::string_view> wcag = {};      // success criteria, "1.1.1" (WCAG 2.1 and 2.2)
  std::span<const std::string_view> en301549 = {};  // EN 301 549 V3.2.1 clauses, "9.1.1.1"
  std::span<const std::string_view> act = {};       // W3C ACT rule ids, "23a2a8"
  Impact impact = Impact::kSerious;
  // What a failure of this rule means (see Severity): kError when the rule decides with
  // certainty, kWarning for heuristics that are very likely right but need a look, kNotice for a
  // rule that never fails and only asks a person (cantTell).
  Severity severity = Severity::kError;
  CheckFunction check = nullptr;
  // Examples run as tests (tests/rule_examples_test.cpp): whole HTML documents or fragments.
  std::span<const std::string_view> passes = {};
  std::span<const std::string_view> fails = {};
  std::span<const std::string_view> inapplicable = {};
  // Examples a person must judge (rules about meaning: is this title descriptive?). A rule
  // that can never prove a pass may give these instead of pass examples.
  std::span<const std::string_view> cant_tell = {};
  std::span<const RuleOption> options = {};
  // WCAG conformance level of the strictest criterion: "A", "AA" or "AAA".
  std::string_view level = "A";
  // Document rules: exactly one of check, check_pdf, check_office and check_text is set. Their
  // examples are documents in the compact forms engine/pdf/pdf_writer.h (ExamplePdf) and
  // engine/office/office_example.h describe.
  PdfCheckFunction check_pdf = nullptr;
  OfficeCheckFunction check_office = nullptr;
  // Plain-language rules: examples are plain text (a blank line between paragraphs).
  TextCheckFunction check_text = nullptr;
  // What else the check implements: WCAG techniques ("PDF18"), Matterhorn Protocol 1.1 failure
  // conditions ("Matterhorn 06-003"), PDF/UA-1 (ISO 14289-1) clauses ("PDF/UA-1 7.1").
  std::span<const std::string_view> techniques = {};
  // A page rule that can find something (a finding of any outcome) only where an element has
  // one of these tag names or one of these attributes, in the page or the pages of its iframes:
  // elsewhere the runner leaves it out as inapplicable without running it (engine::MayApply).
  // Names as the DOM holds them (tag names lowercase, attribute names as written); "aria-*"
  // (NamesPresent::kAnyAriaAttribute) stands for every attribute whose name begins "aria-". Both
  // empty: the rule always runs. tests/rule_targets_test.cpp holds every rule to its word on its
  // examples and the ACT test pages.
  std::span<const std::string_view> target_tags = {};
  std::span<const std::string_view> target_attributes = {};
};

// Plain-language advice: a text rule (rules/text/) with no WCAG success criterion. Its findings
// are in the audit JSON, the store and `plainsight text`, but not in the accessibility outputs
// (SARIF, JUnit, the HTML report's accessibility part) nor in --fail-on: they are not failures.
inline bool IsAdvice(const Rule& rule) {
  return rule.check_text != nullptr && rule.wcag.empty();
}

// The rule's outcome on a whole page: failed if any target failed, else cantTell if any target
// could not be decided, else passed if any passed (in `findings`, or counted in
// `passed_targets` when their findings were not kept), else inapplicable.
Outcome Aggregate(std::span<const Finding> findings, size_t passed_targets = 0) noexcept;

}  // namespace plainsight::engine
