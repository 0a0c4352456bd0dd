// HTML for an extracted block's text (block_text_html.h).
#include "cli/block_text_html.h"

#include <algorithm>

#include "reports/html_report.h"

namespace plainsight::cli {

std::string BlockTextHtml(const engine::text::ExtractedText& input,
                          const engine::text::TextBlock& block, size_t start, size_t end) {
  end = std::min(end, block.text.size());
  if (start >= end) {
    return {};
  }
  const std::string_view text(block.text);
  const bool lines_matter = input.format == engine::text::SourceFormat::kPlainText ||
                            input.format == engine::text::SourceFormat::kMarkdown;
  if (!lines_matter || block.map.empty()) {
    return reports::HtmlEscape(text.substr(start, end - start));
  }
  std::string out;
  size_t run = start;  // start of the text not yet written
  for (size_t i = start; i < end; ++i) {
    if (text[i] != ' ') {
      continue;
    }
    const uint32_t at = block.SourceOffset(static_cast<uint32_t>(i));
    if (at < input.source.size() && (input.source[at] == '\n' || input.source[at] == '\r')) {
      out += reports::HtmlEscape(text.substr(run, i - run));
      out += "<br>\n";
      run = i + 1;
    }
  }
  out += reports::HtmlEscape(text.substr(run, end - run));
  return out;
}

}  // namespace plainsight::cli
