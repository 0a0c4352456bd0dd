// html.instructions-location: instructions do not rely on position or shape alone. WCAG 2.2 SC
// 1.3.3 Sensory Characteristics (A); EN 301 549 9.1.3.3; failure F14 (identifying content only
// by its shape or location) and F26. A reference such as "click the button on the right" may
// be fine when the button is also named, so the rule asks: a block of visible text with an
// instruction verb and a reference by location ("on the right", "top-right corner", "in the left
// column") or by shape ("the round button") is cantTell; a page with text and no such reference
// passes (on the document element).
#include <optional>
#include <string>

#include <re2/re2.h>

#include "rules/catalog.h"
#include "rules/html/support/typography.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// RE2, as STYLE.md section 9 asks (std::regex cost more than the rest of the page's rules).
const RE2& Instruction() {
  static const RE2 kPattern(
      "(?i)\\b(click|press|tap|select|use|choose|find|follow|fill in|complete|cliceáil|brúigh|"
      "roghnaigh)\\b");
  return kPattern;
}

// The whole match is group 1.
const RE2& SensoryReference() {
  static const RE2 kPattern(
      "((?i)\\b(on|to|at|in) the (top |bottom |upper |lower )?(left|right)( hand| side| of)?\\b|"
      "\\b(top|bottom|upper|lower|left|right)[- ](hand|right|left) (side|corner|column|menu|"
      "sidebar|panel|box)\\b|"
      "\\b(in|on|at) the (top|bottom) of the (page|screen|form)\\b|"
      "\\b(in|on) the (left|right|side) (column|sidebar|menu|panel|bar)\\b|"
      "\\b(round|square|circular|triangular|star-shaped|arrow-shaped) (button|icon|link|symbol)\\b|"
      "\\bar (chlé|dheis))");
  return kPattern;
}

bool MayMentionPlace(const std::string& lower) {
  static constexpr std::string_view kWords[] = {"left",   "right",  "top",      "bottom",
                                                "round",  "square", "circular", "triangular",
                                                "shaped", "chlé",   "dheis"};
  return ContainsAnyOf(lower, kWords);
}

void Check(const engine::Page& page, engine::Findings& out) {
  typography::AskAboutBlocks(page, out, [](const std::string& lower) -> std::optional<std::string> {
    re2::StringPiece m;
    if (MayMentionPlace(lower) && RE2::PartialMatch(lower, Instruction()) &&
        RE2::PartialMatch(lower, SensoryReference(), &m)) {
      return "This instruction refers to something by where it is or its shape (\"" +
             std::string(m) +
             "\"): check that it also names it, for people who cannot see the layout.";
    }
    return std::nullopt;
  });
}

constexpr std::string_view kWcag[] = {"1.3.3"};
constexpr std::string_view kEn[] = {"9.1.3.3"};
constexpr std::string_view kTechniques[] = {"F14", "F26", "G96"};
constexpr std::string_view kPasses[] = {
    R"(<p>Select "Apply now" to start your application.</p>)",
    R"(<p>The office is on the left as you enter Main Street.</p>)"};
constexpr std::string_view kCantTell[] = {
    R"(<p>Click the button on the right to continue.</p>)",
    R"(<p>Use the menu in the left column to find your form.</p>)",
    R"(<p>Press the round button to start.</p>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<img src="a.png" alt="">)", R"(<p style="display:none">Click the button on the right.</p>)"};

}  // namespace

extern const engine::Rule kHtmlInstructionsLocation{
    .id = "html.instructions-location",
    .summary = "Instructions do not rely on position or shape alone",
    .why =
        "Screen reader users, and people using zoom or a phone where the layout changes, cannot "
        "find \"the button on the right\" unless it is also named.",
    .help =
        "Name the thing you refer to: \"select Continue (below the form)\" rather than \"click "
        "the button on the right\".",
    .limits =
        "Finds English and Irish phrases with an instruction verb and a place or shape; whether "
        "the item is also named needs a person.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .techniques = kTechniques};

}  // namespace plainsight::rules
