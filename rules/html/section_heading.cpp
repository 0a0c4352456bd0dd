// html.section-heading: <section> and <article> mark real sections, each with a heading or a
// name. WCAG 2.2 SC 1.3.1 Info and Relationships (A); EN 301 549 9.1.3.1; HTML 4.3.3 ("the
// section element is not a generic container element... authors are encouraged to use the div
// element instead") and 4.3.2 (an article is self-contained content, typically with a heading).
// Interpretation: targets are section and article elements of the page and its frames that are
// included in the accessibility tree or visible. One with a heading inside it, or with an
// accessible name (aria-label, aria-labelledby), passes. One with neither needs a person (a
// notice): it may be a container used for styling (then a div is right), or a real section
// whose heading is missing. The ACT test cases include an unnamed, headingless article marked as
// passing for 1.3.1, so this is never reported as a failure.
#include "rules/catalog.h"
#include "rules/html/structure_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool HasHeadingInside(const engine::Page& page, const engine::Node& element) {
  const auto& elements = page.document().elements();
  const uint32_t begin = element.element_index();
  if (begin == engine::Node::kNoElementIndex) {
    return false;
  }
  for (uint32_t i = begin + 1; i < elements.size() && elements[i]->IsDescendantOf(element); ++i) {
    if (structure::HeadingLevel(page, *elements[i]) > 0 &&
        (IsExposed(page, *elements[i]) || IsVisible(page, *elements[i]))) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!(e.IsHtml("section") || e.IsHtml("article")) || !(IsExposed(p, e) || IsVisible(p, e))) {
      return;
    }
    if (HasHeadingInside(p, e) || !NameOf(p, e).empty()) {
      out.Pass(&e);
      return;
    }
    out.CantTell(&e, "This <" + e.tag() +
                         "> has no heading and no name. If it is a section of the content, give "
                         "it a heading; if it only groups things for styling, use a <div>.");
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<section><h2>Parking</h2><p>Permits and fines.</p></section>)",
    R"(<article aria-label="Latest news"><p>The library reopens on Monday.</p></article>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<section class="wrapper"><p>Permits and fines.</p></section>)",
    R"(<article><p>The library reopens on Monday.</p></article>)",
};
constexpr std::string_view kInapplicable[] = {R"(<div><p>Text</p></div>)",
                                              R"(<section hidden><p>Old</p></section>)"};

}  // namespace

extern const engine::Rule kHtmlSectionHeading{
    .id = "html.section-heading",
    .summary = "Sections and articles have a heading or a name",
    .why =
        "Screen readers announce sections and articles, and list them for navigation. A "
        "<section> used as a styling wrapper, or an article without a heading, is announced "
        "with nothing to say what it holds.",
    .help =
        "Give each section or article a heading (h2, h3...) at its start, or use <div> when "
        "the element only groups things for layout.",
    .limits =
        "Whether an element is a real section of the content is for a person to judge, so "
        "this rule only asks (a notice); it never fails a page.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kSectioning};

}  // namespace plainsight::rules
