// Text colours by compositing computed colours: see text_colors.h.
#include "engine/layout/text_colors.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/layout/visibility.h"
#include "engine/page.h"

namespace plainsight::engine {
namespace {

std::optional<Rgba> OverOpt(const Rgba& top, const std::optional<Rgba>& bottom) {
  if (top.a >= 1) {
    return top;
  }
  if (!bottom) {
    return std::nullopt;
  }
  return Over(top, *bottom);
}

struct RenderContext {
  std::vector<const ColorLayer*> chain;  // root first, the text's parent last
  std::string reason;
};

// The colour of one pixel inside chain[i]'s box: its background over `backdrop`, then the
// descendants' layers, then (when `text` is set) the text colour; each element's opacity mixes
// its whole subtree with its backdrop.
std::optional<Rgba> RenderAt(RenderContext& ctx, size_t i, std::optional<Rgba> backdrop,
                             const Rgba* text) {
  if (i == ctx.chain.size()) {
    if (!text) {
      return backdrop;
    }
    auto out = OverOpt(*text, backdrop);
    return out;
  }
  const ColorLayer& s = *ctx.chain[i];
  if (!s.moves_reason.empty()) {
    ctx.reason = s.moves_reason;
    backdrop = std::nullopt;
  }
  std::optional<Rgba> layer = backdrop;
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
  std::optional<Rgba> inner = RenderAt(ctx, i + 1, layer, text);
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

}  // namespace

Rgba Over(const Rgba& top, const Rgba& bottom) {
  double a = top.a + bottom.a * (1 - top.a);
  if (a <= 0) {
    return {0, 0, 0, 0};
  }
  auto mix = [&](double t, double b) { return (t * top.a + b * bottom.a * (1 - top.a)) / a; };
  return {mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), a};
}

Rgba Mix(const Rgba& a, const Rgba& b, double w) {
  return {a.r * w + b.r * (1 - w), a.g * w + b.g * (1 - w), a.b * w + b.b * (1 - w),
          a.a * w + b.a * (1 - w)};
}

TextColors ColorsOfText(const Page& page, const Node& parent) {
  const Page& p = page.PageFor(parent);
  TextColors out;
  const ComputedStyle& s = p.styles().Of(parent);
  const StyleValue& shadow = s.Get("text-shadow");
  if (!shadow.known || (!shadow.text.empty() && !EqualsIgnoreCase(shadow.text, "none"))) {
    out.reason = "the text has a text-shadow";
    return out;
  }
  std::optional<Rgba> color = s.Color();  // nullopt when unknown
  if (!color) {
    out.reason = "the text colour could not be computed";
    return out;
  }
  const Visibility& visibility = p.visibility();
  RenderContext ctx;
  ctx.chain.reserve(32);
  for (const Node* n = &parent; n && n->IsElement(); n = n->parent()) {
    ctx.chain.push_back(&visibility.Layer(*n));
  }
  std::reverse(ctx.chain.begin(), ctx.chain.end());
  const Rgba canvas{255, 255, 255, 1};
  std::optional<Rgba> bg = RenderAt(ctx, 0, canvas, nullptr);
  std::optional<Rgba> fg = RenderAt(ctx, 0, canvas, &*color);
  if (!bg || !fg) {
    out.reason = ctx.reason.empty() ? "the background could not be computed" : ctx.reason;
    return out;
  }
  out.known = true;
  out.foreground = *fg;
  out.background = *bg;
  return out;
}

}  // namespace plainsight::engine
