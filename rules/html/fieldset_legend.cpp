// html.fieldset-legend: every fieldset has a legend with text (or another accessible name).
// WCAG 2.2 SC 1.3.1 Info and Relationships (A) and SC 3.3.2 Labels or Instructions (A); EN 301
// 549 9.1.3.1, 9.3.3.2; technique H71 (providing a description for groups of form controls
// using fieldset and legend).
// Interpretation: targets are rendered fieldsets of the page and its frames that are included
// in the accessibility tree. A fieldset whose accessible name is not empty (from its legend,
// aria-label or aria-labelledby) passes. One without a legend element, or whose legend is empty,
// fails as a warning: the group has no name, so the question it asks is not announced; a
// fieldset drawn only as a box around unrelated fields would not need one, which a person can
// tell.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("fieldset") || p.styles().IsDisplayNone(e) || !IsExposed(p, e)) {
      return;
    }
    if (!NameOf(p, e).empty()) {
      out.Pass(&e);
      return;
    }
    const engine::Node* legend = nullptr;
    for (const engine::Node* c : e.children()) {
      if (c->IsHtml("legend")) {
        legend = c;
        break;
      }
    }
    if (legend != nullptr) {
      out.Warn(legend,
               "This legend is empty, so the group of fields it should name has no name for "
               "screen reader users.");
    } else {
      out.Warn(&e,
               "This fieldset has no legend, so screen reader users do not hear what its "
               "fields are about.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.3.1", "3.3.2"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.3.3.2"};
constexpr std::string_view kPasses[] = {
    R"(<fieldset><legend>Delivery address</legend><label>Street <input></label></fieldset>)",
    R"(<fieldset aria-label="Payment"><label>Card <input></label></fieldset>)",
};
constexpr std::string_view kFails[] = {
    R"(<fieldset><label>Street <input></label></fieldset>)",
    R"(<fieldset><legend> </legend><label>Street <input></label></fieldset>)",
};
constexpr std::string_view kInapplicable[] = {R"(<form><label>Street <input></label></form>)",
                                              R"(<fieldset hidden><input></fieldset>)"};

constexpr std::string_view kTargetTags[] = {"fieldset"};

}  // namespace

extern const engine::Rule kHtmlFieldsetLegend{
    .id = "html.fieldset-legend",
    .summary = "Fieldsets have a legend that says what the group is about",
    .why =
        "Screen readers announce a fieldset's legend when people enter the group (\"Delivery "
        "address, group\"), which tells them what the fields that follow are for. Without a "
        "legend, or with an empty one, that context is lost.",
    .help =
        "Make the first child of the fieldset a <legend> with a short description of the "
        "group (\"Delivery address\", \"Do you have a medical card?\").",
    .limits =
        "Whether the fields in the box really form a group that needs a name is for a person "
        "to judge, so this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = kTargetTags};

}  // namespace plainsight::rules
