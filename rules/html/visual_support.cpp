// Helpers for the visual-presentation rules; see visual_support.h.
#include "rules/html/visual_support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>

#include "rules/support.h"

namespace plainsight::rules::visual {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Decodes UTF-8 into code points; invalid bytes become U+FFFD. Hand-written because rules may
// not call ICU (STYLE.md section 9) and only code point classes are needed here.
std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool IsCssWideInheritingKeyword(std::string_view value) {
  std::string v = engine::AsciiLower(engine::TrimWhitespace(value));
  return v == "inherit" || v == "unset" || v == "revert" || v == "revert-layer";
}

double Channel(double c255) {
  double c = c255 / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::optional<engine::Rgba> OverOpt(const engine::Rgba& top,
                                    const std::optional<engine::Rgba>& bottom) {
  if (top.a >= 1) {
    return top;
  }
  if (!bottom) {
    return std::nullopt;
  }
  return Over(top, *bottom);
}

// Positioned so that what lies behind it is not its parent's background at that spot.
bool MovesOffItsBackdrop(const engine::ComputedStyle& s, std::string* reason) {
  const std::string_view position = s.Get("position").text;
  if (position == "absolute" || position == "fixed" || position == "sticky") {
    *reason = "an element is positioned (" + std::string(position) +
              ") so what lies behind it is not known";
    return true;
  }
  if (position == "relative") {
    for (const char* side : {"top", "left", "right", "bottom"}) {
      auto v = s.LengthPx(side);
      const engine::StyleValue& raw = s.Get(side);
      if ((v && *v != 0) || !raw.known) {
        *reason = "an element is shifted with position: relative";
        return true;
      }
    }
  }
  const engine::StyleValue& transform = s.Get("transform");
  if (!transform.known || (!transform.text.empty() && std::string_view(transform.text) != "none")) {
    *reason = "an element is transformed";
    return true;
  }
  return false;
}

// What one element contributes to the colours drawn inside it, read from its computed style
// once per page (ColorsOfText walks every text's ancestors, so the same elements come up again
// and again).
struct Layer {
  const engine::Node* node = nullptr;
  std::string moves_reason;  // non-empty: MovesOffItsBackdrop, with its reason
  bool bg_unknown = false;   // the background colour could not be computed
  engine::Rgba bg;
  bool image = false;  // a background image or gradient (or an unknown one)
  std::optional<double> opacity;
};

Layer ReadLayer(const engine::ComputedStyle& s, const engine::Node& node) {
  Layer layer;
  layer.node = &node;
  std::string reason;
  if (MovesOffItsBackdrop(s, &reason)) {
    layer.moves_reason = std::move(reason);
  }
  std::optional<engine::Rgba> bg = s.BackgroundColor();  // nullopt when unknown
  layer.bg_unknown = !bg;
  if (bg) {
    layer.bg = *bg;
  }
  const engine::StyleValue& image = s.Get("background-image");
  layer.image = !image.known || (!image.text.empty() && std::string_view(image.text) != "none");
  layer.opacity = s.Opacity();
  return layer;
}

// The layers of a page's elements, read on first use (Page::Derived).
class LayerCache {
 public:
  explicit LayerCache(const engine::Page& page) : styles_(page.styles()) {}

  const Layer& Of(const engine::Node& e) const {
    const uint32_t order = e.order();
    if (order >= by_order_.size()) {
      by_order_.resize(std::max<size_t>(order + 1, by_order_.size() * 2));
    }
    Layer& slot = by_order_[order];
    if (slot.node == &e) {
      return slot;
    }
    if (slot.node == nullptr) {
      slot = ReadLayer(styles_.Of(e), e);
      return slot;
    }
    // A node of another document with the same order (callers pass the node's own page, so
    // this does not happen in practice): kept aside, never cached by order.
    others_.push_back(ReadLayer(styles_.Of(e), e));
    return others_.back();
  }

 private:
  const engine::Styles& styles_;
  mutable std::vector<Layer> by_order_;
  mutable std::deque<Layer> others_;
};

struct RenderContext {
  std::vector<const Layer*> chain;  // root first, the text's parent last
  std::string reason;
};

// The colour of one pixel inside chain[i]'s box: its background over `backdrop`, then the
// descendants' layers, then (when `text` is set) the text colour; each element's opacity mixes
// its whole subtree with its backdrop.
std::optional<engine::Rgba> RenderAt(RenderContext& ctx, size_t i,
                                     std::optional<engine::Rgba> backdrop,
                                     const engine::Rgba* text) {
  if (i == ctx.chain.size()) {
    if (!text) {
      return backdrop;
    }
    auto out = OverOpt(*text, backdrop);
    return out;
  }
  const Layer& s = *ctx.chain[i];
  if (!s.moves_reason.empty()) {
    ctx.reason = s.moves_reason;
    backdrop = std::nullopt;
  }
  std::optional<engine::Rgba> layer = backdrop;
  if (s.bg_unknown) {
    ctx.reason = "a background colour could not be computed";
    layer = std::nullopt;
  } else if (s.bg.a > 0) {
    layer = OverOpt(s.bg, backdrop);
  }
  if (s.image) {
    ctx.reason = "the text is over a background image or gradient";
    layer = std::nullopt;
  }
  std::optional<engine::Rgba> inner = RenderAt(ctx, i + 1, layer, text);
  const std::optional<double>& opacity = s.opacity;
  if (!opacity) {
    ctx.reason = "an opacity could not be computed";
    return std::nullopt;
  }
  if (*opacity >= 1) {
    return inner;
  }
  if (!inner || !backdrop) {
    return std::nullopt;
  }
  return Mix(*inner, *backdrop, *opacity);
}

double AverageAdvanceEm(char32_t cp, bool wide) {
  if (cp < 0x80) {
    return wide ? 0.75 : 0.25;
  }
  return wide ? 1.1 : 0.25;
}

bool IsInlineDisplay(const engine::ComputedStyle& s) {
  const std::string_view d = s.Get("display").text;
  return d == "inline" || d == "contents";
}

bool ShrinksToFit(const engine::ComputedStyle& s) {
  const std::string_view d = s.Get("display").text;
  const std::string_view position = s.Get("position").text;
  const std::string_view f = s.Get("float").text;
  return d == "inline-block" || d == "inline-flex" || d == "inline-grid" || d == "table" ||
         d == "inline-table" || d == "table-cell" || position == "absolute" ||
         position == "fixed" || (!f.empty() && f != "none");
}

}  // namespace

bool HasNonWhitespace(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return !IsAsciiSpace(c); });
}

