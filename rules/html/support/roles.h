// Role tests the rules share: roles with their subclasses (WAI-ARIA 1.2 superclass roles),
// explicit presentational roles, HTML-AAM's generic elements, ACT's "HTML or SVG element", and
// whether an element sits inside an element of a given role. Pure functions of the page.
#pragma once

#include <string_view>
#include <vector>

#include "engine/aria/aria.h"
#include "engine/page.h"

namespace plainsight::rules {

// ACT's "namespaced element": an element in the HTML or SVG namespace.
bool IsHtmlOrSvgElement(const engine::Node& element);

// Is the element's semantic role in `roles` (a RoleSet holds subclasses too: RoleSet{"link"}
// holds doc-biblioref)?
bool HasRoleOrSubclass(const engine::Page& page, const engine::Node& element,
                       const engine::RoleSet& roles);

// The roles the rules test most, built once.
const engine::RoleSet& LinkRoles();

// Is the first valid token of the element's role attribute "none" or "presentation"?
bool HasExplicitPresentationalRole(const engine::Page& page, const engine::Node& element);

// Does the element have the generic role: role="generic", or an HTML element HTML-AAM maps to
// generic (div, span, b, i, u, small, bdi, bdo, data, pre, q, samp, a without href, header and
// footer inside sectioning content)? Elements with no corresponding role at all (audio, label,
// input type=file...) are not generic.
bool HasGenericRole(const engine::Page& page, const engine::Node& element);

// Is the element's role `role`, and is it included in the accessibility tree? (ACT: "an element
// with the semantic role of X that is included in the accessibility tree".)
bool HasExposedRole(const engine::Page& page, const engine::Node& element, std::string_view role);

// The element's explicit semantic role (ACT): its explicit role when that is the role it
// exposes and differs from its implicit role; "" otherwise (no role attribute, an invalid or
// overridden one, or one that repeats the implicit role).
std::string_view ExplicitSemanticRole(const engine::Page& page, const engine::Node& element);

// The page's own HTML and SVG elements (ACT's "namespaced elements"), in tree order; with
// `exposed_only`, only those included in the accessibility tree: the targets of most ARIA rules.
// For range-for loops:
//   for (const engine::Node* e : HtmlOrSvgElements(page)) { ... }
class HtmlOrSvgElements {
 public:
  explicit HtmlOrSvgElements(const engine::Page& page, bool exposed_only = false)
      : page_(page), exposed_only_(exposed_only) {}

  class Iterator {
   public:
    using Base = std::vector<const engine::Node*>::const_iterator;

    Iterator(const engine::Page& page, bool exposed_only, Base it, Base end)
        : page_(&page), exposed_only_(exposed_only), it_(it), end_(end) {
      Skip();
    }

    const engine::Node* operator*() const { return *it_; }

    Iterator& operator++() {
      ++it_;
      Skip();
      return *this;
    }

    bool operator!=(const Iterator& other) const { return it_ != other.it_; }

   private:
    void Skip() {
      while (it_ != end_ &&
             (!IsHtmlOrSvgElement(**it_) || (exposed_only_ && page_->a11y().IsHidden(**it_)))) {
        ++it_;
      }
    }

    const engine::Page* page_;
    bool exposed_only_;
    Base it_;
    Base end_;
  };

  Iterator begin() const {
    const auto& all = page_.document().elements();
    return Iterator(page_, exposed_only_, all.begin(), all.end());
  }

  Iterator end() const {
    const auto& all = page_.document().elements();
    return Iterator(page_, exposed_only_, all.end(), all.end());
  }

 private:
  const engine::Page& page_;
  bool exposed_only_;
};

// The page's own HTML and SVG elements that are included in the accessibility tree, in tree
// order:
//   for (const engine::Node* e : ExposedHtmlOrSvgElements(page)) { ... }
class ExposedHtmlOrSvgElements : public HtmlOrSvgElements {
 public:
  explicit ExposedHtmlOrSvgElements(const engine::Page& page) : HtmlOrSvgElements(page, true) {}
};

// Is some ancestor element of `node` (in its own document) of role `role`?
bool InsideRole(const engine::Page& page, const engine::Node& node, std::string_view role);

}  // namespace plainsight::rules
