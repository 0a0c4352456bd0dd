// Small helpers shared by rules: applicability tests the ACT rules use again and again.
// Pure functions of the page; no I/O.
#pragma once

#include <string>
#include <string_view>

#include "engine/page.h"

namespace plainsight::rules {

// The page is an HTML document in a top-level browsing context (not SVG or other XML, not an
// iframe's document): the applicability of the page-level ACT rules.
bool IsTopLevelHtmlPage(const engine::Page& page);

// Does the page build shadow trees, by script (attachShadow) or declaratively (a template with
// shadowrootmode)? Their content is not in the static tree, so rules that need the whole tree
// answer cantTell for such pages.
bool BuildsShadowTrees(const engine::Page& page);

// ASCII case-insensitive equality (for attribute values the HTML spec compares that way).
using engine::EqualsIgnoreCase;  // engine/dom.h

// Has the element non-whitespace text in its flat tree that is visible or included in the
// accessibility tree? (ACT's "has a text node descendant that is visible or included in the
// accessibility tree", approximated statically: text not under a display:none / visibility:hidden
// or aria-hidden element.)
bool HasExposedOrVisibleText(const engine::Page& page, const engine::Node& element);

// Is the element "visible" in ACT's static sense: rendered (not display:none, not visibility
// hidden/collapse), not fully transparent, not clipped or moved off-screen in a way the styles
// show. Returns false when the styles say it is hidden.
bool IsVisible(const engine::Page& page, const engine::Node& element);

// Is the element included in the accessibility tree?
inline bool IsExposed(const engine::Page& page, const engine::Node& element) {
  return !page.PageFor(element).a11y().IsHidden(element);
}

}  // namespace plainsight::rules
