// Tag tests the HTML rules share: whether an element is an HTML element with one of a list of
// local names (a category of HTML elements a rule cares about: phrasing content, layout blocks,
// inline wrappers). Pure functions of the node; no I/O.
#pragma once

#include <span>
#include <string_view>

#include "engine/dom.h"

namespace plainsight::rules {

// Is `node` an element in the HTML namespace whose local name is one of `tags`?
inline bool IsHtmlOneOf(const engine::Node& node, std::span<const std::string_view> tags) {
  for (std::string_view tag : tags) {
    if (node.IsHtml(tag)) {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight::rules
