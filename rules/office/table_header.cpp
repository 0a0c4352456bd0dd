// office.table-header: data tables in a document mark their first row as a header row (DOCX
// w:trPr/w:tblHeader, "Repeat as header row"; ODT table:table-header-rows, "Repeat heading").
// WCAG 2.2 SC 1.3.1; EN 301 549 10.1.3.1.
// Certain (failed, error): a table of at least two rows and two columns without a header row:
// the headers do not reach the exported PDF or a screen reader. Needs review (cantTell): a
// table of one row or one column without one (often layout, or a list in a box).
// Interpretation: a header column cannot be marked in DOCX or ODT; tables whose headers are in
// the first column are a person's call.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kPasses[] = {
    "word/document.xml: <w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Area"
    "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Day</w:t></w:r></w:p></w:tc></w:tr><w:tr>"
    "<w:tc><w:p><w:r><w:t>Glasson</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tuesday</w:t>"
    "</w:r></w:p></w:tc></w:tr></w:tbl>",
    "content.xml: <table:table><table:table-header-rows><table:table-row><table:table-cell>"
    "<text:p>Area</text:p></table:table-cell><table:table-cell><text:p>Day</text:p>"
    "</table:table-cell></table:table-row></table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Glasson</text:p></table:table-cell><table:table-cell><text:p>"
    "Tuesday</text:p></table:table-cell></table:table-row></table:table>",
};
constexpr std::string_view kFails[] = {
    "word/document.xml: <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Area</w:t></w:r></w:p></w:tc><w:tc>"
    "<w:p><w:r><w:t>Day</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Glasson</w:t>"
    "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tuesday</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "content.xml: <table:table><table:table-row><table:table-cell><text:p>Area</text:p>"
    "</table:table-cell><table:table-cell><text:p>Day</text:p></table:table-cell>"
    "</table:table-row><table:table-row><table:table-cell><text:p>Glasson</text:p>"
    "</table:table-cell><table:table-cell><text:p>Tuesday</text:p></table:table-cell>"
    "</table:table-row></table:table>",
};
constexpr std::string_view kInapplicable[] = {
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
};
constexpr std::string_view kCantTell[] = {
    // One row: layout or a boxed note.
    "word/document.xml: <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Closed on bank holidays.</w:t></w:r>"
    "</w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  for (const engine::office::Table& table : doc.tables) {
    doc::JudgeTableHeaders(out, office_rules::TablePlace(table), table.header_row, table.rows,
                           table.columns,
                           "The table has no header row: screen reader users hear cell after "
                           "cell without the column headings.",
                           "A table of one row or column without a header row: if it holds data "
                           "with headings, mark its header row; if it only lays out text, "
                           "consider removing the table.");
  }
}

}  // namespace

extern const engine::Rule kOfficeTableHeader{
    .id = "office.table-header",
    .summary = "Tables in documents have a header row",
    .why =
        "A screen reader announces a cell's column heading as it moves through a table, and "
        "the exported PDF tags the header row's cells as headers. Without a header row a "
        "table is a list of unlabelled values.",
    .help =
        "Select the first row and mark it as a header row (Word: Table Properties, Row, "
        "\"Repeat as header row at the top of each page\"; LibreOffice: Table Properties, "
        "Text Flow, \"Repeat heading\").",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .check_office = &Check};

}  // namespace plainsight::rules
