// Helpers shared by the link rules beyond the ACT rules (html.link-href-placeholder,
// html.link-new-window, html.link-document-format, html.link-text-punctuation,
// html.link-adjacent-duplicate): which elements are links, and the text around a link.
// Pure functions of the page; no I/O.
#pragma once

#include <string>
#include <string_view>

#include "engine/page.h"

namespace plainsight::rules::links {

// Is the element an HTML a or area with an href, rendered, included in the accessibility tree,
// and exposed with the link role (not given another role such as button)?
bool IsExposedLink(const engine::Page& page, const engine::Node& element);

// The text a person reads with the link: the link's name, its description (aria-describedby,
// title) and the text of the block it stands in (the nearest p, li, td, th, dd, dt or
// figcaption), whitespace collapsed. The link's programmatically determined context (WCAG 2.4.4).
std::string TextWithContext(const engine::Page& page, const engine::Node& link);

// Does `text` hold `word` as a whole word, ASCII case-insensitively?
bool HasWord(std::string_view text, std::string_view word);

}  // namespace plainsight::rules::links
