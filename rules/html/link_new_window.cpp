// html.link-new-window: links that open a new window or tab say so. WCAG 2.2 SC 3.2.5 Change on
// Request (AAA), technique G201 (giving users advanced warning when opening a new window); not
// in EN 301 549 (it lists A and AA criteria only).
// Interpretation: targets are HTML a and area elements with an href, rendered, in the
// accessibility tree and exposed as links, whose target attribute is "_blank" (ASCII
// case-insensitive). One whose name, description, title or surrounding block (the link's
// context: links::TextWithContext) says "new window", "new tab", "opens in" or "external" (or in
// Irish "fuinneog nua", "cluaisín nua") passes; one that says nothing fails as a warning (a
// warning given by an icon drawn with CSS is not seen).
#include <string>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

bool Warns(const std::string& text) {
  const std::string lower = engine::AsciiLower(text);
  for (std::string_view phrase : {"new window", "new tab", "opens in", "open in", "external",
                                  "fuinneog nua", "cluaisín nua", "cluaisin nua"}) {
    if (links::HasWord(lower, phrase)) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!links::IsExposedLink(p, e) ||
        !engine::EqualsIgnoreCase(engine::TrimWhitespace(e.AttrOr("target")), "_blank")) {
      return;
    }
    if (Warns(links::TextWithContext(p, e))) {
      out.Pass(&e);
    } else {
      out.Warn(&e,
               "This link opens a new window or tab (target=\"_blank\") without saying so: "
               "people lose their way back, as the Back button no longer works.");
    }
  });
}

constexpr std::string_view kWcag[] = {"3.2.5"};
constexpr std::string_view kPasses[] = {
    R"(<a href="https://example.org/" target="_blank">Census results (opens in a new tab)</a>)",
    R"(<a href="https://example.org/" target="_blank" aria-describedby="n">Census</a><span id="n">Opens in a new window</span>)",
};
constexpr std::string_view kFails[] = {
    R"(<a href="https://example.org/" target="_blank">Census results</a>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="https://example.org/">Census results</a>)",
    R"(<a href="/a" target="_self">Census</a>)",
};

}  // namespace

extern const engine::Rule kHtmlLinkNewWindow{
    .id = "html.link-new-window",
    .summary = "Links that open a new window or tab say so",
    .why =
        "A new window or tab opens without warning: screen reader and magnifier users may not "
        "notice, and the Back button no longer takes them back. People with cognitive "
        "disabilities lose their place.",
    .help =
        "Open links in the same window, or say \"(opens in a new tab)\" in the link text or in "
        "text tied to it with aria-describedby.",
    .limits = "A warning given only by an icon drawn with CSS, or by a script, is not seen.",
    .wcag = kWcag,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "AAA",
    .target_tags = targets::kLinks};

}  // namespace plainsight::rules
