// Text width and wrapping estimates: see text_box.h.
#include "engine/layout/text_box.h"

#include <algorithm>
#include <string>

#include "engine/ascii.h"
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

namespace {

// Sums the advances of text given in pieces, as if the pieces were joined and then
// whitespace-collapsed (CollapseWhitespace: a run of ASCII white space is one space, none at
// either end), in the same order of additions, without building either string. White space
// never continues a UTF-8 sequence, so each piece decodes as it would inside the whole.
class WidthSum {
 public:
  WidthSum(const Page& page, const Node& element) {
    const ComputedStyle& s = page.PageFor(element).styles().Of(element);
    font_ = s.FontSizePx().value_or(16);
    letter_ = s.LengthPx("letter-spacing").value_or(0);
    word_ = s.LengthPx("word-spacing").value_or(0);
  }

  void Add(std::string_view piece) {
    size_t i = 0;
    while (i < piece.size()) {
      if (IsAsciiSpace(piece[i])) {
        space_pending_ = started_;
        ++i;
        continue;
      }
      if (space_pending_) {
        AddCodePoint(' ');
        space_pending_ = false;
      }
      started_ = true;
      AddCodePoint(DecodeUtf8(piece, &i));
    }
  }

  const WidthBounds& bounds() const { return bounds_; }

 private:
  void AddCodePoint(char32_t cp) {
    bounds_.min_px += AverageAdvanceEm(cp, false) * font_ + letter_;
    bounds_.max_px += AverageAdvanceEm(cp, true) * font_ + letter_;
    if (cp == ' ') {
      bounds_.min_px += word_;
      bounds_.max_px += word_;
    }
  }

  double font_ = 16;
  double letter_ = 0;
  double word_ = 0;
  bool started_ = false;
  bool space_pending_ = false;
  WidthBounds bounds_;
};

// Adds the element's text content (Node::TextContent's order: tree order, into elements only),
// walked without a stack or a copy.
void AddContent(WidthSum& sum, const Node& element) {
  if (element.IsText()) {
    sum.Add(element.text());
    return;
  }
  const Node* n = element.children().empty() ? nullptr : element.children().front();
  while (n != nullptr) {
    if (n->IsText()) {
      sum.Add(n->text());
    } else if (n->IsElement() && !n->children().empty()) {
      n = n->children().front();
      continue;
    }
    // The next node after n's subtree, within the element.
    while (n != &element) {
      const Node* parent = n->parent();
      const size_t next = n->child_index() + 1;
      if (next < parent->children().size()) {
        n = parent->children()[next];
        break;
      }
      n = parent;
    }
    if (n == &element) {
      break;
    }
  }
}

}  // namespace

WidthBounds TextWidthBounds(const Page& page, const Node& element, std::string_view text) {
  WidthSum sum(page, element);
  sum.Add(text);
  return sum.bounds();
}

WidthBounds ContentWidthBounds(const Page& page, const Node& element) {
  WidthSum sum(page, element);
  AddContent(sum, element);
  return sum.bounds();
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

Wrap TextWraps(const Page& page, const Node& element, WidthBounds* content) {
  const ComputedStyle& s = page.PageFor(element).styles().Of(element);
  const std::string_view ws = s.Get("white-space").text;
  if (ws == "nowrap" || ws == "pre") {
    return Wrap::kNo;
  }
  WidthSum own(page, element);  // the element's own text nodes, each followed by a space
  WidthSum all = own;           // its whole text content, in the same font (read once)
  for (const Node* c : element.children()) {
    if (c->IsText()) {
      own.Add(c->text());
      own.Add(" ");
    }
  }
  AddContent(all, element);
  const WidthBounds& text_min = own.bounds();
  const WidthBounds& text_all = all.bounds();
  if (content != nullptr) {
    *content = text_all;
  }
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
