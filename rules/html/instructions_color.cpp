// html.instructions-color: instructions do not rely on colour alone. WCAG 2.2 SC 1.4.1 Use of
// Color (A); EN 301 549 9.1.4.1; failure F81 (identifying required or error fields using color
// differences only) and F73 in spirit. Whether the colour is the only cue needs a person (the
// fields may also carry an asterisk or "required"), so the rule asks: a block of visible text
// that refers to things by a colour ("fields in red are required", "click the green button",
// "is marcáilte i ndearg") is cantTell; a page with text and no such reference passes (on the
// document element).
#include <optional>
#include <string>

#include <re2/re2.h>

#include "rules/catalog.h"
#include "rules/html/support/typography.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

#define PLAINSIGHT_PS_COLOURS \
  "(red|green|blue|orange|yellow|purple|pink|grey|gray|brown|dearg|glas|gorm)"

// The whole match is group 1. RE2, as STYLE.md section 9 asks: std::regex cost more than the
// rest of the page's rules on pages with long text.
const RE2& ColourReference() {
  static const RE2 kPattern(
      "((?i)\\b(shown|marked|highlighted|coloured|colored|written|displayed|printed|outlined|"
      "appear|"
      "appears|are|is|in) (in )?" PLAINSIGHT_PS_COLOURS
      "\\b|"
      "\\b(fields|items|text|words|options|boxes|cells|rows|dates|entries|questions|sections|"
      "errors) (shown |marked |highlighted )?in " PLAINSIGHT_PS_COLOURS
      "\\b|"
      "\\bthe " PLAINSIGHT_PS_COLOURS
      " (button|link|box|field|fields|text|icon|tab|area|section|arrow|"
      "circle|square|dot|dots|star|stars|asterisk|asterisks|mark|marks|items|dates)\\b|"
      "\\bi (ndearg|nglas|ngorm)\\b)");
  return kPattern;
}

#undef PS_COLOURS

bool MayMentionColour(const std::string& lower) {
  static constexpr std::string_view kColours[] = {"red",    "green", "blue", "orange", "yellow",
                                                  "purple", "pink",  "grey", "gray",   "brown",
                                                  "dearg",  "glas",  "gorm"};
  return ContainsAnyOf(lower, kColours);
}

bool Instructional(const std::string& lower) {
  static constexpr std::string_view kWords[] = {
      "required", "must",        "mandatory", "click",  "press",    "select", "tap",
      "choose",   "fill",        "complete",  "enter",  "error",    "field",  "button",
      "link",     "riachtanach", "cliceáil",  "brúigh", "roghnaigh"};
  return ContainsAnyOf(lower, kWords);
}

void Check(const engine::Page& page, engine::Findings& out) {
  typography::AskAboutBlocks(page, out, [](const std::string& lower) -> std::optional<std::string> {
    re2::StringPiece m;
    if (MayMentionColour(lower) && Instructional(lower) &&
        RE2::PartialMatch(lower, ColourReference(), &m)) {
      return "This text refers to things by colour (\"" + std::string(m) +
             "\"): check that colour is not the only way to tell them apart.";
    }
    return std::nullopt;
  });
}

constexpr std::string_view kWcag[] = {"1.4.1"};
constexpr std::string_view kEn[] = {"9.1.4.1"};
constexpr std::string_view kTechniques[] = {"F81", "G14", "G182"};
constexpr std::string_view kPasses[] = {
    R"(<p>Fields marked with an asterisk (*) are required.</p>)",
    R"(<p>The Red Cross runs first-aid courses in every county.</p>)"};
constexpr std::string_view kCantTell[] = {
    R"(<form><p>Fields in red are required.</p><label>Name <input name="n"></label></form>)",
    R"(<p>Click the green button to continue.</p>)",
    R"(<p>Tá na réimsí riachtanacha marcáilte i ndearg.</p>)"};
constexpr std::string_view kInapplicable[] = {R"(<img src="a.png" alt="">)",
                                              R"(<p hidden>Fields in red are required.</p>)"};

}  // namespace

extern const engine::Rule kHtmlInstructionsColor{
    .id = "html.instructions-color",
    .summary = "Instructions do not rely on colour alone",
    .why =
        "People who are colour blind, or who use a screen reader, cannot follow \"fields in red "
        "are required\" unless something other than colour marks the fields.",
    .help =
        "Say what the colour means in words or symbols too: mark required fields with "
        "\"(required)\" or an asterisk explained at the top of the form.",
    .limits =
        "Finds English and Irish phrases that name a colour next to instruction words; whether "
        "another cue exists needs a person. Instructions in images are not read.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .techniques = kTechniques};

}  // namespace plainsight::rules
