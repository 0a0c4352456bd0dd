// Page facts shared by rules: see support.h.
#include "rules/support.h"

#include <vector>

namespace plainsight::rules {

bool IsTopLevelHtmlPage(const engine::Page& page) {
  const engine::Document& doc = page.document();
  return !doc.is_xml() && doc.owner_element() == nullptr && doc.html() != nullptr &&
         doc.html()->IsHtml("html");
}

bool HasExposedOrVisibleText(const engine::Page& page, const engine::Node& element,
                             const TextSearch& search) {
  const engine::Page& p = page.PageFor(element);
  std::vector<const engine::Node*> stack{&element};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    for (const engine::Node* c : n->children()) {
      if (c->IsText()) {
        if (!engine::TrimWhitespace(c->text()).empty() &&
            (IsVisible(p, *n) || !p.a11y().IsHidden(*n))) {
          return true;
        }
      } else if (c->IsElement()) {
        if (search.skip != nullptr && search.skip(p, *c)) {
          continue;
        }
        if (search.counts != nullptr && search.counts(p, *c)) {
          return true;
        }
        stack.push_back(c);
      }
    }
  }
  return false;
}

std::string JoinAlternatives(std::span<const std::string_view> items, std::string_view quote) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    s += i == 0 ? "" : (i + 1 == items.size() ? " or " : ", ");
    s += quote;
    s += items[i];
    s += quote;
  }
  return s;
}

}  // namespace plainsight::rules
