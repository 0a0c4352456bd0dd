// The page's regions as the bypass-blocks rules (WCAG 2.2 SC 2.4.1) see them: landmarks by
// role, the main content, the site navigation that opens the page (the block of repeated
// content WCAG 2.4.1 has in mind) and what comes after an element. Worked out once per page
// where several rules ask; no I/O.
#pragma once

#include <string_view>
#include <vector>

#include "engine/page.h"

namespace plainsight::rules {

// Elements of the page (not nested documents) with the semantic role `role` that are included
// in the accessibility tree, in tree order.
std::vector<const engine::Node*> ExposedWithRole(const engine::Page& page, std::string_view role);

// The page's presumed site navigation: the first navigation landmark included in the
// accessibility tree that holds a link to another page and comes before the page's other
// content (no perceivable text precedes it, except inside banner landmarks). Site navigation
// at the top of a page is the block of repeated content WCAG 2.4.1 has in mind; nullptr when
// there is none, which leaves "what is repeated" to a person.
const engine::Node* LeadingSiteNavigation(const engine::Page& page);

// Is there perceivable content (visible or exposed non-whitespace text, or an image with a
// text alternative) in the body after the end of `element` in tree order, outside navigation
// landmarks?
bool HasContentAfter(const engine::Page& page, const engine::Node& element);

// Elements after the end of `element` in tree order (descendants excluded).
std::vector<const engine::Node*> ElementsAfter(const engine::Page& page,
                                               const engine::Node& element);

// The main content and the block of repeated content before it, found once per page for every
// bypass-blocks rule (html.main-landmark, html.skip-link, html.main-heading,
// html.repeated-block-collapsible, html.bypass-blocks).
struct PageRegions {
  // Main landmarks included in the accessibility tree that hold perceivable content, in tree
  // order.
  std::vector<const engine::Node*> mains;
  // LeadingSiteNavigation(), or nullptr.
  const engine::Node* site_navigation = nullptr;
};

const PageRegions& RegionsOf(const engine::Page& page);

}  // namespace plainsight::rules
