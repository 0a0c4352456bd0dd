// html.reflow-fixed-width: content reflows at 320 CSS pixels wide. WCAG 2.2 SC 1.4.10 Reflow
// (AA); EN 301 549 9.1.4.10; failure F102 (content that requires scrolling in two dimensions),
// technique C32 (media queries and grid CSS to reflow columns).
// Interpretation: the styles are computed again for a 320 by 256 CSS px viewport (1280 by 1024
// zoomed to 400%), with media queries applied. Targets are rendered, visible HTML elements other
// than those the SC exempts for needing two dimensions (img, picture, video, canvas, svg, iframe,
// object, embed, map, table and its parts, pre, code) and their contents. An element whose
// computed width or min-width at that size is a length in px wider than 320 forces horizontal
// scrolling and fails as a warning, unless it or an ancestor scrolls or clips its overflow on
// the x axis (a scroll box of its own is allowed); elements whose width is auto, a percentage or
// at most 320px pass. Pages whose author CSS never mentions a width are inapplicable.
#include <cstdio>
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kViewportWidth = 320;
constexpr double kViewportHeight = 256;

bool Exempt(const engine::Node& e) {
  for (const engine::Node* n = &e; n != nullptr; n = n->ParentElement()) {
    if (n->ns() != engine::Namespace::kHtml) {
      return true;
    }
    for (std::string_view tag : {"img", "picture", "video", "canvas", "iframe", "object", "embed",
                                 "map", "table", "pre", "code", "audio"}) {
      if (n->tag() == tag) {
        return true;
      }
    }
  }
  return false;
}

bool ScrollsX(const engine::Styles& styles, const engine::Node& e) {
  for (const engine::Node* n = &e; n != nullptr; n = n->ParentElement()) {
    const engine::ComputedStyle& s = styles.Of(*n);
    const std::string& ox = s.Get("overflow-x").text;
    const std::string& oy = s.Get("overflow-y").text;
    if (ox == "auto" || ox == "scroll" || ox == "hidden" || ox == "clip" ||
        (ox == "visible" && (oy == "auto" || oy == "scroll" || oy == "hidden"))) {
      if (!n->IsHtml("html") && !n->IsHtml("body")) {
        return true;
      }
    }
  }
  return false;
}

void CheckPage(const engine::Page& page, engine::Findings& out) {
  if (page.document().is_xml() || !page.styles().AuthorCssMentions("width")) {
    return;
  }
  const engine::Styles& narrow = page.StylesFor({kViewportWidth, kViewportHeight});
  for (const engine::Node* e : page.document().elements()) {
    if (e->ns() != engine::Namespace::kHtml || e->IsHtml("html") || e->IsHtml("head") ||
        narrow.IsDisplayNone(*e) || !IsVisible(page, *e) || Exempt(*e)) {
      continue;
    }
    const engine::ComputedStyle& s = narrow.Of(*e);
    const std::string& position = s.Get("position").text;
    if (position == "absolute" || position == "fixed") {
      continue;  // out of flow: its width is judged with what it covers, not here
    }
    std::optional<double> w = s.LengthPx("width");
    const std::optional<double> min = s.LengthPx("min-width");
    if (min && (!w || *min > *w)) {
      w = min;
    }
    if (const std::optional<double> max = s.LengthPx("max-width"); w && max && *max < *w) {
      w = max;
    }
    if (!w) {
      continue;
    }
    if (*w <= kViewportWidth || ScrollsX(narrow, *e)) {
      out.Pass(e);
      continue;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", *w);
    out.Warn(e, std::string("This element is ") + buf +
                    "px wide on a 320px screen (or at 400% zoom), so people must scroll "
                    "sideways to read it.");
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckPage(page, out);
  for (const auto& sub : page.subpages()) {
    CheckPage(*sub, out);
  }
}

constexpr std::string_view kWcag[] = {"1.4.10"};
constexpr std::string_view kEn[] = {"9.1.4.10"};
constexpr std::string_view kTechniques[] = {"F102", "C32"};
constexpr std::string_view kPasses[] = {
    R"(<div style="width: 300px">Opening hours are 9 to 5.</div>)",
    R"(<style>.page { width: 960px } @media (max-width: 600px) { .page { width: 300px } }</style><div class="page">Opening hours are 9 to 5.</div>)"};
constexpr std::string_view kFails[] = {
    R"(<div style="width: 960px">Opening hours are 9 to 5.</div>)",
    R"(<style>.page { min-width: 800px }</style><div class="page">Opening hours are 9 to 5.</div>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<p>Opening hours are 9 to 5.</p>)",
    R"(<style>img { width: 900px }</style><img src="map.png" alt="Map">)"};

}  // namespace

extern const engine::Rule kHtmlReflowFixedWidth{
    .id = "html.reflow-fixed-width",
    .summary = "Content fits a 320 pixel wide screen without sideways scrolling",
    .why =
        "People who zoom to 400% or read on a small phone must scroll sideways for every line "
        "when a page has a fixed width, which makes reading very slow.",
    .help =
        "Use widths in % or max-width instead of fixed widths, and media queries to stack "
        "columns on narrow screens.",
    .limits =
        "Widths are read from the CSS at 320px without a layout engine: wide content made of "
        "many narrow boxes (floats, flex rows with nowrap) and widths set by scripts are not "
        "seen; a wide element inside a scroll box is allowed.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "AA",
    .techniques = kTechniques};

}  // namespace plainsight::rules
