// Selectors Level 4 (https://drafts.csswg.org/selectors-4/): parsing, specificity, matching.
//
// Matching runs right to left with the failure propagation of Servo/Gecko ("restart from the
// closest descendant / later sibling"), so that chains of descendant combinators stay linear in
// the tree depth instead of exponential. Dynamic pseudo-classes (:hover, :focus, :visited...)
// never match: a static audit sees the page at rest. The focus pseudo-classes can be asked
// about one element given focus (Matcher::SetFocused), for rules on focus indicators.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/css/tokenizer.h"
#include "engine/dom.h"

namespace plainsight::engine::css {

enum class Combinator : uint8_t { kNone, kDescendant, kChild, kNextSibling, kSubsequentSibling };

enum class AttrOp : uint8_t {
  kExists,
  kEquals,
  kIncludes,
  kDashMatch,
  kPrefix,
  kSuffix,
  kSubstring
};

struct AttrSelector {
  std::string name;  // lowercase (matched case-insensitively on HTML elements)
  std::string name_raw;
  AttrOp op = AttrOp::kExists;
  std::string value;

  enum Case : uint8_t { kDefault, kInsensitive, kSensitive } case_flag = kDefault;
};

enum class PseudoClass : uint8_t {
  kFirstChild,
  kLastChild,
  kOnlyChild,
  kNthChild,
  kNthLastChild,
  kFirstOfType,
  kLastOfType,
  kOnlyOfType,
  kNthOfType,
  kNthLastOfType,
  kRoot,
  kEmpty,
  kLink,  // :link and :any-link (nothing is visited)
  kDisabled,
  kEnabled,
  kChecked,
  kRequired,
  kOptional,
  kReadOnly,
  kReadWrite,
  kPlaceholderShown,
  kDefined,
  kNot,
  kIs,  // :is(), :matches(), :-webkit-any()
  kWhere,
  kHas,
  kLang,
  kDir,
  kNever,  // dynamic states: :hover, :focus, :visited, :target...
};

struct ComplexSelector;
using SelectorList = std::vector<ComplexSelector>;

struct PseudoSelector {
  PseudoClass kind = PseudoClass::kNever;
  int a = 0;  // an+b
  int b = 0;
  std::string arg;                     // :lang(), :dir()
  std::shared_ptr<SelectorList> list;  // :not/:is/:where/:has/:nth-child(of S)
  bool focus = false;                  // :focus, :focus-visible, :focus-within
  bool focus_within = false;           // :focus-within (matches the focused element's ancestors)
};

struct Compound {
  std::string tag;         // lowercase; empty means any
  bool html_only = false;  // UA stylesheet type selectors apply to HTML elements only
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  std::vector<AttrSelector> attrs;
  std::vector<PseudoSelector> pseudos;
  // How this compound relates to the next one to the left (kNone for the leftmost).
  Combinator combinator = Combinator::kNone;
};

enum class PseudoElement : uint8_t { kNone, kBefore, kAfter, kOther };

struct ComplexSelector {
  std::vector<Compound> compounds;  // right to left: compounds[0] is the subject
  PseudoElement pseudo_element = PseudoElement::kNone;
  Combinator relative = Combinator::kNone;  // inside :has(): the leading combinator
  uint32_t specificity = 0;                 // a << 16 | b << 8 | c, each saturating at 255
  bool uses_focus = false;                  // mentions :focus / :focus-visible / :focus-within
  // Hashes of ids, classes and tags that ancestors must carry, for the ancestor filter.
  uint32_t ancestor_hashes[4] = {0, 0, 0, 0};
};

// How deeply selector lists may nest (:is(:not(:is(...)))): deeper lists are invalid when parsed
// and never match, which bounds the parser's and the matcher's recursion.
inline constexpr int kMaxSelectorNesting = 16;

// Parses a selector list from tokens [begin, end). Returns false (and the whole list is
// invalid, per Selectors 4 section 3.1) on any unknown or malformed part.
bool ParseSelectorList(const TokenList& tl, size_t begin, size_t end, bool user_agent,
                       SelectorList* out);

// Hashes used by the ancestor filter.
uint32_t HashTag(std::string_view lowercase_tag);
uint32_t HashId(std::string_view id);
uint32_t HashClass(std::string_view cls);

// Per-document facts the matcher reads: element indices, siblings and positions.
class ElementTable {
 public:
  explicit ElementTable(const Document& document);

  size_t size() const { return nodes_->size(); }

  const Node& node(uint32_t i) const { return *(*nodes_)[i]; }

  // -1 when the node is not an element of this document.
  int32_t IndexOf(const Node& node) const;

  int32_t parent(uint32_t i) const { return rows_[i].parent; }

  int32_t prev(uint32_t i) const { return rows_[i].prev; }

  int32_t next(uint32_t i) const { return rows_[i].next; }

  uint32_t child_index(uint32_t i) const { return rows_[i].child_index; }  // 1-based

  uint32_t sibling_count(uint32_t i) const { return rows_[i].sibling_count; }

  // One past the last descendant of i (elements are in tree order).
  uint32_t subtree_end(uint32_t i) const { return rows_[i].subtree_end; }

  const Node* root_element() const { return root_element_; }

 private:
  // One row per element, in one allocation (a table is built for every page).
  struct Row {
    int32_t parent = -1;
    int32_t prev = -1;
    int32_t next = -1;
    uint32_t child_index = 1;
    uint32_t sibling_count = 1;
    uint32_t subtree_end = 0;
  };

  const std::vector<const Node*>* nodes_;  // the document's elements(); the document outlives us
  std::vector<Row> rows_;
  const Node* root_element_ = nullptr;
};

class Matcher {
 public:
  explicit Matcher(const ElementTable& table) : table_(table) {}

  // Matches as if element `focused` (an index of the table) had keyboard focus: :focus and
  // :focus-visible match it, :focus-within matches it and its ancestors. -1 (the default): the
  // page at rest, where no focus pseudo-class matches.
  void SetFocused(int32_t focused) { focused_ = focused; }

  bool Matches(const ComplexSelector& selector, uint32_t element) const;
  bool MatchesList(const SelectorList& list, uint32_t element) const;

 private:
  enum class Result : uint8_t { kMatched, kRestartSibling, kRestartDescendant, kGlobalFail };
  Result MatchFrom(const ComplexSelector& s, size_t compound, uint32_t element, int depth) const;
  bool MatchCompound(const Compound& c, uint32_t element, int depth) const;
  bool MatchPseudo(const PseudoSelector& p, uint32_t element, int depth) const;
  const ElementTable& table_;
  int32_t focused_ = -1;
};

}  // namespace plainsight::engine::css
