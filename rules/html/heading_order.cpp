// html.heading-order: heading levels go down one step at a time (no h2 followed by an h4).
// WCAG 2.2 SC 1.3.1 Info and Relationships (A); EN 301 549 9.1.3.1; technique G141 (organising a
// page using headings) and H42.
// Interpretation: targets are the headings of each document that someone can find (included in
// the accessibility tree or visible), in tree order, with their level (h1-h6, or aria-level).
// A heading more than one level deeper than the heading before it fails with a warning: the
// levels then no longer say how sections nest, which is very likely a 1.3.1 failure, but WCAG
// does not forbid skipping levels outright, so a person should look. Going back up any number of
// levels is fine, and so is a first heading at any level (html.page-has-h1 asks about that).
#include <string>

#include "rules/catalog.h"
#include "rules/html/structure_support.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void CheckDocument(const engine::Page& page, engine::Findings& out) {
  int previous = 0;
  for (const engine::Node* h : structure::Headings(page)) {
    const int level = structure::HeadingLevel(page, *h);
    if (previous != 0 && level > previous + 1) {
      out.Warn(h, "This heading is at level " + std::to_string(level) +
                      " but the heading before it is at level " + std::to_string(previous) +
                      ": level " + std::to_string(previous + 1) + " is skipped.");
    } else {
      out.Pass(h);
    }
    previous = level;
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachDocument(page, [&](const engine::Page& document) { CheckDocument(document, out); });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<h1>Roads</h1><h2>Repairs</h2><h3>Potholes</h3><h2>Parking</h2>)",
    R"(<h2>News</h2><h3>This week</h3><h1>Later h1</h1>)",
    R"(<h1>Roads</h1><div role="heading" aria-level="2">Repairs</div>)",
};
constexpr std::string_view kFails[] = {
    R"(<h1>Roads</h1><h3>Potholes</h3>)",
    R"(<h2>Roads</h2><div role="heading" aria-level="4">Potholes</div>)",
};
constexpr std::string_view kInapplicable[] = {R"(<p>No headings</p>)", R"(<h1 hidden>Hidden</h1>)"};

}  // namespace

extern const engine::Rule kHtmlHeadingOrder{
    .id = "html.heading-order",
    .summary = "Heading levels do not skip a level on the way down",
    .why =
        "Screen reader users learn how a page is organised from its heading levels: an h3 is "
        "part of the h2 above it. When a level is skipped, it sounds as if a section is "
        "missing, and the outline no longer matches what sighted people see.",
    .help =
        "Choose heading levels by structure, not by size: after an h2 comes an h2 or an h3. "
        "Change the look with CSS if the default size does not suit.",
    .limits =
        "A skipped level is very likely wrong but WCAG does not forbid it outright, so it is a "
        "warning. Headings added by scripts are not seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kHeadings,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
