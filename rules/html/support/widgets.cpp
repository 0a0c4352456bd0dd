// Disabled widgets: see widgets.h.
#include "rules/html/support/widgets.h"

#include "rules/support.h"

namespace plainsight::rules {

bool IsDisabled(const engine::Node& n) {
  if (!n.IsElement()) {
    return false;
  }
  if (EqualsIgnoreCase(engine::TrimWhitespace(n.AttrOr("aria-disabled")), "true")) {
    return true;
  }
  return n.HasAttribute("disabled") &&
         (n.IsHtml("button") || n.IsHtml("input") || n.IsHtml("select") || n.IsHtml("textarea") ||
          n.IsHtml("optgroup") || n.IsHtml("option") || n.IsHtml("fieldset"));
}

bool IsDisabledOrInDisabled(const engine::Page& page, const engine::Node& element) {
  (void)page;
  for (const engine::Node* n = &element; n && n->IsElement(); n = n->parent()) {
    if (IsDisabled(*n)) {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight::rules
