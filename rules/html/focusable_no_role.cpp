// html.focusable-no-role: elements put in the tab order say what they are. WCAG 2.2 SC 4.1.2
// Name, Role, Value (A); EN 301 549 9.4.1.2. WAI-ARIA 1.2: an element
// that takes focus should have a widget (or other meaningful) role.
// Interpretation: targets are rendered elements of the page and its frames, included in the
// accessibility tree, that a tabindex of 0 or more puts in the sequential focus order although
// they would not be focusable without it (not a link, button, form field, iframe, summary,
// media with controls or editing host). One with a role passes. One with no role (generic, as
// div and span are) fails as a warning: keyboard users stop on it and screen readers announce
// no role, so nobody knows whether it does anything. A scrollable container (overflow auto or
// scroll) without a role needs a person (cantTell): it is focusable so keyboard users can
// scroll it, and should be a named region.
#include <string>

#include "rules/catalog.h"
#include "rules/html/keyboard_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool Scrollable(const engine::Page& page, const engine::Node& e) {
  const engine::ComputedStyle& s = page.styles().Of(e);
  for (const char* prop : {"overflow-x", "overflow-y"}) {
    const std::string& v = s.Get(prop).text;
    if (v == "auto" || v == "scroll") {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.HasAttribute("tabindex") || keyboard::NativelyFocusable(e) ||
        !p.a11y().IsInSequentialFocusOrder(e) || !IsExposed(p, e)) {
      return;
    }
    const std::string_view role = p.a11y().Role(e);
    if (!(role.empty() || role == "generic")) {
      out.Pass(&e);
      return;
    }
    if (Scrollable(p, e)) {
      out.CantTell(&e, "This scrollable <" + e.tag() +
                           "> is in the tab order without a role: if it is there so keyboard "
                           "users can scroll it, give it role=\"region\" and a name.");
      return;
    }
    out.Warn(&e, "tabindex puts this <" + e.tag() +
                     "> in the tab order, but it has no role: screen readers do not say what "
                     "it is or whether it does anything.");
  });
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kPasses[] = {
    R"(<div role="button" tabindex="0">Menu</div>)",
    R"(<h2 tabindex="0">Results</h2>)",
};
constexpr std::string_view kFails[] = {
    R"html(<div tabindex="0" onclick="openMenu()">Menu</div>)html",
    R"(<span tabindex="0">Help</span>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<div tabindex="0" style="overflow:auto;height:5em"><p>Terms and conditions</p></div>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/" tabindex="0">Home</a>)",
    R"(<div tabindex="-1">Not in the tab order</div>)",
    R"(<div>Plain</div>)",
};

}  // namespace

extern const engine::Rule kHtmlFocusableNoRole{
    .id = "html.focusable-no-role",
    .summary = "Elements put in the tab order have a role",
    .why =
        "When tabindex puts a div or span in the tab order without a role, keyboard users land "
        "on it and screen readers announce only its text, not what it is: people cannot tell a "
        "button from a label, or whether pressing a key will do anything.",
    .help =
        "Use the real element (<button>, <a href>), or give the element the role of what it is "
        "(role=\"button\", role=\"tab\"...) with the keyboard behaviour that goes with it; if "
        "it does nothing, remove the tabindex.",
    .limits =
        "What the element does is only known from its scripts: a tab stop with no function is "
        "a nuisance rather than a failure, so this is a warning. Roles set by scripts are not "
        "seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_attributes = targets::kTabindexAttribute};

}  // namespace plainsight::rules
