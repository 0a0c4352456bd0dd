// The ACT rules' view of the accessibility tree around an element (ACT's "owned by" and
// "accessibility parent" for the required-children and required-parent rules, ACT bc4a75 and
// ff89c9): through presentational and generic elements, with aria-owns. Pure functions of the
// page.
#pragma once

#include <vector>

#include "engine/page.h"

namespace plainsight::rules {

// The elements `element` owns in the sense of the ACT rules' "owned by": element children in
// the accessibility tree (children claimed by another element's aria-owns excluded, its own
// aria-owns targets added), looking through elements with role none/presentation, skipping
// elements excluded from the tree. Generic elements are owned (they are in the tree).
std::vector<const engine::Node*> ActOwnedElements(const engine::Page& page,
                                                  const engine::Node& element);

// The accessibility parent of `element` for the required-context-role rule: its aria-owns owner
// if any, else the nearest ancestor included in the accessibility tree that is not
// presentational (role none) and not a generic element without global ARIA attributes (browsers
// leave those out of the tree). nullptr at the root.
const engine::Node* ActAccessibilityParent(const engine::Page& page, const engine::Node& element);

}  // namespace plainsight::rules
