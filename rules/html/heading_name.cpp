// html.heading-name: headings are not empty. WCAG 2.2 SC 1.3.1 Info and Relationships (an empty
// heading is structure without content); EN 301 549 9.1.3.1; ACT ffd0e9 (Heading has non-empty
// accessible name).
// Interpretation (as ACT): every element whose semantic role is heading and that is included in
// the accessibility tree, wherever it is on the page (off-screen headings too).
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kAct[] = {"ffd0e9"};
constexpr std::string_view kPasses[] = {
    R"(<h1>Planning applications</h1>)",
    R"(<div role="heading" aria-level="2">Opening hours</div>)",
    R"(<h2><img src="bins.png" alt="Bin collections"></h2>)",
};
constexpr std::string_view kFails[] = {
    R"(<h1></h1>)",
    R"(<h2><img src="rule.png" alt=""></h2>)",
    R"(<h1><span aria-hidden="true">News</span></h1>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p>No headings here</p>)",
    R"(<h1 aria-hidden="true"></h1>)",
};

bool Applies(const engine::Page& p, const engine::Node& e) {
  return HasExposedRole(p, e, "heading");
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This heading is empty for assistive technology: screen reader users "
                    "navigating by headings hear a heading with no words.");
}

}  // namespace

extern const engine::Rule kHtmlHeadingName{
    .id = "html.heading-name",
    .summary = "Headings are not empty",
    .why =
        "Many screen reader users jump from heading to heading to find their way around a "
        "page. An empty heading is a stop with nothing to read, and often means spacing was "
        "made with heading tags.",
    .help =
        "Put words in every heading, or remove the heading element. Use CSS (margin, padding) "
        "for spacing, and give images inside headings an alt text.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kHeadings,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
