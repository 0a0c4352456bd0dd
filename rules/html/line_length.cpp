// html.line-length: lines of text are at most 80 characters wide. WCAG 2.2 SC 1.4.8 Visual
// Presentation (AAA), "width is no more than 80 characters or glyphs"; technique C20 (using
// relative measurements to set column widths so that lines can average 80 characters or less).
// Not in EN 301 549 (A and AA only).
// Interpretation: targets are visible HTML p elements with more than `max_chars` characters of
// text. Without a layout engine the width of a line is estimated from the width available to the
// paragraph (engine::AvailableWidthBounds: the nearest width in px, capped by max-width, else the
// 1280px viewport) and an average advance of half the font size for Latin text. When even the
// widest estimate fits in `max_chars` characters the paragraph passes; when a width fixed in px
// (or a max-width, or a max-width in ch) surely gives more, it fails as a warning (a user
// setting that narrows the column, which 1.4.8 accepts, is not seen); when nothing in the CSS
// sets the width it is cantTell: floats, grids and padding may narrow the column.
#include <cstdio>
#include <optional>
#include <string>

#include "engine/layout/text_box.h"
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMaxCharsDefault = 80;
constexpr double kAverageAdvanceEm = 0.5;

size_t TextLength(const engine::Node& e) {
  size_t n = 0;
  for (const engine::Node* c : e.children()) {
    if (c->IsText()) {
      n += engine::TrimWhitespace(c->text()).size();
    } else if (c->IsElement()) {
      n += TextLength(*c);
    }
  }
  return n;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("p") || p.styles().IsDisplayNone(e) || !IsVisible(p, e) ||
        TextLength(e) <= kMaxCharsDefault) {
      return;
    }
    const engine::ComputedStyle& s = p.styles().Of(e);
    const std::optional<double> font = s.FontSizePx();
    if (!font || *font <= 0) {
      return;
    }
    const double advance = *font * kAverageAdvanceEm;
    const engine::WidthBounds width = engine::AvailableWidthBounds(p, e);
    const double widest = width.max_px / advance;
    if (widest <= kMaxCharsDefault) {
      out.Pass(&e);
      return;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", widest);
    if (width.min_px > 0 && width.min_px / advance > kMaxCharsDefault) {
      out.Warn(&e, std::string("Lines in this paragraph hold about ") + buf +
                       " characters, more than 80: long lines are hard to follow.");
    } else {
      out.CantTell(&e, std::string("Lines in this paragraph may hold up to about ") + buf +
                           " characters (nothing in the CSS limits the column): check that "
                           "they are no more than 80.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.4.8"};
constexpr std::string_view kTechniques[] = {"C20"};
constexpr engine::RuleOption kOptions[] = {
    {"max_chars", kMaxCharsDefault, "Most characters on one line of a paragraph"}};
constexpr std::string_view kPasses[] = {
    R"(<main style="width: 560px"><p>You can apply for a housing grant if you own your home and have lived in it for two years or more.</p></main>)"};
constexpr std::string_view kFails[] = {
    R"(<main style="width: 1100px"><p>You can apply for a housing grant if you own your home and have lived in it for two years or more.</p></main>)"};
constexpr std::string_view kInapplicable[] = {R"(<p>Yes.</p>)", R"(<div>No paragraphs</div>)"};
constexpr std::string_view kCantTell[] = {
    R"(<p>You can apply for a housing grant if you own your home and have lived in it for two years or more.</p>)"};

}  // namespace

extern const engine::Rule kHtmlLineLength{
    .id = "html.line-length",
    .summary = "Lines of text are at most 80 characters wide",
    .why =
        "Very long lines make it hard to find the start of the next line, which slows reading "
        "for everyone and especially for people with dyslexia or low vision.",
    .help = "Limit the text column, for example with max-width: 70ch on paragraphs.",
    .limits =
        "Line length is estimated from the CSS widths and an average letter width, without "
        "layout: floats, grids and padding are not laid out, so unsure cases are asked about.",
    .wcag = kWcag,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .level = "AAA",
    .techniques = kTechniques};

}  // namespace plainsight::rules
