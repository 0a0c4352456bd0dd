// html.form-field-name: form fields have an accessible name. WCAG 2.2 SC 4.1.2 Name, Role, Value;
// EN 301 549 9.4.1.2; ACT e086e5 (Form field has non-empty accessible name).
// Interpretation (as ACT): every element included in the accessibility tree whose semantic role
// is checkbox, combobox, listbox, menuitemcheckbox, menuitemradio, radio, searchbox, slider,
// spinbutton, switch or textbox, disabled or not. A placeholder counts as a name (HTML-AAM), as
// it does for ACT; whether it is a good label is for html.form-field-label-descriptive.
#include <array>

#include "rules/catalog.h"
#include "rules/html/support/names.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"e086e5"};
constexpr std::string_view kPasses[] = {
    R"(<label>Postcode <input name="postcode"></label>)",
    R"(<label for="ward">Ward</label><select id="ward"><option>North</option></select>)",
    R"(<div role="checkbox" aria-checked="false" tabindex="0">Email me updates</div>)",
};
constexpr std::string_view kFails[] = {
    R"(<p>Postcode</p><input name="postcode">)",
    R"(<input aria-label=" ">)",
    R"(<label for="n">Name</label><div role="textbox" id="n" contenteditable></div>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<input style="display: none">)",
    R"(<input type="hidden" name="token" value="x">)",
    R"(<select role="none" disabled><option>A</option></select>)",
};

constexpr std::array<std::string_view, 11> kFieldRoles = {
    "checkbox",  "combobox", "listbox",    "menuitemcheckbox", "menuitemradio", "radio",
    "searchbox", "slider",   "spinbutton", "switch",           "textbox"};

bool Applies(const engine::Page& p, const engine::Node& e) {
  std::string_view role = p.a11y().Role(e);
  if (role.empty()) {
    return false;
  }
  bool field = false;
  for (std::string_view r : kFieldRoles) {
    field = field || r == role;
  }
  return field && !p.a11y().IsHidden(e);
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This form field has no accessible name: screen readers cannot say what to "
                    "enter. A nearby text that is not a <label> does not count.");
}

}  // namespace

extern const engine::Rule kHtmlFormFieldName{
    .id = "html.form-field-name",
    .summary = "Form fields have an accessible name",
    .why =
        "People using screen readers or voice control need each field's name to know what to "
        "enter and to move to it. Text that only looks like a label is not connected to the "
        "field.",
    .help =
        "Connect a visible label to every field: <label for=\"postcode\">Postcode</label> "
        "<input id=\"postcode\">, or wrap the field in the <label>. For custom widgets use "
        "aria-labelledby pointing at the visible label.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
