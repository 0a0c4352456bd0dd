// Helpers shared by the DOCX/ODT rules: where a paragraph, object, table or link is. Pure
// functions of the model.
#pragma once

#include <string>

#include "engine/office/office_document.h"
#include "rules/document_support.h"

namespace plainsight::rules::office_rules {

// selector "paragraph N", snippet "paragraph N: \"text…\"".
doc::Place ParagraphPlace(const engine::office::Paragraph& paragraph);
// selector "picture 2" (the object's kind and index), snippet with its name and paragraph.
doc::Place ObjectPlace(const engine::office::DrawingObject& object);
// selector "table 1", snippet with its size and first cell.
doc::Place TablePlace(const engine::office::Table& table);
// selector "link 3", snippet with its text and target.
doc::Place LinkPlace(const engine::office::Link& link);
using doc::DocumentPlace;

}  // namespace plainsight::rules::office_rules
