// Shared applicability helpers for rules.
#include "rules/support.h"

#include <algorithm>
#include <vector>

namespace plainsight::rules {

bool IsTopLevelHtmlPage(const engine::Page& page) {
  const engine::Document& doc = page.document();
  return !doc.is_xml() && doc.owner_element() == nullptr && doc.html() != nullptr &&
         doc.html()->IsHtml("html");
}

namespace {

// Worked out once per page (Page::Derived): several rules ask.
struct ShadowTreeFacts {
  explicit ShadowTreeFacts(const engine::Page& page) {
    for (const engine::Node* e : page.document().elements()) {
      if (e->HasAttribute("shadowrootmode") ||
          (e->IsHtml("script") && e->TextContent().find("attachShadow") != std::string::npos)) {
        builds = true;
        return;
      }
    }
  }

  bool builds = false;
};

}  // namespace

bool BuildsShadowTrees(const engine::Page& page) {
  return page.Derived<ShadowTreeFacts>().builds;
}

namespace {

// The element's own part of IsVisible: fully transparent, or moved far off-screen or clipped to
// nothing by its own styles.
bool HiddenByOwnStyle(const engine::ComputedStyle& s) {
  if (auto o = s.Opacity(); o && *o == 0) {
    return true;
  }
  const std::string_view position = s.Get("position").text;
  if (position == "absolute" || position == "fixed") {
    for (const char* side : {"left", "top"}) {
      if (auto v = s.LengthPx(side); v && *v <= -1000) {
        return true;
      }
    }
    const std::string& clip = s.Get("clip").text;
    if (clip.find("rect(0") != std::string::npos ||
        clip.find("rect(1px, 1px, 1px, 1px)") != std::string::npos ||
        clip.find("rect(1px 1px 1px 1px)") != std::string::npos) {
      return true;
    }
  }
  if (auto indent = s.LengthPx("text-indent"); indent && *indent <= -1000) {
    return true;
  }
  return false;
}

// HiddenByOwnStyle of the element or an ancestor, memoised per page (Page::Derived): rules ask
// about most elements, and each answer is the element's own plus its parent's.
class StyleHiddenCache {
 public:
  explicit StyleHiddenCache(const engine::Page& page) : page_(page) {
    if (!page.document().elements().empty()) {
      by_order_.resize(page.document().elements().back()->order() + 1, 0);
    }
  }

  bool Hidden(const engine::Node& element) const {
    if (!element.IsElement()) {
      return false;
    }
    if (&element.document() != &page_.document()) {
      return Walk(element);  // not this page's node (callers pass the node's own page)
    }
    if (Known(element)) {
      return by_order_[element.order()] == 2;
    }
    // The common case (elements visited in tree order): the parent is known already.
    if (const engine::Node* parent = element.parent();
        parent == nullptr || !parent->IsElement() || Known(*parent)) {
      Resolve(element);
      return by_order_[element.order()] == 2;
    }
    // Collect the ancestors not known yet, then resolve from the top down.
    std::vector<const engine::Node*> chain;
    for (const engine::Node* n = &element; n && n->IsElement(); n = n->parent()) {
      if (Known(*n)) {
        break;
      }
      chain.push_back(n);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      Resolve(**it);
    }
    return by_order_[element.order()] == 2;
  }

 private:
  bool Known(const engine::Node& n) const {
    return n.order() < by_order_.size() && by_order_[n.order()] != 0;
  }

  // Precondition: the parent, if an element, is known.
  void Resolve(const engine::Node& n) const {
    const engine::Node* parent = n.parent();
    bool hidden = (parent && parent->IsElement() && by_order_[parent->order()] == 2) ||
                  HiddenByOwnStyle(page_.styles().Of(n));
    if (n.order() >= by_order_.size()) {
      by_order_.resize(std::max<size_t>(n.order() + 1, by_order_.size() * 2), 0);
    }
    by_order_[n.order()] = hidden ? 2 : 1;
  }

  bool Walk(const engine::Node& element) const {
    for (const engine::Node* n = &element; n && n->IsElement(); n = n->parent()) {
      if (HiddenByOwnStyle(page_.styles().Of(*n))) {
        return true;
      }
    }
    return false;
  }

  const engine::Page& page_;
  mutable std::vector<uint8_t> by_order_;  // by Node::order(): 0 not known, 1 shown, 2 hidden
};

}  // namespace

bool IsVisible(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  if (p.a11y().IsInvisible(element)) {
    return false;
  }
  // Fully transparent, or moved far off-screen / clipped to nothing by the element or an ancestor.
  return !p.Derived<StyleHiddenCache>().Hidden(element);
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
