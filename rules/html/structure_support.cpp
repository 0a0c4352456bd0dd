// Helpers shared by the page-structure rules.
#include "rules/html/structure_support.h"

#include "rules/support.h"

namespace plainsight::rules::structure {

int HeadingLevel(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  if (p.a11y().Role(element) != "heading") {
    return 0;
  }
  if (const std::string* level = element.Attr("aria-level")) {
    std::string_view v = engine::TrimWhitespace(*level);
    int n = 0;
    bool digits = !v.empty() && v.size() <= 3;
    for (char c : v) {
      digits = digits && c >= '0' && c <= '9';
      n = n * 10 + (c - '0');
    }
    if (digits && n > 0) {
      return n;
    }
  }
  const std::string& tag = element.tag();
  if (element.ns() == engine::Namespace::kHtml && tag.size() == 2 && tag[0] == 'h' &&
      tag[1] >= '1' && tag[1] <= '6') {
    return tag[1] - '0';
  }
  return 2;
}

std::vector<const engine::Node*> Headings(const engine::Page& page) {
  std::vector<const engine::Node*> out;
  for (const engine::Node* e : page.document().elements()) {
    if (page.a11y().Role(*e) == "heading" && (IsExposed(page, *e) || IsVisible(page, *e))) {
      out.push_back(e);
    }
  }
  return out;
}

std::string RenderedText(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  std::string text;
  std::vector<const engine::Node*> stack{&element};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    if (n->IsText()) {
      text += n->text();
      continue;
    }
    if (!n->IsElement() || p.styles().IsDisplayNone(*n)) {
      continue;
    }
    if (n->IsHtml("br")) {
      text += ' ';
      continue;
    }
    const auto& children = n->children();
    for (auto it = children.rbegin(); it != children.rend(); ++it) {
      stack.push_back(*it);
    }
  }
  return engine::CollapseWhitespace(text);
}

bool IsBlock(const engine::Page& page, const engine::Node& element) {
  const engine::StyleValue& display = page.PageFor(element).styles().Of(element).Get("display");
  if (!display.known) {
    return false;
  }
  const std::string_view d = display.text;
  return d == "block" || d == "list-item" || d == "flex" || d == "grid" || d == "table" ||
         d == "flow-root" || d.rfind("block ", 0) == 0;
}

}  // namespace plainsight::rules::structure
