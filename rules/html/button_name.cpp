// html.button-name: buttons have an accessible name. WCAG 2.2 SC 4.1.2 Name, Role, Value;
// EN 301 549 9.4.1.2; ACT 97a4e1 (Button has non-empty accessible name).
// Interpretation (as ACT): every element whose semantic role is button and that is included in
// the accessibility tree, except <input type="image"> (html.image-button-name checks those). A
// role of none/presentation on a focusable button is ignored (WAI-ARIA 1.2 9.3), so such a
// button still needs a name. Off-screen buttons count: screen readers still reach them.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"97a4e1"};
constexpr std::string_view kPasses[] = {
    R"(<button>Pay council tax</button>)",
    R"(<span role="button" tabindex="0" aria-label="Close"></span>)",
    R"(<input type="submit">)",
};
constexpr std::string_view kFails[] = {
    R"(<button></button>)",
    R"(<button type="button" value="Search"></button>)",
    R"(<button role="none"><img src="x.png" alt=""></button>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<input type="image" src="go.png" alt="Go">)",
    R"(<button style="display: none"></button>)",
    R"(<button role="link">Home</button>)",
};

bool Applies(const engine::Page& p, const engine::Node& e) {
  if (e.IsHtml("input") && engine::AsciiLower(e.AttrOr("type")) == "image") {
    return false;
  }
  return HasExposedRole(p, e, "button");
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This button has no accessible name: screen readers announce it only as "
                    "\"button\".");
}

}  // namespace

extern const engine::Rule kHtmlButtonName{
    .id = "html.button-name",
    .summary = "Buttons have an accessible name",
    .why =
        "Screen readers and voice control use a button's name to say what it does and to let "
        "people activate it. A button without a name is announced only as \"button\".",
    .help =
        "Put text inside the button, or give it an aria-label or aria-labelledby. For an icon "
        "button, use aria-label=\"Search\" (or a visually hidden text) rather than an empty "
        "element.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
