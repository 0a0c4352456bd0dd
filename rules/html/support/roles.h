// Role tests the rules share: roles with their subclasses (WAI-ARIA 1.2 superclass roles),
// explicit presentational roles, HTML-AAM's generic elements, ACT's "HTML or SVG element", and
// whether an element sits inside an element of a given role. Pure functions of the page.
#pragma once

#include <string_view>

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

// Is some ancestor element of `node` (in its own document) of role `role`?
bool InsideRole(const engine::Page& page, const engine::Node& node, std::string_view role);

}  // namespace plainsight::rules
