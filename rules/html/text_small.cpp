// html.text-small: body text is not very small. WCAG 2.2 SC 1.4.4 Resize Text (AA) and 1.4.12's
// intent for readable text; EN 301 549 9.1.4.4. WCAG sets no minimum size, so this rule only
// asks a person: text whose computed font size is under `min_px` CSS pixels is cantTell (it can
// still be zoomed, but many readers will need to); larger text passes.
// Interpretation: targets are visible HTML elements with a text node child that has a letter or
// digit, outside script, style and the head; the size is the element's computed font-size.
// Elements whose font size cannot be computed (a calc() or an unknown unit) are not judged.
#include <optional>
#include <string>
#include <unordered_set>

#include "rules/catalog.h"
#include "rules/html/support/typography.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMinPxDefault = 12;

void Check(const engine::Page& page, engine::Findings& out) {
  std::unordered_set<const engine::Node*> seen;
  typography::ForEachTextRun(page, [&](const engine::Page& p, const typography::TextRun& r) {
    if (!typography::HasLetter(r.text->text()) || !seen.insert(r.parent).second) {
      return;
    }
    const std::optional<double> size = p.styles().Of(*r.parent).FontSizePx();
    if (!size) {
      return;
    }
    if (*size < kMinPxDefault) {
      char px[32];
      std::snprintf(px, sizeof px, "%.3g", *size);
      out.CantTell(r.parent, std::string("This text is ") + px +
                                 "px, under 12px: check that it is readable, or make it larger.");
    } else {
      out.Pass(r.parent);
    }
  });
}

constexpr std::string_view kWcag[] = {"1.4.4"};
constexpr std::string_view kEn[] = {"9.1.4.4"};
constexpr engine::RuleOption kOptions[] = {
    {"min_px", kMinPxDefault, "Computed font size, in CSS pixels, under which text is very small"}};
constexpr std::string_view kPasses[] = {R"(<p>Bins are collected on Mondays.</p>)",
                                        R"(<p style="font-size: 14px">Small print.</p>)"};
constexpr std::string_view kCantTell[] = {
    R"(<p style="font-size: 9px">Terms and conditions apply.</p>)",
    R"(<style>.legal { font-size: 0.6em }</style><p class="legal">Terms apply.</p>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<p><img src="a.png" alt="Map"></p>)",
    R"(<p style="display:none; font-size: 8px">Hidden</p>)"};

}  // namespace

extern const engine::Rule kHtmlTextSmall{
    .id = "html.text-small",
    .summary = "Text is not very small",
    .why =
        "Text under 12 pixels is hard to read for many people, especially older readers and "
        "people with low vision, even if they can zoom.",
    .help = "Use at least 16px (1rem) for body text and no less than 12px for any text.",
    .limits =
        "WCAG sets no minimum size, so this asks a person; the size is the computed CSS size, "
        "not what a particular font looks like.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .level = "AA"};

}  // namespace plainsight::rules
