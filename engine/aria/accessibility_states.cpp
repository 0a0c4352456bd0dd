// States that decide what is in the accessibility tree and what takes focus: aria-hidden, inert,
// not rendered (display:none, the hidden attribute, closed details, content-visibility:hidden),
// visibility, presentational ancestors (WAI-ARIA 1.2 children presentational), focusability and
// sequential focus order (HTML 6.6.3, tabindex parsed by HTML 2.3.4.1), disabled controls
// (HTML 4.10.18.5).
#include <algorithm>
#include <ranges>

#include "engine/aria/accessibility_internal.h"

namespace plainsight::engine {

using namespace a11y_internal;

AccessibilityImpl::Cache::Flags AccessibilityImpl::ComputeFlags(const Accessibility& a,
                                                                const Node& e,
                                                                const Cache::Flags* parent,
                                                                const Node* parent_node) {
  Cache::Flags f;
  if (parent != nullptr) {
    f = *parent;
    const Node& p = *parent_node;
    std::string_view prole = ExplicitRoleOf(p);
    if (p.IsHtml("article") || p.IsHtml("aside") || p.IsHtml("nav") || p.IsHtml("section") ||
        prole == "article" || prole == "complementary" || prole == "navigation" ||
        prole == "region") {
      f.in_sectioning = true;
    }
    if (p.IsHtml("main") || prole == "main") {
      f.in_main = true;
    }
    // A closed <details> renders only its first <summary> child.
    if (p.IsHtml("details") && !p.HasAttribute("open") && !IsFirstSummary(e)) {
      f.not_rendered = true;
    }
    // content-visibility: hidden skips the element's contents (CSS Contain 2, 4.1).
    if (!f.not_rendered && OwnDocument(a, p) && a.styles().Of(p).ContentVisibilityHidden()) {
      f.not_rendered = true;
    }
  }
  if (AttrEquals(e, "aria-hidden", "true")) {
    f.aria_hidden = true;
  }
  if (e.HasAttribute("inert")) {
    f.inert = true;
  }
  if (e.IsHtml("input") && AttrEquals(e, "type", "hidden")) {
    f.not_rendered = true;
  }
  bool own = OwnDocument(a, e);
  // Interpretation: <area> is display:none in the UA stylesheet, yet it is rendered (and
  // focusable) through the image that uses its map, so only its ancestors count for it.
  if (own && e.IsHtml("area")) {
    // Inherits not_rendered from the map's chain only.
  } else if (own) {
    if (!f.not_rendered && a.styles().IsDisplayNone(e)) {
      f.not_rendered = true;
    }
  } else if (e.HasAttribute("hidden")) {
    // Interpretation: elements of nested documents have no styles here; the hidden
    // attribute is the one rendering rule applied to them.
    f.not_rendered = true;
  }
  // Visibility is inherited, but a child may set visibility:visible again, so only the
  // element's own computed value counts.
  f.invisible = f.not_rendered || (own && a.styles().Of(e).VisibilityHidden());
  return f;
}

const AccessibilityImpl::Cache::Flags& AccessibilityImpl::Flags(const Accessibility& a, Cache& c,
                                                                const Node& e) {
  Cache::Entry& entry = c.Of(e);
  if (entry.flags_done) {
    return entry.flags;
  }
  // The common case (elements visited in tree order): the parent is done already.
  if (const Node* parent = e.ParentElement(); parent == nullptr || c.Of(*parent).flags_done) {
    const Cache::Flags* pf = parent != nullptr ? &c.Of(*parent).flags : nullptr;
    Cache::Flags f = ComputeFlags(a, e, pf, parent);
    Cache::Entry& done = c.Of(e);
    done.flags = f;
    done.flags_done = true;
    return done.flags;
  }
  // Walk up to the nearest ancestor with flags, then compute down: iterative, so 100,000
  // nested elements do not overflow the stack.
  std::vector<const Node*> chain;
  for (const Node* n = &e; n != nullptr; n = n->ParentElement()) {
    Cache::Entry& ne = c.Of(*n);
    if (ne.flags_done) {
      break;
    }
    chain.push_back(n);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* n = *it;
    const Node* parent = n->ParentElement();
    const Cache::Flags* pf = parent != nullptr ? &c.Of(*parent).flags : nullptr;
    Cache::Flags f = ComputeFlags(a, *n, pf, parent);
    Cache::Entry& ne = c.Of(*n);
    ne.flags = f;
    ne.flags_done = true;
  }
  return c.Of(e).flags;
}

bool AccessibilityImpl::NativelyFocusable(const Accessibility& a, const Node& e) {
  if (e.ns() == Namespace::kSvg) {
    return e.tag() == "a" && (e.HasAttribute("href") || e.HasAttribute("xlink:href"));
  }
  if (e.ns() != Namespace::kHtml) {
    return false;
  }
  const std::string_view t = e.tag();
  if (t == "a" || t == "area") {
    return e.HasAttribute("href");
  }
  if (t == "button" || t == "select" || t == "textarea" || t == "input") {
    if (t == "input" && AttrEquals(e, "type", "hidden")) {
      return false;
    }
    return !IsDisabled(e);
  }
  if (t == "iframe") {
    return true;
  }
  if (t == "summary") {
    return IsFirstSummary(e);
  }
  if (t == "audio" || t == "video") {
    return e.HasAttribute("controls");
  }
  return false;
}

// HTML 4.10.18.5: actually disabled (disabled attribute, or inside a disabled fieldset but
// not in its first legend).
bool AccessibilityImpl::IsDisabled(const Node& e) {
  if (e.HasAttribute("disabled")) {
    return true;
  }
  for (const Node* p = e.ParentElement(); p != nullptr; p = p->ParentElement()) {
    if (p->IsHtml("fieldset") && p->HasAttribute("disabled")) {
      const Node* first_legend = nullptr;
      for (const Node* child : p->children()) {
        if (child->IsHtml("legend")) {
          first_legend = child;
          break;
        }
      }
      if (first_legend == nullptr || !e.IsDescendantOf(*first_legend)) {
        return true;
      }
    }
  }
  return false;
}

bool AccessibilityImpl::IsContentEditable(const Node& e) {
  const std::string* v = e.Attr("contenteditable");
  if (v == nullptr) {
    return false;
  }
  std::string lower = AsciiLower(TrimWhitespace(*v));
  return lower.empty() || lower == "true" || lower == "plaintext-only";
}

std::optional<long> AccessibilityImpl::TabIndex(const Node& e) {
  const std::string* v = e.Attr("tabindex");
  if (v == nullptr) {
    return std::nullopt;
  }
  return ParseHtmlInteger(*v);
}

bool Accessibility::IsAriaHidden(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::Flags(*this, *cache_, element).aria_hidden;
}

bool Accessibility::IsInvisible(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::Flags(*this, *cache_, element).invisible;
}

bool Accessibility::IsInert(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::Flags(*this, *cache_, element).inert;
}

bool Accessibility::HasPresentationalAncestor(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  Cache::Entry& entry = cache_->Of(element);
  if (entry.presentational_ancestor >= 0) {
    return entry.presentational_ancestor == 1;
  }
  auto resolve = [&](const Node* n) {
    const Node* p = n->ParentElement();
    bool value = false;
    if (p != nullptr) {
      value = cache_->Of(*p).presentational_ancestor == 1;
      if (!value) {
        const RoleId role = RoleIdOf(*p);
        value = role != kNoRoleId && AllRoles()[role].children_presentational;
      }
    }
    cache_->Of(*n).presentational_ancestor = value ? 1 : 0;
  };
  // The common case (elements visited in tree order): the parent is done already.
  if (const Node* p = element.ParentElement();
      p == nullptr || cache_->Of(*p).presentational_ancestor >= 0) {
    resolve(&element);
    return cache_->Of(element).presentational_ancestor == 1;
  }
  // Iterative: collect the uncached chain, resolve top-down.
  std::vector<const Node*> chain;
  for (const Node* n = &element; n != nullptr; n = n->ParentElement()) {
    if (cache_->Of(*n).presentational_ancestor >= 0) {
      break;
    }
    chain.push_back(n);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    resolve(*it);
  }
  return cache_->Of(element).presentational_ancestor == 1;
}

bool Accessibility::ComputeHidden(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  // Flags and presentational ancestors are cached; the answer is kept for the document's own
  // elements (IsHidden reads it inline).
  const Cache::Flags& f = AccessibilityImpl::Flags(*this, *cache_, element);
  const bool hidden = f.invisible || f.aria_hidden || f.inert || HasPresentationalAncestor(element);
  if (const uint32_t i = element.element_index();
      i < known_hidden_.size() && &element.document() == &document_) {
    known_hidden_[i] = hidden ? 1 : 0;
  }
  return hidden;
}

bool Accessibility::IsFocusable(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  Cache::Entry& entry = cache_->Of(element);
  if (entry.focusable >= 0) {
    return entry.focusable == 1;
  }
  const Cache::Flags& f = AccessibilityImpl::Flags(*this, *cache_, element);
  bool focusable = false;
  if (!f.invisible && !f.inert) {
    focusable = AccessibilityImpl::NativelyFocusable(*this, element) ||
                AccessibilityImpl::IsContentEditable(element) ||
                AccessibilityImpl::TabIndex(element).has_value();
    // A disabled form control stays unfocusable even with tabindex.
    if (focusable && element.ns() == Namespace::kHtml &&
        (element.tag() == "button" || element.tag() == "input" || element.tag() == "select" ||
         element.tag() == "textarea") &&
        AccessibilityImpl::IsDisabled(element)) {
      focusable = false;
    }
  }
  cache_->Of(element).focusable = focusable ? 1 : 0;
  return focusable;
}

std::optional<long> Accessibility::TabIndex(const Node& element) const {
  if (!element.IsElement()) {
    return std::nullopt;
  }
  return AccessibilityImpl::TabIndex(element);
}

bool Accessibility::IsInSequentialFocusOrder(const Node& element) const {
  if (!IsFocusable(element)) {
    return false;
  }
  std::optional<long> tabindex = AccessibilityImpl::TabIndex(element);
  return !tabindex || *tabindex >= 0;
}

std::vector<const Node*> Accessibility::SequentialFocusOrder() const {
  std::vector<std::pair<long, const Node*>> positive;
  std::vector<const Node*> zero;
  for (const Node* e : document_.elements()) {
    if (!IsInSequentialFocusOrder(*e)) {
      continue;
    }
    std::optional<long> tabindex = AccessibilityImpl::TabIndex(*e);
    if (tabindex && *tabindex > 0) {
      positive.emplace_back(*tabindex, e);
    } else {
      zero.push_back(e);
    }
  }
  std::stable_sort(positive.begin(), positive.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<const Node*> out;
  out.reserve(positive.size() + zero.size());
  for (const auto& [index, e] : positive) {
    out.push_back(e);
  }
  out.insert(out.end(), zero.begin(), zero.end());
  return out;
}

}  // namespace plainsight::engine
