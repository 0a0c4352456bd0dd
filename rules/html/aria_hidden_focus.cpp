// html.aria-hidden-focus: content hidden with aria-hidden="true" cannot be reached with the Tab
// key. WCAG 2.2 SC 4.1.2 (and 1.3.1); EN 301 549 9.4.1.2; ACT 6cfa84 (Element with aria-hidden
// has no content in sequential focus navigation).
// Interpretation: targets are elements whose aria-hidden is "true" (ASCII case-insensitive);
// they fail when they or a descendant are in sequential focus navigation (focusable, rendered,
// not disabled or inert, tabindex not negative; off-screen content still counts). aria-hidden=
// "false" on a descendant does not undo the hiding. When the page has script that reacts to
// focus (a focus or focusin listener, an onfocus attribute, a .focus() call) the focusable
// element may be a focus sentinel that sends focus elsewhere, which only running the page shows:
// that is cantTell.
#include "rules/catalog.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool ScriptHandlesFocus(const engine::Page& page) {
  for (const engine::Node* e : page.document().elements()) {
    if (e->HasAttribute("onfocus") || e->HasAttribute("onfocusin")) {
      return true;
    }
    if (e->IsHtml("script") && e->TextContent().find("focus") != std::string::npos) {
      return true;
    }
  }
  return false;
}

const engine::Node* FirstTabbable(const engine::Accessibility& a11y, const engine::Node& root) {
  if (a11y.IsInSequentialFocusOrder(root)) {
    return &root;
  }
  for (const engine::Node* c : root.children()) {
    if (c->IsElement()) {
      if (const engine::Node* found = FirstTabbable(a11y, *c)) {
        return found;
      }
    }
  }
  return nullptr;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  int focus_script = -1;  // computed on first need
  for (const engine::Node* e : HtmlOrSvgElements(page)) {
    if (!EqualsIgnoreCase(engine::TrimWhitespace(e->AttrOr("aria-hidden")), "true")) {
      continue;
    }
    const engine::Node* tabbable = FirstTabbable(a11y, *e);
    if (tabbable == nullptr) {
      out.Pass(e);
      continue;
    }
    if (focus_script < 0) {
      focus_script = ScriptHandlesFocus(page) ? 1 : 0;
    }
    std::string what = tabbable == e ? "This element" : "A <" + tabbable->tag() + "> inside it";
    if (focus_script == 1) {
      out.CantTell(e, what +
                          " can be reached with Tab although aria-hidden hides it from "
                          "screen readers; check whether the page's script moves focus on "
                          "at once (a focus sentinel).");
    } else {
      out.Fail(e, what +
                      " can be reached with Tab although aria-hidden hides it from screen "
                      "readers, so their users land on something they cannot hear.");
    }
  }
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"6cfa84"};
constexpr std::string_view kPasses[] = {
    R"(<p aria-hidden="true">Decoration</p>)",
    R"(<div aria-hidden="true"><button tabindex="-1">Close</button></div>)"};
constexpr std::string_view kFails[] = {
    R"(<div aria-hidden="true"><a href="/" style="position:absolute; top:-999em">Skip</a></div>)",
    R"(<p tabindex="0" aria-hidden="true">Note</p>)"};
constexpr std::string_view kInapplicable[] = {R"(<p aria-hidden="false">Text</p>)",
                                              R"(<button aria-hidden>Go</button>)"};

}  // namespace

extern const engine::Rule kHtmlAriaHiddenFocus{
    .id = "html.aria-hidden-focus",
    .summary = "Content hidden with aria-hidden cannot take keyboard focus",
    .why =
        "When a link or button hidden from screen readers can still be reached with Tab, "
        "screen reader users land on a control that is announced as nothing, or not at all.",
    .help =
        "Remove aria-hidden from content people can use, or take the hidden controls out of "
        "the tab order (tabindex=\"-1\", disabled, or hide them with display:none or inert).",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = targets::kAriaHiddenAttribute};

}  // namespace plainsight::rules
