// html.click-not-focusable: elements that react to clicks can be reached with the keyboard.
// WCAG 2.2 SC 2.1.1 Keyboard (A); EN 301 549 9.2.1.1; failure technique F54 (using only
// pointing-device-specific event handlers for a function) and F42 (emulating links without
// keyboard access).
// Interpretation: targets are rendered HTML elements of the page and its frames, included in the
// accessibility tree, with a click handler attribute (onclick, onmousedown, onmouseup,
// ondblclick). They are the "fake buttons and links". Left out: elements that cannot take focus
// by design or pass the click on (html, body, label, option, area, form, the contents of a
// focusable element or of a composite widget managing focus with aria-activedescendant), and
// containers that hold a focusable element (the handler then most likely serves that element's
// clicks as they bubble up). A target that cannot be focused fails:
//  - an error when its role is a widget role (button, link, checkbox...): it says it can be
//    operated, and keyboard users cannot reach it;
//  - a warning when it has no such role: very likely a mouse-only control, unless the page
//    offers the same function another way, which a person must check.
// Focusable targets pass (html.focusable-no-role checks that they have a role).
#include <string>

#include "engine/aria/aria.h"
#include "rules/catalog.h"
#include "rules/html/keyboard_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/tags.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// Widget roles (WAI-ARIA 1.2 5.3.2) and their subclasses: roles that say "operate me".
const engine::RoleSet& WidgetRoles() {
  static const engine::RoleSet kWidgets{"button",   "link",      "checkbox",   "radio",
                                        "switch",   "menuitem",  "option",     "tab",
                                        "treeitem", "slider",    "spinbutton", "combobox",
                                        "textbox",  "searchbox", "gridcell",   "scrollbar"};
  return kWidgets;
}

bool Excluded(const engine::Node& e) {
  static constexpr std::string_view kTags[] = {"html", "body", "label", "option", "optgroup",
                                               "area", "form", "main",  "select"};
  return IsHtmlOneOf(e, kTags);
}

// An ancestor that takes focus, or that manages focus for its descendants.
bool InFocusableOrManaged(const engine::Page& page, const engine::Node& e) {
  for (const engine::Node* n = e.ParentElement(); n != nullptr; n = n->ParentElement()) {
    if (page.a11y().IsFocusable(*n) || n->HasAttribute("aria-activedescendant") ||
        n->IsHtml("label")) {
      return true;
    }
  }
  return false;
}

bool HoldsFocusable(const engine::Page& page, const engine::Node& e) {
  const auto& elements = page.document().elements();
  const uint32_t begin = e.element_index();
  if (begin == engine::Node::kNoElementIndex) {
    return false;
  }
  for (uint32_t i = begin + 1; i < elements.size() && elements[i]->IsDescendantOf(e); ++i) {
    if (page.a11y().IsFocusable(*elements[i])) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (e.ns() != engine::Namespace::kHtml || !keyboard::HasClickHandler(e) || Excluded(e) ||
        p.styles().IsDisplayNone(e) || !IsExposed(p, e)) {
      return;
    }
    if (p.a11y().IsFocusable(e)) {
      out.Pass(&e);
      return;
    }
    if (InFocusableOrManaged(p, e) || HoldsFocusable(p, e)) {
      return;
    }
    const std::string_view role = p.a11y().Role(e);
    if (WidgetRoles().Contains(p.a11y().RoleIdOf(e))) {
      out.Fail(&e, "This element has role=\"" + std::string(role) +
                       "\" and a click handler, but it cannot take keyboard focus: keyboard "
                       "users cannot reach or operate it.");
    } else {
      out.Warn(&e, "This <" + e.tag() +
                       "> reacts to mouse clicks but cannot take keyboard focus and does not "
                       "say what it is: keyboard and screen reader users cannot use it.");
    }
  });
}

constexpr std::string_view kWcag[] = {"2.1.1"};
constexpr std::string_view kEn[] = {"9.2.1.1"};
constexpr std::string_view kPasses[] = {
    R"html(<button onclick="save()">Save</button>)html",
    R"html(<div role="button" tabindex="0" onclick="save()" onkeydown="key(event)">Save</div>)html",
};
constexpr std::string_view kFails[] = {
    R"html(<div onclick="save()">Save</div>)html",
    R"(<span role="link" onclick="location='/news'">News</span>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<div>Save</div>)",
    // A row whose click handler serves the link inside it.
    R"html(<table><tr onclick="go(this)"><td><a href="/a">Report A</a></td></tr></table>)html",
    R"html(<body onload="init()" onclick="closeMenus()"><p>Text</p></body>)html",
};

}  // namespace

extern const engine::Rule kHtmlClickNotFocusable{
    .id = "html.click-not-focusable",
    .summary = "Elements that react to clicks can be reached with the keyboard",
    .why =
        "A div or span that does something when clicked, but cannot take keyboard focus, "
        "cannot be used by people who use a keyboard, a switch or voice control, and screen "
        "readers do not announce it as something to press.",
    .help =
        "Use a real <button> (or <a href> for navigation). If you must use another element, "
        "give it role=\"button\", tabindex=\"0\" and a key handler for Enter and Space.",
    .limits =
        "Only handler attributes are seen: handlers added with addEventListener in scripts "
        "are not, and neither is a keyboard route to the same function elsewhere on the page "
        "(which is why elements without a role are warnings).",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = targets::kClickHandlers};

}  // namespace plainsight::rules
