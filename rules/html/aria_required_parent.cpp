// html.aria-required-parent: elements with an explicit role that needs a context role sit in it.
// WAI-ARIA 1.2 5.2.7 (Required Context Role); WCAG 2.2 SC 1.3.1; EN 301 549 9.1.3.1;
// ACT ff89c9 (ARIA required context role).
// Interpretation: as ACT ff89c9 says, only explicit WAI-ARIA roles are checked (not DPUB or
// graphics roles), and not when the explicit role equals the implicit one (<li role=listitem>).
// The accessibility parent respects aria-owns and looks through presentational elements and
// role-less elements with no global ARIA attribute (browsers leave those out of the tree); a
// generic element that carries one (aria-live) is in the tree and breaks the context, as in
// WAI-ARIA 1.2. Pages that build shadow DOM with script get a page-level cantTell: elements
// inside shadow roots are invisible to static analysis.
#include <algorithm>

#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/aria_tree.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/scripts.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  if (BuildsShadowTrees(page)) {
    out.CantTell(nullptr,
                 "A script builds shadow DOM; check that elements inside it sit in the "
                 "roles they require (a listitem in a list, a tab in a tablist).");
  }
  for (const engine::Node* e : ExposedHtmlOrSvgElements(page)) {
    std::string_view role = ExplicitSemanticRole(page, *e);
    if (role.empty() || role.starts_with("doc-") || role.starts_with("graphics-")) {
      continue;
    }
    const engine::RoleInfo* info = engine::FindRole(role);
    if (info == nullptr || info->required_context.empty()) {
      continue;
    }
    const engine::Node* parent = ActAccessibilityParent(page, *e);
    std::string_view parent_role = parent != nullptr ? a11y.Role(*parent) : std::string_view();
    bool ok = !parent_role.empty() &&
              std::find(info->required_context.begin(), info->required_context.end(),
                        parent_role) != info->required_context.end();
    if (ok) {
      out.Pass(e);
    } else {
      std::string got = parent == nullptr     ? "nothing"
                        : parent_role.empty() ? "<" + parent->tag() + "> with no role"
                                              : "the " + std::string(parent_role) + " role";
      out.Fail(e, "role=\"" + std::string(role) + "\" must be inside an element with the " +
                      JoinAlternatives(info->required_context) + " role, but its parent is " + got +
                      ".");
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kAct[] = {"ff89c9"};
constexpr std::string_view kPasses[] = {
    R"(<div role="list"><div role="listitem">One</div><div role="listitem">Two</div></div>)",
    R"(<div role="tablist"><div role="presentation"><span role="tab">Fees</span></div></div>)"};
constexpr std::string_view kFails[] = {
    R"(<div role="listitem">One</div>)",
    R"(<div role="list"><div role="tabpanel"><div role="listitem">One</div></div></div>)"};
constexpr std::string_view kInapplicable[] = {R"(<ul><li role="listitem">One</li></ul>)",
                                              R"(<div role="listitem" hidden>One</div>)"};

}  // namespace

extern const engine::Rule kHtmlAriaRequiredParent{
    .id = "html.aria-required-parent",
    .summary = "Elements with a role sit inside the role they belong to",
    .why =
        "A list item outside a list, or a tab outside a tab list, is announced without its "
        "context, so screen reader users cannot tell how many items there are or move between "
        "them.",
    .help =
        "Put the element inside its container role (listitem in list, tab in tablist, row in "
        "table or grid, option in listbox, menuitem in menu), or use the native HTML "
        "elements (ul/li, table/tr).",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kScripts,
    .target_attributes = targets::kRoleOrShadowRoot};

}  // namespace plainsight::rules
