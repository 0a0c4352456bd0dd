// Internal to engine/aria: what the parts of the accessibility computation share. The per-element
// cache (Accessibility::Cache), the state of a name computation, small HTML helpers, and
// AccessibilityImpl, whose static functions hold the implementation (the header befriends it so
// they may use the private cache). Each function is defined in the file of its topic:
//   accessibility.cpp         construction, id references
//   accessibility_roles.cpp   explicit and implicit roles (WAI-ARIA 1.2 7.1, 9.3; HTML-AAM;
//   SVG-AAM) accessibility_states.cpp  hidden, inert, rendered, focusable (HTML 6.6.3), tabindex
//   accessibility_name.cpp    accessible names and descriptions (accname 1.2; HTML-AAM 4.1)
//   accessibility_tree.cpp    owned elements and accessibility parents (aria-owns)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/aria/accessibility.h"
#include "engine/aria/aria.h"
#include "engine/ascii.h"

namespace plainsight::engine {
namespace a11y_internal {

inline bool AttrEquals(const Node& e, std::string_view name, std::string_view value) {
  const std::string* v = e.Attr(name);
  return v != nullptr && EqualsIgnoreCase(TrimWhitespace(*v), value);
}

// HTML 2.3.4.1 rules for parsing integers: leading whitespace, optional sign, digits; trailing
// garbage is ignored ("2px" is 2). std::nullopt when there are no digits.
inline std::optional<long> ParseHtmlInteger(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsAsciiSpace(s[i])) {
    ++i;
  }
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    ++i;
  }
  if (i >= s.size() || s[i] < '0' || s[i] > '9') {
    return std::nullopt;
  }
  long value = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (value < 1'000'000'000L) {  // clamp: tabindex beyond this is meaningless
      value = value * 10 + (s[i] - '0');
    }
    ++i;
  }
  return negative ? -value : value;
}

inline bool IsHeadingTag(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// HTML 4.10.2: labelable elements.
inline bool IsLabelable(const Node& e) {
  if (e.ns() != Namespace::kHtml) {
    return false;
  }
  const std::string_view t = e.tag();
  if (t == "input") {
    return !AttrEquals(e, "type", "hidden");
  }
  return t == "button" || t == "meter" || t == "output" || t == "progress" || t == "select" ||
         t == "textarea";
}

inline std::string InputType(const Node& e) {
  const std::string* type = e.Attr("type");
  if (type == nullptr) {
    return "text";
  }
  std::string t = AsciiLower(TrimWhitespace(*type));
  static constexpr std::string_view kKnown[] = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  return std::find(std::begin(kKnown), std::end(kKnown), t) != std::end(kKnown) ? t : "text";
}

inline bool IsTextInputType(std::string_view t) {
  return t == "text" || t == "search" || t == "tel" || t == "url" || t == "email" ||
         t == "password" || t == "date" || t == "month" || t == "week" || t == "time" ||
         t == "datetime-local" || t == "number" || t == "color";
}

inline bool IsPresentational(std::string_view role) {
  return role == "none" || role == "presentation";
}

inline void AppendWithSpace(std::string& out, std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!out.empty() && !IsAsciiSpace(out.back()) && !IsAsciiSpace(text.front())) {
    out.push_back(' ');
  }
  out.append(text);
}

// The state of one name or description computation (accname 1.2 4.3).
struct NameContext {
  const Node* root = nullptr;
  std::unordered_set<const Node*> visited;
  int depth = 0;
};

struct Step {
  bool in_labelledby = false;  // part of an aria-labelledby/describedby traversal
  bool allow_hidden = false;   // the directly referenced node was hidden
  bool recursion = false;      // reached through name from content or a reference
};

}  // namespace a11y_internal

struct Accessibility::Cache {
  struct Flags {
    bool aria_hidden = false;    // aria-hidden=true on self or an ancestor
    bool inert = false;          // inert on self or an ancestor
    bool not_rendered = false;   // display:none on self or an ancestor, closed details...
    bool invisible = false;      // not_rendered, or visibility hidden/collapse
    bool in_sectioning = false;  // inside article/aside/nav/section (or their roles)
    bool in_main = false;        // inside main
  };

