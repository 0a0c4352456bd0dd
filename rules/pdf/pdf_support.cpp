// Helpers shared by the PDF rules.
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules::pdf_rules {

doc::Place ElementPlace(const engine::pdf::StructElement& element) {
  std::string snippet = element.page > 0 ? "page " + std::to_string(element.page) + ": " : "";
  snippet += "<" + element.written_type + ">";
  if (element.written_type != element.type) {
    snippet += " (role " + element.type + ")";
  }
  if (element.actual_text && !element.actual_text->empty()) {
    snippet += " " + doc::Quote(*element.actual_text);
  } else if (element.alt && !element.alt->empty()) {
    snippet += " alt " + doc::Quote(*element.alt);
  } else if (!element.title.empty()) {
    snippet += " " + doc::Quote(element.title);
  }
  return {element.path, snippet};
}

doc::Place PagePlace(uint32_t page, const std::string& what) {
  return {"page " + std::to_string(page), "page " + std::to_string(page) + ": " + what};
}

int HeadingLevel(const engine::pdf::StructElement& element) {
  const std::string& t = element.type;
  if (t.size() == 2 && t[0] == 'H' && t[1] >= '1' && t[1] <= '6') {
    return t[1] - '0';
  }
  return 0;
}

bool IsHeading(const engine::pdf::StructElement& element) {
  return element.type == "H" || HeadingLevel(element) > 0;
}

}  // namespace plainsight::rules::pdf_rules
