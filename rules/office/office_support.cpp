// Helpers shared by the DOCX/ODT rules.
#include "rules/office/office_support.h"

namespace plainsight::rules::office_rules {

doc::Place ParagraphPlace(const engine::office::Paragraph& paragraph) {
  std::string n = std::to_string(paragraph.index);
  std::string snippet = "paragraph " + n;
  if (!paragraph.style.empty()) {
    snippet += " (" + paragraph.style + ")";
  }
  return {"paragraph " + n, snippet + ": " + doc::Quote(paragraph.text)};
}

doc::Place ObjectPlace(const engine::office::DrawingObject& object) {
  std::string kind = engine::office::ObjectKindName(object.kind);
  std::string snippet = kind;
  if (!object.name.empty()) {
    snippet += " " + doc::Quote(object.name);
  }
  if (object.paragraph > 0) {
    snippet += " in paragraph " + std::to_string(object.paragraph);
  }
  return {kind + " " + std::to_string(object.index), snippet};
}

doc::Place TablePlace(const engine::office::Table& table) {
  std::string n = std::to_string(table.index);
  return {"table " + n, "table " + n + ": " + std::to_string(table.rows) + " rows x " +
                            std::to_string(table.columns) + " columns, first cell " +
                            doc::Quote(table.first_cell, 40)};
}

doc::Place LinkPlace(const engine::office::Link& link) {
  std::string snippet = "link " + doc::Quote(link.text);
  if (!link.target.empty()) {
    snippet += " to " + doc::Quote(link.target, 80);
  }
  if (link.paragraph > 0) {
    snippet = "paragraph " + std::to_string(link.paragraph) + ": " + snippet;
  }
  return {"link " + std::to_string(link.index), snippet};
}

}  // namespace plainsight::rules::office_rules
