// html.label-multiple: a form field has one label element, not several. WCAG 2.2 SC 3.3.2
// Labels or Instructions (A) and SC 1.3.1 Info and Relationships (A); EN 301 549 9.3.3.2,
// 9.1.3.1.
// Interpretation: targets are rendered labelable elements (HTML 4.10.2) of the page and its
// frames, included in the accessibility tree, with at least one associated label element
// (label for=id, or a label wrapping it). Two or more fail as a warning: browsers join the labels
// into one name, but some screen readers announce only the first, and the second is often a
// hint or an error message that belongs in aria-describedby.
#include <string>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!forms::IsLabelable(e) || p.styles().IsDisplayNone(e) || !IsExposed(p, e)) {
      return;
    }
    const std::vector<const engine::Node*> labels = p.a11y().Labels(e);
    if (labels.empty()) {
      return;
    }
    if (labels.size() == 1) {
      out.Pass(&e);
      return;
    }
    out.Warn(&e, "This field has " + std::to_string(labels.size()) +
                     " label elements; some screen readers read only the first.");
  });
}

constexpr std::string_view kWcag[] = {"1.3.1", "3.3.2"};
constexpr std::string_view kEn[] = {"9.1.3.1", "9.3.3.2"};
constexpr std::string_view kPasses[] = {
    R"(<label for="p">Phone</label><input id="p" type="tel" aria-describedby="h"><p id="h">With area code</p>)"};
constexpr std::string_view kFails[] = {
    R"(<label for="p">Phone</label><input id="p" type="tel"><label for="p">With area code</label>)",
    R"(<label for="q">Query</label><label>Search <input id="q"></label>)",
};
constexpr std::string_view kInapplicable[] = {R"(<input aria-label="Search">)",
                                              R"(<p>No fields</p>)"};

}  // namespace

extern const engine::Rule kHtmlLabelMultiple{
    .id = "html.label-multiple",
    .summary = "Each form field has one label element",
    .why =
        "When a field has two label elements, browsers join them, but some screen readers "
        "read only the first, so a hint or an error message given as a second label is never "
        "heard.",
    .help =
        "Keep one <label> with the field's name. Put hints and error messages in an element "
        "the field points to with aria-describedby.",
    .limits =
        "How each screen reader treats two labels varies; the page may work in the ones its "
        "users have, so this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kLabels};

}  // namespace plainsight::rules
