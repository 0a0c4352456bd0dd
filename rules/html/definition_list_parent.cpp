// html.definition-list-parent: dt and dd elements are in a description list. WCAG 2.2 SC 1.3.1
// Info and Relationships (A); EN 301 549 9.1.3.1; HTML 4.4.10-4.4.12 (dt and dd are children of
// a dl, or of a div that is a child of a dl).
// Interpretation: targets are rendered dt and dd elements of the page and its frames. One whose
// parent is a dl, or a div whose parent is a dl, passes; any other parent fails (an error): the
// term and its description are not tied together for assistive technology.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!(e.IsHtml("dt") || e.IsHtml("dd")) || p.styles().IsDisplayNone(e)) {
      return;
    }
    const engine::Node* parent = e.ParentElement();
    const engine::Node* grandparent = parent != nullptr ? parent->ParentElement() : nullptr;
    if (parent != nullptr &&
        (parent->IsHtml("dl") ||
         (parent->IsHtml("div") && grandparent != nullptr && grandparent->IsHtml("dl")))) {
      out.Pass(&e);
      return;
    }
    out.Fail(&e, "This <" + e.tag() +
                     "> is not inside a <dl>, so the term and its description are not tied "
                     "together for screen readers.");
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<dl><dt>Phone</dt><dd>021 123 4567</dd></dl>)",
    R"(<dl><div><dt>Email</dt><dd>info@example.ie</dd></div></dl>)",
};
constexpr std::string_view kFails[] = {R"(<div><dt>Phone</dt><dd>021 123 4567</dd></div>)"};
constexpr std::string_view kInapplicable[] = {R"(<p>Phone: 021 123 4567</p>)"};

constexpr std::string_view kTargetTags[] = {"dt", "dd"};

}  // namespace

extern const engine::Rule kHtmlDefinitionListParent{
    .id = "html.definition-list-parent",
    .summary = "Terms and descriptions (dt, dd) are inside a description list (dl)",
    .why =
        "A description list ties each term to its description, and screen readers announce "
        "the list and its items. dt and dd outside a dl lose that, and HTML does not allow it.",
    .help = "Wrap the dt and dd elements in a <dl> (a div around each dt-dd group is allowed).",
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
