// html.label-descriptive: form field labels describe the field's purpose. WCAG 2.2 SC 2.4.6
// Headings and Labels (AA); EN 301 549 9.2.4.6; ACT cc0f0a (Form field label is descriptive).
// Interpretation (as ACT): targets are the visible programmatic labels (<label> elements and
// aria-labelledby targets) of visible form fields (roles checkbox, combobox, listbox, radio,
// searchbox, slider, spinbutton, switch, textbox). Whether a label describes its field is a
// judgement (cantTell); labels no field can be described by fail: template placeholders
// ("Label", "Field", "Input", "Text field") and "lorem ipsum". English placeholders only.
#include <vector>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.6"};
constexpr std::string_view kEn[] = {"9.2.4.6"};
constexpr std::string_view kAct[] = {"cc0f0a"};
constexpr std::string_view kFails[] = {
    R"(<label>Label <input type="text" name="eircode"></label>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<label>Eircode <input type="text" name="eircode"></label>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<label for="x">Eircode</label><p id="x"></p>)",
    R"(<label for="e" style="display: none">Eircode</label><input type="text" id="e">)",
};

constexpr std::string_view kFieldRoles[] = {"checkbox",   "combobox",  "listbox",
                                            "radio",      "searchbox", "slider",
                                            "spinbutton", "switch",    "textbox"};
constexpr std::string_view kPlaceholders[] = {
    "label", "field",      "input",       "text field",      "input field", "form field",
    "text",  "label text", "field label", "your label here", "placeholder", "untitled"};

// The field's programmatic labels: its <label> elements and the elements its aria-labelledby
// names.
std::vector<const engine::Node*> ProgrammaticLabels(const engine::Page& p,
                                                    const engine::Node& field) {
  std::vector<const engine::Node*> labels = p.a11y().Labels(field);
  for (std::string_view id : engine::SplitWhitespace(field.AttrOr("aria-labelledby"))) {
    if (const engine::Node* l = p.document().GetElementById(id)) {
      labels.push_back(l);
    }
  }
  return labels;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    static const engine::RoleSet kFields{std::span<const std::string_view>(kFieldRoles)};
    if (!HasRoleOrSubclass(p, e, kFields) || !IsVisible(p, e)) {
      return;
    }
    for (const engine::Node* label : ProgrammaticLabels(p, e)) {
      std::string text = engine::CollapseWhitespace(label->TextContent());
      if (!IsVisible(p, *label) || text.empty()) {
        continue;
      }
      JudgeDescriptive(out, label, IsTemplateText(text, kPlaceholders),
                       "The label \"" + text +
                           "\" is placeholder text: say what to enter (\"Eircode\", \"Date of "
                           "birth\").",
                       "Check that the label \"" + text + "\" says what to enter in its field.");
    }
  });
}

}  // namespace

extern const engine::Rule kHtmlLabelDescriptive{
    .id = "html.label-descriptive",
    .summary = "Form field labels say what to enter",
    .why =
        "A label is how people know what a field wants. A vague label leads to wrong "
        "answers and failed forms, above all for people using screen readers.",
    .help =
        "Label each field with what it asks for (\"Eircode\", \"Date of birth\"), and say "
        "which group it belongs to when the form repeats fields (\"Billing address\").",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &Check,
    .passes = {},
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AA"};

}  // namespace plainsight::rules
