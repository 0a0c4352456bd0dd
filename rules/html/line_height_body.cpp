// html.line-height-body: paragraphs have line spacing of at least 1.5. WCAG 2.2 SC 1.4.8 Visual
// Presentation (AAA), "line spacing (leading) is at least space-and-a-half within paragraphs";
// technique C21. Not in EN 301 549 (A and AA only). html.line-height (1.4.12, AA) checks
// something else: that an !important style attribute does not block a user's own spacing.
// Interpretation: targets are visible HTML p elements with text whose lines wrap
// (engine::TextWraps: a single line has no leading to judge). The computed line-height divided
// by the computed font size (line-height: normal counts as 1.2, the usual used value) under
// `min_ratio` fails as a warning (1.4.8 also accepts a mechanism to change it, which a static
// page does not show) when the text surely wraps, and is cantTell when wrapping is not known;
// at least `min_ratio` passes. Paragraphs that fit on one line (or whose text, at its widest,
// fits in 320px) are inapplicable.
#include <cstdio>
#include <optional>
#include <string>

#include "engine/layout/text_box.h"
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMinRatioDefault = 1.5;
constexpr double kNormalLineHeight = 1.2;
// Text no wider than this, even in its widest letters, fits on one line of any screen that
// 1.4.10 asks pages to support (320 CSS px).
constexpr double kNarrowestColumnPx = 320;

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("p") || p.styles().IsDisplayNone(e) || !IsVisible(p, e) ||
        !HasExposedOrVisibleText(p, e)) {
      return;
    }
    engine::WidthBounds content;
    const engine::Wrap wrap = engine::TextWraps(p, e, &content);
    if (wrap == engine::Wrap::kNo ||
        (wrap == engine::Wrap::kUnknown && content.max_px <= kNarrowestColumnPx)) {
      return;
    }
    const engine::ComputedStyle& s = p.styles().Of(e);
    const std::optional<double> font = s.FontSizePx();
    if (!font || *font <= 0) {
      return;
    }
    const std::optional<double> line = s.LengthPx("line-height");
    const std::string& keyword = s.Get("line-height").text;
    double ratio = 0;
    if (line) {
      ratio = *line / *font;
    } else if (keyword == "normal") {
      ratio = kNormalLineHeight;
    } else {
      return;  // unknown (a var() or calc())
    }
    if (ratio + 1e-9 >= kMinRatioDefault) {
      out.Pass(&e);
      return;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2g", ratio);
    const std::string message = std::string("This paragraph's line height is ") + buf +
                                " times its font size, under 1.5: tightly packed lines are hard "
                                "to follow.";
    if (wrap == engine::Wrap::kYes) {
      out.Warn(&e, message);
    } else {
      out.CantTell(&e, message + " (if the text wraps onto several lines)");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.4.8"};
constexpr std::string_view kTechniques[] = {"C21"};
constexpr engine::RuleOption kOptions[] = {
    {"min_ratio", kMinRatioDefault, "Smallest line height, as a multiple of the font size"}};
constexpr std::string_view kPasses[] = {
    R"(<p style="line-height: 1.6; width: 300px">You can apply for a housing grant if you own your home and have lived in it for two years or more.</p>)"};
constexpr std::string_view kFails[] = {
    R"(<p style="line-height: 1.1; width: 300px">You can apply for a housing grant if you own your home and have lived in it for two years or more.</p>)",
    R"(<p style="width: 300px">You can apply for a housing grant if you own your home and have lived in it for two years or more.</p>)"};
constexpr std::string_view kInapplicable[] = {R"(<p>Yes.</p>)", R"(<div>No paragraphs</div>)"};

}  // namespace

extern const engine::Rule kHtmlLineHeightBody{
    .id = "html.line-height-body",
    .summary = "Paragraphs have line spacing of at least 1.5",
    .why =
        "Lines packed close together are hard to track from the end of one line to the start "
        "of the next, especially for people with dyslexia or low vision.",
    .help = "Set line-height: 1.5 (or more) on body text.",
    .limits =
        "Whether text wraps is estimated without a layout engine; a setting that lets people "
        "change the spacing (which 1.4.8 accepts) is not seen, so a failure is a warning.",
    .wcag = kWcag,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AAA",
    .techniques = kTechniques};

}  // namespace plainsight::rules
