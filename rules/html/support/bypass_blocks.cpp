// The bypass-blocks verdicts: see bypass_blocks.h.
#include "rules/html/support/bypass_blocks.h"

#include <ranges>
#include <vector>

#include "rules/html/support/landmarks.h"
#include "rules/html/support/links.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/scripts.h"
#include "rules/html/support/visible_text.h"
#include "rules/support.h"

namespace plainsight::rules::bypass {
namespace {

// Is `heading` an exposed, visible heading?
bool IsUsableHeading(const engine::Page& page, const engine::Node& e) {
  return page.a11y().Role(e) == "heading" && IsExposed(page, e) && IsVisible(page, e) &&
         !page.a11y().AccessibleName(e).empty();
}

// Does the first perceivable thing inside `root` (in tree order) belong to a usable heading?
bool StartsWithHeading(const engine::Page& page, const engine::Node& root) {
  bool heading = false;
  WalkTree(&root, [&](const engine::Node& n) {
    if (n.IsElement() && IsUsableHeading(page, n)) {
      heading = true;
      return WalkStep::kStop;
    }
    const bool perceivable =
        (n.IsText() && IsPerceivableText(page, n)) ||
        (n.IsHtml("img") && !engine::TrimWhitespace(n.AttrOr("alt")).empty() && IsExposed(page, n));
    return perceivable ? WalkStep::kStop : WalkStep::kDescend;
  });
  return heading;
}

// Is there perceivable text after `from` starts (its own content included) and before `to`?
bool ContentBetween(const engine::Page& page, const engine::Node& from, const engine::Node& to) {
  bool content = false;
  WalkTree(page.document().body(), [&](const engine::Node& n) {
    if (n.order() >= to.order()) {
      return WalkStep::kSkipChildren;
    }
    if (n.IsText() && n.order() > from.order() && IsPerceivableText(page, n)) {
      content = true;
      return WalkStep::kStop;
    }
    return WalkStep::kDescend;
  });
  return content;
}

// Something that may be a block repeated on other pages: a navigation, banner, complementary
// or search landmark, or a link to another page.
bool HasPossiblyRepeatedBlock(const engine::Page& page) {
  for (const engine::Node* e : page.document().elements()) {
    std::string_view role = page.a11y().Role(*e);
    if ((role == "navigation" || role == "banner" || role == "complementary" || role == "search") &&
        IsExposed(page, *e)) {
      return true;
    }
    if (role == "link" && e->HasAttribute("href") && !IsSamePageLink(*e) && IsExposed(page, *e)) {
      return true;
    }
  }
  return false;
}

// Does the page open with site navigation followed by content of its own, with the whole tree in
// the markup (no shadow trees)? Then what the navigation is can be told from the static page.
bool RepeatedBlockThenContent(const engine::Page& page, const PageRegions& regions) {
  const engine::Node* nav = regions.site_navigation;
  return nav != nullptr && HasContentAfter(page, *nav) && !BuildsShadowTrees(page);
}

Verdict Make(engine::Outcome outcome, const engine::Node* node, std::string message) {
  return Verdict{outcome, node, std::move(message)};
}

Verdict ComputeMainLandmarkVerdict(const engine::Page& page, const PageRegions& facts) {
  const engine::Node* html = page.document().html();
  if (!facts.mains.empty()) {
    return Make(engine::Outcome::kPassed, facts.mains.front(), "main landmark");
  }
  if (RepeatedBlockThenContent(page, facts)) {
    return Make(engine::Outcome::kFailed, html,
                "The page starts with site navigation but has no main landmark: wrap the "
                "page's own content in <main> so people can jump straight to it.");
  }
  return Make(engine::Outcome::kCantTell, html,
              "The page has no main landmark: if it repeats blocks (header, menus) found on "
              "other pages, wrap the page's own content in <main>.");
}

Verdict ComputeSkipLinkVerdict(const engine::Page& page, const PageRegions& facts) {
  const engine::Node* html = page.document().html();
  const auto& a11y = page.a11y();
  const auto& mains = facts.mains;
  const engine::Node* valid = nullptr;
  const engine::Node* broken = nullptr;
  for (const engine::Node* e : page.document().elements()) {
    if (!(e->IsHtml("a") || e->IsHtml("area")) || !a11y.IsFocusable(*e) || !IsSamePageLink(*e)) {
      continue;
    }
    const engine::Node* target = SamePageTarget(*e);
    if (target == nullptr || a11y.IsInvisible(*target)) {
      broken = broken != nullptr ? broken : e;
      continue;
    }
    valid = valid != nullptr ? valid : e;
    for (const engine::Node* m : mains) {
      if (target == m || target->IsDescendantOf(*m) ||
          (target->order() < m->order() && !ContentBetween(page, *target, *m))) {
        return Make(engine::Outcome::kPassed, e, "skip link to the main landmark");
      }
    }
  }
  if (valid != nullptr) {
    return Make(engine::Outcome::kCantTell, valid,
                "Check that this same-page link takes keyboard users past the repeated blocks "
                "(header, menus) to the start of the page's own content.");
  }
  if (HasScripts(page) || BuildsShadowTrees(page) || !HasPossiblyRepeatedBlock(page)) {
    return Make(engine::Outcome::kCantTell, html,
                "The page has no skip link in its markup: check whether a script provides a "
                "way to jump past repeated blocks to the main content.");
  }
  if (broken != nullptr) {
    return Make(engine::Outcome::kFailed, broken,
                "This same-page link points to an element that does not exist or is hidden, "
                "and the page has no other skip link: point it at the main content.");
  }
  return Make(engine::Outcome::kFailed, html,
              "The page has no link to skip to its main content: add one at the top "
              "(<a href=\"#main\">Skip to main content</a>) and give the main content that id.");
}

Verdict ComputeMainHeadingVerdict(const engine::Page& page, const PageRegions& facts) {
  const engine::Node* html = page.document().html();
  for (const engine::Node* m : facts.mains) {
    if (StartsWithHeading(page, *m)) {
      return Make(engine::Outcome::kPassed, m, "the main landmark starts with a heading");
    }
  }
  if (RepeatedBlockThenContent(page, facts)) {
    const engine::Node* nav = facts.site_navigation;
    bool heading_after = false;
    for (const engine::Node* e : ElementsAfter(page, *nav)) {
      if (IsUsableHeading(page, *e) && !InsideRole(page, *e, "navigation")) {
        heading_after = true;
        break;
      }
    }
    if (!heading_after) {
      return Make(engine::Outcome::kFailed, html,
                  "Nothing after the site navigation is marked up as a heading: start the "
                  "page's own content with a heading (<h1>) so people can jump to it.");
    }
  }
  return Make(engine::Outcome::kCantTell, html,
              "Check that the page's own content (after any header and menus) starts with a "
              "heading.");
}

Verdict ComputeCollapsibleVerdict(const engine::Page& page, const PageRegions& facts) {
  const engine::Node* html = page.document().html();
  const engine::Node* nav = facts.site_navigation;
  if (nav != nullptr) {
    const engine::Node* details = nav->ClosestHtmlAncestor("details");
    if (details != nullptr && nav->ClosestHtmlAncestor("summary") == nullptr) {
      return Make(engine::Outcome::kPassed, details,
                  "the navigation sits in a <details> element people can close");
    }
    if (!HasScripts(page) && !BuildsShadowTrees(page)) {
      return Make(engine::Outcome::kFailed, nav,
                  "The site navigation cannot be collapsed (no <details>, no script): put it "
                  "in a <details> element or add a skip link or main landmark instead.");
    }
  }
  return Make(engine::Outcome::kCantTell, html,
              "Check whether the blocks repeated on every page (header, menus) can be hidden, "
              "for example by a button that collapses them.");
}

}  // namespace

void Report(const Verdict& verdict, engine::Findings& out) {
  if (verdict.outcome != engine::Outcome::kInapplicable) {
    out.Add(verdict.outcome, verdict.node, verdict.message);
  }
}

namespace {

// The four verdicts are computed once per page and shared by html.main-landmark,
// html.skip-link, html.main-heading, html.repeated-block-collapsible and html.bypass-blocks.
// Pages that are not top-level HTML get four inapplicable verdicts.
struct BypassVerdicts {
  explicit BypassVerdicts(const engine::Page& page) {
    if (!IsTopLevelHtmlPage(page)) {
      return;
    }
    const PageRegions& facts = RegionsOf(page);
    main = ComputeMainLandmarkVerdict(page, facts);
    skip = ComputeSkipLinkVerdict(page, facts);
    heading = ComputeMainHeadingVerdict(page, facts);
    collapsible = ComputeCollapsibleVerdict(page, facts);
  }

  Verdict main, skip, heading, collapsible;
};

}  // namespace

Verdict MainLandmarkVerdict(const engine::Page& page) {
  return page.Derived<BypassVerdicts>().main;
}

Verdict SkipLinkVerdict(const engine::Page& page) {
  return page.Derived<BypassVerdicts>().skip;
}

Verdict MainHeadingVerdict(const engine::Page& page) {
  return page.Derived<BypassVerdicts>().heading;
}

Verdict CollapsibleVerdict(const engine::Page& page) {
  return page.Derived<BypassVerdicts>().collapsible;
}

}  // namespace plainsight::rules::bypass
