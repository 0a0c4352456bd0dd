// html.placeholder-label: a field's placeholder is not its only label. WCAG 2.2 SC 3.3.2 Labels
// or Instructions (A); EN 301 549 9.3.3.2; HTML 4.10.5.3.13 ("the placeholder attribute should
// not be used as an alternative to a label").
// Interpretation: targets are rendered text fields (input types that take text, and textarea)
// of the page and its frames, included in the accessibility tree, with a non-empty placeholder.
// A field that also has a label element, aria-label, aria-labelledby or title passes. One whose
// only label is the placeholder fails as a warning: the hint disappears as soon as people type,
// is often too faint to read, and some screen readers do not announce it; a label shown some
// other way (text beside the field that is not associated with it) is for a person to see.
#include <string>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool TakesText(const engine::Node& e) {
  if (e.IsHtml("textarea")) {
    return true;
  }
  if (!e.IsHtml("input")) {
    return false;
  }
  static constexpr std::string_view kText[] = {"text",  "search",   "tel",   "url",
                                               "email", "password", "number"};
  const std::string type = forms::InputType(e);
  for (std::string_view t : kText) {
    if (type == t) {
      return true;
    }
  }
  return false;
}

bool HasNonEmpty(const engine::Node& e, std::string_view attr) {
  const std::string* v = e.Attr(attr);
  return v != nullptr && !engine::TrimWhitespace(*v).empty();
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!TakesText(e) || !HasNonEmpty(e, "placeholder") || p.styles().IsDisplayNone(e) ||
        !IsExposed(p, e)) {
      return;
    }
    if (!p.a11y().Labels(e).empty() || HasNonEmpty(e, "aria-label") ||
        HasNonEmpty(e, "aria-labelledby") || HasNonEmpty(e, "title")) {
      out.Pass(&e);
      return;
    }
    out.Warn(&e, "This field's only label is its placeholder (\"" +
                     engine::CollapseWhitespace(e.AttrOr("placeholder")) +
                     "\"), which disappears as soon as people type.");
  });
}

constexpr std::string_view kWcag[] = {"3.3.2"};
constexpr std::string_view kEn[] = {"9.3.3.2"};
constexpr std::string_view kPasses[] = {
    R"(<label for="e">Email</label><input id="e" type="email" placeholder="name@example.ie">)",
    R"(<input type="search" aria-label="Search the site" placeholder="Search">)",
};
constexpr std::string_view kFails[] = {
    R"(<input type="email" placeholder="Email address">)",
    R"(<textarea placeholder="Your comments"></textarea>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<label>Email <input type="email"></label>)",
    R"(<input type="checkbox" placeholder="x" aria-label="Agree">)",
};

constexpr std::string_view kTargetAttributes[] = {"placeholder"};

}  // namespace

extern const engine::Rule kHtmlPlaceholderLabel{
    .id = "html.placeholder-label",
    .summary = "Fields have a label, not just placeholder text",
    .why =
        "Placeholder text disappears when people start typing, so they must remember what the "
        "field was for, and it is usually too pale to read. Some screen readers do not "
        "announce it at all.",
    .help =
        "Give the field a visible <label> (or aria-labelledby pointing at visible text), and "
        "keep the placeholder, if at all, for an example of the format.",
    .limits =
        "Text shown beside the field that is not associated with it is not seen as a label; a "
        "person can tell whether people see one. This is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = kTargetAttributes};

}  // namespace plainsight::rules