std::vector<const engine::Node*> VisibleTextChildren(const engine::Page& page,
                                                     const engine::Node& element) {
  std::vector<const engine::Node*> out;
  if (!element.IsElement()) {
    return out;
  }
  for (const engine::Node* c : element.children()) {
    if (c->IsText() && HasNonWhitespace(c->text())) {
      out.push_back(c);
    }
  }
  // The cheap test first: most elements have no text of their own.
  if (!out.empty() && !IsVisible(page, element)) {
    out.clear();
  }
  return out;
}

const engine::CascadedDeclaration* ImportantStyleAttributeDeclaration(
    const engine::ComputedStyle& style, std::string_view property) {
  const engine::CascadedDeclaration* d = style.Cascaded(property);
  if (!d || !d->from_style_attribute || !d->important || IsCssWideInheritingKeyword(d->value)) {
    return nullptr;
  }
  return d;
}

double RelativeLuminance(const engine::Rgba& c) {
  return 0.2126 * Channel(c.r) + 0.7152 * Channel(c.g) + 0.0722 * Channel(c.b);
}

double ContrastRatio(const engine::Rgba& a, const engine::Rgba& b) {
  double la = RelativeLuminance(a);
  double lb = RelativeLuminance(b);
  if (la < lb) {
    std::swap(la, lb);
  }
  return (la + 0.05) / (lb + 0.05);
}

