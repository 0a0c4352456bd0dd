// PdfDocument's helpers and the paragraph text for the plain-language analyser.
#include "engine/pdf/pdf_document.h"

#include <cmath>

#include "engine/dom.h"

namespace plainsight::engine::pdf {

std::string PdfDocument::Title() const {
  for (const std::optional<std::string>* t : {&xmp_title, &info_title}) {
    if (t->has_value()) {
      std::string collapsed = CollapseWhitespace(**t);
      if (!collapsed.empty()) {
        return collapsed;
      }
    }
  }
  return {};
}

bool PdfDocument::HasContent() const {
  for (const PdfPage& p : pages) {
    if (p.text_chars > 0 || p.images > 0 || p.text_operators > 0) {
      return true;
    }
  }
  return false;
}

bool PdfDocument::HasText() const {
  for (const PdfPage& p : pages) {
    if (p.text_chars > 0) {
      return true;
    }
  }
  return false;
}

std::string ParagraphText(const PdfDocument& document) {
  std::string out;
  const PdfTextLine* previous = nullptr;
  for (const PdfTextLine& line : document.lines) {
    bool same_paragraph = false;
    if (previous != nullptr && previous->page == line.page) {
      float height = std::max(1.0f, previous->bottom - previous->top);
      float gap = line.top - previous->bottom;
      same_paragraph = gap >= -0.5f * height && gap <= 0.9f * height &&
                       std::fabs(line.font_size - previous->font_size) < 0.6f &&
                       line.bold == previous->bold;
    }
    if (previous != nullptr) {
      out += same_paragraph ? " " : "\n\n";
    }
    out += line.text;
    previous = &line;
  }
  if (!out.empty()) {
    out += '\n';
  }
  return out;
}

}  // namespace plainsight::engine::pdf
