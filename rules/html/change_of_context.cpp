// html.change-of-context: choosing an option in a list, or ticking a box, does not submit the
// form or open another page by itself. WCAG 2.2 SC 3.2.2 On Input (A); EN 301 549 9.3.2.2;
// failure techniques F36 (automatically submitting a form on a change of a field) and F37
// (launching a new window when a radio button, checkbox or select list is changed).
// Interpretation: targets are rendered select elements, and radio buttons and checkboxes with a
// change or click handler attribute (onchange, oninput, onclick), of the page and its frames. A
// handler whose code submits a form or goes to another page (submit(), location, window.open,
// navigate, href =, .go()) fails as a warning: WCAG allows it when people were told beforehand,
// which a person must check. A select with another change handler needs a person (cantTell):
// the function it calls is not read here. A select with no handler passes (people choose, then
// press a button).
#include <string>

#include "rules/catalog.h"
#include "rules/html/forms_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

// The code of the element's change handlers, lowercased.
std::string HandlerCode(const engine::Node& e, bool with_click) {
  std::string code;
  for (const engine::Attribute& a : e.attributes()) {
    if (a.name == "onchange" || a.name == "oninput" || (with_click && a.name == "onclick")) {
      code += engine::AsciiLower(a.value);
      code += ';';
    }
  }
  return code;
}

bool ChangesContext(std::string_view code) {
  static constexpr std::string_view kSigns[] = {"submit(",    "location", "window.open",
                                                "open(",      "navigate", ".href",
                                                "history.go", ".go(",     "requestsubmit"};
  for (std::string_view s : kSigns) {
    if (code.find(s) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    const bool select = e.IsHtml("select");
    const bool choice =
        e.IsHtml("input") && (forms::InputType(e) == "radio" || forms::InputType(e) == "checkbox");
    if ((!select && !choice) || p.styles().IsDisplayNone(e)) {
      return;
    }
    const std::string code = HandlerCode(e, choice);
    if (code.empty()) {
      if (select) {
        out.Pass(&e);
      }
      return;
    }
    if (ChangesContext(code)) {
      out.Warn(&e, std::string(select ? "Choosing an option in this list"
                                      : "Changing this " + forms::InputType(e)) +
                       " submits the form or opens another page straight away: people moving "
                       "through the options with the keyboard are taken away before they "
                       "choose.");
    } else if (select) {
      out.CantTell(&e,
                   "This list runs a script when the choice changes: check that it does not "
                   "submit the form, open a page or move focus without warning.");
    }
  });
}

constexpr std::string_view kWcag[] = {"3.2.2"};
constexpr std::string_view kEn[] = {"9.3.2.2"};
constexpr std::string_view kPasses[] = {
    R"(<form><label>County <select name="c"><option>Cork</option><option>Kerry</option></select></label><button>Go</button></form>)"};
constexpr std::string_view kFails[] = {
    R"html(<form><select aria-label="County" onchange="this.form.submit()"><option>Cork</option></select></form>)html",
    R"(<select aria-label="Jump to" onchange="location.href=this.value"><option value="/a">A</option></select>)",
    R"(<label><input type="radio" name="l" onclick="window.location='/ga'"> Gaeilge</label>)",
};
constexpr std::string_view kCantTell[] = {
    R"html(<select aria-label="County" onchange="update(this)"><option>Cork</option></select>)html"};
constexpr std::string_view kInapplicable[] = {
    R"(<label><input type="checkbox" name="a"> Agree</label>)", R"(<p>No fields</p>)"};

}  // namespace

extern const engine::Rule kHtmlChangeOfContext{
    .id = "html.change-of-context",
    .summary = "Choosing an option does not submit the form or open a page by itself",
    .why =
        "Keyboard users move through a drop-down list with the arrow keys, and each step "
        "changes the choice. If changing it submits the form or opens a page, they are taken "
        "away at the first step, before they reach the option they wanted; screen reader users "
        "may not notice the page changed.",
    .help =
        "Let people choose, then press a button to submit or go. If the page must react at "
        "once, tell people before the list what will happen.",
    .limits =
        "Only handler attributes are read, and only for obvious signs of submitting or "
        "navigating; handlers added by scripts are not seen. A warning on the page before the "
        "list (which WCAG allows) is for a person to check.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kChoiceControls};

}  // namespace plainsight::rules
