// html.link-button-keys: a link made into a button (role="button") also works with the Space
// key. WCAG 2.2 SC 2.1.1 Keyboard (A) and SC 4.1.2 Name, Role, Value (A); EN 301 549 9.2.1.1,
// 9.4.1.2; WAI-ARIA 1.2 button role and the ARIA Authoring Practices' button pattern (Enter and
// Space activate a button).
// Interpretation: targets are rendered a and area elements with an href, included in the
// accessibility tree, whose role attribute makes them buttons. A link answers Enter by itself,
// but not Space, which screen readers tell users to press on a button. A target with a key
// handler attribute (onkeydown, onkeyup, onkeypress) on itself or an ancestor passes. Without
// one: when no script on the page can add key handling (no scripts, or only inline scripts that
// never mention key events) it fails as a warning; when scripts loaded from files may add it, a
// person must check (cantTell).
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

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!(e.IsHtml("a") || e.IsHtml("area")) || !e.HasAttribute("href") ||
        p.a11y().ExplicitRole(e) != "button" || p.styles().IsDisplayNone(e) || !IsExposed(p, e)) {
      return;
    }
    if (keyboard::HasKeyHandlerOnOrAbove(e)) {
      out.Pass(&e);
      return;
    }
    switch (keyboard::KeyScriptsOf(p)) {
      case keyboard::KeyScripts::kUnknown:
        out.CantTell(&e,
                     "This link has role=\"button\": check that a script makes it work with "
                     "the Space key as well as Enter (the page's scripts are in files not read "
                     "here).");
        break;
      case keyboard::KeyScripts::kInline:
      case keyboard::KeyScripts::kNone:
        out.Warn(&e,
                 "This link has role=\"button\" but nothing on the page handles keys for it: "
                 "screen readers tell users to press Space, which does nothing on a link.");
        break;
    }
  });
}

constexpr std::string_view kWcag[] = {"2.1.1", "4.1.2"};
constexpr std::string_view kEn[] = {"9.2.1.1", "9.4.1.2"};
constexpr std::string_view kPasses[] = {
    R"html(<a href="#" role="button" onclick="toggle()" onkeydown="if(event.key===' ')toggle()">Menu</a>)html"};
constexpr std::string_view kFails[] = {R"(<a href="#menu" role="button">Menu</a>)"};
constexpr std::string_view kCantTell[] = {
    R"(<script src="menu.js"></script><a href="#menu" role="button">Menu</a>)"};
constexpr std::string_view kInapplicable[] = {R"(<a href="/news">News</a>)",
                                              R"(<button>Menu</button>)"};

}  // namespace

extern const engine::Rule kHtmlLinkButtonKeys{
    .id = "html.link-button-keys",
    .summary = "Links made into buttons also work with the Space key",
    .why =
        "A link with role=\"button\" is announced as a button, so screen reader and keyboard "
        "users press Space to use it, as with every button. A link ignores Space unless a "
        "script handles it, so nothing happens.",
    .help =
        "Use a <button> element for actions. If the element must stay a link, add a key "
        "handler that runs the action on Space (and Enter), or drop role=\"button\" if it "
        "goes to another page.",
    .limits =
        "Key handling added by scripts from files is not seen (those cases are notices), and "
        "inline scripts are only searched for key events, not run.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
