// html.repeated-block-collapsible: blocks repeated on every page can be collapsed. WCAG 2.2
// SC 2.4.1 Bypass Blocks; EN 301 549 9.2.4.1; ACT 3e12e1. Interpretation: the presumed repeated
// block is the site navigation that opens the page (page_support.h LeadingSiteNavigation). Passed
// when it sits in an open <details> element (a native control collapses it). Failed when it does
// not and the page has no script that could collapse it. Scripts, or pages without such navigation:
// cantTell (a person must try the page). Collapsing is only one way to meet 2.4.1; see
// html.bypass-blocks.
#include "rules/catalog.h"
#include "rules/html/support/bypass_blocks.h"
#include "rules/html/support/landmarks.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.1"};
constexpr std::string_view kEn[] = {"9.2.4.1"};
constexpr std::string_view kAct[] = {"3e12e1"};

constexpr std::string_view kPasses[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><details open><summary>Menu</summary><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav></details><p>Put bins out by 7am.</p></html>)",
};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><p>Put bins out by 7am.</p></html>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><button onclick="menu.hidden = !menu.hidden">Menu</button><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><p>Put bins out by 7am.</p></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

}  // namespace

extern const engine::Rule kHtmlRepeatedBlockCollapsible{
    .id = "html.repeated-block-collapsible",
    .summary = "Menus repeated on every page can be collapsed",
    .why =
        "Keyboard and screen reader users must get past every repeated menu before they reach the "
        "content. A control that hides the menu is one way to let them.",
    .help =
        "Put the menu in a <details> element with a <summary> such as \"Menu\", or provide a skip "
        "link or a <main> landmark.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kMinor,
    .check = &bypass::CheckVerdict<&bypass::CollapsibleVerdict>,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
