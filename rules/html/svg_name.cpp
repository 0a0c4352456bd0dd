// html.svg-name: SVG elements with an image role have an accessible name. WCAG 2.2 SC 1.1.1
// Non-text Content; EN 301 549 9.1.1.1; ACT 7d6734 (SVG element with explicit role has non-empty
// accessible name).
// Interpretation (as ACT): every SVG-namespace element whose role attribute makes it img,
// graphics-document or graphics-symbol and that is in the accessibility tree. Text drawn inside
// (<text>) does not name an img: its children are presentational. A child <title> or aria-label
// does.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kAct[] = {"7d6734"};
constexpr std::string_view kPasses[] = {
    R"(<svg role="img" width="10"><title>Red warning dot</title><circle r="4"></circle></svg>)",
    R"(<svg><circle role="graphics-symbol" aria-label="Red warning dot" r="4"></circle></svg>)",
};
constexpr std::string_view kFails[] = {
    R"(<svg role="img"><circle r="4"></circle></svg>)",
    R"(<svg role="img"><text x="1" y="9">Warning</text></svg>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg><circle r="4"></circle></svg>)",
    R"(<svg role="img" aria-hidden="true"><circle r="4"></circle></svg>)",
};

bool Applies(const engine::Page& p, const engine::Node& e) {
  if (e.ns() != engine::Namespace::kSvg) {
    return false;
  }
  std::string_view role = p.a11y().ExplicitRole(e);
  if (role != "img" && role != "graphics-document" && role != "graphics-symbol") {
    return false;
  }
  return HasExposedRole(p, e, role);
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This SVG graphic has an image role but no accessible name: add a <title> "
                    "as its first child, or aria-label.");
}

}  // namespace

extern const engine::Rule kHtmlSvgName{
    .id = "html.svg-name",
    .summary = "SVG images have a text alternative",
    .why =
        "An SVG marked as an image is announced as a graphic. Without a name, blind people "
        "learn that there is a picture but not what it shows.",
    .help =
        "Give the <svg role=\"img\"> a <title> as its first child (\"Bar chart of waste "
        "collected per month\") or an aria-label. If the graphic is decoration, use "
        "aria-hidden=\"true\" instead of role=\"img\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
