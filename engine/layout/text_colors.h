// The colours a text is drawn in and over, as far as computed styles tell: the text colour and
// each ancestor's background colour and opacity composited over a white canvas (Compositing
// and Blending Level 1, simple alpha compositing "source-over"; group opacity per CSS Color 4
// section 3.2). WCAG 1.4.3 and 1.4.6 compare the two (rules/html/support/contrast.h).
#pragma once

#include <string>

#include "engine/css/style.h"
#include "engine/dom.h"

namespace plainsight::engine {

class Page;

// `top` drawn over `bottom` (source-over); the result's alpha is the union of both.
Rgba Over(const Rgba& top, const Rgba& bottom);
// Linear mix: weight `w` of `a` and (1 - w) of `b` (group opacity).
Rgba Mix(const Rgba& a, const Rgba& b, double w);

// The colours a text node is drawn with.
struct TextColors {
  bool known = false;  // false: a person must look (see `reason`)
  std::string reason;  // why not known ("background image", "positioned ancestor", ...)
  Rgba foreground;     // opaque, after alpha and opacity
  Rgba background;     // opaque
};

// Composites the text colour of `parent` (the text node's parent element) over the stack of
// background colours of its ancestors, from the canvas (white) down, applying each element's
// opacity to its subtree. Not known when a background image or gradient is in the stack above
// the nearest opaque background, when an element of that stack is positioned (absolute, fixed,
// sticky, or shifted relative) or transformed so its backdrop is unknown, when a text-shadow
// applies, or when a colour is unknown (var(), unsupported syntax). `page` is any page; the
// element's own page is used.
TextColors ColorsOfText(const Page& page, const Node& parent);

}  // namespace plainsight::engine
