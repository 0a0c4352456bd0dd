// Text that can be seen: the ACT rules' "visible text node children" and "non-whitespace
// text", and whether text may be in a human language at all (ACT's definition of text that
// "expresses something in human language"). Pure functions of the page; no I/O.
#pragma once

#include <string_view>
#include <vector>

#include "engine/page.h"

namespace plainsight::rules {

// Does the text contain a non-whitespace character (ASCII whitespace, as HTML defines it)?
bool HasNonWhitespace(std::string_view text);

// The element's direct child text nodes with non-whitespace text, when the element is visible
// (rules/support.h IsVisible); empty otherwise. ACT's "visible text node children".
std::vector<const engine::Node*> VisibleTextChildren(const engine::Page& page,
                                                     const engine::Node& element);

// A non-whitespace text node whose parent element is visible or included in the accessibility
// tree (ACT's "perceivable" text, approximated statically).
bool IsPerceivableText(const engine::Page& page, const engine::Node& text);

// Does the text hold something other than symbols and punctuation (a letter or digit, or a
// character outside the symbol blocks)? Text made only of symbols, punctuation or private-use
// icon-font glyphs "does not express anything in human language" (ACT definition); deciding
// what language it is in is beyond a rule (no ICU in rules), so the test is by code point
// blocks.
bool MayBeHumanLanguage(std::string_view text);

}  // namespace plainsight::rules
