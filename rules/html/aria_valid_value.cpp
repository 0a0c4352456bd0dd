// html.aria-valid-value: ARIA states and properties have values of their type. WCAG 2.2 SC 4.1.2
// (and 1.3.1); EN 301 549 9.4.1.2; ACT 6a7281 (ARIA state or property has valid value).
// Interpretation: the value types are WAI-ARIA 1.2 6.7's (true/false, tristate, integer,
// number, token, token list, ID reference); tokens compare ASCII case-insensitively, as browsers
// do. ID references are checked for syntax only: whether the ids exist is another rule's concern
// (ACT 6a7281 says so). Empty values are inapplicable (they mean "not set").
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/aria_attributes.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* e : HtmlOrSvgElements(page)) {
    for (const AriaAttributeUse& use : AriaAttributesOf(*e)) {
      if (use.info == nullptr || engine::TrimWhitespace(use.value).empty()) {
        continue;
      }
      if (engine::IsValidAriaValue(*use.info, use.value)) {
        out.Pass(e, use.name);
      } else {
        out.Fail(e, use.name + "=\"" + std::string(use.value) +
                        "\" is not a valid value; it takes " + DescribeAriaValues(*use.info) +
                        ". Browsers ignore or misread it.");
      }
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"6a7281"};
constexpr std::string_view kPasses[] = {
    R"(<div role="button" aria-pressed="mixed">Bold</div>)",
    R"(<div role="alert" aria-relevant="text removals">Saved</div>)",
    R"(<div role="textbox" aria-errormessage="err" aria-label="Name"></div>)"};
constexpr std::string_view kFails[] = {R"(<div role="button" aria-expanded="collapsed">Menu</div>)",
                                       R"(<div role="gridcell" aria-rowindex="2.5">Fred</div>)"};
constexpr std::string_view kInapplicable[] = {R"(<div role="alert" aria-live>Hi</div>)",
                                              R"(<div role="button">Go</div>)"};

}  // namespace

extern const engine::Rule kHtmlAriaValidValue{
    .id = "html.aria-valid-value",
    .summary = "ARIA states and properties have valid values",
    .why =
        "A state such as aria-expanded=\"collapsed\" is not one browsers understand, so screen "
        "reader users are told nothing, or the wrong thing, about the control.",
    .help =
        "Use a value the attribute allows: true/false for states like aria-expanded, a whole "
        "number for aria-level or aria-rowindex, one of the listed words for tokens.",
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