engine::Rgba Over(const engine::Rgba& top, const engine::Rgba& bottom) {
  double a = top.a + bottom.a * (1 - top.a);
  if (a <= 0) {
    return {0, 0, 0, 0};
  }
  auto mix = [&](double t, double b) { return (t * top.a + b * bottom.a * (1 - top.a)) / a; };
  return {mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), a};
}

engine::Rgba Mix(const engine::Rgba& a, const engine::Rgba& b, double w) {
  return {a.r * w + b.r * (1 - w), a.g * w + b.g * (1 - w), a.b * w + b.b * (1 - w),
          a.a * w + b.a * (1 - w)};
}

TextColors ColorsOfText(const engine::Page& page, const engine::Node& parent) {
  const engine::Page& p = page.PageFor(parent);
  TextColors out;
  const engine::ComputedStyle& s = p.styles().Of(parent);
  const engine::StyleValue& shadow = s.Get("text-shadow");
  if (!shadow.known || (!shadow.text.empty() && !engine::EqualsIgnoreCase(shadow.text, "none"))) {
    out.reason = "the text has a text-shadow";
    return out;
  }
  std::optional<engine::Rgba> color = s.Color();  // nullopt when unknown
  if (!color) {
    out.reason = "the text colour could not be computed";
    return out;
  }
  const LayerCache& layers = p.Derived<LayerCache>();
  RenderContext ctx;
  ctx.chain.reserve(32);
  for (const engine::Node* n = &parent; n && n->IsElement(); n = n->parent()) {
    ctx.chain.push_back(&layers.Of(*n));
  }
  std::reverse(ctx.chain.begin(), ctx.chain.end());
  const engine::Rgba canvas{255, 255, 255, 1};
  std::optional<engine::Rgba> bg = RenderAt(ctx, 0, canvas, nullptr);
  std::optional<engine::Rgba> fg = RenderAt(ctx, 0, canvas, &*color);
  if (!bg || !fg) {
    out.reason = ctx.reason.empty() ? "the background could not be computed" : ctx.reason;
    return out;
  }
  out.known = true;
  out.foreground = *fg;
  out.background = *bg;
  return out;
}

bool IsLargeScaleText(const engine::ComputedStyle& style) {
  std::optional<double> size = style.FontSizePx();
  if (!size) {
    return false;
  }
  // 18pt = 24px; 14pt = 18.666px (1pt = 4/3 px), with a little slack for rounding.
  if (*size >= 24 - 1e-3) {
    return true;
  }
  std::optional<int> weight = style.FontWeight();
  return *size >= 18.66 && weight && *weight >= 700;
}

WidthBounds TextWidthBounds(const engine::Page& page, const engine::Node& element,
                            std::string_view text) {
  const engine::ComputedStyle& s = page.PageFor(element).styles().Of(element);
  double font = s.FontSizePx().value_or(16);
  double letter = s.LengthPx("letter-spacing").value_or(0);
  double word = s.LengthPx("word-spacing").value_or(0);
  std::string collapsed = engine::CollapseWhitespace(text);
  WidthBounds b;
  for (char32_t cp : CodePoints(collapsed)) {
    b.min_px += AverageAdvanceEm(cp, false) * font + letter;
    b.max_px += AverageAdvanceEm(cp, true) * font + letter;
    if (cp == ' ') {
      b.min_px += word;
      b.max_px += word;
    }
  }
  return b;
}

WidthBounds AvailableWidthBounds(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  double cap = p.media().width_px;
  bool exact = true;  // no shrink-to-fit box between the text and the width found
  for (const engine::Node* n = &element; n && n->IsElement(); n = n->parent()) {
    const engine::ComputedStyle& s = p.styles().Of(*n);
    if (IsInlineDisplay(s)) {
      continue;
    }
    if (auto max = s.LengthPx("max-width"); max && *max < cap) {
      cap = *max;
    }
    if (auto w = s.LengthPx("width")) {
      double width = std::min(*w, cap);
      return {exact ? width : 0, width};
    }
    if (ShrinksToFit(s)) {
      exact = false;
    }
  }
  return {0, cap};
}

