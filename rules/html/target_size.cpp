// html.target-size: pointer targets are at least 24 by 24 CSS pixels. WCAG 2.2 SC 2.5.8 Target
// Size (Minimum) (AA; new in WCAG 2.2, so in no EN 301 549 V3.2.1 clause).
// Interpretation: targets are rendered, focusable HTML elements (links, buttons, form controls,
// elements with tabindex) included in the accessibility tree and not disabled, whose size the
// cascade gives: the computed width and height in px of a target that is not laid out inline,
// or, for an inline link or button whose only content is one image, that image's width and
// height (attributes or computed). A target with both sides at least `min_px` passes (a
// min-width/min-height of at least `min_px` counts). A smaller one fails as a warning: the SC's
// spacing exception (a 24px circle around each small target touching no other) and padding are
// not laid out here. Targets whose size is not known (inline links in text: the SC's inline
// exception), check boxes and radio buttons the author did not size (the user agent exception)
// and input type=hidden are inapplicable.
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/widgets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMinPxDefault = 24;

std::optional<double> AttrPx(const engine::Node& e, std::string_view name) {
  const std::string_view v = engine::TrimWhitespace(e.AttrOr(name));
  if (v.empty()) {
    return std::nullopt;
  }
  double out = 0;
  size_t i = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) {
    out = out * 10 + (v[i] - '0');
  }
  if (i == 0 || (i < v.size() && v.substr(i) != "px")) {
    return std::nullopt;
  }
  return out;
}

std::optional<double> Side(const engine::ComputedStyle& s, std::string_view property,
                           std::string_view min_property) {
  std::optional<double> v = s.LengthPx(property);
  if (const std::optional<double> min = s.LengthPx(min_property); v && min) {
    v = std::max(*v, *min);
  }
  return v;
}

struct Size {
  double width;
  double height;
};

std::optional<Size> KnownSize(const engine::Page& p, const engine::Node& e) {
  const engine::ComputedStyle& s = p.styles().Of(e);
  const std::string& display = s.Get("display").text;
  if (display != "inline") {
    const auto w = Side(s, "width", "min-width");
    const auto h = Side(s, "height", "min-height");
    if (w && h) {
      return Size{*w, *h};
    }
    if (!e.IsHtml("a") && !e.IsHtml("button")) {
      return std::nullopt;
    }
  }
  if (!e.IsHtml("a") && !e.IsHtml("button")) {
    return std::nullopt;
  }
  // An inline link or button holding one image and no text: the image's box is the target.
  const engine::Node* image = nullptr;
  for (const engine::Node* c : e.children()) {
    if (c->IsText()) {
      if (!engine::TrimWhitespace(c->text()).empty()) {
        return std::nullopt;
      }
    } else if (c->IsElement()) {
      if (image != nullptr ||
          !(c->IsHtml("img") || (c->ns() == engine::Namespace::kSvg && c->tag() == "svg"))) {
        return std::nullopt;
      }
      image = c;
    }
  }
  if (image == nullptr || p.styles().IsDisplayNone(*image)) {
    return std::nullopt;
  }
  const engine::ComputedStyle& is = p.styles().Of(*image);
  std::optional<double> w = is.LengthPx("width");
  std::optional<double> h = is.LengthPx("height");
  if (!w) {
    w = AttrPx(*image, "width");
  }
  if (!h) {
    h = AttrPx(*image, "height");
  }
  if (w && h) {
    return Size{*w, *h};
  }
  return std::nullopt;
}

bool IsUnstyledChoice(const engine::Page& p, const engine::Node& e) {
  if (!e.IsHtml("input")) {
    return false;
  }
  const std::string type = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("type")));
  if (type != "checkbox" && type != "radio") {
    return false;
  }
  const engine::ComputedStyle& s = p.styles().Of(e);
  return s.Cascaded("width") == nullptr && s.Cascaded("height") == nullptr;
}

std::string Px(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (e.ns() != engine::Namespace::kHtml || p.styles().IsDisplayNone(e) ||
        !p.a11y().IsFocusable(e) || IsDisabledOrInDisabled(p, e) || !IsExposed(p, e) ||
        !IsVisible(p, e) || IsUnstyledChoice(p, e) || e.IsHtml("iframe") || e.IsHtml("body") ||
        e.IsHtml("html")) {
      return;
    }
    const std::optional<Size> size = KnownSize(p, e);
    if (!size) {
      return;
    }
    if (size->width >= kMinPxDefault && size->height >= kMinPxDefault) {
      out.Pass(&e);
      return;
    }
    out.Warn(&e, "This target is " + Px(size->width) + " by " + Px(size->height) +
                     " CSS pixels, under 24 by 24: make it bigger, or keep a 24px circle around "
                     "it clear of other targets.");
  });
}

constexpr std::string_view kWcag[] = {"2.5.8"};
constexpr engine::RuleOption kOptions[] = {
    {"min_px", kMinPxDefault, "Smallest width and height of a pointer target, in CSS pixels"}};
constexpr std::string_view kPasses[] = {
    R"(<button style="display:inline-block; width:44px; height:44px">Go</button>)",
    R"(<a href="/search"><img src="search.png" alt="Search" width="32" height="32"></a>)"};
constexpr std::string_view kFails[] = {
    R"(<a href="/close"><img src="x.png" alt="Close" width="12" height="12"></a>)",
    R"(<button style="display:inline-block; width:16px; height:16px">+</button>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<p>Read the <a href="/guide">guide to grants</a> first.</p>)",
    R"(<label><input type="checkbox" name="agree"> I agree</label>)", R"(<p>No targets</p>)"};

}  // namespace

extern const engine::Rule kHtmlTargetSize{
    .id = "html.target-size",
    .summary = "Buttons and links are at least 24 by 24 pixels",
    .why =
        "Small targets are hard to hit for people with tremors, limited dexterity or a "
        "touchscreen, and a missed tap can activate the wrong thing.",
    .help =
        "Make each link, button and control at least 24 by 24 CSS pixels (44 by 44 is better), "
        "or leave enough space around small ones.",
    .limits =
        "Only targets whose width and height the CSS or image attributes give are measured; "
        "padding and the spacing exception are not laid out, so a small target is a warning. "
        "Links inside a sentence are exempt and not checked.",
    .wcag = kWcag,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA"};

}  // namespace plainsight::rules
