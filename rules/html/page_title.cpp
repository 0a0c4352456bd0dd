// html.page-title: a web page has a title that is not empty. WCAG 2.4.2 Page Titled;
// EN 301 549 9.2.4.2; ACT 2779a5 (HTML page has non-empty title).
// Interpretation (as ACT): the first <title> in tree order counts, wherever it is; a title inside
// <template> content or shadow DOM built by script does not.
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.2"};
constexpr std::string_view kEn[] = {"9.2.4.2"};
constexpr std::string_view kAct[] = {"2779a5"};
constexpr std::string_view kPasses[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Apply for a parking permit - Dublin City Council</title></html>)",
};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><h1>No title here</h1></html>)",
    R"(<!DOCTYPE html><html lang="en"><head><title> </title></head></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

void Check(const engine::Page& page, engine::Findings& out) {
  if (!IsTopLevelHtmlPage(page)) {
    return;
  }
  const engine::Document& doc = page.document();
  for (const engine::Node* e : doc.elements()) {
    if (e->IsHtml("title")) {
      if (engine::CollapseWhitespace(e->TextContent()).empty()) {
        out.Fail(e, "The page's first <title> element is empty.");
      } else {
        out.Pass(e);
      }
      return;
    }
  }
  out.Fail(doc.html(), "The page has no <title> element.");
}

}  // namespace

extern const engine::Rule kHtmlPageTitle{
    .id = "html.page-title",
    .summary = "Pages have a title",
    .why =
        "The title is the first thing a screen reader announces and what browser tabs, "
        "bookmarks and search results show. Without it people cannot tell pages apart.",
    .help =
        "Add a <title> to the <head> that says what the page is for, then the site's name: "
        "\"Apply for a parking permit - Dublin City Council\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
