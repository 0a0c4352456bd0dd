// html.image-button-name: image buttons have an accessible name. WCAG 2.2 SC 1.1.1 Non-text
// Content and 4.1.2 Name, Role, Value; EN 301 549 9.1.1.1, 9.4.1.2; ACT 59796f (Image button
// has non-empty accessible name).
// Interpretation (as ACT): every <input type="image"> included in the accessibility tree. The
// browser's fallback name ("Submit Query") is not an author-given name and does not count; the
// name attribute is not a name either.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1", "4.1.2"};
constexpr std::string_view kEn[] = {"9.1.1.1", "9.4.1.2"};
constexpr std::string_view kAct[] = {"59796f"};
constexpr std::string_view kPasses[] = {
    R"(<input type="image" src="search.svg" alt="Search">)",
    R"(<input type="image" src="search.svg" aria-label="Search">)",
};
constexpr std::string_view kFails[] = {
    R"(<input type="image" src="search.svg" name="search">)",
    R"(<input type="image" src="search.svg" alt="">)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<button><img src="search.svg" alt="Search"></button>)",
    R"(<input type="image" src="search.svg" style="display: none">)",
};

bool Applies(const engine::Page& p, const engine::Node& e) {
  return e.IsHtml("input") &&
         engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("type"))) == "image" &&
         !p.a11y().IsHidden(e);
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This image button has no accessible name: add an alt that says what the "
                    "button does.");
}

}  // namespace

extern const engine::Rule kHtmlImageButtonName{
    .id = "html.image-button-name",
    .summary = "Image buttons have a text alternative",
    .why =
        "An image used as a button needs text that says what the button does; without it "
        "screen readers announce only \"button\" or a made-up \"Submit Query\".",
    .help =
        "Add an alt attribute to the <input type=\"image\"> that names the action, such as "
        "alt=\"Search\", not a description of the picture.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kInputs};

}  // namespace plainsight::rules
