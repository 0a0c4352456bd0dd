// html.skip-link: the page has a link that skips to its main content. WCAG 2.2 SC 2.4.1 Bypass
// Blocks; EN 301 549 9.2.4.1; ACT ye5d6e. Interpretation: an instrument is a focusable same-page
// <a> or <area> whose target exists and is rendered. Passed when one leads to the main landmark,
// into it, or just before it (no perceivable content in between). Other working same-page links
// need a person to say whether they skip the repeated blocks: cantTell. Failed when no such link
// exists, the page has no script that could provide one, and it has something that may repeat (a
// navigation, banner, complementary or search landmark, or a link to another page). ACT maps this
// rule to techniques G1, G123 and G124; WCAG 2.4.1 can also be met by landmarks or headings.
#include "rules/catalog.h"
#include "rules/html/support/bypass_blocks.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.1"};
constexpr std::string_view kEn[] = {"9.2.4.1"};
constexpr std::string_view kAct[] = {"ye5d6e"};

constexpr std::string_view kPasses[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><a href="#main">Skip to main content</a><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><main id="main"><p>Put bins out by 7am.</p></main></html>)",
};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><a href="#content">Skip to content</a><div id="main"><p>Put bins out by 7am.</p></div></html>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><a href="#main">Skip to content</a><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><div id="main"><p>Put bins out by 7am.</p></div></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

}  // namespace

extern const engine::Rule kHtmlSkipLink{
    .id = "html.skip-link",
    .summary = "A link at the top of the page skips to the main content",
    .why =
        "Keyboard users otherwise have to tab through every menu link on every page before they "
        "reach what they came for.",
    .help =
        "Add a link as the first thing on the page, such as <a href=\"#main\">Skip to main "
        "content</a>, pointing at the id of the main content. It may stay hidden until it gets "
        "focus.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &bypass::CheckVerdict<&bypass::SkipLinkVerdict>,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
