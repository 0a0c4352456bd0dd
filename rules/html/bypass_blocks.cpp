// html.bypass-blocks: there is a way past blocks repeated on every page. WCAG 2.2 SC 2.4.1 Bypass
// Blocks; EN 301 549 9.2.4.1; ACT cf77f2. Interpretation (ACT composite rule): passed when any of
// html.main-landmark, html.skip-link, html.main-heading or html.repeated-block-collapsible passes;
// failed when all of them fail (the page opens with site navigation, has no main landmark, no skip
// link, no heading after the navigation and no script); cantTell otherwise.
#include "rules/html/support/bypass_blocks.h"

#include "rules/catalog.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.1"};
constexpr std::string_view kEn[] = {"9.2.4.1"};
constexpr std::string_view kAct[] = {"cf77f2"};

constexpr std::string_view kPasses[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><main><p>Put bins out by 7am.</p></main></html>)",
};
constexpr std::string_view kFails[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><nav><a href="/">Home</a> <a href="/bins">Bins</a></nav><div><p>Put bins out by 7am.</p></div></html>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<!DOCTYPE html><html lang="en"><title>Bins</title><a href="/contact">Contact</a><p>Put bins out by 7am.</p></html>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>An SVG</title></svg>)",
};

void Check(const engine::Page& page, engine::Findings& out) {
  const bypass::Verdict verdicts[] = {
      bypass::MainLandmarkVerdict(page), bypass::SkipLinkVerdict(page),
      bypass::MainHeadingVerdict(page), bypass::CollapsibleVerdict(page)};
  bool all_failed = true;
  for (const bypass::Verdict& v : verdicts) {
    if (v.outcome == engine::Outcome::kInapplicable) {
      return;
    }
    if (v.outcome == engine::Outcome::kPassed) {
      out.Pass(v.node, "bypass mechanism: " + v.message);
      return;
    }
    all_failed = all_failed && v.outcome == engine::Outcome::kFailed;
  }
  const engine::Node* html = page.document().html();
  if (all_failed) {
    out.Fail(html,
             "The page opens with site navigation and offers no way past it: no main landmark, "
             "no skip link, no heading to jump to. Add <main> around the page's own content.");
  } else {
    out.CantTell(html,
                 "Check that keyboard and screen reader users can skip the blocks repeated on "
                 "every page (a skip link, a <main> landmark or a heading at the start of the "
                 "content).");
  }
}

}  // namespace

extern const engine::Rule kHtmlBypassBlocks{
    .id = "html.bypass-blocks",
    .summary = "People can skip the blocks repeated on every page",
    .why =
        "Without a way past the header and menus, keyboard and screen reader users must go through "
        "them on every page before reaching the content.",
    .help =
        "Wrap the page's own content in <main>, start it with a heading, and add a \"Skip to main "
        "content\" link at the top.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
