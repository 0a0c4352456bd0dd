// html.text-clipped-on-zoom: text is not cut off by CSS overflow when the page is zoomed to 200%.
// WCAG 2.2 SC 1.4.4 Resize Text (AA); EN 301 549 9.1.4.4; ACT 59br37 (Zoomed text node is not
// clipped with CSS overflow).
// How: zooming to 200% halves the viewport in CSS px, so the cascade is run again for a viewport
// of half the page's size (media queries such as max-width: 640px then apply). Targets are
// visible elements whose overflow clips (hidden or clip) and that hold text of their own. Without
// layout the rule estimates the text's size: at least 0.35em per character and one line per
// forced break, wrapped to at most the element's width (or the zoomed viewport), with the used
// line height. It fails only when that lower bound is taller than a height (or wider than a
// width, for text that does not wrap) set on the element; when the text might fit, or might
// not, it is cantTell.
// Interpretation: a box of 1px or less is the "visually hidden" pattern and is not a target.
// When a link follows the clipping box, the link may lead to the full text (a mechanism, as ACT
// allows): cantTell instead of failed.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/utf8.h"
#include "rules/catalog.h"
#include "rules/html/support/text_spacing.h"
#include "rules/html/support/visible_text.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"zoom", 2.0, "the zoom factor (WCAG 1.4.4: 200%)"},
    {"min_advance_em", 0.35, "the narrowest average character width assumed, in em"},
    {"normal_line_height", 1.2, "the line height assumed for line-height: normal"}};

bool Clips(std::string_view v) {
  return v == "hidden" || v == "clip";
}

