// html.aria-attr-defined: aria-* attributes exist in WAI-ARIA. WCAG 1.3.1, 4.1.2 (secondary);
// EN 301 549 9.4.1.2; ACT 5f99a7 (ARIA attribute is defined in WAI-ARIA).
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* e : HtmlOrSvgElements(page)) {
    for (const engine::Attribute& a : e->attributes()) {
      if (a.name.size() <= 5 || engine::AsciiLower(a.name).rfind("aria-", 0) != 0) {
        continue;
      }
      if (engine::FindAriaAttribute(engine::AsciiLower(a.name))) {
        out.Pass(e, a.name);
      } else {
        out.Fail(e, a.name + " is not a WAI-ARIA attribute; assistive technology ignores it.");
      }
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"5f99a7"};
constexpr std::string_view kPasses[] = {R"(<div role="dialog" aria-modal="true">Form</div>)"};
constexpr std::string_view kFails[] = {
    R"(<div role="checkbox" aria-not-checked="true">Agree</div>)"};
constexpr std::string_view kInapplicable[] = {R"(<canvas></canvas>)"};

}  // namespace

extern const engine::Rule kHtmlAriaAttrDefined{
    .id = "html.aria-attr-defined",
    .summary = "aria-* attributes are defined in WAI-ARIA",
    .why =
        "A misspelt ARIA attribute (aria-labeledby, aria-role) does nothing, so the label or "
        "state it was meant to give never reaches assistive technology.",
    .help = "Correct the spelling (aria-labelledby, aria-describedby) or remove the attribute.",
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
