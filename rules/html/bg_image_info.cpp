// html.bg-image-info: CSS background images that carry information have a text alternative.
// WCAG 2.2 SC 1.1.1 Non-text Content (A); EN 301 549 9.1.1.1; failure F3 (using CSS to include
// images that convey important information). Whether a background image conveys information
// needs a person.
// Interpretation: targets are rendered, visible HTML elements (not html or body) whose computed
// background-image has a url() (gradients alone are decoration) and that have no text of their
// own: no non-blank text in their subtree and no img, svg, input, button or other replaced
// content. One with an accessible name (role="img" with aria-label, a labelled link or button)
// passes: the image's meaning is in the name. One with neither text nor name is cantTell. An
// element with text is inapplicable: the image is behind text, which carries the content.
#include <string>

#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool HasContent(const engine::Node& e) {
  for (const engine::Node* c : e.children()) {
    if (c->IsText()) {
      if (!engine::TrimWhitespace(c->text()).empty()) {
        return true;
      }
    } else if (c->IsElement()) {
      if (c->ns() != engine::Namespace::kHtml || c->IsHtml("img") || c->IsHtml("input") ||
          c->IsHtml("button") || c->IsHtml("select") || c->IsHtml("textarea") ||
          c->IsHtml("video") || c->IsHtml("canvas") || c->IsHtml("iframe") || c->IsHtml("object") ||
          c->IsHtml("embed") || c->IsHtml("picture") || HasContent(*c)) {
        return true;
      }
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  // A url() in background-image can only come from author CSS (the user-agent sheet and the
  // presentational hints set none): a page (or frame) whose CSS has no "url(" is skipped.
  const engine::Page* asked = nullptr;
  bool has_urls = false;
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (&p != asked) {
      asked = &p;
      has_urls = p.styles().AuthorCssMentions("url(");
    }
    if (!has_urls || e.ns() != engine::Namespace::kHtml || e.IsHtml("html") || e.IsHtml("body") ||
        p.styles().IsDisplayNone(e)) {
      return;
    }
    const std::string& bg = p.styles().Of(e).Get("background-image").text;
    if (bg.find("url(") == std::string::npos || HasContent(e) || !IsVisible(p, e)) {
      return;
    }
    if (IsExposed(p, e) && !engine::TrimWhitespace(p.PageFor(e).a11y().AccessibleName(e)).empty()) {
      out.Pass(&e);
      return;
    }
    out.CantTell(&e,
                 "This element shows a CSS background image and has no text: if the image "
                 "carries information, give it a text alternative (role=\"img\" and "
                 "aria-label, or visible text).");
  });
}

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kTechniques[] = {"F3", "C9"};
constexpr std::string_view kPasses[] = {
    R"(<div role="img" aria-label="Map of the county" style="background-image: url(map.png); width: 300px; height: 200px"></div>)"};
constexpr std::string_view kCantTell[] = {
    R"(<div style="background-image: url(warning.png); width: 32px; height: 32px"></div>)",
    R"(<style>.status { background: url(closed.png) no-repeat }</style><span class="status"></span>)"};
constexpr std::string_view kInapplicable[] = {
    R"html(<div style="background-image: url(texture.png)"><p>Opening hours</p></div>)html",
    R"(<div style="background-image: linear-gradient(white, grey); height: 10px"></div>)",
    R"(<p>No backgrounds</p>)"};

}  // namespace

extern const engine::Rule kHtmlBgImageInfo{
    .id = "html.bg-image-info",
    .summary = "Background images that carry information have a text alternative",
    .why =
        "Screen readers do not announce CSS background images, and they disappear in high "
        "contrast modes, so an icon or chart set as a background is lost.",
    .help =
        "Use an img element with alt text for images that carry meaning, or give the element "
        "role=\"img\" and an aria-label. Purely decorative backgrounds need nothing.",
    .limits =
        "Whether the image carries information needs a person: most background images are "
        "decoration. Backgrounds on elements with text are not asked about.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .techniques = kTechniques};

}  // namespace plainsight::rules