// Does a link follow the box (as its next sibling, or inside it)?
bool LinkFollows(const engine::Node& box) {
  for (const engine::Node* n = box.NextElementSibling(); n; n = n->NextElementSibling()) {
    if (n->IsHtml("a") && n->HasAttribute("href")) {
      return true;
    }
    for (const engine::Node* c : n->children()) {
      if (c->IsHtml("a") && c->HasAttribute("href")) {
        return true;
      }
    }
    break;
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Document& doc = page.document();
  if (doc.is_xml()) {
    return;
  }
  const double zoom = kOptions[0].default_value;
  const double viewport_w = page.media().width_px / zoom;
  const double viewport_h = page.media().height_px / zoom;
  // Text is clipped only by an author's overflow: hidden or clip (the UA sheet sets neither on
  // text containers); without any overflow in the author CSS the rule has no target.
  if (!page.styles().AuthorCssMentions("overflow")) {
    return;
  }
  const engine::Styles* styles = &page.StylesFor({viewport_w, viewport_h});
  for (const engine::Node* box : doc.elements()) {
    if (box->ns() != engine::Namespace::kHtml || styles->IsDisplayNone(*box)) {
      continue;
    }
    const engine::ComputedStyle& s = styles->Of(*box);
    std::string ox = s.Get("overflow-x").text;
    std::string oy = s.Get("overflow-y").text;
    // CSS Overflow 3: visible becomes auto when the other axis is hidden or scrolls.
    if (ox == "visible" && oy != "visible" && oy != "clip") {
      ox = "auto";
    }
    if (oy == "visible" && ox != "visible" && ox != "clip") {
      oy = "auto";
    }
    bool clip_x = Clips(ox);
    bool clip_y = Clips(oy);
    if (!clip_x && !clip_y) {
      continue;
    }
    // Own text only: direct text children and forced breaks.
    std::string text;
    int breaks = 0;
    bool nested_text = false;
    for (const engine::Node* c : box->children()) {
      if (c->IsText()) {
        text += c->text();
      } else if (c->IsHtml("br")) {
        ++breaks;
        text += '\n';
      } else if (c->IsElement() && HasNonWhitespace(c->TextContent())) {
        nested_text = true;
      }
    }
    if (!HasNonWhitespace(text) || !IsVisible(page, *box) || styles->Of(*box).VisibilityHidden()) {
      continue;
    }
    std::optional<double> width = s.LengthPx("width");
    std::optional<double> height = s.LengthPx("height");
    if (auto mh = s.LengthPx("max-height"); mh && (!height || *mh < *height)) {
      height = mh;
    }
    if ((width && *width <= 1) || (height && *height <= 1)) {
      continue;  // visually hidden on purpose
    }
    double font = s.FontSizePx().value_or(16);
    double line = LineHeightPx(s, font).value_or(kOptions[2].default_value * font);
    double letter = s.LengthPx("letter-spacing").value_or(0);
    const std::string& ws = s.Get("white-space").text;
    bool wraps = !(ws == "nowrap" || ws == "pre");
    // Lower bound of each forced line's width.
    std::vector<double> line_min;
    double current = 0;
    std::string normalised;
    for (char ch : text) {
      normalised += (ch == '\t' || ch == '\r' || ch == '\f') ? ' ' : ch;
    }
    size_t start = 0;
    while (start <= normalised.size()) {
      size_t nl = normalised.find('\n', start);
      std::string piece =
          normalised.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      std::string collapsed = engine::CollapseWhitespace(piece);
      const size_t chars = engine::CountCodePoints(collapsed);
      current = static_cast<double>(chars) * (kOptions[1].default_value * font + letter);
      if (chars > 0) {
        line_min.push_back(current);
      }
      if (nl == std::string::npos) {
        break;
      }
      start = nl + 1;
    }
    (void)breaks;
    double room = width ? *width : viewport_w;
    if (auto mw = s.LengthPx("max-width"); mw && *mw < room) {
      room = *mw;
    }
    double lines_min = 0;
    double widest_min = 0;
    for (double w : line_min) {
      lines_min += wraps ? std::max(1.0, std::ceil(w / room - 1e-9)) : 1.0;
      widest_min = std::max(widest_min, w);
    }
    double height_min = lines_min * line;
    bool certain = false;
    std::string what;
    if (clip_y && height && height_min > *height + 0.5) {
      certain = true;
      what = "its text needs at least " + std::to_string(static_cast<int>(height_min)) +
             "px of height but the box is " + std::to_string(static_cast<int>(*height)) + "px tall";
    } else if (clip_x && !wraps && width && widest_min > *width + 0.5) {
      certain = true;
      what = "its text does not wrap and needs at least " +
             std::to_string(static_cast<int>(widest_min)) + "px but the box is " +
             std::to_string(static_cast<int>(*width)) + "px wide";
    }
    if (certain && !nested_text) {
      std::string message = "At 200% zoom this box hides overflowing text: " + what + ".";
      if (LinkFollows(*box)) {
        out.CantTell(box, message + " Check whether the link after it gives the full text.");
      } else {
        out.Fail(box, message + " Let the box grow (min-height instead of height) or scroll.");
      }
      continue;
    }
    bool may_clip = (clip_y && (height || nested_text)) || (clip_x && (!wraps || width));
    if (may_clip || certain) {
      out.CantTell(box,
                   "This box hides overflowing content; check at 200% zoom that none of its "
                   "text is cut off.");
    } else {
      out.Pass(box);
    }
  }
}

constexpr std::string_view kWcag[] = {"1.4.4"};
constexpr std::string_view kEn[] = {"9.1.4.4"};
constexpr std::string_view kAct[] = {"59br37"};
constexpr std::string_view kPasses[] = {
    R"(<div style="overflow: hidden">Planning applications received this week</div>)",
};
constexpr std::string_view kFails[] = {
    R"(<div style="overflow: hidden; height: 1.5em; font-size: 16px">Planning applications received this week are listed below with their reference numbers, the address of the site and the date by which you can make a submission to the council.</div>)",
    R"(<div style="overflow-x: hidden; white-space: nowrap; width: 50px">Planning applications received this week</div>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p style="display: none; overflow: hidden; height: 2px">Planning applications</p>)",
    R"(<div style="overflow: auto; height: 1.5em">Planning applications received this week are listed below with their reference numbers.</div>)",
    R"(<a href="/next">Next<span style="position: absolute; width: 1px; height: 1px; overflow: hidden">: planning applications</span></a>)",
};

}  // namespace

extern const engine::Rule kHtmlTextClippedOnZoom{
    .id = "html.text-clipped-on-zoom",
    .summary = "Text is not cut off when the page is zoomed to 200%",
    .why =
        "People with low vision zoom pages to read them. A box with a fixed height or width and "
        "overflow: hidden then cuts off the text they need.",
    .help =
        "Use min-height instead of height, let text wrap, or use overflow: auto so the text "
        "can be scrolled into view.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA"};

}  // namespace plainsight::rules
