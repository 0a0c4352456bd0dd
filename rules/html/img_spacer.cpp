// html.img-spacer: spacer images are hidden from assistive technologies. WCAG 2.2 SC 1.1.1
// Non-text Content (A) and 1.3.1 Info and Relationships (A); EN 301 549 9.1.1.1, 9.1.3.1;
// failure techniques F38 (decorative images not marked so they are ignored) and F39.
// Interpretation: targets are rendered HTML img elements that are spacers: width and height
// attributes (or computed width and height) of at most 1 CSS pixel each, or a file name that
// names a spacer (spacer, blank, pixel, shim, clear, trans, transparent, dot or 1x1, then .gif
// or .png). One hidden from the accessibility tree (alt="", aria-hidden, role none or
// presentation) passes; one that is exposed (no alt, or alt text such as "spacer") fails as a
// warning: screen readers announce an image that is only there to push content around.
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/html/image_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool TinyAttribute(const engine::Node& e, std::string_view name) {
  const std::string_view v = engine::TrimWhitespace(e.AttrOr(name));
  return v == "0" || v == "1" || v == "1px" || v == "0px";
}

bool IsSpacer(const engine::Page& p, const engine::Node& e) {
  if (TinyAttribute(e, "width") && TinyAttribute(e, "height")) {
    return true;
  }
  const engine::ComputedStyle& s = p.styles().Of(e);
  const std::optional<double> w = s.LengthPx("width");
  const std::optional<double> h = s.LengthPx("height");
  if (w && h && *w <= 1 && *h <= 1) {
    return true;
  }
  const std::string file = engine::AsciiLower(UrlFileName(e.AttrOr("src")));
  for (std::string_view stem : {"spacer", "blank", "pixel", "shim", "clear", "trans", "transparent",
                                "dot", "1x1", "spacer1", "clearpixel"}) {
    for (std::string_view ext : {".gif", ".png"}) {
      if (file == std::string(stem) + std::string(ext)) {
        return true;
      }
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!images::IsRenderedImg(p, e) || !IsSpacer(p, e)) {
      return;
    }
    const std::string* alt = e.Attr("alt");
    const bool hidden = (alt != nullptr && engine::TrimWhitespace(*alt).empty()) ||
                        HasExplicitPresentationalRole(p, e) || !IsExposed(p, e);
    if (hidden) {
      out.Pass(&e);
    } else {
      out.Warn(&e,
               "This looks like a spacer image (1x1 or named like one) but screen readers "
               "announce it: give it alt=\"\", and use CSS for spacing.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.1.1", "1.3.1"};
constexpr std::string_view kEn[] = {"9.1.1.1", "9.1.3.1"};
constexpr std::string_view kPasses[] = {R"(<img src="/i/spacer.gif" alt="" width="1" height="1">)"};
constexpr std::string_view kFails[] = {
    R"(<img src="/i/spacer.gif" width="10" height="20">)",
    R"(<img src="/i/x.gif" alt="spacer" width="1" height="1">)",
};
constexpr std::string_view kInapplicable[] = {R"(<img src="/i/map.png" alt="Map">)",
                                              R"(<p>No images</p>)"};

}  // namespace

extern const engine::Rule kHtmlImgSpacer{
    .id = "html.img-spacer",
    .summary = "Spacer images are hidden from screen readers",
    .why =
        "Old pages push content around with invisible 1x1 images. Without alt=\"\", screen "
        "readers announce each one as an image, often by its file name, between the real "
        "content.",
    .help = "Remove spacer images and use CSS margins and padding; until then give each alt=\"\".",
    .limits =
        "Spacers are recognised by size attributes, computed size and common file names only; "
        "the image file is not read.",
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
