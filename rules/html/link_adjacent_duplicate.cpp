// html.link-adjacent-duplicate: an image and its text are one link, not two next to each other
// going to the same place. WCAG 2.2 SC 1.1.1 Non-text Content (A) and 2.4.4 Link Purpose (In
// Context) (A); EN 301 549 9.1.1.1 and 9.2.4.4; technique H2 (combining adjacent image and text
// links for the same resource).
// Interpretation: targets are HTML a elements with an href, rendered, in the accessibility tree
// and exposed as links. A link whose next sibling element is another such link to the same
// destination (LinkDestination), with only whitespace between them, fails as a warning
// (on the first of the pair): keyboard users tab twice and screen reader users hear the same
// link twice, often once as a file name or "image". A link followed by a link elsewhere passes.
#include <span>
#include <string>
#include <vector>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/landmarks.h"
#include "rules/html/support/links.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/scripts.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

// The next sibling element, when only whitespace text lies between. Starts after the node's own
// place among the children (a scan from the first child was quadratic in a block of many links).
const engine::Node* NextAdjacent(const engine::Node& e) {
  const engine::Node* parent = e.parent();
  if (parent == nullptr) {
    return nullptr;
  }
  const std::span<engine::Node* const> siblings = parent->children();
  for (size_t i = e.child_index() + 1; i < siblings.size(); ++i) {
    const engine::Node* c = siblings[i];
    if (c->IsText()) {
      if (!engine::TrimWhitespace(c->text()).empty()) {
        return nullptr;
      }
      continue;
    }
    return c->IsElement() ? c : nullptr;
  }
  return nullptr;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("a") || !links::IsExposedLink(p, e)) {
      return;
    }
    const engine::Node* next = NextAdjacent(e);
    if (next != nullptr && next->IsHtml("a") && links::IsExposedLink(p, *next)) {
      const auto here = LinkDestination(e);
      const auto there = LinkDestination(*next);
      if (here && there && *here == *there) {
        out.Warn(&e,
                 "This link and the next one go to the same place: people tab to it twice and "
                 "hear it twice. Make them one link.");
        return;
      }
    }
    out.Pass(&e);
  });
}

constexpr std::string_view kWcag[] = {"1.1.1", "2.4.4"};
constexpr std::string_view kEn[] = {"9.1.1.1", "9.2.4.4"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/bins"><img src="bin.png" alt=""> Bin collections</a>)",
    R"(<a href="/bins">Bins</a> and <a href="/bins">collections</a>)",
};
constexpr std::string_view kFails[] = {
    R"(<a href="/bins"><img src="bin.png" alt="Bins"></a> <a href="/bins">Bin collections</a>)"};
constexpr std::string_view kInapplicable[] = {R"(<p>No links</p>)", R"(<a>Anchor</a>)"};

}  // namespace

extern const engine::Rule kHtmlLinkAdjacentDuplicate{
    .id = "html.link-adjacent-duplicate",
    .summary = "An image and its text going to the same place are one link",
    .why =
        "Two links side by side to the same page (an image, then its caption) make keyboard "
        "users tab twice and screen reader users hear the same link twice, often once as "
        "\"image\" or a file name.",
    .help =
        "Put the image and the text in one <a> element, and give the image alt=\"\" so that "
        "the link's text is read once.",
    .limits =
        "Links separated by markup that is not shown (an empty span) are not seen as "
        "adjacent; whether two links to one page side by side are meant is for a person, so "
        "this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kAnchors};

}  // namespace plainsight::rules
