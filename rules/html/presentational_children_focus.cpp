// html.presentational-children-focus: elements whose children are presentational (button,
// checkbox, img, tab, slider...) contain nothing focusable. WAI-ARIA 1.2 5.2.9 (Presentational
// Children); WCAG 2.2 SC 4.1.2 (and 1.3.1); EN 301 549 9.4.1.2; ACT 307n5z (Element with
// presentational children has no focusable content).
// Interpretation: the roles are those WAI-ARIA 1.2 marks "Children Presentational: True" (plus
// the graphics and DPUB roles that inherit it), taken after the presentational-role conflict
// resolution; a descendant fails when it is in sequential focus navigation, since a screen
// reader then reaches a control whose role and name it cannot announce.
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

const engine::Node* FirstTabbableDescendant(const engine::Accessibility& a11y,
                                            const engine::Node& root) {
  for (const engine::Node* c : root.children()) {
    if (!c->IsElement()) {
      continue;
    }
    if (a11y.IsInSequentialFocusOrder(*c)) {
      return c;
    }
    if (const engine::Node* found = FirstTabbableDescendant(a11y, *c)) {
      return found;
    }
  }
  return nullptr;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* e : HtmlOrSvgElements(page)) {
    std::string_view role = a11y.Role(*e);
    const engine::RoleInfo* info = role.empty() ? nullptr : engine::FindRole(role);
    if (info == nullptr || !info->children_presentational) {
      continue;
    }
    if (const engine::Node* inner = FirstTabbableDescendant(a11y, *e)) {
      out.Fail(e, "The " + std::string(role) + " role makes its content presentational, yet a <" +
                      inner->tag() +
                      "> inside it can be focused; screen readers cannot tell "
                      "people what it is.");
    } else {
      out.Pass(e);
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"307n5z"};
constexpr std::string_view kPasses[] = {R"(<button>Save</button>)",
                                        R"(<button><a>not a link</a></button>)"};
constexpr std::string_view kFails[] = {
    R"(<p role="checkbox" aria-checked="false" tabindex="0">I agree to the <a href="/t">terms</a></p>)",
    R"(<ul role="tablist"><li role="tab"><a href="#t1">Tab 1</a></li></ul>)"};
constexpr std::string_view kInapplicable[] = {R"(<a href="/"><span tabindex="0">Home</span></a>)"};

}  // namespace

extern const engine::Rule kHtmlPresentationalChildrenFocus{
    .id = "html.presentational-children-focus",
    .summary = "Buttons, tabs, checkboxes and images contain nothing focusable",
    .why =
        "Inside a button, tab, checkbox or image, screen readers ignore the content's roles, so "
        "a link or control placed there is reached with Tab but announced as nothing useful.",
    .help =
        "Move the link or control out of the button, tab or checkbox and place it beside it, "
        "or remove it from the tab order.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
