// Text width and wrapping estimates: see text_box.h.
#include "engine/layout/text_box.h"

#include <algorithm>
#include <string>

#include "engine/page.h"
#include "engine/utf8.h"

namespace plainsight::engine {
namespace {

double AverageAdvanceEm(char32_t cp, bool wide) {
  if (cp < 0x80) {
    return wide ? 0.75 : 0.25;
  }
  return wide ? 1.1 : 0.25;
}

bool IsInlineDisplay(const ComputedStyle& s) {
  const std::string_view d = s.Get("display").text;
  return d == "inline" || d == "contents";
}

bool ShrinksToFit(const ComputedStyle& s) {
  const std::string_view d = s.Get("display").text;
  const std::string_view position = s.Get("position").text;
  const std::string_view f = s.Get("float").text;
  return d == "inline-block" || d == "inline-flex" || d == "inline-grid" || d == "table" ||
         d == "inline-table" || d == "table-cell" || position == "absolute" ||
         position == "fixed" || (!f.empty() && f != "none");
}

}  // namespace

WidthBounds TextWidthBounds(const Page& page, const Node& element, std::string_view text) {
  const ComputedStyle& s = page.PageFor(element).styles().Of(element);
  double font = s.FontSizePx().value_or(16);
  double letter = s.LengthPx("letter-spacing").value_or(0);
  double word = s.LengthPx("word-spacing").value_or(0);
  std::string collapsed = CollapseWhitespace(text);
  WidthBounds b;
  for (char32_t cp : Utf8CodePoints(collapsed)) {
    b.min_px += AverageAdvanceEm(cp, false) * font + letter;
    b.max_px += AverageAdvanceEm(cp, true) * font + letter;
    if (cp == ' ') {
      b.min_px += word;
      b.max_px += word;
    }
  }
  return b;
}

WidthBounds AvailableWidthBounds(const Page& page, const Node& element) {
  const Page& p = page.PageFor(element);
  double cap = p.media().width_px;
  bool exact = true;  // no shrink-to-fit box between the text and the width found
  for (const Node* n = &element; n && n->IsElement(); n = n->parent()) {
    const ComputedStyle& s = p.styles().Of(*n);
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

Wrap TextWraps(const Page& page, const Node& element) {
  const ComputedStyle& s = page.PageFor(element).styles().Of(element);
  const std::string_view ws = s.Get("white-space").text;
  if (ws == "nowrap" || ws == "pre") {
    return Wrap::kNo;
  }
  std::string own;
  for (const Node* c : element.children()) {
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

}  // namespace plainsight::engine
