// html.tabindex-positive: no tabindex greater than 0. WCAG 2.2 SC 2.4.3 Focus Order (A); EN 301
// 549 9.2.4.3; failure technique F44 (using tabindex to create a tab order that does not
// preserve meaning and operability).
// Interpretation: targets are rendered elements of the page and its frames with a tabindex
// attribute that parses as an integer (HTML's rules for parsing integers). A value above 0
// puts the element before everything else in the tab order, whatever its place on the page:
// failed as a warning (the order may still happen to make sense, which a person must judge).
// 0 and negative values pass.
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.HasAttribute("tabindex") || p.styles().IsDisplayNone(e)) {
      return;
    }
    const std::optional<long> tabindex = p.a11y().TabIndex(e);
    if (!tabindex) {
      return;
    }
    if (*tabindex > 0) {
      out.Warn(&e, "tabindex=\"" + std::to_string(*tabindex) +
                       "\" moves this element ahead of the rest of the page in the tab order, "
                       "so keyboard users jump to it out of reading order.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"2.4.3"};
constexpr std::string_view kEn[] = {"9.2.4.3"};
constexpr std::string_view kPasses[] = {
    R"(<div tabindex="0" role="button">Menu</div><main tabindex="-1">Content</main>)"};
constexpr std::string_view kFails[] = {
    R"(<input id="q" tabindex="1"><a href="/" tabindex="2">Home</a>)"};
constexpr std::string_view kInapplicable[] = {R"(<a href="/">Home</a>)",
                                              R"(<a href="/" tabindex="x">Home</a>)"};

constexpr std::string_view kTargetAttributes[] = {"tabindex"};

}  // namespace

extern const engine::Rule kHtmlTabindexPositive{
    .id = "html.tabindex-positive",
    .summary = "No tabindex greater than 0",
    .why =
        "A positive tabindex sends keyboard focus to that element first, before everything "
        "above it, and then jumps around the page. Keyboard and screen reader users lose track "
        "of where they are, and the order rarely stays right as the page changes.",
    .help =
        "Use tabindex=\"0\" (or no tabindex on links and controls) and put the elements in the "
        "source in the order people should reach them.",
    .limits =
        "Whether the order that results still makes sense is for a person to judge, so it is a "
        "warning. tabindex set by scripts is not seen.",
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
