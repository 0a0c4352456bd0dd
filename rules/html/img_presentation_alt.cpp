// html.img-presentation-alt: an image marked decorative has no text alternative that says
// otherwise. WCAG 2.2 SC 1.1.1 Non-text Content (A) and 4.1.2 Name, Role, Value (A); EN 301 549
// 9.1.1.1, 9.4.1.2; ARIA in HTML (img with a non-empty alt must not have role none or
// presentation).
// Interpretation: targets are rendered HTML img elements whose role attribute's first token is
// none or presentation. One with a non-empty alt fails as a warning: the author has written a
// description, so the image probably informs, yet the role hides it from screen readers (or,
// in browsers that ignore the role, the markup says two things). alt="" or no alt passes (the
// role agrees with a decorative image).
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
    if (!images::IsRenderedImg(p, e) || !HasExplicitPresentationalRole(p, e)) {
      return;
    }
    const std::string alt(engine::TrimWhitespace(e.AttrOr("alt")));
    if (alt.empty()) {
      out.Pass(&e);
    } else {
      out.CantTell(&e, "This image has alt=\"" + alt +
                           "\" but a role that hides it as decoration: if it informs, remove "
                           "the role; if it is decoration, use alt=\"\".");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.1.1", "4.1.2"};
constexpr std::string_view kEn[] = {"9.1.1.1", "9.4.1.2"};
constexpr std::string_view kPasses[] = {R"(<img src="line.png" alt="" role="presentation">)"};
constexpr std::string_view kCantTell[] = {
    R"(<img src="map.png" alt="Map of the recycling centres" role="presentation">)",
    R"(<img src="logo.png" alt="Ballykeeran County Council" role="none">)"};
constexpr std::string_view kInapplicable[] = {R"(<img src="map.png" alt="Map">)",
                                              R"(<span role="presentation">x</span>)"};

}  // namespace

extern const engine::Rule kHtmlImgPresentationAlt{
    .id = "html.img-presentation-alt",
    .summary = "Images marked as decoration have no alternative text saying otherwise",
    .why =
        "role=\"presentation\" tells screen readers to skip an image, so the alt text the "
        "author wrote for it is never heard. Either the image informs and the role is wrong, "
        "or it is decoration and the alt text is noise.",
    .help =
        "If the image carries information, remove role=\"presentation\"; if it is decoration, "
        "use alt=\"\" and keep the role or drop it.",
    .limits = "Whether the image informs is for a person, so this rule only asks (a notice).",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kImages};

}  // namespace plainsight::rules
