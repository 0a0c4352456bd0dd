// The WAI-ARIA states and properties written on an element (WAI-ARIA 1.2 section 6, plus the
// 1.3 braille globals browsers ship), for the ARIA attribute rules (html.aria-valid-value,
// html.aria-allowed-attr, html.aria-prohibited-attr, html.aria-required-attr,
// html.aria-attr-defined). Pure functions; no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/aria/aria.h"
#include "engine/dom.h"

namespace plainsight::rules {

// One WAI-ARIA state or property written on an element.
struct AriaAttributeUse {
  std::string name;                       // lowercase, "aria-pressed"
  std::string_view value;                 // as written
  const engine::AriaAttributeInfo* info;  // nullptr for the WAI-ARIA 1.3 braille attributes
};

// The element's attributes that WAI-ARIA defines (1.2, plus the 1.3 globals aria-braillelabel and
// aria-brailleroledescription, which browsers ship), in document order. Misspelt aria-*
// attributes are left out (html.aria-attr-defined reports them).
std::vector<AriaAttributeUse> AriaAttributesOf(const engine::Node& element);

// Is the attribute a global state or property (WAI-ARIA 1.2 6.4, plus the 1.3 braille ones)?
bool IsGlobalAriaAttribute(const AriaAttributeUse& use);

// Plain-English description of the values an attribute accepts ("true or false", "an integer").
std::string DescribeAriaValues(const engine::AriaAttributeInfo& info);

}  // namespace plainsight::rules
