// pdf.table-headers: tables in the structure tree mark their header cells (TH). WCAG 2.2 SC
// 1.3.1; EN 301 549 10.1.3.1; WCAG technique PDF6; ISO 14289-1 7.5; Matterhorn 15-005 (a
// cell's header cannot be determined).
// Certain (failed, error): a Table of at least two rows and two columns with no TH at all.
// Needs review (cantTell): a single-row or single-column Table without TH: a list set out as
// a table may need no headers.
#include <algorithm>

#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kTechniques[] = {"PDF6", "PDF/UA-1 7.5", "Matterhorn 15-005"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Table /Pg 3 0 R /K [8 0 R 9 0 R] >> endobj "
    "8 0 obj << /S /TR /K [<< /S /TH /K 0 >> << /S /TH >>] >> endobj "
    "9 0 obj << /S /TR /K [<< /S /TD >> << /S /TD >>] >> endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Table /Pg 3 0 R /K [<< /S /TBody /K [8 0 R 9 0 R] >>] >> endobj "
    "8 0 obj << /S /TR /K [<< /S /TD /K 0 >> << /S /TD >>] >> endobj "
    "9 0 obj << /S /TR /K [<< /S /TD >> << /S /TD >>] >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj",
};
constexpr std::string_view kCantTell[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Table /Pg 3 0 R /K [<< /S /TR /K [<< /S /TD /K 0 >> << /S /TD >>] >>] >> "
    "endobj",
};

struct Shape {
  uint32_t rows = 0;
  uint32_t columns = 0;
  uint32_t header_cells = 0;
};

// Rows (TR, also inside THead, TBody, TFoot) and cells of a table, not of tables nested in it.
void Measure(const engine::pdf::PdfDocument& doc, uint32_t index, Shape& shape) {
  for (uint32_t child : doc.elements[index].children) {
    const engine::pdf::StructElement& c = doc.elements[child];
    if (c.type == "TR") {
      ++shape.rows;
      uint32_t cells = 0;
      for (uint32_t cell : c.children) {
        const std::string& t = doc.elements[cell].type;
        cells += t == "TH" || t == "TD";
        shape.header_cells += t == "TH";
      }
      shape.columns = std::max(shape.columns, cells);
    } else if (c.type == "THead" || c.type == "TBody" || c.type == "TFoot") {
      Measure(doc, child, shape);
    }
  }
}

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  for (uint32_t i = 0; i < doc.elements.size(); ++i) {
    if (doc.elements[i].type != "Table") {
      continue;
    }
    Shape shape;
    Measure(doc, i, shape);
    doc::Place place = pdf_rules::ElementPlace(doc.elements[i]);
    place.snippet +=
        " " + std::to_string(shape.rows) + " rows x " + std::to_string(shape.columns) + " columns";
    doc::JudgeTableHeaders(out, place, shape.header_cells > 0, shape.rows, shape.columns,
                           "The table has no header cells (TH): screen reader users hear cell "
                           "after cell without knowing which row or column each belongs to.",
                           "The table has a single row or column and no header cells: if it "
                           "holds data with a heading, tag that cell TH.");
  }
}

}  // namespace

extern const engine::Rule kPdfTableHeaders{
    .id = "pdf.table-headers",
    .summary = "Tables in tagged PDFs have header cells",
    .why =
        "A screen reader announces a cell's row and column headers as it moves through a "
        "table. Without header cells a timetable or fee table is a list of numbers with no "
        "meaning.",
    .help =
        "Mark the header row in the source document (Word: Table Properties, Row, \"Repeat "
        "as header row\"; LibreOffice: Table Properties, \"Repeat heading\") before "
        "exporting, or change the header cells' tags to TH in a PDF editor.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
