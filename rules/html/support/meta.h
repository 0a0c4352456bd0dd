// The document's <meta> elements (HTML 4.2.5): the content of a <meta> with a given name or
// http-equiv, for the rules on refresh (WCAG 2.2.1, 3.2.5) and the viewport (WCAG 1.4.4).
#pragma once

#include <string>
#include <string_view>

#include "engine/dom.h"

namespace plainsight::rules {

// The content attribute of `element` when it is an HTML <meta> whose `attribute` ("name" or
// "http-equiv") equals `value` ASCII case-insensitively; nullptr otherwise (another element,
// another value, or no content attribute).
inline const std::string* MetaContent(const engine::Node& element, std::string_view attribute,
                                      std::string_view value) {
  if (!element.IsHtml("meta") || !engine::EqualsIgnoreCase(element.AttrOr(attribute), value)) {
    return nullptr;
  }
  return element.Attr("content");
}

}  // namespace plainsight::rules
