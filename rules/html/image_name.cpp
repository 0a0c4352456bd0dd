// html.image-name: images have an accessible name or are marked as decorative. WCAG 2.2 SC 1.1.1
// Non-text Content; EN 301 549 9.1.1.1; ACT 23a2a8 (Image has non-empty accessible name).
// Interpretation (as ACT): every HTML <img> that is not hidden from assistive technology, and
// every other HTML element whose semantic role is img and that is in the accessibility tree.
// alt="" or role="none"/"presentation" marks an image as decorative and passes, unless the image
// is focusable or has global ARIA attributes (then WAI-ARIA 1.2 9.3 keeps the img role and it
// needs a name). SVG is left to html.svg-name.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kAct[] = {"23a2a8"};
constexpr std::string_view kPasses[] = {
    R"(<img src="map.png" alt="Map of the recycling centre">)",
    R"(<img src="swirl.png" alt="">)",
    R"(<div role="img" aria-label="Five stars out of five"></div>)",
};
constexpr std::string_view kFails[] = {
    R"(<img src="map.png">)",
    R"(<img src="map.png" alt=" ">)",
    R"(<img src="map.png" role="none" tabindex="0">)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<img src="map.png" aria-hidden="true">)",
    R"(<div style="display: none"><img src="map.png"></div>)",
    R"(<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"></circle></svg>)",
};

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (e.ns() != engine::Namespace::kHtml || p.a11y().IsHidden(e)) {
      return;
    }
    std::string_view role = p.a11y().Role(e);
    if (!e.IsHtml("img") && role != "img") {
      return;
    }
    if (role == "none") {
      out.Pass(&e, "marked as decorative");
    } else if (!NameOf(p, e).empty()) {
      out.Pass(&e);
    } else if (e.IsHtml("img")) {
      out.Fail(&e,
               "This image has no text alternative and is not marked as decorative: add an alt "
               "that says what it shows, or alt=\"\" if it is only decoration.");
    } else {
      out.Fail(&e, "This element has role=\"img\" but no accessible name.");
    }
  });
}

}  // namespace

extern const engine::Rule kHtmlImageName{
    .id = "html.image-name",
    .summary = "Images have a text alternative or are marked as decorative",
    .why =
        "Blind people hear an image's text alternative instead of seeing it. An image without "
        "one is announced by its file name, or skipped, and its information is lost.",
    .help =
        "Give each informative image an alt that says what it shows or does "
        "(alt=\"Map of the recycling centre\"). Give purely decorative images alt=\"\". For "
        "an element with role=\"img\", use aria-label.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kImages,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
