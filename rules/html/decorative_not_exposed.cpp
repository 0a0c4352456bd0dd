// html.decorative-not-exposed: elements marked as decorative are really hidden from assistive
// technology. ACT 46ca7f (Element marked as decorative is not exposed). ACT maps this rule to no
// success criterion; a decorative image that is exposed anyway fails WCAG 2.2 SC 1.1.1 Non-text
// Content (EN 301 549 9.1.1.1), which is the criterion listed here.
// Interpretation (as ACT): "marked as decorative" is role="none"/"presentation" (the first valid
// role token) or <img alt="">. Passed when the element is not in the accessibility tree or its
// role stays none; failed when the presentational role conflict resolution (WAI-ARIA 1.2 9.3:
// focusable, or a global aria-* attribute such as aria-label) exposes it after all.
#include "rules/catalog.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kAct[] = {"46ca7f"};
constexpr std::string_view kPasses[] = {
    R"(<img src="swirl.png" alt="">)",
    R"(<img src="swirl.png" role="presentation" alt="Swirl">)",
    R"(<nav role="presentation"><a href="/">Home</a></nav>)",
};
constexpr std::string_view kFails[] = {
    R"(<nav role="presentation" aria-label="Main"><a href="/">Home</a></nav>)",
    R"(<img src="swirl.png" alt="" aria-labelledby="t"><span id="t" hidden>Swirl</span>)",
    R"(<img src="swirl.png" alt="" tabindex="0">)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<img src="logo.png" alt="Council logo">)",
};

bool IsMarkedDecorative(const engine::Page& p, const engine::Node& e) {
  if (HasExplicitPresentationalRole(p, e)) {
    return true;
  }
  const std::string* alt = e.Attr("alt");
  return e.IsHtml("img") && alt != nullptr && alt->empty();
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!IsMarkedDecorative(p, e)) {
      return;
    }
    if (p.a11y().IsHidden(e) || p.a11y().Role(e) == "none") {
      out.Pass(&e);
      return;
    }
    std::string role(p.a11y().Role(e));
    out.Fail(&e, "This element is marked as decorative but is exposed to assistive technology " +
                     std::string(role.empty() ? "anyway" : "as \"" + role + "\"") +
                     ", because it is focusable or has aria-* attributes.");
  });
}

}  // namespace

extern const engine::Rule kHtmlDecorativeNotExposed{
    .id = "html.decorative-not-exposed",
    .summary = "Elements marked as decorative are hidden from screen readers",
    .why =
        "role=\"presentation\" or alt=\"\" tells screen readers to skip an element. If the "
        "same element is focusable or has an aria-label, browsers expose it anyway, so people "
        "meet an unnamed or confusing object that the author meant to hide.",
    .help =
        "Decide what the element is. If it is decoration, remove its tabindex and aria-* "
        "attributes. If it carries meaning, remove role=\"presentation\" (or give the image "
        "a real alt text).",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kImages,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
