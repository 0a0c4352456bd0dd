// html.aria-allowed-attr: ARIA states and properties are ones the element's role supports.
// WAI-ARIA 1.2 8.6; WCAG 2.2 SC 4.1.2 (and 1.3.1); EN 301 549 9.4.1.2; ACT 5c01ea (ARIA state or
// property is permitted).
// Interpretation: an attribute is permitted when it is global, or supported, inherited or
// required by the element's semantic role (after the presentational-role conflict resolution),
// or when ARIA in HTML allows it on an element that has no role of its own (audio and video
// take the application role's attributes; input type=file and color, summary, take the few it
// lists). Global attributes the role prohibits (aria-label on generic) are
// html.aria-prohibited-attr's concern. Elements whose role is none/presentation are not in the
// accessibility tree and so are not checked.
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/aria_attributes.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

// ARIA in HTML 1.0 section 4 ("Document conformance requirements") for elements without a
// corresponding role: which non-global attributes each may carry.
bool LanguageFeatureAllows(const engine::Node& e, std::string_view attribute) {
  if (e.ns() != engine::Namespace::kHtml) {
    return false;
  }
  if (e.tag() == "audio" || e.tag() == "video") {
    return engine::IsAttributeAllowed("application", attribute);
  }
  if (e.tag() == "summary") {
    return attribute == "aria-disabled" || attribute == "aria-haspopup" ||
           attribute == "aria-expanded";
  }
  if (e.tag() == "input") {
    std::string type = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("type")));
    if (type == "file") {
      return attribute == "aria-disabled" || attribute == "aria-invalid" ||
             attribute == "aria-required";
    }
    if (type == "color") {
      return attribute == "aria-disabled";
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* e : ExposedHtmlOrSvgElements(page)) {
    std::vector<AriaAttributeUse> uses = AriaAttributesOf(*e);
    if (uses.empty()) {
      continue;
    }
    std::string_view role = a11y.Role(*e);
    if (role == "none") {
      continue;
    }
    for (const AriaAttributeUse& use : uses) {
      bool allowed = IsGlobalAriaAttribute(use) ||
                     (!role.empty() && engine::IsAttributeAllowed(role, use.name)) ||
                     (role.empty() && LanguageFeatureAllows(*e, use.name));
      if (allowed) {
        out.Pass(e, use.name);
      } else if (role.empty()) {
        out.Fail(e, use.name + " is not allowed on <" + e->tag() +
                        ">, which has no role that supports it; assistive technology ignores it.");
      } else {
        out.Fail(e, use.name + " is not supported by the " + std::string(role) +
                        " role, so assistive technology ignores it.");
      }
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"5c01ea"};
constexpr std::string_view kPasses[] = {
    R"(<button aria-pressed="false">Bold</button>)", R"(<div aria-busy="true">Loading</div>)",
    R"(<label>Password <input type="password" aria-required="true"></label>)"};
constexpr std::string_view kFails[] = {R"(<button aria-sort="ascending">Year</button>)",
                                       R"(<audio controls aria-orientation="horizontal"></audio>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<div role="region" aria-hidden="true" aria-sort="none">x</div>)",
    R"(<div role="button" aria-sort="" style="display:none"></div>)"};

}  // namespace

extern const engine::Rule kHtmlAriaAllowedAttr{
    .id = "html.aria-allowed-attr",
    .summary = "ARIA states and properties suit the element's role",
    .why =
        "An ARIA attribute the role does not support (aria-sort on a button, aria-checked on a "
        "link) is ignored, so the state it was meant to announce never reaches screen reader "
        "users.",
    .help =
        "Remove the attribute, or give the element the role that supports it (aria-pressed "
        "goes on a button, aria-checked on a checkbox, aria-sort on a column header).",
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
