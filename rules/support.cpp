// Shared applicability helpers for rules.
#include "rules/support.h"

namespace plainsight::rules {

bool IsTopLevelHtmlPage(const engine::Page& page) {
  const engine::Document& doc = page.document();
  return !doc.is_xml() && doc.owner_element() == nullptr && doc.html() != nullptr &&
         doc.html()->IsHtml("html");
}

bool BuildsShadowTrees(const engine::Page& page) {
  for (const engine::Node* e : page.document().elements()) {
    if (e->HasAttribute("shadowrootmode")) {
      return true;
    }
    if (e->IsHtml("script") && e->TextContent().find("attachShadow") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') {
      x = static_cast<char>(x - 'A' + 'a');
    }
    if (y >= 'A' && y <= 'Z') {
      y = static_cast<char>(y - 'A' + 'a');
    }
    if (x != y) {
      return false;
    }
  }
  return true;
}

bool IsVisible(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  if (p.a11y().IsInvisible(element)) {
    return false;
  }
  // Fully transparent, or moved far off-screen / clipped to nothing by the element or an ancestor.
  for (const engine::Node* n = &element; n && n->IsElement(); n = n->parent()) {
    const engine::ComputedStyle& s = p.styles().Of(*n);
    if (auto o = s.Opacity(); o && *o == 0) {
      return false;
    }
    const std::string& position = s.Get("position").text;
    if (position == "absolute" || position == "fixed") {
      for (const char* side : {"left", "top"}) {
        if (auto v = s.LengthPx(side); v && *v <= -1000) {
          return false;
        }
      }
      const std::string& clip = s.Get("clip").text;
      if (clip.find("rect(0") != std::string::npos || clip.find("rect(1px, 1px, 1px, 1px)") != std::string::npos ||
          clip.find("rect(1px 1px 1px 1px)") != std::string::npos) {
        return false;
      }
    }
    if (auto indent = s.LengthPx("text-indent"); indent && *indent <= -1000) {
      return false;
    }
  }
  return true;
}

bool HasExposedOrVisibleText(const engine::Page& page, const engine::Node& element) {
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
        stack.push_back(c);
      }
    }
  }
  return false;
}

}  // namespace plainsight::rules
