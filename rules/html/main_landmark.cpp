// html.main-landmark: the page marks its own content with a main landmark. WCAG 2.2 SC 2.4.1 Bypass
// Blocks; EN 301 549 9.2.4.1; ACT b40fd1. Interpretation: passed when a main landmark with content
// is in the accessibility tree (the author has said where the page's own content is). Failed when
// the page opens with site navigation (page_support.h LeadingSiteNavigation: the presumed repeated
// block) and has no exposed main landmark. Without either, what is repeated across pages needs a
// person: cantTell.
#include "rules/catalog.h"
#include "rules/html/support/bypass_blocks.h"
#include "rules/html/support/landmarks.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.1"};
constexpr std::string_view kEn[] = {"9.2.4.1"};
constexpr std::string_view kAct[] = {"b40fd1"};

constexpr std::string_view kPasses[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><main><h1>Bins</h1><p>Put bins out by 7am.</p></main></html>)",
};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><div><h1>Bins</h1><p>Put bins out by 7am.</p></div></html>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><p>Put bins out by 7am.</p></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

}  // namespace

extern const engine::Rule kHtmlMainLandmark{
    .id = "html.main-landmark",
    .summary = "The page marks its main content with a main landmark",
    .why =
        "Screen reader users can jump straight to the main landmark, past the header and menus "
        "that repeat on every page.",
    .help =
        "Wrap the content that is unique to this page in one <main> element (not the header, menus "
        "or footer).",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &bypass::CheckVerdict<&bypass::MainLandmarkVerdict>,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
