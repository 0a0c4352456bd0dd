// html.line-height: line height fixed with !important in a style attribute is at least 1.5 times
// the font size, so people who need more space between lines are not blocked. WCAG 2.2 SC 1.4.12
// Text Spacing (AA); EN 301 549 9.1.4.12; ACT 78fd32 (Important line height in style attributes
// is wide enough).
// Interpretation (as ACT): only elements with visible text node children whose text wraps onto
// more than one line count, and only when the winning line-height declaration is the element's
// own style attribute with !important. "normal" (and "initial") is taken as 1.2 times the font
// size, the usual used value. Without layout, wrapping is estimated from the text length and
// the widths set in px (visual_support.h TextWraps): text that clearly fits on one line is not
// a target; when it is unclear, a too-small line height is cantTell, never failed.
#include <cstdio>

#include "engine/layout/text_box.h"
#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/html/support/text_spacing.h"
#include "rules/html/support/visible_text.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"min_ratio", 1.5, "the smallest line height, as a multiple of the font size (WCAG 1.4.12)"},
    {"normal_ratio", 1.2, "the line height assumed for line-height: normal"}};

// The used line height in px, or nullopt when it cannot be computed.
std::optional<double> UsedLineHeight(const engine::ComputedStyle& s, double font_px) {
  const engine::StyleValue& v = s.Get("line-height");
  if (!v.known) {
    return std::nullopt;
  }
  if (v.text == "normal" || v.text.empty()) {
    return kOptions[1].default_value * font_px;
  }
  return LineHeightPx(s, font_px);
}

void Check(const engine::Page& page, engine::Findings& out) {
  if (page.document().is_xml()) {
    return;
  }
  const double min_ratio = kOptions[0].default_value;
  for (const engine::Node* e : page.document().elements()) {
    if (e->ns() != engine::Namespace::kHtml || !e->HasAttribute("style")) {
      continue;
    }
    const engine::ComputedStyle& s = page.styles().Of(*e);
    if (!ImportantStyleAttributeDeclaration(s, "line-height") ||
        VisibleTextChildren(page, *e).empty()) {
      continue;
    }
    engine::Wrap wrap = engine::TextWraps(page, *e);
    if (wrap == engine::Wrap::kNo) {
      continue;
    }
    std::optional<double> font = s.FontSizePx();
    std::optional<double> used = font ? UsedLineHeight(s, *font) : std::nullopt;
    if (!used) {
      out.CantTell(e,
                   "The line-height set with !important in the style attribute could not be "
                   "computed; check it is at least 1.5 times the font size.");
      continue;
    }
    if (*used + 1e-6 >= min_ratio * *font) {
      out.Pass(e);
      continue;
    }
    char buf[240];
    if (wrap == engine::Wrap::kYes) {
      std::snprintf(buf, sizeof buf,
                    "line-height is fixed with !important in the style attribute at %.2fpx, less "
                    "than 1.5 times the %.2fpx font size, so readers cannot add space between "
                    "lines.",
                    *used, *font);
      out.Fail(e, buf);
    } else {
      std::snprintf(buf, sizeof buf,
                    "line-height is fixed with !important at %.2fpx, less than 1.5 times the "
                    "%.2fpx font size; check whether this text runs over more than one line (if "
                    "it does, readers cannot add space between lines).",
                    *used, *font);
      out.CantTell(e, buf);
    }
  }
}

constexpr std::string_view kWcag[] = {"1.4.12"};
constexpr std::string_view kEn[] = {"9.1.4.12"};
constexpr std::string_view kAct[] = {"78fd32"};
constexpr std::string_view kPasses[] = {
    R"(<p style="line-height: 2em !important; max-width: 200px">Opening hours of the county library and its branches</p>)",
    R"(<p style="line-height: 1.6 !important; max-width: 200px">Opening hours of the county library and its branches</p>)",
};
constexpr std::string_view kFails[] = {
    R"(<p style="line-height: 1em !important; max-width: 200px">Opening hours of the county library and its branches</p>)",
    R"(<p style="line-height: normal !important; width: 150px">Opening hours of the county library and its branches</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p style="line-height: 1em; max-width: 200px">Opening hours of the county library and its branches</p>)",
    R"(<p style="line-height: 1em !important; width: 600px">Opening hours</p>)",
    R"(<div style="line-height: 0.1em !important"></div>)",
};

}  // namespace

extern const engine::Rule kHtmlLineHeight{
    .id = "html.line-height",
    .summary = "Line height forced with !important in a style attribute is tall enough",
    .why =
        "People with low vision or dyslexia often add space between lines with a browser "
        "setting or extension so they do not lose their place. A style attribute with "
        "!important overrides them.",
    .help = "Remove !important from line-height in the style attribute, or make it at least 1.5.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA",
    .target_attributes = targets::kStyleAttribute};

}  // namespace plainsight::rules
