// html.list-item-parent: li elements are in a list. WCAG 2.2 SC 1.3.1 Info and Relationships
// (A); EN 301 549 9.1.3.1; HTML 4.4.8 (an li's parent is an ol, ul or menu element).
// Interpretation: targets are rendered li elements of the page and its frames. One whose parent
// is an ol, ul or menu, or an element with an explicit list role (role="list", which makes it a
// list for assistive technology), passes. Any other parent fails (an error): the item is not in
// a list, so screen readers announce neither the list nor the number of its items, and HTML
// forbids it.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("li") || p.styles().IsDisplayNone(e)) {
      return;
    }
    const engine::Node* parent = e.ParentElement();
    if (parent != nullptr && (parent->IsHtml("ul") || parent->IsHtml("ol") ||
                              parent->IsHtml("menu") || p.a11y().ExplicitRole(*parent) == "list")) {
      out.Pass(&e);
      return;
    }
    out.Fail(
        &e, "This <li> is not inside a <ul>, <ol> or <menu>" +
                std::string(parent != nullptr ? " (its parent is a <" + parent->tag() + ">)" : "") +
                ", so it is not announced as part of a list.");
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {R"(<ul><li>Paper</li><li>Glass</li></ul>)",
                                        R"(<div role="list"><li>Paper</li></div>)"};
constexpr std::string_view kFails[] = {R"(<div><li>Paper</li><li>Glass</li></div>)",
                                       R"(<li>Paper</li>)"};
constexpr std::string_view kInapplicable[] = {R"(<p>Paper, glass</p>)",
                                              R"(<div><li hidden>Paper</li></div>)"};

constexpr std::string_view kTargetTags[] = {"li"};

}  // namespace

extern const engine::Rule kHtmlListItemParent{
    .id = "html.list-item-parent",
    .summary = "List items (li) are inside a list (ul, ol or menu)",
    .why =
        "Screen readers announce a list and how many items it has, which tells people how "
        "much is coming and lets them skip it. Items outside a list get none of that, and "
        "browsers may show them differently.",
    .help = "Put the li elements inside a <ul> (or <ol> when the order matters).",
    .limits = "Lists built by scripts are not seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = kTargetTags};

}  // namespace plainsight::rules
