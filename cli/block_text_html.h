// HTML for the text of one extracted block, shared by `plainsight text --format html` and the
// draft checker of `plainsight serve`.
#pragma once

#include <cstddef>
#include <string>

#include "engine/text/extract.h"

namespace plainsight::cli {

// [start, end) of `block`'s text, HTML-escaped. Where a plain-text or Markdown draft broke the
// line inside the block ("Monday to Friday" / "9am to 5pm"), the text has a space for the
// analysis; here it is a <br>, so that the draft keeps its line structure on screen.
std::string BlockTextHtml(const engine::text::ExtractedText& input,
                          const engine::text::TextBlock& block, size_t start, size_t end);

}  // namespace plainsight::cli
