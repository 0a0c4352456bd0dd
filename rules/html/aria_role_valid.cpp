// html.aria-role-valid: role attributes name real ARIA roles. WCAG 1.3.1 and 4.1.2;
// EN 301 549 9.1.3.1, 9.4.1.2; ACT 674b10 (Role attribute has valid value).
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* e : HtmlOrSvgElements(page)) {
    const std::string* role = e->Attr("role");
    if (!role || engine::TrimWhitespace(*role).empty() || page.a11y().IsHidden(*e)) {
      continue;
    }
    bool valid = false;
    for (std::string_view token : engine::SplitWhitespace(*role)) {
      const engine::RoleInfo* info = engine::FindRole(engine::AsciiLower(token));
      if (info && !info->is_abstract) {
        valid = true;
        break;
      }
    }
    if (valid) {
      out.Pass(e);
    } else {
      out.Fail(
          e, "role=\"" + *role + "\" names no WAI-ARIA role, so assistive technology ignores it.");
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.1", "4.1.2"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.4.1.2"};
constexpr std::string_view kAct[] = {"674b10"};
constexpr std::string_view kPasses[] = {R"(<div role="navigation">Links</div>)",
                                        R"(<input role="searchfield searchbox">)"};
constexpr std::string_view kFails[] = {R"(<span role="lnik">Home</span>)"};
constexpr std::string_view kInapplicable[] = {R"(<div role=" ">x</div>)",
                                              R"(<div aria-hidden="true" role="banner">x</div>)"};

}  // namespace

extern const engine::Rule kHtmlAriaRoleValid{
    .id = "html.aria-role-valid",
    .summary = "role attributes name real ARIA roles",
    .why =
        "A misspelt or invented role is ignored, so the element is announced as something "
        "else, or as nothing.",
    .help =
        "Use a role from WAI-ARIA 1.2 (button, navigation, dialog...), or better, the HTML "
        "element that has that role already.",
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
