// html.control-group: radio buttons, and checkboxes sharing a name, sit in a named group.
// WCAG 2.2 SC 1.3.1 Info and Relationships (A) and SC 3.3.2 Labels or Instructions (A); EN 301
// 549 9.1.3.1, 9.3.3.2; techniques H71 (fieldset and legend) and ARIA17 (grouping roles).
// Interpretation: targets are rendered radio buttons and checkboxes of the page and its frames,
// included in the accessibility tree, that share their name attribute with another of the same
// type in the same form (or outside any form): a group whose question ("Do you have a medical
// card?") each option's label ("Yes", "No") does not repeat. A control inside a fieldset or an
// element with role group or radiogroup that has an accessible name passes. One in no such
// group, or in a group without a name, fails as a warning: its label alone may not say what it
// answers, which a person can check.
#include <map>
#include <string>
#include <tuple>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void CheckDocument(const engine::Page& page, engine::Findings& out) {
  // (form owner, type, name) -> controls, in tree order.
  std::map<std::tuple<const engine::Node*, std::string, std::string>,
           std::vector<const engine::Node*>>
      groups;
  std::vector<const engine::Node*> order;
  for (const engine::Node* e : page.document().elements()) {
    if (!e->IsHtml("input")) {
      continue;
    }
    const std::string type = forms::InputType(*e);
    const std::string* name = e->Attr("name");
    if ((type != "radio" && type != "checkbox") || name == nullptr || name->empty() ||
        page.styles().IsDisplayNone(*e) || !IsExposed(page, *e)) {
      continue;
    }
    groups[{forms::FormOwner(*e), type, *name}].push_back(e);
    order.push_back(e);
  }
  for (const engine::Node* e : order) {
    const auto& members = groups[{forms::FormOwner(*e), forms::InputType(*e), *e->Attr("name")}];
    if (members.size() < 2) {
      continue;
    }
    const engine::Node* group = forms::GroupOf(page, *e);
    if (group != nullptr && !NameOf(page, *group).empty()) {
      out.Pass(e);
    } else if (group != nullptr) {
      out.Warn(e, "This " + forms::InputType(*e) +
                      " is one of a group that shares its name, inside a group with no name: "
                      "give the fieldset a legend (or the group a label) with the question.");
    } else {
      out.Warn(e, "This " + forms::InputType(*e) + " is one of " + std::to_string(members.size()) +
                      " named \"" + *e->Attr("name") +
                      "\" that are not grouped: put them in a fieldset whose legend asks the "
                      "question they answer.");
    }
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachDocument(page, [&](const engine::Page& document) { CheckDocument(document, out); });
}

constexpr std::string_view kWcag[] = {"1.3.1", "3.3.2"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.3.3.2"};
constexpr std::string_view kPasses[] = {
    R"(<fieldset><legend>Do you have a medical card?</legend>
       <label><input type="radio" name="card" value="y"> Yes</label>
       <label><input type="radio" name="card" value="n"> No</label></fieldset>)",
    R"(<div role="radiogroup" aria-label="Bin size">
       <label><input type="radio" name="size"> Small</label>
       <label><input type="radio" name="size"> Large</label></div>)",
};
constexpr std::string_view kFails[] = {
    R"(<p>Do you have a medical card?</p>
       <label><input type="radio" name="card" value="y"> Yes</label>
       <label><input type="radio" name="card" value="n"> No</label>)",
    R"(<fieldset><label><input type="checkbox" name="topics" value="roads"> Roads</label>
       <label><input type="checkbox" name="topics" value="bins"> Bins</label></fieldset>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<label><input type="checkbox" name="agree"> I agree to the terms</label>)",
    R"(<label><input type="radio" name="a"> A</label><label><input type="radio" name="b"> B</label>)",
};

}  // namespace

extern const engine::Rule kHtmlControlGroup{
    .id = "html.control-group",
    .summary = "Groups of radio buttons and checkboxes are in a named group",
    .why =
        "Options such as \"Yes\" and \"No\" only make sense with their question. Sighted people "
        "see the question above them; screen reader users moving from field to field hear just "
        "\"Yes, radio button\" unless the options are grouped and the group is named.",
    .help =
        "Put the options in a <fieldset> whose first child is a <legend> with the question, or "
        "in an element with role=\"radiogroup\" (or \"group\") and aria-labelledby pointing at "
        "the question.",
    .limits =
        "When each option's own label repeats the question, no group is needed; only a person "
        "can tell, so this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kInputs};

}  // namespace plainsight::rules
