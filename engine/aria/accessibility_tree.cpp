// The shape of the accessibility tree around an element: aria-owns (WAI-ARIA 1.2: one owner per
// element, no cycles), the elements an element owns (its children in the tree, looking through
// wrappers, plus its aria-owns targets) and its accessibility parent.
#include <ranges>

#include "engine/aria/accessibility_internal.h"

namespace plainsight::engine {

using namespace a11y_internal;

// Is `target` `owner` itself or one of its ancestors in the accessibility tree as built so
// far (DOM parents, or owners for elements already claimed)? Claiming it would make a cycle.
bool AccessibilityImpl::OwnsUpward(const Cache& c, const Node& owner, const Node& target) {
  const Node* p = &owner;
  for (size_t steps = 0; p != nullptr && steps < 100000; ++steps) {
    if (p == &target) {
      return true;
    }
    auto it = c.owner_of.find(p);
    p = it != c.owner_of.end() ? it->second : p->ParentElement();
  }
  return p != nullptr;  // too long to tell: refuse the claim
}

// The children of `element` in the accessibility tree: a walk through wrappers (see
// IsTreeWrapper) that skips subtrees excluded from the tree and elements moved away by
// aria-owns, then the aria-owns targets. Collects owned elements into `out` and notes in
// `text` whether non-whitespace text is owned directly (through wrappers only).
void AccessibilityImpl::WalkOwned(const Accessibility& a, Cache& c, const Node& element,
                                  std::vector<const Node*>* out, bool* text) {
  if (!element.IsElement()) {
    return;
  }
  EnsureOwners(a, c);
  // Children of a role with presentational children (button, img...) are not in the tree.
  const RoleInfo* info = FindRole(a.Role(element));
  if (info != nullptr && !a.Role(element).empty() && info->children_presentational) {
    return;
  }
  std::vector<const Node*> stack(element.children().rbegin(), element.children().rend());
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->IsText()) {
      const Node* parent = n->ParentElement();
      bool rendered = parent == nullptr || !Flags(a, c, *parent).invisible;
      if (text != nullptr && rendered && !TrimWhitespace(n->text()).empty()) {
        *text = true;
      }
      continue;
    }
    if (!n->IsElement()) {
      continue;
    }
    auto owner = c.owner_of.find(n);
    if (owner != c.owner_of.end() && owner->second != &element) {
      continue;  // moved elsewhere by aria-owns
    }
    const Cache::Flags& f = Flags(a, c, *n);
    if (f.aria_hidden || f.inert || f.not_rendered || n->IsHtml("script") || n->IsHtml("style") ||
        n->IsHtml("template")) {
      continue;
    }
    if (!a.IsTreeWrapper(*n)) {
      if (out != nullptr) {
        out->push_back(n);
      }
      continue;
    }
    for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
      stack.push_back(*it);
    }
  }
  auto owned = c.owns.find(&element);
  if (owned != c.owns.end() && out != nullptr) {
    for (const Node* target : owned->second) {
      if (!a.IsHidden(*target)) {
        out->push_back(target);
      }
    }
  }
}

void AccessibilityImpl::EnsureOwners(const Accessibility& a, Cache& c) {
  if (c.owners_done) {
    return;
  }
  c.owners_done = true;
  for (const Node* owner : a.document().elements()) {
    if (!owner->HasAttribute("aria-owns")) {
      continue;
    }
    for (const Node* target : IdRefs(a, c, *owner, "aria-owns")) {
      // WAI-ARIA 1.2 aria-owns: an element has one owner (the first wins), and ownership
      // may not form a cycle (a target that is the owner or one of its ancestors is ignored).
      if (target == owner || c.owner_of.count(target) != 0 || OwnsUpward(c, *owner, *target)) {
        continue;
      }
      c.owner_of.emplace(target, owner);
      c.owns[owner].push_back(target);
    }
  }
}

const Node* Accessibility::AriaOwner(const Node& element) const {
  AccessibilityImpl::EnsureOwners(*this, *cache_);
  auto it = cache_->owner_of.find(&element);
  return it == cache_->owner_of.end() ? nullptr : it->second;
}

bool Accessibility::IsTreeWrapper(const Node& element) const {
  const Cache::Flags& f = AccessibilityImpl::Flags(*this, *cache_, element);
  if (f.invisible) {
    return true;  // visibility:hidden: no node of its own, visible descendants still count
  }
  std::string_view role = Role(element);
  if (role == "none") {
    return true;
  }
  // Interpretation: a generic element is exposed (and so breaks an owned/context relation) when
  // it is focusable or carries a global ARIA attribute other than aria-hidden, as Core-AAM maps
  // it and as ACT rules ff89c9/bc4a75 expect (<div aria-live> between list and listitem).
  return role.empty() && !IsFocusable(element) &&
         !AccessibilityImpl::HasGlobalAriaAttribute(element, /*ignore_hidden=*/true);
}

std::vector<const Node*> Accessibility::OwnedElements(const Node& element) const {
  std::vector<const Node*> out;
  AccessibilityImpl::WalkOwned(*this, *cache_, element, &out, nullptr);
  return out;
}

bool Accessibility::OwnsText(const Node& element) const {
  bool text = false;
  AccessibilityImpl::WalkOwned(*this, *cache_, element, nullptr, &text);
  return text;
}

const Node* Accessibility::AccessibleParent(const Node& element) const {
  AccessibilityImpl::EnsureOwners(*this, *cache_);
  const Node* current = &element;
  for (size_t steps = 0; steps < document_.elements().size() + 1; ++steps) {
    auto owner = cache_->owner_of.find(current);
    const Node* next = owner != cache_->owner_of.end() ? owner->second : current->ParentElement();
    if (next == nullptr) {
      return nullptr;
    }
    if (!IsTreeWrapper(*next)) {
      return next;
    }
    current = next;
  }
  return nullptr;
}

}  // namespace plainsight::engine