  // One per element of a page: the views first and the one-byte fields together, 48 bytes
  // instead of the 64 that padding between them took.
  struct Entry {
    std::string_view role;
    std::string_view implicit_role;
    RoleId role_id = kNoRoleId;
    bool flags_done = false;
    Flags flags;
    bool role_done = false;
    bool role_busy = false;
    bool role_id_done = false;
    bool implicit_done = false;
    int8_t focusable = -1;
    int8_t presentational_ancestor = -1;
  };

  // Entries of the document's elements, indexed by position in Document::elements() (found
  // through Node::element_index()); anything else (nested documents' elements) goes to
  // `others`. Sized once, so references to entries stay valid while computations recurse.
  std::vector<Entry> entries;
  std::unordered_map<const Node*, Entry> others;
  std::unordered_map<const Node*, std::string> names;
  std::unordered_map<const Node*, std::string> descriptions;
  bool ids_done = false;
  std::unordered_map<std::string_view, const Node*> ids;
  bool labels_done = false;
  std::unordered_map<const Node*, std::vector<const Node*>> labels;
  bool owners_done = false;
  std::unordered_map<const Node*, const Node*> owner_of;           // aria-owns target -> owner
  std::unordered_map<const Node*, std::vector<const Node*>> owns;  // owner -> targets

  void Index(const Document& document) {
    const std::vector<const Node*>& elements = document.elements();
    entries.resize(elements.size());
    elements_ = &elements;
  }

  Entry& Of(const Node& e) {
    const uint32_t i = e.element_index();
    if (i < entries.size() && (*elements_)[i] == &e) {
      return entries[i];
    }
    return others[&e];  // node-based map: references stay valid too
  }

 private:
  const std::vector<const Node*>* elements_ = nullptr;
};

class AccessibilityImpl {
 public:
  using Cache = Accessibility::Cache;
  using NameContext = a11y_internal::NameContext;
  using Step = a11y_internal::Step;

  static bool OwnDocument(const Accessibility& a, const Node& e) {
    return &e.document() == &a.document();
  }

  // accessibility.cpp

  static const Node* ById(const Accessibility& a, Cache& c, std::string_view id);

  static std::vector<const Node*> IdRefs(const Accessibility& a, Cache& c, const Node& e,
                                         std::string_view attribute);

  // The HTML elements with an implicit role: those whose role is fixed (kSimple, with the
  // role) and those whose role depends on attributes or context (kSpecial, decided in
  // ImplicitHtmlRole). Every other element has none. One lookup instead of a chain of
  // comparisons: this runs for every element of every page.
  enum class TagKind : uint8_t { kSimple, kSpecial };

  struct TagRole {
    TagKind kind;
    std::string_view role;
  };

  // accessibility_roles.cpp

  static bool IsFirstSummary(const Node& e);

  static std::string_view ExplicitRoleOf(const Node& e);

  static bool HasGlobalAriaAttribute(const Node& e, bool ignore_hidden = false);

  // The role an element's table ancestor gives table parts: "table", "grid", "treegrid", "none"
  // (presentational inheritance, WAI-ARIA 1.2 9.3) or "" (not in a table).
  static std::string_view TableContext(const Accessibility& a, const Node& e);

  static const std::unordered_map<std::string_view, TagRole>& HtmlTagRoles();

  static std::string_view ImplicitHtmlRole(const Accessibility& a, Cache& c, const Node& e);

  // SVG-AAM 1.0 section 5.1 (simplified): the svg element is a graphics-document; shapes and
  // images are exposed only when they have a name or description, groups when named.
  static std::string_view ImplicitSvgRole(const Accessibility& a, Cache& c, const Node& e);

  static const Node* SvgTitle(const Node& e);

  static bool HasSvgTitle(const Node& e);

  static std::string_view ImplicitRole(const Accessibility& a, Cache& c, const Node& e);

  // accessibility_states.cpp

