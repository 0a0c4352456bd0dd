// Accessible names for the name rules: see names.h.
#include "rules/html/support/names.h"

namespace plainsight::rules {

std::string NameOf(const engine::Page& page, const engine::Node& element) {
  return engine::CollapseWhitespace(page.PageFor(element).a11y().AccessibleName(element));
}

bool HasAncestorNamedByAuthor(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  for (const engine::Node* a = element.ParentElement(); a != nullptr; a = a->ParentElement()) {
    bool labelled = !engine::TrimWhitespace(a->AttrOr("aria-label")).empty();
    if (!labelled) {
      for (std::string_view id : engine::SplitWhitespace(a->AttrOr("aria-labelledby"))) {
        if (p.document().GetElementById(id) != nullptr) {
          labelled = true;
          break;
        }
      }
    }
    // Interpretation: only a role that can carry a name counts (aria-label on a plain div is
    // prohibited and ignored by browsers).
    if (labelled && !p.a11y().Role(*a).empty() && p.a11y().Role(*a) != "none") {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight::rules
