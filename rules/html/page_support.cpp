// Page-level helpers for the rules: see page_support.h.
#include "rules/html/page_support.h"

#include "engine/url.h"
#include "rules/support.h"

namespace plainsight::rules::page {

namespace {

const std::string* HrefOf(const engine::Node& element) {
  if (const std::string* href = element.Attr("href")) {
    return href;
  }
  if (element.ns() == engine::Namespace::kSvg) {
    return element.Attr("xlink:href");
  }
  return nullptr;
}

bool HasBaseElement(const engine::Document& doc) {
  for (const engine::Node* e : doc.elements()) {
    if (e->IsHtml("base") && e->HasAttribute("href")) {
      return true;
    }
  }
  return false;
}

// A non-whitespace text node whose parent is visible or exposed.
bool IsPerceivableText(const engine::Page& page, const engine::Node& text) {
  if (!text.IsText() || engine::TrimWhitespace(text.text()).empty()) {
    return false;
  }
  const engine::Node* parent = text.ParentElement();
  return parent != nullptr && (IsVisible(page, *parent) || IsExposed(page, *parent));
}

bool InsideRole(const engine::Page& page, const engine::Node& node, std::string_view role) {
  for (const engine::Node* a = node.ParentElement(); a != nullptr; a = a->ParentElement()) {
    if (page.a11y().Role(*a) == role) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> LinkDestination(const engine::Node& element) {
  const std::string* href = HrefOf(element);
  if (href == nullptr) {
    return std::nullopt;
  }
  return ResolveAndNormalize(element, *href);
}

std::optional<std::string> ResolveAndNormalize(const engine::Node& element,
                                               std::string_view reference) {
  auto url = element.document().ResolveToUrl(engine::TrimWhitespace(reference));
  if (!url) {
    return std::nullopt;
  }
  std::string normal = engine::NormalizeUrl(*url);
  if (url->fragment.has_value()) {
    normal += "#" + *url->fragment;
  }
  return normal;
}

bool IsSamePageLink(const engine::Node& link) {
  const std::string* href = HrefOf(link);
  if (href == nullptr) {
    return false;
  }
  std::string_view value = engine::TrimWhitespace(*href);
  const engine::Document& doc = link.document();
  if (doc.url().empty() || doc.url() == "about:srcdoc") {
    // No URL to compare with: only a bare fragment stays on the page, and only without <base>.
    return value.size() > 1 && value.front() == '#' && !HasBaseElement(doc);
  }
  if (value.find('#') == std::string_view::npos) {
    return false;  // resolving drops the base's fragment: no '#' in the reference, none after
  }
  auto there = doc.ResolveToUrl(value);
  if (!there || !there->fragment || there->fragment->empty()) {
    return false;
  }
  const engine::Url* here = doc.ParsedUrl();
  return here != nullptr && engine::NormalizeUrl(*here) == engine::NormalizeUrl(*there);
}

const engine::Node* SamePageTarget(const engine::Node& link) {
  if (!IsSamePageLink(link)) {
    return nullptr;
  }
  std::string_view href = engine::TrimWhitespace(*HrefOf(link));
  std::string fragment(href.substr(href.find('#') + 1));
  // HTML 7.4.6.4: the fragment is percent-decoded before the id lookup; ids with escapes are
  // rare, so only the literal form is tried.
  const engine::Document& doc = link.document();
  if (const engine::Node* byId = doc.GetElementById(fragment)) {
    return byId;
  }
  for (const engine::Node* a : doc.ElementsByTag("a")) {
    if (a->IsHtml("a") && a->AttrOr("name") == fragment) {
      return a;
    }
  }
  return nullptr;
}

namespace {

// Does `s`, without leading whitespace, start with "javascript:" in any case?
bool IsJavascriptUrl(std::string_view s) {
  s = engine::TrimWhitespace(s);
  constexpr std::string_view kScheme = "javascript:";
  return s.size() >= kScheme.size() &&
         engine::EqualsIgnoreCase(s.substr(0, kScheme.size()), kScheme);
}

// Worked out once per page (Page::Derived): three verdicts and a rule ask.
struct ScriptFacts {
  explicit ScriptFacts(const engine::Page& page) {
    for (const engine::Node* e : page.document().elements()) {
      if (e->IsHtml("script")) {
        std::string type = engine::AsciiLower(engine::TrimWhitespace(e->AttrOr("type")));
        // HTML 4.12.1: these types are classic or module scripts; anything else is a data block.
        if (type.empty() || type == "module" || type == "text/javascript" ||
            type == "application/javascript" || type == "text/ecmascript") {
          has_scripts = true;
          return;
        }
      }
      for (const engine::Attribute& a : e->attributes()) {
        if (a.name.size() > 2 && a.name.compare(0, 2, "on") == 0) {
          has_scripts = true;
          return;
        }
        if ((a.name == "href" || a.name == "src" || a.name == "action") &&
            IsJavascriptUrl(a.value)) {
          has_scripts = true;
          return;
        }
      }
    }
  }

  bool has_scripts = false;
};

}  // namespace

bool HasScripts(const engine::Page& page) {
  return page.Derived<ScriptFacts>().has_scripts;
}

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
    std::vector<const engine::Node*> stack{doc.body()};
    bool preceded = false;
    while (!stack.empty() && !preceded) {
      const engine::Node* n = stack.back();
      stack.pop_back();
      if (n == nav || n->order() >= nav->order()) {
        continue;
      }
      if (n->IsText()) {
        // The <summary> of a <details> that holds the navigation is its label, not content.
        const engine::Node* summary = n->ClosestHtmlAncestor("summary");
        bool labels_nav = summary != nullptr && summary->ParentElement() != nullptr &&
                          nav->IsDescendantOf(*summary->ParentElement());
        preceded = IsPerceivableText(page, *n) && !InsideRole(page, *n, "banner") &&
                   !InsideRole(page, *n, "navigation") && !labels_nav;
        continue;
      }
      for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
        stack.push_back(*it);
      }
    }
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

}  // namespace plainsight::rules::page

namespace plainsight::rules::page {

namespace {

// Perceivable text or a named image inside `root` (or anywhere, for the body).
bool HasPerceivableContent(const engine::Page& page, const engine::Node& root) {
  return HasExposedOrVisibleText(page, root);
}

// Is `heading` an exposed, visible heading?
bool IsUsableHeading(const engine::Page& page, const engine::Node& e) {
  return page.a11y().Role(e) == "heading" && IsExposed(page, e) && IsVisible(page, e) &&
         !page.a11y().AccessibleName(e).empty();
}

std::vector<const engine::Node*> MainsWithContent(const engine::Page& page) {
  std::vector<const engine::Node*> mains;
  for (const engine::Node* m : ExposedWithRole(page, "main")) {
    if (HasPerceivableContent(page, *m)) {
      mains.push_back(m);
    }
  }
  return mains;
}

// Does the first perceivable thing inside `root` (in tree order) belong to a usable heading?
bool StartsWithHeading(const engine::Page& page, const engine::Node& root) {
  std::vector<const engine::Node*> stack{&root};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    if (n->IsElement() && IsUsableHeading(page, *n)) {
      return true;
    }
    if (n->IsText() && IsPerceivableText(page, *n)) {
      return false;
    }
    if (n->IsHtml("img") && !engine::TrimWhitespace(n->AttrOr("alt")).empty() &&
        IsExposed(page, *n)) {
      return false;
    }
    for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
      stack.push_back(*it);
    }
  }
  return false;
}

// Is there perceivable text after `from` starts (its own content included) and before `to`?
bool ContentBetween(const engine::Page& page, const engine::Node& from, const engine::Node& to) {
  std::vector<const engine::Node*> stack{page.document().body()};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    if (n == nullptr || n->order() >= to.order()) {
      continue;
    }
    if (n->IsText() && n->order() > from.order() && IsPerceivableText(page, *n)) {
      return true;
    }
    for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
      stack.push_back(*it);
    }
  }
  return false;
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

Verdict Make(engine::Outcome outcome, const engine::Node* node, std::string message) {
  return Verdict{outcome, node, std::move(message)};
}

// What the four verdicts below all start from, found once per page.
struct BypassFacts {
  explicit BypassFacts(const engine::Page& page)
      : mains(MainsWithContent(page)), nav(LeadingSiteNavigation(page)) {}

