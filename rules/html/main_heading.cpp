// html.main-heading: the main content starts with a heading. WCAG 2.2 SC 2.4.1 Bypass Blocks; EN
// 301 549 9.2.4.1; ACT 047fe0. Interpretation: passed when an exposed main landmark begins with a
// heading that is visible, in the accessibility tree and named. Failed when the page opens with
// site navigation (page_support.h LeadingSiteNavigation) and nothing after it is such a heading (a
// bold line styled big is not a heading). Otherwise a person must say where the main content
// starts: cantTell.
#include "rules/catalog.h"
#include "rules/html/support/bypass_blocks.h"
#include "rules/html/support/landmarks.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.1"};
constexpr std::string_view kEn[] = {"9.2.4.1"};
constexpr std::string_view kAct[] = {"047fe0"};

constexpr std::string_view kPasses[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><main><h1>Bin collection</h1><p>Put bins out by 7am.</p></main></html>)",
};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><div><b style="font-size: 24px">Bin collection</b><p>Put bins out by 7am.</p></div></html>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><p>Put bins out by 7am.</p></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

}  // namespace

extern const engine::Rule kHtmlMainHeading{
    .id = "html.main-heading",
    .summary = "The main content starts with a heading",
    .why =
        "Screen reader users jump from heading to heading. A heading at the start of the main "
        "content lets them skip the header and menus in one keystroke.",
    .help =
        "Start the content that is unique to this page with a real heading element (<h1>), not "
        "text styled to look big.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &bypass::CheckVerdict<&bypass::MainHeadingVerdict>,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
