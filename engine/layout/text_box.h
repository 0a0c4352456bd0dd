// Estimates of how text sits in its box, without a layout engine: bounds on the width of a line
// of text in the element's font, on the width available to it, and from those whether the text
// soft-wraps (CSS Text 3 section 5, line breaking). Used where a rule must know whether text
// wraps (WCAG 1.4.12 line height applies to wrapped text).
#pragma once

#include <string_view>

#include "engine/dom.h"

namespace plainsight::engine {

class Page;

// Bounds on a width in px.
struct WidthBounds {
  double min_px = 0;
  double max_px = 0;
};

// Bounds on the width in px of one line of `text` set in the element's font: characters times
// an average advance of 0.25em (narrow) and 0.75em (wide; 1.1em outside ASCII), plus letter and
// word spacing. `page` is any page; the element's own page is used.
WidthBounds TextWidthBounds(const Page& page, const Node& element, std::string_view text);

// TextWidthBounds of the element's text content (all its descendant text), without building it.
WidthBounds ContentWidthBounds(const Page& page, const Node& element);

// Bounds on the width available to lines of the element's text: the nearest width set in px
// (on the element, if it is not inline, or an ancestor block) capped by any max-width in px on
// the way, else the viewport width. min_px is 0 when nothing fixes it (auto widths shrink with
// floats, padding and the like).
WidthBounds AvailableWidthBounds(const Page& page, const Node& element);

// Soft wrapping of the element's visible text, from the bounds above: yes, no, or unknown.
// `content`, when given, receives ContentWidthBounds(page, element) when they were worked out
// (not for white-space: nowrap or pre, which never wraps).
enum class Wrap : unsigned char { kYes, kNo, kUnknown };
Wrap TextWraps(const Page& page, const Node& element, WidthBounds* content = nullptr);

}  // namespace plainsight::engine
