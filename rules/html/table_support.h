// Helpers shared by the table rules (html.layout-table, html.data-table-headers, html.th-empty,
// html.table-nested, html.table-caption, html.table-row-cells): whether an HTML table is
// presentational, a data table with header markup, a data table without, or a layout table,
// told from its markup as browsers do (Firefox's and Chromium's "layout table" heuristics).
// Pure functions of the page; no I/O.
#pragma once

#include <string_view>
#include <vector>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules::tables {

enum class TableKind : unsigned char {
  kPresentational,   // role none or presentation: no table semantics
  kDataWithHeaders,  // has header markup: th, a header role, headers or scope on a cell
  kDataNoHeaders,    // no header markup, but a grid of short values (or a caption, or role=table)
  kLayout,           // no header markup, and laid out like a page: nested tables, blocks,
                     // line breaks, images or form controls in cells
  kSingleLine,       // no header markup, a single row or column of plain values: nothing shows
                     // whether it is data or layout, so no rule judges it
};

// The kind of an HTML table element (precondition: element.IsHtml("table")).
TableKind KindOf(const engine::Page& page, const engine::Node& table);

// The cells (td, th) that belong to this table, not to tables nested in it, in tree order.
std::vector<const engine::Node*> OwnCells(const engine::Node& table);

// The nearest table element that holds this one in one of its cells, or nullptr.
const engine::Node* EnclosingTable(const engine::Node& table);

// Is the table rendered and included in the accessibility tree (or visible)?
bool IsShownTable(const engine::Page& page, const engine::Node& table);

// The check of a rule about one kind of table against another: every shown table of kind
// `passes` passes, every one of kind `warns` gets a warning with `message`, others are not
// targets. (html.data-table-headers: headers or none; html.layout-table: role=presentation or
// laid out.)
void CheckTableKinds(const engine::Page& page, engine::Findings& out, TableKind passes,
                     TableKind warns, std::string_view message);

}  // namespace plainsight::rules::tables
