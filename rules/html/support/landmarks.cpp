// The page's regions: see landmarks.h.
#include "rules/html/support/landmarks.h"

#include <ranges>

#include "rules/html/support/links.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/visible_text.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

std::vector<const engine::Node*> MainsWithContent(const engine::Page& page) {
  std::vector<const engine::Node*> mains;
  for (const engine::Node* m : ExposedWithRole(page, "main")) {
    if (HasExposedOrVisibleText(page, *m)) {
      mains.push_back(m);
    }
  }
  return mains;
}

// Found once per page (Page::Derived).
struct RegionFacts {
  explicit RegionFacts(const engine::Page& page)
      : regions{MainsWithContent(page), LeadingSiteNavigation(page)} {}

  PageRegions regions;
};

}  // namespace

std::vector<const engine::Node*> ExposedWithRole(const engine::Page& page, std::string_view role) {
  std::vector<const engine::Node*> found;
  for (const engine::Node* e : page.document().elements()) {
    if (page.a11y().Role(*e) == role && !page.a11y().IsHidden(*e)) {
      found.push_back(e);
    }
  }
  return found;
}

const engine::Node* LeadingSiteNavigation(const engine::Page& page) {
  const engine::Document& doc = page.document();
  if (doc.body() == nullptr) {
    return nullptr;
  }
  for (const engine::Node* nav : ExposedWithRole(page, "navigation")) {
    bool leaves_page = false;
    for (const engine::Node* e : doc.elements()) {
      if (e->IsDescendantOf(*nav) && page.a11y().Role(*e) == "link" && !IsSamePageLink(*e) &&
          e->HasAttribute("href")) {
        leaves_page = true;
        break;
      }
    }
    if (!leaves_page) {
      continue;
    }
    // Nothing perceivable may come before it, except in banners (the site header).
    bool preceded = false;
    WalkTree(doc.body(), [&](const engine::Node& n) {
      if (&n == nav || n.order() >= nav->order()) {
        return WalkStep::kSkipChildren;
      }
      if (!n.IsText()) {
        return WalkStep::kDescend;
      }
      // The <summary> of a <details> that holds the navigation is its label, not content.
      const engine::Node* summary = n.ClosestHtmlAncestor("summary");
      bool labels_nav = summary != nullptr && summary->ParentElement() != nullptr &&
                        nav->IsDescendantOf(*summary->ParentElement());
      preceded = IsPerceivableText(page, n) && !InsideRole(page, n, "banner") &&
                 !InsideRole(page, n, "navigation") && !labels_nav;
      return preceded ? WalkStep::kStop : WalkStep::kSkipChildren;
    });
    return preceded ? nullptr : nav;
  }
  return nullptr;
}

std::vector<const engine::Node*> ElementsAfter(const engine::Page& page,
                                               const engine::Node& element) {
  std::vector<const engine::Node*> after;
  for (const engine::Node* e : page.document().elements()) {
    if (e->order() > element.order() && !e->IsDescendantOf(element)) {
      after.push_back(e);
    }
  }
  return after;
}

bool HasContentAfter(const engine::Page& page, const engine::Node& element) {
  for (const engine::Node* e : ElementsAfter(page, element)) {
    if (InsideRole(page, *e, "navigation") || page.a11y().Role(*e) == "navigation") {
      continue;
    }
    for (const engine::Node* c : e->children()) {
      if (IsPerceivableText(page, *c)) {
        return true;
      }
    }
    if (e->IsHtml("img") && !engine::TrimWhitespace(e->AttrOr("alt")).empty() &&
        IsExposed(page, *e)) {
      return true;
    }
  }
  return false;
}

const PageRegions& RegionsOf(const engine::Page& page) {
  return page.Derived<RegionFacts>().regions;
}

}  // namespace plainsight::rules