Wrap TextWraps(const engine::Page& page, const engine::Node& element) {
  const engine::ComputedStyle& s = page.PageFor(element).styles().Of(element);
  const std::string_view ws = s.Get("white-space").text;
  if (ws == "nowrap" || ws == "pre") {
    return Wrap::kNo;
  }
  std::string own;
  for (const engine::Node* c : element.children()) {
    if (c->IsText()) {
      own += c->text();
      own += ' ';
    }
  }
  WidthBounds text_min = TextWidthBounds(page, element, own);
  WidthBounds text_all = TextWidthBounds(page, element, element.TextContent());
  WidthBounds room = AvailableWidthBounds(page, element);
  if (text_min.min_px > room.max_px) {
    return Wrap::kYes;
  }
  if (room.min_px > 0 && text_all.max_px <= room.min_px) {
    return Wrap::kNo;
  }
  return Wrap::kUnknown;
}

bool MayBeHumanLanguage(std::string_view text) {
  for (char32_t cp : CodePoints(text)) {
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
        return true;
      }
      continue;
    }
    bool symbol = (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
                  (cp >= 0x2000 && cp <= 0x206F) ||    // general punctuation
                  (cp >= 0x2190 && cp <= 0x2BFF) ||    // arrows, maths, shapes, dingbats
                  (cp >= 0xE000 && cp <= 0xF8FF) ||    // private use: icon fonts
                  (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors
                  (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // emoji and pictographs
                  (cp >= 0xF0000);                     // supplementary private use
    if (!symbol) {
      return true;
    }
  }
  return false;
}

bool IsDisabled(const engine::Node& n) {
  if (!n.IsElement()) {
    return false;
  }
  if (EqualsIgnoreCase(engine::TrimWhitespace(n.AttrOr("aria-disabled")), "true")) {
    return true;
  }
  return n.HasAttribute("disabled") &&
         (n.IsHtml("button") || n.IsHtml("input") || n.IsHtml("select") || n.IsHtml("textarea") ||
          n.IsHtml("optgroup") || n.IsHtml("option") || n.IsHtml("fieldset"));
}

bool IsDisabledOrInDisabled(const engine::Page& page, const engine::Node& element) {
  (void)page;
  for (const engine::Node* n = &element; n && n->IsElement(); n = n->parent()) {
    if (IsDisabled(*n)) {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight::rules::visual

namespace plainsight::rules::visual {

void CheckImportantSpacing(const engine::Page& page, engine::Findings& out,
                           std::string_view property, double min_em) {
  if (page.document().is_xml()) {
    return;
  }
  for (const engine::Node* e : page.document().elements()) {
    if (e->ns() != engine::Namespace::kHtml || !e->HasAttribute("style")) {
      continue;
    }
    const engine::ComputedStyle& s = page.styles().Of(*e);
    if (!ImportantStyleAttributeDeclaration(s, property) || VisibleTextChildren(page, *e).empty()) {
      continue;
    }
    std::string name(property);
    std::optional<double> font = s.FontSizePx();
    if (!s.Get(property).known || !font) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "The %s set with !important in the style attribute could not be computed; "
                    "check it is at least %.2f times the font size.",
                    name.c_str(), min_em);
      out.CantTell(e, buf);
      continue;
    }
    double value = s.LengthPx(property).value_or(0);  // nullopt: "normal", no extra space
    if (value + 1e-6 >= min_em * *font) {
      out.Pass(e);
    } else {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "%s is fixed with !important in the style attribute at %.2fpx, less than "
                    "%.2f times the %.2fpx font size, so readers cannot widen it.",
                    name.c_str(), value, min_em, *font);
      out.Fail(e, buf);
    }
  }
}

}  // namespace plainsight::rules::visual

namespace plainsight::rules::visual {
namespace {

// Parses a CSS <angle> ("90deg", "1.57rad", "100grad", "0.25turn", "0") to degrees.
std::optional<double> AngleDegrees(std::string_view s) {
  std::string v = engine::AsciiLower(engine::TrimWhitespace(s));
  char* end = nullptr;
  double number = std::strtod(v.c_str(), &end);
  if (end == v.c_str()) {
    return std::nullopt;
  }
  std::string unit(end);
  if (unit == "deg") {
    return number;
  }
  if (unit == "rad") {
    return number * 180.0 / M_PI;
  }
  if (unit == "grad") {
    return number * 0.9;
  }
  if (unit == "turn") {
    return number * 360.0;
  }
  if (unit.empty() && number == 0) {
    return 0.0;
  }
  return std::nullopt;
}

std::vector<std::string> SplitArgs(std::string_view args) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : args) {
    if (c == ',') {
      out.push_back(std::string(engine::TrimWhitespace(cur)));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!engine::TrimWhitespace(cur).empty() || !out.empty()) {
    out.push_back(std::string(engine::TrimWhitespace(cur)));
  }
  // Space-separated arguments (rotate property style) are split too.
  if (out.size() == 1) {
    std::vector<std::string> spaced;
    for (std::string_view w : engine::SplitWhitespace(out[0])) {
      spaced.emplace_back(w);
    }
    if (spaced.size() > 1) {
      return spaced;
    }
  }
  return out;
}

std::optional<double> Number(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0') {
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::optional<double> RotationDegrees(std::string_view transform) {
  std::string t = engine::AsciiLower(engine::TrimWhitespace(transform));
  if (t.empty() || t == "none") {
    return 0.0;
  }
  double total = 0;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && IsAsciiSpace(t[i])) {
      ++i;
    }
    if (i >= t.size()) {
      break;
    }
    size_t open = t.find('(', i);
    if (open == std::string::npos) {
      return std::nullopt;
    }
    size_t close = t.find(')', open);
    if (close == std::string::npos) {
      return std::nullopt;
    }
    std::string name(engine::TrimWhitespace(std::string_view(t).substr(i, open - i)));
    std::vector<std::string> args =
        SplitArgs(std::string_view(t).substr(open + 1, close - open - 1));
    i = close + 1;
    if (name == "rotate" || name == "rotatez") {
      if (args.size() != 1) {
        return std::nullopt;
      }
      auto a = AngleDegrees(args[0]);
      if (!a) {
        return std::nullopt;
      }
      total += *a;
    } else if (name == "rotate3d") {
      if (args.size() != 4) {
        return std::nullopt;
      }
      auto x = Number(args[0]);
      auto y = Number(args[1]);
      auto z = Number(args[2]);
      auto a = AngleDegrees(args[3]);
      if (!x || !y || !z || !a || *x != 0 || *y != 0 || *z == 0) {
        return std::nullopt;
      }
      total += *z > 0 ? *a : -*a;
    } else if (name == "matrix" || name == "matrix3d") {
      if ((name == "matrix" && args.size() != 6) || (name == "matrix3d" && args.size() != 16)) {
        return std::nullopt;
      }
      auto a = Number(args[0]);
      auto b = Number(args[1]);
      if (!a || !b) {
        return std::nullopt;
      }
      total += std::atan2(*b, *a) * 180.0 / M_PI;
    } else if (name.rfind("translate", 0) == 0 || name.rfind("scale", 0) == 0 ||
               name == "perspective") {
      continue;
    } else {
      return std::nullopt;
    }
  }
  double r = std::fmod(total, 360.0);
  if (r < 0) {
    r += 360.0;
  }
  return r;
}

bool HasRotation(std::string_view transform) {
  std::string t = engine::AsciiLower(transform);
  return t.find("rotate") != std::string::npos || t.find("matrix") != std::string::npos;
}

}  // namespace plainsight::rules::visual
