// html.label-for-target: a label's for attribute names a form field of the page. WCAG 2.2 SC
// 1.3.1 Info and Relationships (A) and SC 4.1.2 Name, Role, Value (A); EN 301 549 9.1.3.1,
// 9.4.1.2; HTML 4.10.4 (the label element: "If the attribute is specified and there is an
// element in the tree whose ID is equal to the value of the for attribute, and the first such
// element in tree order is a labelable element, then that element is the label element's
// labeled control").
// Interpretation: targets are rendered label elements of the page and its frames with a for
// attribute. The label passes when the first element with that id is labelable (button, input
// other than hidden, meter, output, progress, select, textarea). It fails (an error) when no
// element has that id, or when that element is not labelable: the label then labels nothing
// (a for attribute also turns off the label's link to a field it wraps). A custom element
// (a name with a hyphen) may be a form-associated custom element, which is labelable: cantTell.
#include <string>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    const std::string* f = e.Attr("for");
    if (!e.IsHtml("label") || f == nullptr || p.styles().IsDisplayNone(e)) {
      return;
    }
    const engine::Node* target = p.document().GetElementById(*f);
    if (target == nullptr) {
      out.Fail(&e, "for=\"" + *f +
                       "\" names no element of the page, so this label is not tied to any "
                       "field and its text is not announced with one.");
    } else if (forms::IsLabelable(*target)) {
      out.Pass(&e);
    } else if (target->tag().find('-') != std::string::npos) {
      out.CantTell(&e, "for=\"" + *f + "\" names the custom element <" + target->tag() +
                           ">: check that it is a form field that can be labelled.");
    } else {
      out.Fail(&e, "for=\"" + *f + "\" names a <" + target->tag() +
                       ">, which is not a form field, so this label labels nothing.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.3.1", "4.1.2"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.4.1.2"};
constexpr std::string_view kPasses[] = {R"(<label for="town">Town</label><input id="town">)"};
constexpr std::string_view kFails[] = {
    R"(<label for="twon">Town</label><input id="town">)",
    R"(<label for="box">Town</label><div id="box"><input></div>)",
};
constexpr std::string_view kInapplicable[] = {R"(<label>Town <input></label>)",
                                              R"(<label for="x" hidden>Town</label>)"};

constexpr std::string_view kTargetAttributes[] = {"for"};

}  // namespace

extern const engine::Rule kHtmlLabelForTarget{
    .id = "html.label-for-target",
    .summary = "Labels' for attributes point to a form field",
    .why =
        "A label is tied to its field by the field's id. When for names an id that does not "
        "exist (often a typo or a copied form) or an element that is not a field, screen "
        "readers announce the field without its label, and clicking the label does nothing.",
    .help =
        "Set the label's for to the id of its field (<label for=\"town\">Town</label> <input "
        "id=\"town\">), or wrap the field in the label and remove for.",
    .limits =
        "Fields and ids created by scripts are not seen: a label whose field is added later "
        "looks broken here.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = kTargetAttributes};

}  // namespace plainsight::rules
