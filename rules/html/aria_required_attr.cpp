// html.aria-required-attr: elements with an explicit role have the states and properties the
// role requires. WAI-ARIA 1.2 5.2.5 (Required States and Properties); WCAG 2.2 SC 4.1.2;
// EN 301 549 9.4.1.2; ACT 4e8ab6 (Element with role attribute has required states and
// properties).
// Interpretation: as ACT 4e8ab6 says, only explicit roles that differ from the element's implicit
// role are checked (an <input type=checkbox role=checkbox> has its state natively). An empty
// value counts as missing. Native HTML features that supply the state count as setting it: a
// checkbox or radio input's checkedness (aria-checked), a range or number input's value
// (aria-valuenow), an h1-h6's level (aria-level). A focusable separator requires aria-valuenow
// (WAI-ARIA 1.2 separator).
#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

bool NativelySupplied(const engine::Node& e, std::string_view attribute) {
  if (e.ns() != engine::Namespace::kHtml) {
    return false;
  }
  std::string type = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("type")));
  if (attribute == "aria-checked") {
    return e.tag() == "input" && (type == "checkbox" || type == "radio");
  }
  if (attribute == "aria-valuenow") {
    return e.tag() == "input" && (type == "range" || type == "number");
  }
  if (attribute == "aria-level") {
    const std::string& t = e.tag();
    return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* e : ExposedHtmlOrSvgElements(page)) {
    std::string_view explicit_role = ExplicitSemanticRole(page, *e);
    if (explicit_role.empty()) {
      continue;
    }
    std::vector<std::string_view> required =
        engine::RequiredAttributes(explicit_role, a11y.IsFocusable(*e));
    if (required.empty()) {
      continue;
    }
    std::string missing;
    for (std::string_view attribute : required) {
      const std::string* value = e->Attr(attribute);
      if ((value == nullptr || engine::TrimWhitespace(*value).empty()) &&
          !NativelySupplied(*e, attribute)) {
        missing += missing.empty() ? "" : ", ";
        missing += attribute;
      }
    }
    if (missing.empty()) {
      out.Pass(e);
    } else {
      out.Fail(e, "role=\"" + std::string(explicit_role) + "\" requires " + missing +
                      ", which is missing or empty, so its state is not announced.");
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"4e8ab6"};
constexpr std::string_view kPasses[] = {
    R"(<div role="heading" aria-level="2">Contact</div>)",
    R"(<span role="checkbox" aria-checked="false" tabindex="0">Subscribe</span>)",
    R"(<div role="slider" aria-valuenow="5" tabindex="0" aria-label="Volume"></div>)"};
constexpr std::string_view kFails[] = {R"(<div role="heading">Contact</div>)",
                                       R"(<div role="separator" tabindex="0"></div>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<input type="checkbox" role="checkbox" aria-label="Agree">)",
    R"(<div role="combobox" style="display:none"></div>)", R"(<div role="separator"></div>)"};

}  // namespace

extern const engine::Rule kHtmlAriaRequiredAttr{
    .id = "html.aria-required-attr",
    .summary = "Elements with a role have the states the role requires",
    .why =
        "A custom checkbox without aria-checked, or a heading without aria-level, leaves screen "
        "reader users unable to tell whether it is ticked, or where it sits in the outline.",
    .help =
        "Add the required attribute and keep it up to date (aria-checked on checkbox and "
        "switch, aria-level on heading, aria-expanded on combobox, aria-valuenow on slider), "
        "or use the native HTML element instead.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
