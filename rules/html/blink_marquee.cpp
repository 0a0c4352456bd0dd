// html.blink-marquee: no moving or blinking text made with <marquee>, <blink> or CSS
// text-decoration: blink. WCAG 2.2 SC 2.2.2 Pause, Stop, Hide (A); EN 301 549 9.2.2.2; failure
// techniques F16 (scrolling content with no mechanism to pause it: the marquee element) and F47
// (the blink element) and F4 (text-decoration: blink).
// Interpretation: targets are rendered elements of the page and its frames. A <marquee> fails
// (an error): browsers scroll it for as long as the page is open and give people no way to stop
// it. <blink> and text-decoration: blink fail as warnings: current browsers no longer make the
// text blink, but others may, and the author meant it to. A page with none passes.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  size_t before = out.count();
  const bool css_blink = page.styles().AuthorCssMentions("blink");
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (p.styles().IsDisplayNone(e)) {
      return;
    }
    if (e.IsHtml("marquee")) {
      out.Fail(&e,
               "This <marquee> scrolls its content for as long as the page is open, with no "
               "way for people to pause or stop it.");
      return;
    }
    if (e.IsHtml("blink")) {
      out.Warn(&e, "<blink> makes text flash on and off in browsers that support it.");
      return;
    }
    if (css_blink) {
      const engine::ComputedStyle& s = p.styles().Of(e);
      const engine::CascadedDeclaration* d = s.Cascaded("text-decoration-line");
      if (d == nullptr) {
        d = s.Cascaded("text-decoration");
      }
      if (d != nullptr && !d->user_agent && d->value.find("blink") != std::string::npos) {
        out.Warn(&e, "text-decoration: blink makes this text flash in browsers that support it.");
      }
    }
  });
  if (out.count() == before && page.document().html() != nullptr && !page.document().is_xml()) {
    out.Pass(page.document().html());
  }
}

constexpr std::string_view kWcag[] = {"2.2.2"};
constexpr std::string_view kEn[] = {"9.2.2.2"};
constexpr std::string_view kPasses[] = {R"(<p>Bin collections resume on Monday.</p>)"};
constexpr std::string_view kFails[] = {
    R"(<marquee>Bin collections resume on Monday</marquee>)",
    R"(<p><blink>New!</blink> Online payments</p>)",
    R"(<p style="text-decoration: underline blink">New</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>)"};

}  // namespace

extern const engine::Rule kHtmlBlinkMarquee{
    .id = "html.blink-marquee",
    .summary = "No scrolling or blinking text (marquee, blink)",
    .why =
        "Text that scrolls or flashes by itself is hard or impossible to read for people who "
        "read slowly, and it pulls the attention of people with attention or learning "
        "difficulties away from the rest of the page. A <marquee> cannot be paused.",
    .help =
        "Show the text still. If it must move, use a script or animation with a visible pause "
        "button, and stop it after at most 5 seconds.",
    .limits =
        "Movement made with scripts or CSS animations is not checked here, and neither are "
        "animated images. A script that stops the marquee is not seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
