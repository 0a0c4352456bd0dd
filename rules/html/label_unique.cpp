// html.label-unique: different fields of a form have different labels. WCAG 2.2 SC 2.4.6
// Headings and Labels (AA); EN 301 549 9.2.4.6.
// Interpretation: targets are rendered fields that take data (input other than hidden and the
// button types, select, textarea) of the page and its frames, included in the accessibility tree
// and with a non-empty accessible name. Fields of the same form (or outside any form) whose names
// are the same, ignoring case and spacing, and whose named groups (fieldset legend, group or
// radiogroup label) are the same too, fail as a warning: people hear two "Name" fields and
// cannot tell which is which (a person can tell when the layout makes it plain, as with a table
// of rows). Fields told apart by their group ("Applicant: Name", "Partner: Name") or by the
// heading of their section (the last h1-h6 or heading role before each, as in the ACT case
// cc0f0a: "Shipping", "Billing") pass, and so do fields whose names are unique.
#include <map>
#include <string>
#include <tuple>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void CheckDocument(const engine::Page& page, engine::Findings& out) {
  using Key = std::tuple<const engine::Node*, std::string, std::string, std::string>;
  std::vector<std::pair<const engine::Node*, Key>> fields;
  std::map<Key, std::vector<const engine::Node*>> by_key;
  std::string section;  // the text of the last heading before the field, in tree order
  for (const engine::Node* e : page.document().elements()) {
    if (e->IsHtml("h1") || e->IsHtml("h2") || e->IsHtml("h3") || e->IsHtml("h4") ||
        e->IsHtml("h5") || e->IsHtml("h6") || page.a11y().ExplicitRole(*e) == "heading") {
      section = engine::AsciiLower(engine::TrimWhitespace(e->TextContent()));
      continue;
    }
    if (!forms::IsDataField(*e) || page.styles().IsDisplayNone(*e) || !IsExposed(page, *e)) {
      continue;
    }
    const std::string name = engine::AsciiLower(NameOf(page, *e));
    if (name.empty()) {
      continue;
    }
    Key key{forms::FormOwner(*e), name, engine::AsciiLower(forms::GroupName(page, *e)), section};
    by_key[key].push_back(e);
    fields.emplace_back(e, std::move(key));
  }
  for (const auto& [e, key] : fields) {
    const auto& same = by_key[key];
    if (same.size() == 1) {
      out.Pass(e);
      continue;
    }
    out.Warn(e, std::to_string(same.size()) + " fields of this form are labelled \"" +
                    NameOf(page, *e) +
                    "\": people who hear the labels cannot tell which field is which.");
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachDocument(page, [&](const engine::Page& document) { CheckDocument(document, out); });
}

constexpr std::string_view kWcag[] = {"2.4.6"};
constexpr std::string_view kEn[] = {"9.2.4.6"};
constexpr std::string_view kPasses[] = {
    R"(<form><label>First name <input></label><label>Surname <input></label></form>)",
    R"(<form><fieldset><legend>Applicant</legend><label>Name <input></label></fieldset>
       <fieldset><legend>Partner</legend><label>Name <input></label></fieldset></form>)",
    R"(<form><h2>Shipping</h2><label>Name <input></label><h2>Billing</h2><label>Name <input></label></form>)",
};
constexpr std::string_view kFails[] = {
    R"(<form><label>Name <input name="first"></label><label>Name <input name="last"></label></form>)",
};
constexpr std::string_view kInapplicable[] = {R"(<form><input type="submit" value="Send"></form>)",
                                              R"(<p>No form</p>)"};

}  // namespace

extern const engine::Rule kHtmlLabelUnique{
    .id = "html.label-unique",
    .summary = "Different fields of a form have different labels",
    .why =
        "When two fields share a label (\"Name\", \"Name\"), people who hear the form, or move "
        "through it with the list of fields a screen reader gives, cannot tell which field is "
        "for what.",
    .help =
        "Make each label say what the field is for (\"First name\", \"Surname\"), or group "
        "repeated fields in fieldsets whose legends tell them apart (\"Applicant\", "
        "\"Partner\").",
    .limits =
        "A layout that makes the difference plain (a table with a row per person) is not "
        "understood here, so this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "AA"};

}  // namespace plainsight::rules
