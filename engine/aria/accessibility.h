// Accessibility semantics of a document: roles (explicit per WAI-ARIA 1.2, implicit per HTML-AAM
// and SVG-AAM), exclusion from the accessibility tree, focusability and sequential focus order
// (HTML 6.6.3), and the accessible name and description computation (accname 1.2).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/aria/aria.h"
#include "engine/css/style.h"
#include "engine/dom.h"

namespace plainsight::engine {

class Accessibility {
 public:
  // `styles` must be the styles computed for `document`; both must outlive this object.
  Accessibility(const Document& document, const Styles& styles);
  ~Accessibility();

  // The role the element exposes: the first valid, non-abstract token of its role attribute
  // (fallback role lists per WAI-ARIA 1.2 7.1), else its implicit role; with the presentational
  // role conflict resolution (WAI-ARIA 1.2 9.3: none/presentation ignored on focusable elements
  // or elements with global ARIA attributes). "" means no role (generic/none). Elements
  // whose explicit role is none/presentation and applies return "none".
  // Inline: rules ask it of every element many times; the first answer is computed (and kept)
  // out of line.
  std::string_view Role(const Node& element) const {
    const uint32_t i = element.element_index();
    if (i < known_roles_.size() && known_roles_[i].role_known &&
        &element.document() == &document_) {
      return known_roles_[i].role;
    }
    return ComputeRole(element);
  }

  // Role() as a number (kNoRoleId for no role), for RoleSet tests in loops over every element.
  RoleId RoleIdOf(const Node& element) const {
    const uint32_t i = element.element_index();
    if (i < known_roles_.size() && known_roles_[i].id_known && &element.document() == &document_) {
      return known_roles_[i].id;
    }
    return ComputeRoleId(element);
  }

  // The first valid non-abstract token of the role attribute, or "" when none is valid.
  std::string_view ExplicitRole(const Node& element) const;
  // The implicit role per HTML-AAM (context-dependent: a <header> scoped to body is "banner",
  // <img alt=""> is "none", <a> without href is generic (returned as ""), <td> in a table is
  // "cell" or "gridcell", <section> with a name is "region", <select> is combobox or listbox...),
  // "" when none.
  std::string_view ImplicitRole(const Node& element) const;

  // Excluded from the accessibility tree: hidden attribute or display:none (self or ancestor),
  // visibility hidden/collapse, aria-hidden="true" (self or ancestor), inert (self or ancestor),
  // or inside an element whose children are presentational.
  // Inline for answers already known, like Role().
  bool IsHidden(const Node& element) const {
    const uint32_t i = element.element_index();
    if (i < known_hidden_.size() && known_hidden_[i] >= 0 && &element.document() == &document_) {
      return known_hidden_[i] == 1;
    }
    return ComputeHidden(element);
  }

  // Hidden because of aria-hidden="true" on itself or an ancestor (rules on aria-hidden need
  // the distinction).
  bool IsAriaHidden(const Node& element) const;
  // Not rendered (display:none on it or an ancestor, or visibility hidden/collapse) regardless
  // of ARIA.
  bool IsInvisible(const Node& element) const;
  // Inert (the inert attribute on itself or an ancestor).
  bool IsInert(const Node& element) const;
  // Inside an element whose role has presentational children (button, img, checkbox...).
  bool HasPresentationalAncestor(const Node& element) const;

  // Focusable per HTML 6.6.3 (a[href], area[href], button/input/select/textarea not disabled,
  // iframe, summary of details, [contenteditable], [tabindex], audio/video with controls...),
  // and rendered (not display:none/visibility:hidden), and not inert.
  bool IsFocusable(const Node& element) const;
  // Focusable and not tabindex < 0.
  bool IsInSequentialFocusOrder(const Node& element) const;
  // The tabindex attribute parsed by HTML's rules for integers ("2px" is 2); std::nullopt when
  // absent or not an integer.
  std::optional<long> TabIndex(const Node& element) const;
  // Elements in sequential focus navigation order (positive tabindex first, then tree order).
  std::vector<const Node*> SequentialFocusOrder() const;

  // The accessible name (accname 1.2, with HTML-AAM's native rules for img/input/area/fieldset/
  // table/figure/label/legend/caption/title/placeholder, SVG-AAM's <title>/<desc>), with
  // whitespace collapsed and trimmed. "" when none.
  std::string AccessibleName(const Node& element) const;
  // The accessible description (aria-describedby, aria-description, title when not used as
  // name...). "" when none.
  std::string AccessibleDescription(const Node& element) const;
  // Elements with a role whose name may come from content (button, link, heading, cell...).
  bool NameFromContent(const Node& element) const;
  // The <label> elements associated with a labelable element (label[for] and the wrapping
  // label whose first labelable descendant it is), in tree order.
  std::vector<const Node*> Labels(const Node& element) const;

  // The elements this element owns in the accessibility tree: its children included in the tree
  // (looking through generic/none/hidden wrappers) plus aria-owns targets, in order.
  std::vector<const Node*> OwnedElements(const Node& element) const;
  // The nearest ancestor included in the tree with a role other than generic/none (respecting
  // aria-owns), or nullptr. Wrappers are what IsTreeWrapper says: a generic element that is
  // focusable or has a global ARIA attribute is exposed, so it can be returned here (and by
  // OwnedElements) with Role() "".
  const Node* AccessibleParent(const Node& element) const;
  // Does the element own non-whitespace rendered text directly (as a child, or through
  // wrappers)? Rules on required owned elements count such text as a wrongly owned node.
  bool OwnsText(const Node& element) const;
  // Is the element looked through when building the accessibility tree: role none, generic
  // without focus or global ARIA attributes, or visibility hidden (its descendants may show)?
  bool IsTreeWrapper(const Node& element) const;
  // The element whose aria-owns claims this element (the first claim wins; cycles ignored), or
  // nullptr.
  const Node* AriaOwner(const Node& element) const;

  const Document& document() const { return document_; }

  const Styles& styles() const { return styles_; }

 private:
  friend class AccessibilityImpl;  // accessibility.cpp's file-local helpers
  std::string_view ComputeRole(const Node& element) const;
  RoleId ComputeRoleId(const Node& element) const;

  // The roles worked out so far for the document's own elements, by element_index().
  struct KnownRole {
    std::string_view role;
    RoleId id = kNoRoleId;
    bool role_known = false;
    bool id_known = false;
  };

  mutable std::vector<KnownRole> known_roles_;
  bool ComputeHidden(const Node& element) const;
  mutable std::vector<int8_t> known_hidden_;  // IsHidden by element_index(): -1 not yet known
  struct Cache;
  const Document& document_;
  const Styles& styles_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace plainsight::engine
