// html.iframe-tabindex: iframes whose content has links or controls are not taken out of the tab
// order. WCAG 2.2 SC 2.1.1 Keyboard (A); EN 301 549 9.2.1.1; ACT akn7bn (Iframe with interactive
// elements is not excluded from tab-order).
// Interpretation (ACT akn7bn): targets are visible, non-inert iframes whose document (srcdoc,
// or src when the loader fetched it) has an element in sequential focus navigation; a negative
// tabindex on the iframe fails, because browsers then skip everything inside it. Frames of at
// most 1 by 1 pixels (tracking frames) show nothing and are not targets. When the frame's
// document is not available and the frame has a negative tabindex, the outcome is cantTell.
#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool IsTiny(const engine::Page& page, const engine::Node& iframe) {
  auto at_most_one = [](std::string_view v) {
    v = engine::TrimWhitespace(v);
    return !v.empty() && (v == "0" || v == "1" || v == "0px" || v == "1px");
  };
  const engine::ComputedStyle& s = page.styles().Of(iframe);
  auto w = s.LengthPx("width");
  auto h = s.LengthPx("height");
  bool narrow = (w && *w <= 1) || (!w && at_most_one(iframe.AttrOr("width")));
  bool low = (h && *h <= 1) || (!h && at_most_one(iframe.AttrOr("height")));
  return narrow && low;
}

bool HasTabbableContent(const engine::Page& frame_page) {
  for (const engine::Node* e : frame_page.document().elements()) {
    if (frame_page.a11y().IsInSequentialFocusOrder(*e)) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* iframe : page.document().elements()) {
    if (!iframe->IsHtml("iframe") || !IsVisible(page, *iframe) || a11y.IsInert(*iframe) ||
        IsTiny(page, *iframe)) {
      continue;
    }
    std::optional<long> tabindex = a11y.TabIndex(*iframe);
    bool negative = tabindex && *tabindex < 0;
    const engine::Document* doc = iframe->content_document();
    const engine::Page* frame_page = doc != nullptr ? page.PageOf(*doc) : nullptr;
    if (frame_page == nullptr) {
      if (negative) {
        out.CantTell(iframe,
                     "This frame has a negative tabindex and its content could not be "
                     "loaded; check that it holds no links or controls.");
      }
      continue;
    }
    if (!HasTabbableContent(*frame_page)) {
      continue;
    }
    if (negative) {
      out.Fail(iframe, "tabindex=\"" + std::string(iframe->AttrOr("tabindex")) +
                           "\" takes this frame out of the tab order, so keyboard users cannot "
                           "reach the links and controls inside it.");
    } else {
      out.Pass(iframe);
    }
  }
}

constexpr std::string_view kWcag[] = {"2.1.1"};
constexpr std::string_view kEn[] = {"9.2.1.1"};
constexpr std::string_view kAct[] = {"akn7bn"};
constexpr std::string_view kPasses[] = {
    R"(<iframe title="Map" srcdoc="<a href='/'>Home</a>"></iframe>)"};
constexpr std::string_view kFails[] = {
    R"(<iframe title="Map" tabindex="-1" srcdoc="<a href='/'>Home</a>"></iframe>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<iframe title="Hi" tabindex="-1" srcdoc="<h1>Hello</h1>"></iframe>)",
    R"(<iframe title="Map" tabindex="-1" hidden srcdoc="<a href='/'>Home</a>"></iframe>)"};

}  // namespace

extern const engine::Rule kHtmlIframeTabindex{
    .id = "html.iframe-tabindex",
    .summary = "Frames with links or controls stay in the tab order",
    .why =
        "A negative tabindex on an iframe makes the keyboard skip everything inside it, so "
        "people who cannot use a mouse cannot reach its links, buttons or form fields.",
    .help = "Remove the negative tabindex from the iframe (or use tabindex=\"0\").",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kIframes};

}  // namespace plainsight::rules
