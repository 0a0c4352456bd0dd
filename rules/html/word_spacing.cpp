// html.word-spacing: word spacing fixed with !important in a style attribute is at least 0.16
// times the font size, so people who need wider spacing are not blocked. WCAG 2.2 SC 1.4.12 Text
// Spacing (AA); EN 301 549 9.1.4.12; ACT 9e45ec (Important word spacing in style attributes is
// wide enough).
// Interpretation (as ACT): only elements with visible text node children count, and only when
// the winning word-spacing declaration is the element's own style attribute with !important
// (inherit/unset/revert take the parent's value). "normal" and "initial" mean no extra spacing
// and fail.
#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/html/support/text_spacing.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"min_em", 0.16, "the smallest word spacing, as a share of the font size (WCAG 1.4.12)"}};

void Check(const engine::Page& page, engine::Findings& out) {
  CheckImportantSpacing(page, out, "word-spacing", kOptions[0].default_value);
}

constexpr std::string_view kWcag[] = {"1.4.12"};
constexpr std::string_view kEn[] = {"9.1.4.12"};
constexpr std::string_view kAct[] = {"9e45ec"};
constexpr std::string_view kPasses[] = {
    R"(<p style="word-spacing: 0.2em !important">Opening hours of the county library</p>)",
    R"(<p style="font-size: 25px; word-spacing: 4px !important">Opening hours</p>)",
};
constexpr std::string_view kFails[] = {
    R"(<p style="word-spacing: 0.1em !important">Opening hours of the county library</p>)",
    R"(<p style="word-spacing: initial !important">Opening hours of the county library</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p style="word-spacing: 0.1em">Opening hours of the county library</p>)",
    R"(<div style="word-spacing: 0.1em !important"></div>)",
    R"(<p style="position: absolute; top: -999em; word-spacing: 0.1em !important">Opening hours</p>)",
    R"(<p style="word-spacing: 0.1em"><span style="word-spacing: unset !important">Opening hours</span></p>)",
};

}  // namespace

extern const engine::Rule kHtmlWordSpacing{
    .id = "html.word-spacing",
    .summary = "Word spacing forced with !important in a style attribute is wide enough",
    .why =
        "People with dyslexia or low vision often widen the space between words with a "
        "browser setting or extension. A style attribute with !important overrides them.",
    .help =
        "Remove !important from word-spacing in the style attribute, or make it at least "
        "0.16em.",
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
