// html.iframe-name: inline frames have an accessible name. WCAG 2.2 SC 4.1.2 Name, Role, Value;
// EN 301 549 9.4.1.2; ACT cae760 (Iframe element has non-empty accessible name).
// Interpretation (as ACT): every <iframe> included in the accessibility tree that keyboard users
// can tab to (no negative tabindex). An iframe with role="none"/"presentation" is treated as
// removed from the tree, as ACT does, although it stays focusable. The name attribute is not a
// name.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"cae760"};
constexpr std::string_view kPasses[] = {
    R"(<iframe title="Map of the library" srcdoc="<p>map</p>"></iframe>)",
    R"(<iframe aria-label="Booking form" srcdoc="<p>form</p>"></iframe>)",
};
constexpr std::string_view kFails[] = {
    R"(<iframe srcdoc="<p>map</p>"></iframe>)",
    R"(<iframe name="map" title=" " srcdoc="<p>map</p>"></iframe>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<iframe style="display: none" srcdoc="<p>map</p>"></iframe>)",
    R"(<iframe tabindex="-1" srcdoc="<p>map</p>"></iframe>)",
    R"(<iframe role="presentation" srcdoc="<p>map</p>"></iframe>)",
};

bool Applies(const engine::Page& p, const engine::Node& e) {
  if (!e.IsHtml("iframe") || p.a11y().IsHidden(e) || HasExplicitPresentationalRole(p, e)) {
    return false;
  }
  std::optional<long> tabindex = p.a11y().TabIndex(e);
  return !(tabindex && *tabindex < 0);
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This iframe has no accessible name: add a title that says what the frame "
                    "contains.");
}

}  // namespace

extern const engine::Rule kHtmlIframeName{
    .id = "html.iframe-name",
    .summary = "Inline frames have a title",
    .why =
        "Screen readers announce a frame by its name before its content. Without one, people "
        "hear only \"frame\" and must explore it to learn whether it matters.",
    .help =
        "Add a title attribute that says what the frame holds, such as "
        "<iframe title=\"Map of the recycling centre\" src=\"...\">.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kIframes};

}  // namespace plainsight::rules
