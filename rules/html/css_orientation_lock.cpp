// html.css-orientation-lock: the page is not locked to portrait or landscape by rotating it with
// a CSS transform under an orientation media query. WCAG 2.2 SC 1.3.4 Orientation (AA);
// EN 301 549 9.1.3.4; ACT b33eff (Orientation of the page is not restricted using CSS
// transforms).
// How: the cascade is run twice more, for a portrait and a landscape viewport of the page's
// size. Targets are page-wide elements (html, body, or an element holding all of the body's
// text) that are rendered in both and whose transform (or rotate) differs between the two and
// rotates. It fails when the difference in rotation is a quarter turn (90 or 270 degrees, within
// a degree), which turns the content to stay upright in one orientation only.
// Interpretation: a rotation the rule cannot read (skew, var()) is cantTell.
#include <cmath>
#include <cstdio>

#include "rules/catalog.h"
#include "rules/html/support/transforms.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"tolerance_deg", 1.0, "how close to a quarter turn a rotation difference must be to fail"}};

// The element's rotation: transform, then the rotate property (CSS Transforms 2), if computed.
std::optional<double> Rotation(const engine::ComputedStyle& s, bool* rotates) {
  const engine::StyleValue& transform = s.Get("transform");
  const engine::StyleValue& rotate = s.Get("rotate");
  if (!transform.known || !rotate.known) {
    *rotates = true;
    return std::nullopt;
  }
  std::string extra;
  std::string r(engine::TrimWhitespace(rotate.text));
  if (!r.empty() && r != "none") {
    extra = " rotate(" + r + ")";
  }
  std::string all = transform.text + extra;
  *rotates = HasRotation(all);
  return RotationDegrees(all);
}

bool IsPageWide(const engine::Node& e, const std::string& body_text) {
  if (e.IsHtml("html") || e.IsHtml("body")) {
    return true;
  }
  return !body_text.empty() && engine::CollapseWhitespace(e.TextContent()) == body_text;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Document& doc = page.document();
  if (doc.is_xml() || !doc.html() || doc.owner_element()) {
    return;
  }
  double long_side = std::max(page.media().width_px, page.media().height_px);
  double short_side = std::min(page.media().width_px, page.media().height_px);
  if (long_side == short_side) {
    long_side += 1;
  }
  // Only a rotation can lock the orientation: without rotate() or matrix() anywhere in the
  // author CSS there is nothing to compare.
  if (!page.styles().AuthorCssMentions("rotate") && !page.styles().AuthorCssMentions("matrix")) {
    return;
  }
  const engine::Styles* portrait = &page.StylesFor({short_side, long_side});
  const engine::Styles* landscape = &page.StylesFor({long_side, short_side});
  std::string body_text = doc.body() ? engine::CollapseWhitespace(doc.body()->TextContent()) : "";
  for (const engine::Node* e : doc.elements()) {
    if (e->ns() != engine::Namespace::kHtml || !IsPageWide(*e, body_text)) {
      continue;
    }
    if (portrait->IsDisplayNone(*e) || landscape->IsDisplayNone(*e)) {
      continue;
    }
    const engine::ComputedStyle& p = portrait->Of(*e);
    const engine::ComputedStyle& l = landscape->Of(*e);
    if (p.Get("transform").text == l.Get("transform").text &&
        p.Get("rotate").text == l.Get("rotate").text) {
      continue;
    }
    bool p_rotates = false;
    bool l_rotates = false;
    std::optional<double> rp = Rotation(p, &p_rotates);
    std::optional<double> rl = Rotation(l, &l_rotates);
    if (!p_rotates && !l_rotates) {
      continue;
    }
    if (!rp || !rl) {
      out.CantTell(e,
                   "The element's transform changes with the screen orientation in a way the "
                   "checker cannot read; check the page is not turned to stay in one "
                   "orientation.");
      continue;
    }
    double diff = std::fmod(std::fabs(*rp - *rl), 180.0);
    if (std::fabs(diff - 90.0) <= kOptions[0].default_value) {
      char buf[240];
      std::snprintf(buf, sizeof buf,
                    "In %s orientation the page is rotated by a quarter turn (%.0f degrees in "
                    "portrait, %.0f in landscape), which locks its content to one orientation.",
                    *rp != 0 ? "portrait" : "landscape", *rp, *rl);
      out.Fail(e, buf);
    } else {
      out.Pass(e);
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.4"};
constexpr std::string_view kEn[] = {"9.1.3.4"};
constexpr std::string_view kAct[] = {"b33eff"};
constexpr std::string_view kPasses[] = {
    R"(<style>@media (orientation: portrait) { html { transform: rotate(1turn); } }</style><main>Council news</main>)",
};
constexpr std::string_view kFails[] = {
    R"(<style>@media (orientation: portrait) { html { transform: rotate(90deg); } }</style><main>Council news</main>)",
    R"(<style>@media (orientation: landscape) { body { transform: matrix(0, -1, 1, 0, 0, 0); } }</style>Council news)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p>Council news</p>)",
    R"(<style>body { transform: rotate(90deg); }</style><main>Council news</main>)",
    R"(<style>@media (orientation: portrait) { body { transform: translateX(100px); } }</style><main>Council news</main>)",
};

}  // namespace

extern const engine::Rule kHtmlCssOrientationLock{
    .id = "html.css-orientation-lock",
    .summary = "The page is not locked to one screen orientation with CSS",
    .why =
        "People with tablets or phones mounted on wheelchairs, or who cannot turn their device, "
        "need content to work in the orientation they have.",
    .help =
        "Remove the rotate transform from the orientation media query; let the layout adapt "
        "to portrait and landscape instead.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA"};

}  // namespace plainsight::rules
