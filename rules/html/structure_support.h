// Helpers shared by the page-structure rules (html.page-has-h1, html.heading-order,
// html.text-styled-as-heading, html.section-heading, html.text-list): heading levels, what a
// person sees of an element's text, and block boxes. Pure functions of the page; no I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/page.h"

namespace plainsight::rules::structure {

// The heading level of an element whose semantic role is heading: aria-level when it is a
// positive integer, else the number of h1-h6, else 2 (WAI-ARIA 1.2: aria-level's default for
// the heading role). 0 for an element that is not a heading.
int HeadingLevel(const engine::Page& page, const engine::Node& element);

// The headings of the page (not of nested documents) that someone can find: included in the
// accessibility tree or visible. In tree order.
std::vector<const engine::Node*> Headings(const engine::Page& page);

// The element's text as rendered, roughly: text node descendants that are not display:none,
// whitespace collapsed and trimmed. Script, style and template content are left out.
std::string RenderedText(const engine::Page& page, const engine::Node& element);

// The first `max_bytes` bytes of RenderedText(page, element) (they may end inside a character),
// reading no more of the element than they need: for rules that look at how a text starts or
// whether there is any. Asked of every block of a page, the whole text would cost the page's
// size times its depth.
std::string RenderedTextStart(const engine::Page& page, const engine::Node& element,
                              size_t max_bytes);

// Whether an element or one of its ancestor elements is one that `matches` picks, asked of
// many elements of one page: each element is tried once and its answer kept, so a whole page
// costs its number of elements, where walking up from each would cost elements x depth.
class AncestorOrSelf {
 public:
  explicit AncestorOrSelf(std::function<bool(const engine::Node&)> matches)
      : matches_(std::move(matches)) {}

  bool operator()(const engine::Node& element);

 private:
  std::function<bool(const engine::Node&)> matches_;
  std::unordered_map<const engine::Node*, bool> known_;
  std::vector<const engine::Node*> path_;
};

// Does the element generate a block-level box (display block, list-item, flex, grid, table,
// flow-root), as far as the cascade tells? Unknown values count as not a block.
bool IsBlock(const engine::Page& page, const engine::Node& element);

}  // namespace plainsight::rules::structure
