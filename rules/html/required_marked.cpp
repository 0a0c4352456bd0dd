// html.required-marked: fields shown as required with an asterisk are marked required in the
// code too. WCAG 2.2 SC 1.3.1 Info and Relationships (A) and SC 3.3.2 Labels or Instructions
// (A); EN 301 549 9.1.3.1, 9.3.3.2; technique ARIA2 (identifying a required field with
// aria-required) and H90.
// Interpretation: targets are rendered fields that take data (input other than hidden and the
// button types, select, textarea) of the page and its frames, included in the accessibility
// tree, whose label shows an asterisk: the text of their label elements (with the CSS ::before
// and ::after content of the label and its descendants), of the elements their aria-labelledby
// names, or, for radio buttons and checkboxes, of their fieldset's legend. A target with the
// required attribute or aria-required="true" (for a radio button or checkbox: on any control of
// its group, or on its group element) passes. Otherwise it fails as a warning: the asterisk is
// a visual convention, read out as "star" if at all, and the field is not announced as
// required; the page may explain the asterisk some other way, which a person can check.
#include <string>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// The element's text with its (and its descendants') ::before and ::after content.
std::string ShownText(const engine::Page& page, const engine::Node& element) {
  std::string out;
  auto walk = [&](auto&& self, const engine::Node& n) -> void {
    if (n.IsText()) {
      out += n.text();
      return;
    }
    if (!n.IsElement() || page.styles().IsDisplayNone(n)) {
      return;
    }
    if (auto before = page.styles().BeforeText(n)) {
      out += *before;
    }
    for (const engine::Node* c : n.children()) {
      self(self, *c);
    }
    if (auto after = page.styles().AfterText(n)) {
      out += *after;
    }
  };
  walk(walk, element);
  return out;
}

bool HasAsterisk(std::string_view text) {
  return text.find('*') != std::string_view::npos ||
         text.find("\xEF\xBC\x8A") != std::string_view::npos;  // U+FF0A FULLWIDTH ASTERISK
}

bool LabelShowsAsterisk(const engine::Page& page, const engine::Node& field) {
  for (const engine::Node* label : page.a11y().Labels(field)) {
    if (HasAsterisk(ShownText(page, *label))) {
      return true;
    }
  }
  if (const std::string* ids = field.Attr("aria-labelledby")) {
    for (std::string_view id : engine::SplitWhitespace(*ids)) {
      if (const engine::Node* n = page.document().GetElementById(id);
          n != nullptr && HasAsterisk(ShownText(page, *n))) {
        return true;
      }
    }
  }
  return false;
}

bool IsChoice(const engine::Node& field) {
  if (!field.IsHtml("input")) {
    return false;
  }
  const std::string type = forms::InputType(field);
  return type == "radio" || type == "checkbox";
}

// For a radio button or checkbox: is its group shown as required (an asterisk in the legend
// or group label), and marked so (required on a member, aria-required on the group)?
struct GroupMarks {
  bool shown = false;
  bool marked = false;
};

GroupMarks GroupMarksOf(const engine::Page& page, const engine::Node& field) {
  GroupMarks marks;
  const engine::Node* group = forms::GroupOf(page, field);
  if (group == nullptr) {
    return marks;
  }
  for (const engine::Node* c : group->children()) {
    if (c->IsHtml("legend")) {
      marks.shown = HasAsterisk(ShownText(page, *c));
      break;
    }
  }
  if (const std::string* ids = group->Attr("aria-labelledby")) {
    for (std::string_view id : engine::SplitWhitespace(*ids)) {
      if (const engine::Node* n = page.document().GetElementById(id);
          n != nullptr && HasAsterisk(ShownText(page, *n))) {
        marks.shown = true;
      }
    }
  }
  if (!marks.shown) {
    return marks;  // nothing to check: the members' own labels decide
  }
  marks.marked = forms::IsMarkedRequired(*group);
  const std::string_view name = field.AttrOr("name");
  if (!name.empty()) {
    for (const engine::Node* e : page.document().elements()) {
      if (e->IsHtml("input") && e->AttrOr("name") == name && forms::IsMarkedRequired(*e)) {
        marks.marked = true;
        break;
      }
    }
  }
  return marks;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!forms::IsDataField(e) || p.styles().IsDisplayNone(e) || !IsExposed(p, e)) {
      return;
    }
    bool shown = LabelShowsAsterisk(p, e);
    bool marked = forms::IsMarkedRequired(e);
    if (IsChoice(e)) {
      const GroupMarks group = GroupMarksOf(p, e);
      shown = shown || group.shown;
      marked = marked || group.marked;
    }
    if (!shown) {
      return;
    }
    if (marked) {
      out.Pass(&e);
    } else {
      out.Warn(&e,
               "The label shows an asterisk (*) for a required field, but the field is not "
               "marked required in the code (required or aria-required=\"true\"), so screen "
               "readers do not say it is required.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.3.1", "3.3.2"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.3.3.2"};
constexpr std::string_view kPasses[] = {
    R"(<label for="n">Name *</label><input id="n" required>)",
    R"(<label for="n">Name <span aria-hidden="true">*</span></label><input id="n" aria-required="true">)",
    R"(<fieldset><legend>Bin size *</legend><label><input type="radio" name="s" required> Small</label>
       <label><input type="radio" name="s"> Large</label></fieldset>)",
};
constexpr std::string_view kFails[] = {
    R"(<label for="n">Name *</label><input id="n">)",
    R"(<style>.req::after { content: " *" }</style><label for="e" class="req">Email</label><input id="e">)",
    R"(<fieldset><legend>Bin size *</legend><label><input type="radio" name="s"> Small</label>
       <label><input type="radio" name="s"> Large</label></fieldset>)",
};
constexpr std::string_view kInapplicable[] = {R"(<label for="n">Name</label><input id="n">)",
                                              R"(<label>Name * <input type="hidden"></label>)"};

}  // namespace

extern const engine::Rule kHtmlRequiredMarked{
    .id = "html.required-marked",
    .summary = "Fields shown as required with an asterisk are marked required in the code",
    .why =
        "An asterisk tells sighted people a field is required. Screen readers read it as "
        "\"star\", or skip it, and unless the field itself is marked required they never say "
        "so: people find out only when the form comes back with an error.",
    .help =
        "Add the required attribute (or aria-required=\"true\") to every field whose label "
        "has an asterisk, and explain the asterisk at the top of the form.",
    .limits =
        "The page may explain the asterisk in a way that is not tied to the field, and an "
        "asterisk may mean something else (a footnote), so this is a warning. Required "
        "fields shown another way (colour, the word \"required\") are not checked.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
