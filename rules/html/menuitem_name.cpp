// html.menuitem-name: menu items have an accessible name. WCAG 2.2 SC 4.1.2 Name, Role, Value;
// EN 301 549 9.4.1.2; ACT m6b1q3 (Menuitem has non-empty accessible name).
// Interpretation (as ACT): every element whose semantic role is menuitem (not the checkbox and
// radio variants, which html.form-field-name covers) and that is in the accessibility tree.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"m6b1q3"};
constexpr std::string_view kPasses[] = {
    R"(<div role="menu"><button role="menuitem">New file</button></div>)",
    R"(<div role="menu"><button role="menuitem" title="New">)"
    R"(<img src="f.svg" alt=""></button></div>)",
};
constexpr std::string_view kFails[] = {
    R"(<div role="menu"><button role="menuitem"><img src="f.svg" alt=""></button></div>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<menu><li><a href="/new">New file</a></li></menu>)",
    R"(<div role="menu" hidden><button role="menuitem"></button></div>)",
};

bool Applies(const engine::Page& p, const engine::Node& e) {
  return HasExposedRole(p, e, "menuitem");
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This menu item has no accessible name: screen readers cannot say what it "
                    "does.");
}

constexpr std::string_view kTargetTags[] = {"menuitem"};

}  // namespace

extern const engine::Rule kHtmlMenuitemName{
    .id = "html.menuitem-name",
    .summary = "Menu items have an accessible name",
    .why =
        "People using screen readers or voice control choose menu items by their names. An "
        "item with only an icon and no name cannot be understood or spoken to.",
    .help =
        "Put text in each menu item, or give icon-only items an aria-label such as "
        "aria-label=\"New file\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = kTargetTags,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
