// Helpers shared by the document rules.
#include "rules/document_support.h"

#include "engine/dom.h"
#include "engine/utf8.h"

namespace plainsight::rules::doc {

std::string Quote(std::string_view text, size_t max_bytes) {
  std::string collapsed = engine::CollapseWhitespace(text);
  if (collapsed.size() <= max_bytes) {
    return "\"" + collapsed + "\"";
  }
  return "\"" + collapsed.substr(0, engine::Utf8CutPoint(collapsed, max_bytes)) + "…\"";
}

bool LooksLikeFileName(std::string_view title) {
  std::string lower = engine::AsciiLower(engine::CollapseWhitespace(title));
  if (lower.rfind("microsoft word - ", 0) == 0 || lower == "untitled" ||
      lower.rfind("untitled document", 0) == 0 || lower.rfind("document1", 0) == 0) {
    return true;
  }
  size_t dot = lower.rfind('.');
  if (dot == std::string::npos || lower.find(' ', dot) != std::string::npos) {
    return false;
  }
  std::string_view ext = std::string_view(lower).substr(dot + 1);
  for (std::string_view known :
       {"doc",  "docx", "dot", "dotx", "odt",  "ott", "rtf",  "pdf", "txt", "html", "htm",
        "indd", "qxd",  "pub", "xls",  "xlsx", "ppt", "pptx", "tmp", "tex", "md"}) {
    if (ext == known) {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight::rules::doc
