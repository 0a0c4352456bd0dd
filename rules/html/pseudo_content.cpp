// html.pseudo-content: meaningful text is not inserted with CSS. WCAG 2.2 SC 1.3.1 Info and
// Relationships (A); EN 301 549 9.1.3.1; failure F87 (inserting non-decorative content by using
// ::before and ::after pseudo-elements and the 'content' property in CSS). Screen readers and
// browsers differ in whether they read generated content, and it is lost when CSS is off.
// Interpretation: targets are rendered HTML elements whose ::before or ::after generates text
// (engine::Styles::BeforeText/AfterText). Text with a letter or digit, an asterisk (a
// "required" mark) or a private-use character (an icon font glyph) is cantTell: a person
// decides whether it carries meaning. Text of only punctuation, spaces and symbols used as
// decoration (quotes, bullets, arrows, separators) passes. Elements without generated text are
// inapplicable.
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// Letters, digits, '*', or a character in the Private Use Area (U+E000..U+F8FF: EE 80 80 to
// EF A3 BF in UTF-8) or a non-ASCII letter (approximated: any 2-byte UTF-8 sequence, Latin,
// Greek, Cyrillic...).
bool MayCarryMeaning(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*') {
      return true;
    }
    if (c >= 0xC3 && c <= 0xDF) {
      return true;  // Latin-1 letters onwards (U+00C0..U+07FF)
    }
    if (c == 0xEE ||
        (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xA3)) {
      return true;
    }
  }
  return false;
}

void Judge(const engine::Node& e, const std::optional<std::string>& text, std::string_view where,
           engine::Findings& out) {
  if (!text || engine::TrimWhitespace(*text).empty()) {
    return;
  }
  if (MayCarryMeaning(*text)) {
    out.CantTell(&e, std::string("CSS ") + std::string(where) + " inserts \"" + *text +
                         "\": if this carries meaning, put it in the HTML instead.");
  } else {
    out.Pass(&e);
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (e.ns() != engine::Namespace::kHtml || p.styles().IsDisplayNone(e) || !IsVisible(p, e)) {
      return;
    }
    Judge(e, p.styles().BeforeText(e), "::before", out);
    Judge(e, p.styles().AfterText(e), "::after", out);
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kTechniques[] = {"F87", "C9"};
constexpr std::string_view kPasses[] = {
    R"(<style>li::before { content: "\2022  " }</style><ul><li>Bins</li></ul>)",
    R"(<style>q::before { content: open-quote }</style><p><q>Hello</q></p>)"};
constexpr std::string_view kCantTell[] = {
    R"(<style>.req::after { content: " *" }</style><label class="req">Name</label>)",
    R"(<style>.new::before { content: "New: " }</style><p class="new">Parking permits.</p>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<style>.clear::after { content: ""; display: table }</style><div class="clear">A</div>)",
    R"(<p>No generated content</p>)"};

}  // namespace

extern const engine::Rule kHtmlPseudoContent{
    .id = "html.pseudo-content",
    .summary = "Meaningful text is in the HTML, not inserted with CSS",
    .why =
        "Text added with CSS ::before or ::after is read by some screen readers and not others, "
        "cannot be selected or translated, and is lost when people turn styles off.",
    .help =
        "Put words, required-field marks and icons that carry meaning in the HTML (with a text "
        "alternative for icons); keep CSS content for decoration.",
    .limits =
        "Whether the inserted text carries meaning needs a person; counters and url() content "
        "are not read.",
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
