// html.img-alt-title: an image's alt and title agree. WCAG 2.2 SC 1.1.1 Non-text Content (A);
// EN 301 549 9.1.1.1; HTML 4.8.4.4.14 (the title attribute is not a substitute for alt, and
// alt="" declares the image decorative).
// Interpretation: targets are rendered HTML img elements with a non-empty title attribute.
//  - alt="" with a title fails as a warning: the markup says both "decoration" (alt="") and
//    "this image means something" (the title mouse users see), and screen reader users get
//    nothing;
//  - a non-empty alt that differs from the title (ignoring case, spacing and end punctuation)
//    needs a person (cantTell): mouse users and screen reader users are told different things,
//    which may be meant (a credit in the title) or not;
//  - the same text, or no alt (html.image-name's concern), passes or is left alone.
#include <string>

#include "rules/catalog.h"
#include "rules/html/image_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!images::IsRenderedImg(p, e)) {
      return;
    }
    const std::string title(engine::TrimWhitespace(e.AttrOr("title")));
    const std::string* alt = e.Attr("alt");
    if (title.empty() || alt == nullptr) {
      return;
    }
    if (engine::TrimWhitespace(*alt).empty()) {
      out.Warn(&e, R"(This image is marked as decoration (alt="") but has the title ")" + title +
                       "\": if it means something, put that in alt; if not, remove the title.");
    } else if (NormalizeForComparison(*alt) != NormalizeForComparison(title)) {
      out.CantTell(&e, "This image's alt and title differ: screen reader users hear \"" +
                           std::string(engine::TrimWhitespace(*alt)) + "\", mouse users see \"" +
                           title + "\". Check that both are meant.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kPasses[] = {
    R"(<img src="map.png" alt="Map of the town" title="Map of the town.">)"};
constexpr std::string_view kFails[] = {
    R"(<img src="map.png" alt="" title="Map of the recycling centres">)"};
constexpr std::string_view kCantTell[] = {
    R"(<img src="map.png" alt="Map of the town" title="Photo: county archive">)"};
constexpr std::string_view kInapplicable[] = {R"(<img src="map.png" alt="Map">)",
                                              R"(<img src="map.png" title="Map">)"};

}  // namespace

extern const engine::Rule kHtmlImgAltTitle{
    .id = "html.img-alt-title",
    .summary = "An image's alt and title say the same thing",
    .why =
        "The title shows when a mouse hovers over an image; screen readers read the alt. An "
        "image with alt=\"\" and a title tells screen reader users it is decoration while "
        "everyone else is told what it means.",
    .help =
        "Put what the image means in alt. Drop the title, or make it say the same; credits "
        "and extra notes belong in visible text.",
    .limits =
        "Whether a different title is intended (a photo credit) is for a person, so a "
        "difference is a notice.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kImages};

}  // namespace plainsight::rules
