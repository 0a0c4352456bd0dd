// html.letter-spacing: letter spacing fixed with !important in a style attribute is at least 0.12
// times the font size, so people who need wider spacing are not blocked. WCAG 2.2 SC 1.4.12 Text
// Spacing (AA); EN 301 549 9.1.4.12; ACT 24afc2 (Important letter spacing in style attributes is
// wide enough).
// Interpretation (as ACT): only elements with visible text node children count, and only when
// the winning letter-spacing declaration is the element's own style attribute with !important
// (inherit/unset/revert take the parent's value and are not "important" on the element).
// "normal" and "initial" compute to no extra spacing and fail.
#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/html/support/text_spacing.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"min_em", 0.12, "the smallest letter spacing, as a share of the font size (WCAG 1.4.12)"}};

void Check(const engine::Page& page, engine::Findings& out) {
  CheckImportantSpacing(page, out, "letter-spacing", kOptions[0].default_value);
}

constexpr std::string_view kWcag[] = {"1.4.12"};
constexpr std::string_view kEn[] = {"9.1.4.12"};
constexpr std::string_view kAct[] = {"24afc2"};
constexpr std::string_view kPasses[] = {
    R"(<p style="letter-spacing: 0.15em !important">Opening hours of the county library</p>)",
    R"(<p style="font-size: 25px; letter-spacing: 3px !important">Opening hours</p>)",
    R"(<div style="letter-spacing: 0.1em !important"><p style="letter-spacing: 0.2em !important">Opening hours</p></div>)",
};
constexpr std::string_view kFails[] = {
    R"(<p style="letter-spacing: 0.1em !important">Opening hours of the county library</p>)",
    R"(<p style="letter-spacing: normal !important">Opening hours of the county library</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p style="letter-spacing: 0.1em">Opening hours of the county library</p>)",
    R"(<div style="letter-spacing: 0.1em !important"></div>)",
    R"(<p style="display: none; letter-spacing: 0.1em !important">Opening hours</p>)",
    R"(<p style="letter-spacing: 0.1em"><span style="letter-spacing: inherit !important">Opening hours</span></p>)",
};

}  // namespace

extern const engine::Rule kHtmlLetterSpacing{
    .id = "html.letter-spacing",
    .summary = "Letter spacing forced with !important in a style attribute is wide enough",
    .why =
        "People with dyslexia or low vision often widen the space between letters with a "
        "browser setting or extension. A style attribute with !important overrides them.",
    .help =
        "Remove !important from letter-spacing in the style attribute, or make it at least "
        "0.12em.",
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
