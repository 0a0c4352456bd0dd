// html.summary-name: the summary of a details element has an accessible name. WCAG 2.2 SC 4.1.2
// Name, Role, Value; EN 301 549 9.4.1.2; ACT 2t702h (Summary element has non-empty accessible
// name).
// Interpretation (as ACT): a <summary> that is the first <summary> child of its <details> (the
// one browsers render as the disclosure control), in the accessibility tree and without an
// explicit role that takes effect. role="none" on it is ignored because it is focusable
// (WAI-ARIA 1.2 9.3), so such a summary still needs a name.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"2t702h"};
constexpr std::string_view kPasses[] = {
    R"(<details><summary>Opening times</summary><p>9 to 5.</p></details>)",
    R"(<details><summary aria-label="Opening times"></summary><p>9 to 5.</p></details>)",
};
constexpr std::string_view kFails[] = {
    R"(<details><summary></summary><p>9 to 5.</p></details>)",
    R"(<details><summary role="none"></summary><p>9 to 5.</p></details>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<summary></summary>)",
    R"(<details><summary role="button">Opening times</summary><p>9 to 5.</p></details>)",
    R"(<details><div><summary></summary></div></details>)",
};

// Is this the summary for its parent details (HTML 4.11.1: its first summary child)?
bool IsSummaryForParentDetails(const engine::Node& e) {
  const engine::Node* parent = e.ParentElement();
  if (parent == nullptr || !parent->IsHtml("details")) {
    return false;
  }
  for (const engine::Node* c : parent->children()) {
    if (c->IsHtml("summary")) {
      return c == &e;
    }
  }
  return false;
}

bool Applies(const engine::Page& p, const engine::Node& e) {
  if (!e.IsHtml("summary") || !IsSummaryForParentDetails(e) || p.a11y().IsHidden(e)) {
    return false;
  }
  // An explicit role counts only when it takes effect (a role that is not overridden).
  std::string_view explicit_role = p.a11y().ExplicitRole(e);
  if (explicit_role.empty()) {
    return true;
  }
  return HasExplicitPresentationalRole(p, e) && p.a11y().Role(e) != "none";
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This <summary> has no accessible name: people cannot tell what the "
                    "expandable section is about.");
}

constexpr std::string_view kTargetTags[] = {"summary"};

}  // namespace

extern const engine::Rule kHtmlSummaryName{
    .id = "html.summary-name",
    .summary = "Expandable sections have a visible summary text",
    .why =
        "The <summary> of a <details> element is the button that opens the section. Without a "
        "name, screen readers announce an unnamed control and people cannot tell what it "
        "hides.",
    .help =
        "Write a short heading-like text inside the <summary>, such as "
        "<summary>Opening times</summary>.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = kTargetTags};

}  // namespace plainsight::rules
