// html.aria-prohibited-attr: global ARIA properties are not used on roles that prohibit them.
// WAI-ARIA 1.2 8.6 and "Prohibited States and Properties"; WCAG 2.2 SC 4.1.2 (and 1.3.1);
// EN 301 549 9.4.1.2; ACT kb1m8s (ARIA global properties not used where prohibited).
// Interpretation: naming attributes (aria-label, aria-labelledby and WAI-ARIA 1.3's
// aria-braillelabel) are prohibited where the role table prohibits aria-label (generic,
// paragraph, code, strong...); role descriptions (aria-roledescription,
// aria-brailleroledescription) are prohibited on generic (WAI-ARIA 1.3). On an element whose
// role is none/presentation all five are prohibited: there is no role to name or describe.
// Elements with no corresponding role at all (audio, label, input type=file) are not generic and
// pass, as ARIA in HTML allows global attributes on them.
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/aria_attributes.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

bool IsNaming(std::string_view name) {
  return name == "aria-label" || name == "aria-labelledby" || name == "aria-braillelabel";
}

bool IsRoleDescription(std::string_view name) {
  return name == "aria-roledescription" || name == "aria-brailleroledescription";
}

// Is the global attribute `name` prohibited on this element? Sets *role_name for the message.
bool Prohibited(const engine::Page& page, const engine::Node& e, std::string_view name,
                std::string* role_name) {
  std::string_view role = page.a11y().Role(e);
  if (role == "none") {
    *role_name = "none";
    return IsNaming(name) || IsRoleDescription(name);
  }
  if (HasGenericRole(page, e)) {
    *role_name = "generic";
    return IsNaming(name) || IsRoleDescription(name) || engine::IsAttributeProhibited("", name);
  }
  if (role.empty()) {
    return false;
  }
  *role_name = std::string(role);
  if (name == "aria-braillelabel") {
    return engine::IsAttributeProhibited(role, "aria-label");
  }
  return engine::IsAttributeProhibited(role, name);
}

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* e : ExposedHtmlOrSvgElements(page)) {
    for (const AriaAttributeUse& use : AriaAttributesOf(*e)) {
      if (!IsGlobalAriaAttribute(use)) {
        continue;
      }
      std::string role;
      if (Prohibited(page, *e, use.name, &role)) {
        out.Fail(e, use.name + " is prohibited on an element with the " + role +
                        " role; assistive technology ignores it or announces it inconsistently.");
      } else {
        out.Pass(e, use.name);
      }
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"kb1m8s"};
constexpr std::string_view kPasses[] = {R"(<div aria-live="polite">Saved</div>)",
                                        R"(<a href="/" aria-label="Home page">Home</a>)"};
constexpr std::string_view kFails[] = {R"(<div aria-label="Price">100 euro</div>)",
                                       R"(<p aria-labelledby="h">Text</p><h2 id="h">Title</h2>)"};
constexpr std::string_view kInapplicable[] = {R"(<div aria-label="Price" hidden></div>)",
                                              R"(<div>No ARIA</div>)"};

}  // namespace

extern const engine::Rule kHtmlAriaProhibitedAttr{
    .id = "html.aria-prohibited-attr",
    .summary = "Global ARIA properties are not used where the role prohibits them",
    .why =
        "A label on a plain div or span, or on a paragraph, is ignored by many screen readers, "
        "so the text it was meant to give never reaches their users.",
    .help =
        "Put the text in the content itself, or give the element a role that can be named "
        "(a link, a button, a region), or remove the attribute.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = targets::kAriaAttributes};

}  // namespace plainsight::rules
