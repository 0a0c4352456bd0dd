// The rule runner: runs rules on a page, isolating each (STYLE.md section 4: a rule that throws
// gives cantTell for that rule and page, with the error attached, and the audit goes on), and
// locates each finding (CSS selector path, line:column, snippet).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
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
  // Passed targets, counted whether or not their findings are in `findings`
  // (RunOptions::keep_passed). Count passes from here, not from `findings`.
  size_t passed = 0;
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
  // Keep passed targets as findings. Off, they are only counted (RuleResult::passed): an audit
  // that lists no passed target saves their memory (a Finding each, most of a large page's).
  bool keep_passed = true;
};

// Runs one rule's `check` (bound to its input: a page, a document, a text's facts) into
// `result`, isolated: a check that throws leaves one cantTell finding with the error (or
// rethrows when options.strict). Sets findings, passed and outcome.
void RunIsolated(const Rule& rule, const RunOptions& options, RuleResult& result,
                 const std::function<void(Findings&)>& check);

// Which tag names and attribute names occur in a page and the pages of its iframes, as 256-bit
// filters of a hash of the name: a name whose bit is clear occurs nowhere.
class NamesPresent {
 public:
  // The name that stands for any WAI-ARIA attribute (a name beginning "aria-", in any case) in
  // a rule's target_attributes: the rules about ARIA attributes in general cannot list them all.
  static constexpr std::string_view kAnyAriaAttribute = "aria-*";

  explicit NamesPresent(const Page& page);

  bool MayHaveTag(std::string_view tag) const { return tags_.Test(Bit(tag)); }

  bool MayHaveAttribute(std::string_view name) const { return attributes_.Test(Bit(name)); }

  // 256 bits in four words: whether two sets share a bit is four ANDs, with no temporary set
  // (asked for every rule on every page).
  struct Filter {
    std::array<uint64_t, 4> words{};

    void Set(size_t bit) { words[bit >> 6] |= uint64_t{1} << (bit & 63); }

    bool Test(size_t bit) const { return ((words[bit >> 6] >> (bit & 63)) & 1) != 0; }

    bool Intersects(const Filter& other) const {
      return ((words[0] & other.words[0]) | (words[1] & other.words[1]) |
              (words[2] & other.words[2]) | (words[3] & other.words[3])) != 0;
    }
  };

  // The filters' bits for a set of names, worked out once (PreparedRules) and asked with
  // MayHaveAny.
  struct Bits {
    Filter tags;
    Filter attributes;
  };

  static Bits BitsOf(std::span<const std::string_view> tags,
                     std::span<const std::string_view> attributes);

  bool MayHaveAny(const Bits& bits) const {
    return tags_.Intersects(bits.tags) || attributes_.Intersects(bits.attributes);
  }

 private:
  static size_t Bit(std::string_view name);
  void Add(const Page& page);

  Filter tags_;
  Filter attributes_;
};

// The page rules of a rule list (those with a `check`; document rules are left out), prepared
// once for many pages: each rule's check, id and fail severity side by side. Running them then
// reads a few contiguous bytes per rule, not each rule's whole metadata object, which costs a
// cache miss per rule per page (a tenth of the rules stage on small pages).
class PreparedRules {
 public:
  // `skip_absent_targets` = false runs every rule on every page, its declared targets
  // (Rule::target_tags, target_attributes) ignored: for the bench's comparison.
  explicit PreparedRules(std::span<const Rule* const> rules, bool skip_absent_targets = true);

  struct Entry {
    CheckFunction check;
    std::string_view id;
    Severity severity;
    const Rule* rule;
    bool has_targets;         // Rule::target_tags or target_attributes set (and used)
    NamesPresent::Bits bits;  // their bits, when has_targets
  };

  std::span<const Entry> entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

// Runs the page rules of `rules` (those with a `check`; document rules are skipped) on `page`.
// Never throws unless options.strict. Prepare the rules once (PreparedRules) to run them on
// many pages.
PageAudit RunRules(const Page& page, std::span<const Rule* const> rules,
                   const RunOptions& options = {});
PageAudit RunRules(const Page& page, const PreparedRules& rules, const RunOptions& options = {});

// False when `rule` declares its targets (Rule::target_tags, target_attributes) and none of
// them occurs in the page: it is then inapplicable there without being run.
bool MayApply(const Rule& rule, const NamesPresent& names);

// A CSS selector that finds `node` in its document: "#id" when the id is unique, else a path of
// tag names with :nth-child() where needed ("html > body > main > p:nth-child(2)").
std::string SelectorPath(const Node& node);
// The element's start tag from the source, shortened to at most `max_chars` bytes (on a UTF-8
// boundary, with "…" when cut).
std::string Snippet(const Node& node, size_t max_chars = 160);

}  // namespace plainsight::engine
