// The ACT view of the accessibility tree: see aria_tree.h.
#include "rules/html/support/aria_tree.h"

#include "rules/html/support/aria_attributes.h"

namespace plainsight::rules {
namespace {

bool HasGlobalAria(const engine::Node& e) {
  for (const AriaAttributeUse& use : AriaAttributesOf(e)) {
    if (IsGlobalAriaAttribute(use)) {
      return true;
    }
  }
  return false;
}

void CollectOwned(const engine::Page& page, const engine::Node& node,
                  std::vector<const engine::Node*>& out, int depth);

// Adds `child` or, when it is presentational, what it owns in turn.
void AddOwned(const engine::Page& page, const engine::Node& child,
              std::vector<const engine::Node*>& out, int depth) {
  const engine::Accessibility& a11y = page.a11y();
  if (a11y.IsHidden(child)) {
    return;
  }
  if (a11y.Role(child) == "none") {
    CollectOwned(page, child, out, depth + 1);
    return;
  }
  out.push_back(&child);
}

void CollectOwned(const engine::Page& page, const engine::Node& node,
                  std::vector<const engine::Node*>& out, int depth) {
  // Depth guard: aria-owns cycles through presentational elements.
  if (depth > 64) {
    return;
  }
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* child : node.children()) {
    if (!child->IsElement()) {
      continue;
    }
    if (a11y.AriaOwner(*child) != nullptr) {
      continue;  // re-parented by aria-owns (added below, by its owner)
    }
    AddOwned(page, *child, out, depth);
  }
  if (const std::string* owns = node.Attr("aria-owns")) {
    for (std::string_view id : engine::SplitWhitespace(*owns)) {
      const engine::Node* target = node.document().GetElementById(id);
      if (target != nullptr && a11y.AriaOwner(*target) == &node) {
        AddOwned(page, *target, out, depth);
      }
    }
  }
}

}  // namespace

std::vector<const engine::Node*> ActOwnedElements(const engine::Page& page,
                                                  const engine::Node& element) {
  std::vector<const engine::Node*> out;
  CollectOwned(page.PageFor(element), element, out, 0);
  return out;
}

const engine::Node* ActAccessibilityParent(const engine::Page& page, const engine::Node& element) {
  const engine::Accessibility& a11y = page.PageFor(element).a11y();
  auto up = [&](const engine::Node& n) -> const engine::Node* {
    const engine::Node* owner = a11y.AriaOwner(n);
    return owner != nullptr ? owner : n.ParentElement();
  };
  int guard = 0;
  for (const engine::Node* n = up(element); n != nullptr && guard < 4096; n = up(*n), ++guard) {
    if (a11y.IsHidden(*n)) {
      continue;
    }
    std::string_view role = a11y.Role(*n);
    if (role == "none") {
      continue;
    }
    // Interpretation: elements without a role (generic or none at all) and without global
    // ARIA attributes are left out of browsers' accessibility trees, so they are looked through;
    // with a global attribute (aria-live...) they are included and break the parent relation.
    if (role.empty() && !HasGlobalAria(*n)) {
      continue;
    }
    return n;
  }
  return nullptr;
}

}  // namespace plainsight::rules
