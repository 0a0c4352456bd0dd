// html.text-justified: text is not justified. WCAG 2.2 SC 1.4.8 Visual Presentation (AAA),
// technique C19 (specifying alignment either to the left or right in CSS) and failure F88
// (using text that is justified); not in EN 301 549 (A and AA only).
// Interpretation: targets are rendered elements of the page and its frames with text of their
// own (a non-empty text node child) that is visible. A computed text-align of "justify" fails
// as a warning (1.4.8 also allows a mechanism to change it, which a static page does not show);
// other alignments pass.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool HasOwnText(const engine::Node& e) {
  for (const engine::Node* c : e.children()) {
    if (c->IsText() && !engine::TrimWhitespace(c->text()).empty()) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (e.ns() != engine::Namespace::kHtml || !HasOwnText(e) || p.styles().IsDisplayNone(e) ||
        e.IsHtml("script") || e.IsHtml("style") || e.IsHtml("title") || !IsVisible(p, e)) {
      return;
    }
    if (p.styles().Of(e).Get("text-align").text == "justify") {
      out.Warn(&e,
               "This text is justified: the uneven gaps between words make it harder to read "
               "for people with dyslexia.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"1.4.8"};
constexpr std::string_view kPasses[] = {R"(<p>Bins are collected on Mondays.</p>)"};
constexpr std::string_view kFails[] = {
    R"(<style>p { text-align: justify }</style><p>Bins are collected on Mondays.</p>)",
    R"(<div align="justify">Bins are collected on Mondays.</div>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<p style="text-align: justify"><img src="a.png" alt="A"></p>)",
    R"(<p style="display:none">Hidden</p>)"};

}  // namespace

extern const engine::Rule kHtmlTextJustified{
    .id = "html.text-justified",
    .summary = "Text is aligned to one side, not justified",
    .why =
        "Justified text leaves uneven gaps between words, and \"rivers\" of white space down "
        "the page, which make reading harder for many people with dyslexia or low vision.",
    .help = "Use text-align: left (or start) for body text.",
    .limits =
        "A control that lets people change the alignment (which 1.4.8 accepts) is not seen, "
        "so this is a warning.",
    .wcag = kWcag,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "AAA"};

}  // namespace plainsight::rules
