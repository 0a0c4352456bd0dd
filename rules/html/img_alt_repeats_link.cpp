// html.img-alt-repeats-link: an image in a link does not repeat the link's text. WCAG 2.2 SC
// 1.1.1 Non-text Content (A); EN 301 549 9.1.1.1; technique H2 (combining adjacent image and
// text links) and its common failure: the image's alt repeats the text next to it, so screen
// readers say it twice.
// Interpretation: targets are rendered HTML img elements with a non-empty alt inside an HTML a
// element with an href that also holds text of its own (outside the image). When the alt equals
// that text (ignoring case, spacing and end punctuation) or is contained in it, it fails as a
// warning; an alt that adds something passes. Images with alt="" are not targets.
#include <string>

#include "rules/catalog.h"
#include "rules/html/image_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

// The link's text outside img elements.
std::string OwnText(const engine::Node& n) {
  std::string text;
  for (const engine::Node* c : n.children()) {
    if (c->IsText()) {
      text += c->text();
      text += ' ';
    } else if (c->IsElement() && !c->IsHtml("img")) {
      text += OwnText(*c);
    }
  }
  return text;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!images::IsRenderedImg(p, e)) {
      return;
    }
    const std::string alt = NormalizeForComparison(e.AttrOr("alt"));
    const engine::Node* link = e.ClosestHtmlAncestor("a");
    if (alt.empty() || link == nullptr || !link->HasAttribute("href")) {
      return;
    }
    const std::string text = NormalizeForComparison(OwnText(*link));
    if (text.empty()) {
      return;
    }
    if (text == alt || text.find(alt) != std::string::npos) {
      out.Warn(&e,
               "This image's alt repeats the link's text, so screen readers read it "
               "twice: give the image alt=\"\".");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/pool"><img src="pool.jpg" alt="Swimmers in the new pool"> Leisure centre</a>)"};
constexpr std::string_view kFails[] = {
    R"(<a href="/pool"><img src="pool.jpg" alt="Leisure centre"> Leisure centre</a>)",
    R"(<a href="/pool"><img src="pool.jpg" alt="pool"> <span>Pool timetable</span></a>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/pool"><img src="pool.jpg" alt=""> Leisure centre</a>)",
    R"(<a href="/pool"><img src="pool.jpg" alt="Leisure centre"></a>)"};

}  // namespace

extern const engine::Rule kHtmlImgAltRepeatsLink{
    .id = "html.img-alt-repeats-link",
    .summary = "An image in a link does not repeat the link's text",
    .why =
        "When a link holds an image and text, screen readers read both: an alt that repeats "
        "the text makes them say the same words twice (\"Leisure centre Leisure centre\").",
    .help = "Give the image alt=\"\" when the link's text already says where it goes.",
    .limits =
        "Repetition is found by comparing text; an alt that says the same in other words is "
        "not seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kImages};

}  // namespace plainsight::rules