  static Cache::Flags ComputeFlags(const Accessibility& a, const Node& e,
                                   const Cache::Flags* parent, const Node* parent_node);

  static const Cache::Flags& Flags(const Accessibility& a, Cache& c, const Node& e);

  static bool NativelyFocusable(const Accessibility& a, const Node& e);

  // HTML 4.10.18.5: actually disabled (disabled attribute, or inside a disabled fieldset but
  // not in its first legend).
  static bool IsDisabled(const Node& e);

  static bool IsContentEditable(const Node& e);

  static std::optional<long> TabIndex(const Node& e);

  // accessibility_name.cpp

  // "Has an accessible name" for the roles that depend on it (section, form, aside): only
  // author-provided names count, and computing them must not ask for the element's role.
  static bool HasAuthorName(const Accessibility& a, Cache& c, const Node& e);

  static bool HiddenForName(const Accessibility& a, Cache& c, const Node& e);

  static std::string ControlValue(const Accessibility& a, Cache& c, const Node& e,
                                  std::string_view role, NameContext& ctx);

  static void CollectOptions(const Node& e, std::vector<const Node*>& out);

  static std::string OptionText(const Node& option);

  static void CollectAriaSelected(const Accessibility& a, Cache& c, const Node& e, NameContext& ctx,
                                  std::string& out);

  static const std::vector<const Node*>& LabelsOf(const Accessibility& a, Cache& c, const Node& e);

  static const Node* FirstChildHtml(const Node& e, std::string_view tag);

  // Content of a native text alternative element (label, legend, caption, figcaption, svg
  // title): name from content of that element, in a recursive traversal.
  static std::string ContentOf(const Accessibility& a, Cache& c, const Node& e, NameContext& ctx,
                               const Step& step);

  // accname 2E: the host language's own text alternative. std::nullopt when it provides none
  // (so the computation continues); a value (possibly "") when it does.
  static std::optional<std::string> HostLanguageName(const Accessibility& a, Cache& c,
                                                     const Node& e, NameContext& ctx,
                                                     const Step& step);

  static std::string LabelText(const Accessibility& a, Cache& c, const Node& e, NameContext& ctx,
                               const Step& step);

  static bool IsBlock(const Accessibility& a, const Node& e);

  // accname 1.2 2F.iii: block-level boxes are separated from their neighbours by a space.
  static bool IsBlockDisplay(std::string_view d);

  static void AppendPseudo(std::string& out, const std::optional<std::string>& text,
                           const ComputedStyle* style);

  // accname 2F: the text of the node's ::before, children (and aria-owns targets), ::after.
  static std::string NameFromContentText(const Accessibility& a, Cache& c, const Node& e,
                                         NameContext& ctx, const Step& step);

  static bool AllowsNameFromContent(const Accessibility& a, const Node& e, std::string_view role);

  static bool IsEmbeddedControlRole(std::string_view role);

  // accname 1.2 4.3.2, for one node. `step` tells how the node was reached.
  static std::string TextAlternative(const Accessibility& a, Cache& c, const Node& e,
                                     NameContext& ctx, const Step& step);

  static std::string ComputeName(const Accessibility& a, Cache& c, const Node& e);

  static std::string ComputeDescription(const Accessibility& a, Cache& c, const Node& e);

  // accessibility_tree.cpp

  // Is `target` `owner` itself or one of its ancestors in the accessibility tree as built so
  // far (DOM parents, or owners for elements already claimed)? Claiming it would make a cycle.
  static bool OwnsUpward(const Cache& c, const Node& owner, const Node& target);

  // The children of `element` in the accessibility tree: a walk through wrappers (see
  // IsTreeWrapper) that skips subtrees excluded from the tree and elements moved away by
  // aria-owns, then the aria-owns targets. Collects owned elements into `out` and notes in
  // `text` whether non-whitespace text is owned directly (through wrappers only).
  static void WalkOwned(const Accessibility& a, Cache& c, const Node& element,
                        std::vector<const Node*>* out, bool* text);

  static void EnsureOwners(const Accessibility& a, Cache& c);
};

}  // namespace plainsight::engine
