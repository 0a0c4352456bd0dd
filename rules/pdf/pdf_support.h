// Helpers shared by the PDF rules: where a structure element, page or font is, and heading
// levels. Pure functions of the model.
#pragma once

#include <string>

#include "engine/pdf/pdf_document.h"
#include "rules/document_support.h"

namespace plainsight::rules::pdf_rules {

// The structure path as selector; "page N: <Type>" and any /T, /Alt or /ActualText as snippet.
doc::Place ElementPlace(const engine::pdf::StructElement& element);
// A page: selector "page N", snippet "page N: " + what.
doc::Place PagePlace(uint32_t page, const std::string& what);
using doc::DocumentPlace;
// 1..6 for H1..H6, 0 for anything else (H, the unnumbered heading, included).
int HeadingLevel(const engine::pdf::StructElement& element);
bool IsHeading(const engine::pdf::StructElement& element);

}  // namespace plainsight::rules::pdf_rules
