// html.aria-required-children: elements whose role requires owned elements own only those.
// WAI-ARIA 1.2 5.2.6 (Required Owned Elements); WCAG 2.2 SC 1.3.1; EN 301 549 9.1.3.1;
// ACT bc4a75 (ARIA required owned elements).
// Interpretation (ACT bc4a75): explicit and implicit roles are checked, except combobox and
// anything inside aria-busy="true". Owned elements follow ACT's "owned by": children in the
// accessibility tree plus aria-owns targets, looking through none/presentation; a generic
// element (div, span) is in the tree and is not an allowed child. Elements with no role at all
// (colgroup, col) are not in the tree and are skipped. "group > option" entries allow a group that
// itself owns only those roles (or nested groups). A table, grid or treegrid may also own its
// caption (the caption role requires that context). An element that owns nothing passes.
#include <algorithm>

#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/aria_tree.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/scripts.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool InBusyRegion(const engine::Node& e) {
  for (const engine::Node* n = &e; n != nullptr; n = n->ParentElement()) {
    if (EqualsIgnoreCase(engine::TrimWhitespace(n->AttrOr("aria-busy")), "true")) {
      return true;
    }
  }
  return false;
}

// Is `owned` (with role `role`) allowed by `entries` ("row", "rowgroup > row")? Sets *bad to the
// offending descendant when a container entry fails.
bool Allowed(const engine::Page& page, const engine::Node& owned, std::string_view role,
             std::span<const std::string_view> entries, int depth) {
  if (depth > 32) {
    return false;
  }
  for (std::string_view entry : entries) {
    size_t arrow = entry.find('>');
    if (arrow == std::string_view::npos) {
      if (engine::TrimWhitespace(entry) == role) {
        return true;
      }
      continue;
    }
    std::string_view container = engine::TrimWhitespace(entry.substr(0, arrow));
    std::string_view inner = engine::TrimWhitespace(entry.substr(arrow + 1));
    if (container != role) {
      continue;
    }
    bool all = true;
    for (const engine::Node* child : ActOwnedElements(page, owned)) {
      std::string_view child_role = page.a11y().Role(*child);
      if (child_role.empty() && !HasGenericRole(page, *child)) {
        continue;
      }
      bool ok = child_role == inner ||
                (child_role == container && Allowed(page, *child, child_role, entries, depth + 1));
      if (!ok) {
        all = false;
        break;
      }
    }
    if (all) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  if (BuildsShadowTrees(page)) {
    out.CantTell(nullptr,
                 "A script builds shadow DOM; check that lists, menus, tables and tab "
                 "lists inside it own only the roles they require.");
  }
  for (const engine::Node* e : ExposedHtmlOrSvgElements(page)) {
    std::string_view role = a11y.Role(*e);
    if (role.empty() || role == "none" || role == "combobox" || role.starts_with("doc-")) {
      continue;
    }
    const engine::RoleInfo* info = engine::FindRole(role);
    if (info == nullptr || info->required_owned.empty() || InBusyRegion(*e)) {
      continue;
    }
    bool table_like = role == "table" || role == "grid" || role == "treegrid";
    const engine::Node* bad = nullptr;
    std::string_view bad_role;
    for (const engine::Node* owned : ActOwnedElements(page, *e)) {
      std::string_view owned_role = a11y.Role(*owned);
      if (owned_role.empty() && !HasGenericRole(page, *owned)) {
        continue;  // no role at all: not in the accessibility tree
      }
      if (table_like && owned_role == "caption") {
        continue;
      }
      if (owned_role.empty() || !Allowed(page, *owned, owned_role, info->required_owned, 0)) {
        bad = owned;
        bad_role = owned_role.empty() ? std::string_view("generic") : owned_role;
        break;
      }
    }
    if (bad == nullptr) {
      out.Pass(e);
    } else {
      out.Fail(e, "The " + std::string(role) + " role may own only " +
                      JoinAlternatives(info->required_owned) + ", but it owns <" + bad->tag() +
                      "> with the " + std::string(bad_role) + " role.");
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kAct[] = {"bc4a75"};
constexpr std::string_view kPasses[] = {
    R"(<div role="list"><span role="listitem">One</span><span role="listitem">Two</span></div>)",
    R"(<ul><li>One</li></ul>)",
    R"(<div role="menu"><div role="group"><span role="menuitem">Open</span></div></div>)"};
constexpr std::string_view kFails[] = {R"(<div role="list"><span>One</span></div>)",
                                       R"(<ol role="tablist"><li role="listitem">One</li></ol>)"};
constexpr std::string_view kInapplicable[] = {R"(<div role="list" aria-hidden="true"></div>)",
                                              R"(<ul role="menu" aria-busy="true">Loading</ul>)"};

}  // namespace

extern const engine::Rule kHtmlAriaRequiredChildren{
    .id = "html.aria-required-children",
    .summary = "Lists, menus, tables and tab lists own only the roles they require",
    .why =
        "A list whose items are plain spans, or a tab list holding list items, is announced "
        "wrongly: screen reader users hear no item count and cannot move between the items.",
    .help =
        "Give each child the role its container expects (listitem in list, tab in tablist, "
        "row in table or grid, option in listbox, menuitem in menu), or use the native HTML "
        "elements.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
