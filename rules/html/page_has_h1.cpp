// html.page-has-h1: the page has a level-one heading. WCAG 2.2 SC 1.3.1 Info and Relationships
// (A) and SC 2.4.6 Headings and Labels (AA); EN 301 549 9.1.3.1, 9.2.4.6; technique G141
// (organising a page using headings) and H42.
// Interpretation: WCAG requires no h1: a page may rightly start at h2 (the ACT test cases have
// such pages, passing for 1.3.1 and 2.4.6). But most pages have a main title, and when it is
// not marked up as the level-one heading, screen reader users jumping to "heading level 1"
// find nothing. So this rule only asks a person (a notice): pages with no visible or exposed
// heading at level 1 get cantTell, pages with one pass. Top-level HTML pages with rendered text
// only.
#include "rules/catalog.h"
#include "rules/html/structure_support.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Document& doc = page.document();
  if (!IsTopLevelHtmlPage(page) || doc.body() == nullptr ||
      structure::RenderedTextStart(page, *doc.body(), 1).empty()) {
    return;
  }
  const std::vector<const engine::Node*> headings = structure::Headings(page);
  for (const engine::Node* h : headings) {
    if (structure::HeadingLevel(page, *h) == 1) {
      out.Pass(h);
      return;
    }
  }
  if (headings.empty()) {
    out.CantTell(doc.html(),
                 "This page has no headings at all. If it has a title or sections, mark them "
                 "up as headings, starting with one h1 for the page's main title.");
  } else {
    out.CantTell(headings.front(),
                 "This page has headings but none at level 1. Check whether the page's main "
                 "title is on the page; if it is, mark it up as the h1.");
  }
}

constexpr std::string_view kWcag[] = {"1.3.1", "2.4.6"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.2.4.6"};
constexpr std::string_view kPasses[] = {
    R"(<h1>Planning permission</h1><p>How to apply.</p>)",
    R"(<div role="heading" aria-level="1">Bin collections</div><p>Days and times.</p>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<h2>Planning permission</h2><p>How to apply.</p>)",
    R"(<p>Welcome to the council's website.</p>)",
    R"(<h1 hidden>Planning</h1><p>How to apply.</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<html><body></body></html>)",
    R"(<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>)",
};

}  // namespace

extern const engine::Rule kHtmlPageHasH1{
    .id = "html.page-has-h1",
    .summary = "The page marks its main title as a level-one heading",
    .why =
        "Screen reader users often jump straight to the h1 to find what a page is about, and "
        "the headings outline starts from it. A page whose title is plain bold text, or an h2, "
        "gives them nothing to land on.",
    .help =
        "Mark the page's main title up as <h1>, once, and the sections below it as h2, h3 and "
        "so on.",
    .limits =
        "WCAG does not require an h1, and whether the page has a main title at all is for a "
        "person to see: this rule never fails a page, it asks a person to look (a notice).",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AA"};

}  // namespace plainsight::rules