  std::vector<const engine::Node*> mains;  // exposed main landmarks with content
  const engine::Node* nav;                 // the site navigation opening the page, or nullptr
};

}  // namespace

Verdict ComputeMainLandmarkVerdict(const engine::Page& page, const BypassFacts& facts) {
  const engine::Node* html = page.document().html();
  if (!facts.mains.empty()) {
    return Make(engine::Outcome::kPassed, facts.mains.front(), "main landmark");
  }
  const engine::Node* nav = facts.nav;
  if (nav != nullptr && HasContentAfter(page, *nav) && !BuildsShadowTrees(page)) {
    return Make(engine::Outcome::kFailed, html,
                "The page starts with site navigation but has no main landmark: wrap the "
                "page's own content in <main> so people can jump straight to it.");
  }
  return Make(engine::Outcome::kCantTell, html,
              "The page has no main landmark: if it repeats blocks (header, menus) found on "
              "other pages, wrap the page's own content in <main>.");
}

Verdict ComputeSkipLinkVerdict(const engine::Page& page, const BypassFacts& facts) {
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

Verdict ComputeMainHeadingVerdict(const engine::Page& page, const BypassFacts& facts) {
  const engine::Node* html = page.document().html();
  for (const engine::Node* m : facts.mains) {
    if (StartsWithHeading(page, *m)) {
      return Make(engine::Outcome::kPassed, m, "the main landmark starts with a heading");
    }
  }
  const engine::Node* nav = facts.nav;
  if (nav != nullptr && HasContentAfter(page, *nav) && !BuildsShadowTrees(page)) {
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

Verdict ComputeCollapsibleVerdict(const engine::Page& page, const BypassFacts& facts) {
  const engine::Node* html = page.document().html();
  const engine::Node* nav = facts.nav;
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

void Report(const Verdict& verdict, engine::Findings& out) {
  if (verdict.outcome != engine::Outcome::kInapplicable) {
    out.Add(verdict.outcome, verdict.node, verdict.message);
  }
}

// The four verdicts are computed once per page and shared by html.main-landmark,
// html.skip-link, html.main-heading, html.repeated-block-collapsible and html.bypass-blocks.
// Pages that are not top-level HTML get four inapplicable verdicts.
struct BypassVerdicts {
  explicit BypassVerdicts(const engine::Page& page) {
    if (!IsTopLevelHtmlPage(page)) {
      return;
    }
    const BypassFacts facts(page);
    main = ComputeMainLandmarkVerdict(page, facts);
    skip = ComputeSkipLinkVerdict(page, facts);
    heading = ComputeMainHeadingVerdict(page, facts);
    collapsible = ComputeCollapsibleVerdict(page, facts);
  }

  Verdict main, skip, heading, collapsible;
};

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

}  // namespace plainsight::rules::page
