// html.focus-outline: the focus outline is not removed without another visible focus style.
// WCAG 2.2 SC 2.4.7 Focus Visible (AA); EN 301 549 9.2.4.7; failure technique F78 (styling
// element outlines and borders in a way that removes or renders non-visible the visual focus
// indicator).
// Interpretation: targets are rendered, visible elements of the page and its frames in the
// sequential focus order, on pages whose author CSS mentions outline (otherwise the browser's
// own focus ring stays, and there is nothing to check). The element's style while it has focus
// (engine Styles::StyleWhileFocused: :focus, :focus-visible and :focus-within applied) decides:
//  - an outline that shows (a style other than none, a width above 0, a colour that is not
//    transparent) passes;
//  - otherwise, a change of another visible property while focused (colours, background,
//    borders, box or text shadow, text decoration, weight, opacity, transform), on the element,
//    an ancestor (:focus-within) or a descendant, passes as another focus style;
//  - otherwise the author's CSS has removed the focus indicator: failed (an error) on pages
//    without scripts; on pages with scripts, which may show focus some other way (a class
//    added on focus, as in the ACT examples), a person must look (cantTell).
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/landmarks.h"
#include "rules/html/support/links.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/scripts.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kVisibleProperties[] = {"color",
                                                   "background-color",
                                                   "background-image",
                                                   "border-top-color",
                                                   "border-right-color",
                                                   "border-bottom-color",
                                                   "border-left-color",
                                                   "box-shadow",
                                                   "text-shadow",
                                                   "text-decoration",
                                                   "font-weight",
                                                   "opacity",
                                                   "transform",
                                                   "outline-style",
                                                   "outline-width",
                                                   "outline-color"};

constexpr size_t kMaxDescendants = 64;
constexpr int kMaxAncestors = 6;

bool OutlineShows(const engine::ComputedStyle& s) {
  const std::string& style = s.Get("outline-style").text;
  if (style.empty() || style == "none" || style == "hidden") {
    return false;
  }
  if (style != "auto") {
    const std::optional<double> width = s.LengthPx("outline-width");
    if (width && *width <= 0) {
      return false;
    }
  }
  if (const std::optional<engine::Rgba> color = engine::ParseColor(s.Get("outline-color").text);
      color && color->a == 0) {
    return false;
  }
  return true;
}

bool Differs(const engine::ComputedStyle& a, const engine::ComputedStyle& b) {
  for (std::string_view p : kVisibleProperties) {
    if (a.Get(p).text != b.Get(p).text) {
      return true;
    }
  }
  return false;
}

// What the page's author CSS mentions, looked up once per page: AuthorCssMentions searches all
// of the author CSS (style attributes included), so asking per element made a page with much
// CSS quadratic (a 10 MB page took minutes; issue 17).
struct CssMentions {
  const engine::Page* page = nullptr;
  bool outline = false;
  bool focus_within = false;

  const CssMentions& For(const engine::Page& p) {
    if (page != &p) {
      page = &p;
      outline = p.styles().AuthorCssMentions("outline");
      focus_within = p.styles().AuthorCssMentions("focus-within");
    }
    return *this;
  }
};

bool OtherFocusStyle(const engine::Page& page, const engine::Node& e, bool css_has_focus_within) {
  const engine::Styles& styles = page.styles();
  if (Differs(styles.StyleWhileFocused(e, e), styles.Of(e))) {
    return true;
  }
  if (css_has_focus_within) {
    int n = 0;
    for (const engine::Node* a = e.ParentElement(); a != nullptr && n < kMaxAncestors;
         a = a->ParentElement(), ++n) {
      if (Differs(styles.StyleWhileFocused(*a, e), styles.Of(*a))) {
        return true;
      }
    }
  }
  const auto& elements = page.document().elements();
  const uint32_t begin = e.element_index();
  for (uint32_t i = begin + 1; begin != engine::Node::kNoElementIndex && i < elements.size() &&
                               i <= begin + kMaxDescendants && elements[i]->IsDescendantOf(e);
       ++i) {
    if (Differs(styles.StyleWhileFocused(*elements[i], e), styles.Of(*elements[i]))) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  CssMentions mentions;
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    const CssMentions& css = mentions.For(p);
    if (!css.outline || !p.a11y().IsInSequentialFocusOrder(e) || !IsVisible(p, e)) {
      return;
    }
    if (OutlineShows(p.styles().StyleWhileFocused(e, e)) ||
        OtherFocusStyle(p, e, css.focus_within)) {
      out.Pass(&e);
      return;
    }
    if (HasScripts(p)) {
      out.CantTell(&e,
                   "The CSS removes the focus outline of this element and nothing else in the "
                   "CSS changes when it has focus: check that a script shows where focus is.");
    } else {
      out.Fail(&e,
               "The CSS removes the focus outline of this element (outline: none or 0) and "
               "nothing else changes when it has focus: keyboard users cannot see where they "
               "are.");
    }
  });
}

constexpr std::string_view kWcag[] = {"2.4.7"};
constexpr std::string_view kEn[] = {"9.2.4.7"};
constexpr std::string_view kPasses[] = {
    R"(<style>a { outline: none } a:focus-visible { outline: 3px solid #005fcc }</style><a href="/">Home</a>)",
    R"(<style>a:focus { outline: 0; background: #ffbf47; color: #000 }</style><a href="/">Home</a>)",
    R"(<style>button:focus { outline: none; box-shadow: 0 0 0 3px #005fcc }</style><button>Go</button>)",
    R"(<style>.card { border: 1px solid grey } .card:focus-within { border-color: blue } a:focus { outline: none }</style><div class="card"><a href="/">Home</a></div>)",
};
constexpr std::string_view kFails[] = {
    R"(<style>a:focus { outline: none }</style><a href="/">Home</a>)",
    R"(<style>*:focus { outline: 0 !important }</style><button>Go</button>)",
    R"(<style>a { outline: none }</style><a href="/">Home</a>)",
};
constexpr std::string_view kCantTell[] = {
    R"html(<style>a:focus { outline: none }</style><a href="/" onfocus="highlight(this)">Home</a>)html"};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/">Home</a>)",
    R"(<style>a:focus { outline: none }</style><a href="/" tabindex="-1">Home</a>)",
};

}  // namespace

extern const engine::Rule kHtmlFocusOutline{
    .id = "html.focus-outline",
    .summary = "The focus outline is not removed without another visible focus style",
    .why =
        "Keyboard users follow the focus outline to see which link or control they are on. "
        "CSS such as outline: none takes it away, and unless something else changes on focus, "
        "they no longer know where they are on the page.",
    .help =
        "Remove outline: none (or outline: 0), or replace it in a :focus-visible rule with a "
        "clear style of your own: an outline, box-shadow, border or background that contrasts "
        "with its surroundings.",
    .limits =
        "Focus styles that scripts add (a class set on focus) are not seen, so pages with "
        "scripts get a notice rather than a failure. Border widths and styles are not "
        "computed, only border colours; whether a change is visible enough (WCAG 2.2 2.4.11, "
        "2.4.13) is not judged.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AA"};

}  // namespace plainsight::rules
