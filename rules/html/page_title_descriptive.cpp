// html.page-title-descriptive: the page's title describes its topic or purpose. WCAG 2.2 SC
// 2.4.2 Page Titled; EN 301 549 9.2.4.2; ACT c4a8a4 (HTML page title is descriptive).
// Interpretation: whether a title describes the page is a judgement, so titles are cantTell,
// except two kinds no page can defend: a placeholder left by an editor or template ("Untitled",
// "Untitled document", "New page", "Insert title here") and a bare file name ("index.html").
// The target is the first <title> in tree order, as for html.page-title (ACT 2779a5); pages
// without a non-empty title are left to that rule. English placeholders only.
#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.2"};
constexpr std::string_view kEn[] = {"9.2.4.2"};
constexpr std::string_view kAct[] = {"c4a8a4"};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Untitled document</title><p>Bins go out on Monday.</p></html>)",
    R"(<!DOCTYPE html><html lang="en"><title>index.html</title><p>Bins go out on Monday.</p></html>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bin collection days - Fingal County Council</title><p>Bins go out on Monday.</p></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<!DOCTYPE html><html lang="en"><p>No title.</p></html>)",
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

// Titles that editors and templates fill in by default (compared after NormalizeForComparison).
constexpr std::string_view kPlaceholderTitles[] = {"untitled",
                                                   "untitled document",
                                                   "untitled page",
                                                   "new page",
                                                   "new document",
                                                   "document",
                                                   "page",
                                                   "title",
                                                   "page title",
                                                   "no title",
                                                   "web page",
                                                   "webpage",
                                                   "insert title here",
                                                   "enter title here",
                                                   "your title here",
                                                   "title here",
                                                   "my page",
                                                   "my website",
                                                   "new tab"};

void Check(const engine::Page& page, engine::Findings& out) {
  if (!IsTopLevelHtmlPage(page)) {
    return;
  }
  for (const engine::Node* e : page.document().elements()) {
    if (!e->IsHtml("title")) {
      continue;
    }
    std::string title = engine::CollapseWhitespace(e->TextContent());
    if (title.empty()) {
      return;
    }
    JudgeDescriptive(out, e, MatchesPhrase(title, kPlaceholderTitles) || LooksLikeFileName(title),
                     "The page title \"" + title +
                         "\" is a placeholder, not a description: say what the page is about, "
                         "then the site's name.",
                     "Check that the title \"" + title + "\" says what this page is about.");
    return;
  }
}

}  // namespace

extern const engine::Rule kHtmlPageTitleDescriptive{
    .id = "html.page-title-descriptive",
    .summary = "The page title says what the page is about",
    .why =
        "People find their way between tabs, bookmarks and search results by the title, and "
        "screen readers read it first. \"Untitled\" or a file name tells them nothing.",
    .help =
        "Write a title that names the page's topic, then the site: \"Bin collection days - "
        "Fingal County Council\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = {},
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kTitles};

}  // namespace plainsight::rules
