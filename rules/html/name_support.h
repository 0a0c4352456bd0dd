// Helpers shared by the accessible-name rules (html.button-name, html.link-name, html.image-name,
// html.form-field-name, ...) and the "is descriptive" rules: walking a page with its nested
// documents, role tests, and the few general signals that a name says nothing (WCAG failure
// techniques F30 and F84). Pure functions of the page; no I/O.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "engine/aria/aria.h"
#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules {

// Calls `visit(page, element)` for every element of the page and of its nested (iframe)
// documents, in tree order, with the page that holds the element (so its a11y() and styles()
// apply). A template: it runs for every element of every page, so the visitor is inlined.
template <typename Visit>
void ForEachElement(const engine::Page& page, Visit&& visit) {
  for (const engine::Node* e : page.document().elements()) {
    visit(page, *e);
  }
  for (const auto& sub : page.subpages()) {
    ForEachElement(*sub, visit);
  }
}

// Is the element's semantic role in `roles` (a RoleSet holds subclasses too: RoleSet{"link"}
// holds doc-biblioref)?
bool HasRoleOrSubclass(const engine::Page& page, const engine::Node& element,
                       const engine::RoleSet& roles);

// The roles the rules test most, built once.
const engine::RoleSet& LinkRoles();

// Is the first valid token of the element's role attribute "none" or "presentation"?
bool HasExplicitPresentationalRole(const engine::Page& page, const engine::Node& element);

// The element's accessible name, whitespace collapsed ("" when it has none).
std::string NameOf(const engine::Page& page, const engine::Node& element);

// The shared check of the "X has non-empty accessible name" ACT rules: for each element for
// which `applies(page, element)` is true, passed when its accessible name is not empty, else
// failed with `fail_message`.
template <typename Applies>
void CheckNonEmptyName(const engine::Page& page, engine::Findings& out, Applies&& applies,
                       std::string_view fail_message) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!applies(p, e)) {
      return;
    }
    if (NameOf(p, e).empty()) {
      out.Fail(&e, std::string(fail_message));
    } else {
      out.Pass(&e);
    }
  });
}

// Does some ancestor of the element (in its own document) get its accessible name from the
// author (aria-label / aria-labelledby), so that the element's own name is not announced?
bool HasAncestorNamedByAuthor(const engine::Page& page, const engine::Node& element);

// Lowercases ASCII letters and drops surrounding punctuation and whitespace, for comparing a
// name with the short lists below ("Read more..." -> "read more").
std::string NormalizeForComparison(std::string_view text);

// Link text that says nothing about where the link goes on its own (WCAG F84 and G91): "click
// here", "more", "read more", "here", "link"... English only.
bool IsGenericLinkText(std::string_view name);

// A text alternative that is a placeholder or a file name rather than a description (WCAG F30):
// "image", "photo", "spacer", "logo.png", "IMG_0042.JPG". English only.
bool IsPlaceholderImageName(std::string_view name);

// The last path segment of a URL without query or fragment ("a/b/logo.png?x=1" -> "logo.png").
std::string UrlFileName(std::string_view url);

// Does the text look like a file name: one word ending in a known document or image extension?
bool LooksLikeFileName(std::string_view text);

}  // namespace plainsight::rules
