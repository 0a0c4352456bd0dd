// html.link-title-redundant: a link's title does not just repeat its text. Related to WCAG 2.2
// SC 2.4.4 Link Purpose (In Context) (A) and EN 301 549 9.2.4.4 as advice (technique H33 asks a
// title to add to the link text, not to repeat it); the SortSite and WAVE check of the same name.
// Interpretation: targets are HTML a and area elements with an href, exposed as links, with both
// visible text of their own and a non-empty title. A title equal to the text (ignoring case,
// white space and closing punctuation) is cantTell: screen readers may read the same words twice
// and the tooltip covers the page for nothing, but whether that hinders anyone is a person's
// call. A title that adds something passes. A link whose title is its only name is
// inapplicable: there the title does the work (html.link-name judges it).
#include <string>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// Lowercase ASCII, white space collapsed, closing punctuation and spaces dropped.
std::string Normalised(std::string_view s) {
  std::string out = engine::AsciiLower(engine::CollapseWhitespace(s));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ':' ||
                          out.back() == '!' || out.back() == '?')) {
    out.pop_back();
  }
  return out;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    const std::string* title = e.Attr("title");
    if (title == nullptr || !links::IsExposedLink(p, e)) {
      return;
    }
    const std::string text = Normalised(e.TextContent());
    const std::string tip = Normalised(*title);
    if (text.empty() || tip.empty()) {
      return;
    }
    if (text == tip) {
      out.CantTell(&e, "The title \"" + engine::CollapseWhitespace(*title) +
                           "\" repeats the link text: screen readers may read it twice, and the "
                           "tooltip adds nothing. Remove the title, or make it add something.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"2.4.4"};
constexpr std::string_view kEn[] = {"9.2.4.4"};
constexpr std::string_view kTechniques[] = {"H33"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/bins" title="Collection days for each area, as a PDF">Bin collections</a>)"};
constexpr std::string_view kCantTell[] = {
    R"(<a href="/bins" title="Bin collections">Bin collections</a>)",
    R"(<a href="/contact" title="contact us.">Contact   Us</a>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/bins">Bin collections</a>)",
    R"(<a href="/search" title="Search"><img src="search.png" alt=""></a>)",
    R"(<span title="Bin collections">Bin collections</span>)"};

}  // namespace

extern const engine::Rule kHtmlLinkTitleRedundant{
    .id = "html.link-title-redundant",
    .summary = "A link's title adds to its text rather than repeating it",
    .why =
        "Screen readers may read a link's text and then its title: the same words twice. The "
        "tooltip appears over the page for mouse users and tells them nothing new.",
    .help =
        "Remove a title that only repeats the link text. If there is more to say (\"opens a "
        "PDF, 2 MB\"), put it in the link text itself, where everyone gets it.",
    .limits =
        "Whether the repetition hinders anyone depends on the screen reader and its settings; "
        "a person decides. Only the link's own text is compared, not images inside it.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "A",
    .techniques = kTechniques,
    .target_tags = targets::kLinks};

}  // namespace plainsight::rules
