// Role tests: see roles.h.
#include "rules/html/support/roles.h"

#include "rules/support.h"

namespace plainsight::rules {

bool IsHtmlOrSvgElement(const engine::Node& element) {
  return element.IsElement() &&
         (element.ns() == engine::Namespace::kHtml || element.ns() == engine::Namespace::kSvg);
}

bool HasRoleOrSubclass(const engine::Page& page, const engine::Node& element,
                       const engine::RoleSet& roles) {
  return roles.Contains(page.PageFor(element).a11y().RoleIdOf(element));
}

const engine::RoleSet& LinkRoles() {
  static const engine::RoleSet kLinks{"link"};
  return kLinks;
}

bool HasExplicitPresentationalRole(const engine::Page& page, const engine::Node& element) {
  std::string_view role = page.PageFor(element).a11y().ExplicitRole(element);
  return role == "none" || role == "presentation";
}

bool HasGenericRole(const engine::Page& page, const engine::Node& element) {
  const engine::Accessibility& a11y = page.PageFor(element).a11y();
  if (!a11y.Role(element).empty()) {
    return false;
  }
  if (EqualsIgnoreCase(a11y.ExplicitRole(element), "generic")) {
    return true;
  }
  if (element.ns() != engine::Namespace::kHtml || !a11y.ExplicitRole(element).empty()) {
    return false;
  }
  // HTML-AAM 1.0 section 4 ("generic" rows). header/footer/aside get "" from the engine only
  // when scoped to sectioning content, where HTML-AAM maps them to generic.
  static constexpr std::string_view kGeneric[] = {"a",   "b",      "bdi",    "bdo",  "data",
                                                  "div", "footer", "header", "i",    "pre",
                                                  "q",   "samp",   "small",  "span", "u"};
  for (std::string_view tag : kGeneric) {
    if (element.tag() == tag) {
      return tag != "a" || !element.HasAttribute("href");
    }
  }
  return false;
}

bool InsideRole(const engine::Page& page, const engine::Node& node, std::string_view role) {
  for (const engine::Node* a = node.ParentElement(); a != nullptr; a = a->ParentElement()) {
    if (page.a11y().Role(*a) == role) {
      return true;
    }
  }
  return false;
}

bool HasExposedRole(const engine::Page& page, const engine::Node& element, std::string_view role) {
  const engine::Accessibility& a11y = page.PageFor(element).a11y();
  return a11y.Role(element) == role && !a11y.IsHidden(element);
}

std::string_view ExplicitSemanticRole(const engine::Page& page, const engine::Node& element) {
  const engine::Accessibility& a11y = page.PageFor(element).a11y();
  std::string_view role = a11y.ExplicitRole(element);
  if (role.empty() || role != a11y.Role(element) || role == a11y.ImplicitRole(element)) {
    return {};
  }
  return role;
}

}  // namespace plainsight::rules
