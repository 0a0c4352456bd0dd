// html.th-has-cells: every table header cell heads at least one cell. WCAG 2.2 SC 1.3.1;
// EN 301 549 9.1.3.1; ACT d0f69e (Table header cell has assigned cells).
// For HTML tables the HTML Standard's table model decides (4.9.12: forming the table with
// colspan/rowspan, then the "algorithm for assigning header cells": headers attributes, else
// column and row scans with auto/col/row scopes). ARIA tables (role=table/grid on other
// elements) have no spans: a column header heads the cells in its column position in other rows,
// a row header the other cells of its row.
// Interpretation: targets are visible elements in the accessibility tree with the columnheader or
// rowheader role whose nearest table/grid/treegrid ancestor is in the tree. A header counts as
// assigned to any cell-like element (cell, gridcell and the header roles, as ACT says). Where the
// model is incomplete (rowgroup/colgroup scopes, a td given a header role, aria-colindex or
// aria-colspan) and no assigned cell is found, the outcome is cantTell.
#include <map>

#include "rules/catalog.h"
#include "rules/html/support/aria_tree.h"
#include "rules/html/support/tables.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

bool IsTableRole(std::string_view role) {
  return role == "table" || role == "grid" || role == "treegrid";
}

bool IsCellRole(std::string_view role) {
  return role == "cell" || role == "gridcell" || role == "columnheader" || role == "rowheader";
}

const engine::Node* TableOf(const engine::Page& page, const engine::Node& e) {
  for (const engine::Node* n = e.ParentElement(); n != nullptr; n = n->ParentElement()) {
    if (IsTableRole(page.a11y().Role(*n))) {
      return n;
    }
  }
  return nullptr;
}

enum class Verdict { kAssigned, kUnassigned, kUnknown };

Verdict HtmlTableVerdict(const engine::Page& page, const TableModel& model, const engine::Node& e,
                         std::string_view role) {
  int index = model.IndexOf(e);
  if (index < 0) {
    return Verdict::kUnknown;
  }
  const TableCell& h = model.cells[index];
  if (!h.header) {
    // A td with an explicit header role: HTML's algorithm ignores it; use positions.
    for (size_t i = 0; i < model.cells.size(); ++i) {
      const TableCell& c = model.cells[i];
      if (static_cast<int>(i) == index || !IsCellRole(page.a11y().Role(*c.element))) {
        continue;
      }
      bool same_column = c.x < h.x + h.width && h.x < c.x + c.width;
      bool same_row = c.y < h.y + h.height && h.y < c.y + c.height;
      if ((role == "columnheader" && same_column && !same_row) ||
          (role == "rowheader" && same_row && !same_column)) {
        return Verdict::kAssigned;
      }
    }
    return Verdict::kUnknown;
  }
  for (size_t i = 0; i < model.cells.size(); ++i) {
    if (static_cast<int>(i) == index || !IsCellRole(page.a11y().Role(*model.cells[i].element))) {
      continue;
    }
    for (int header : AssignedHeaderCells(model, static_cast<int>(i))) {
      if (header == index) {
        return Verdict::kAssigned;
      }
    }
  }
  return model.has_group_scope ? Verdict::kUnknown : Verdict::kUnassigned;
}

// ARIA tables: rows are the row-role elements whose nearest table ancestor is `table`.
Verdict AriaTableVerdict(const engine::Page& page, const engine::Node& table, const engine::Node& e,
                         std::string_view role) {
  const engine::Accessibility& a11y = page.a11y();
  std::vector<std::vector<const engine::Node*>> rows;
  bool positioned = false;
  int row_of = -1;
  int column_of = -1;
  for (const engine::Node* n : page.document().elements()) {
    if (!n->IsDescendantOf(table) || a11y.Role(*n) != "row" || a11y.IsHidden(*n) ||
        TableOf(page, *n) != &table) {
      continue;
    }
    std::vector<const engine::Node*> cells;
    for (const engine::Node* c : ActOwnedElements(page, *n)) {
      if (IsCellRole(a11y.Role(*c))) {
        if (c->HasAttribute("aria-colindex") || c->HasAttribute("aria-colspan")) {
          positioned = true;
        }
        if (c == &e) {
          row_of = static_cast<int>(rows.size());
          column_of = static_cast<int>(cells.size());
        }
        cells.push_back(c);
      }
    }
    rows.push_back(cells);
  }
  if (row_of < 0) {
    return Verdict::kUnknown;
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (role == "columnheader" && static_cast<int>(r) != row_of &&
        column_of < static_cast<int>(rows[r].size())) {
      return Verdict::kAssigned;
    }
    if (role == "rowheader" && static_cast<int>(r) == row_of && rows[r].size() > 1) {
      return Verdict::kAssigned;
    }
  }
  return positioned ? Verdict::kUnknown : Verdict::kUnassigned;
}

void Check(const engine::Page& page, engine::Findings& out) {
  std::map<const engine::Node*, TableModel> models;
  for (const engine::Node* e : page.document().elements()) {
    if (e->ns() != engine::Namespace::kHtml) {
      continue;
    }
    std::string_view role = page.a11y().Role(*e);
    if (role != "columnheader" && role != "rowheader") {
      continue;
    }
    if (!IsVisible(page, *e) || !IsExposed(page, *e)) {
      continue;
    }
    const engine::Node* table = TableOf(page, *e);
    if (table == nullptr || !IsExposed(page, *table)) {
      continue;
    }
    Verdict verdict;
    if (table->IsHtml("table") && e->ClosestHtmlAncestor("table") == table) {
      auto it = models.find(table);
      if (it == models.end()) {
        it = models.emplace(table, BuildTableModel(*table)).first;
      }
      verdict = HtmlTableVerdict(page, it->second, *e, role);
    } else {
      verdict = AriaTableVerdict(page, *table, *e, role);
    }
    switch (verdict) {
      case Verdict::kAssigned:
        out.Pass(e);
        break;
      case Verdict::kUnassigned:
        out.Fail(e,
                 "This header cell heads no cell of its table, so screen readers never read "
                 "it out with any data.");
        break;
      case Verdict::kUnknown:
        out.CantTell(e,
                     "Check that this header cell heads at least one cell of its table (its "
                     "position could not be worked out from the markup).");
        break;
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kAct[] = {"d0f69e"};
constexpr std::string_view kPasses[] = {
    R"(<table><tr><th>Time</th></tr><tr><td>05:41</td></tr></table>)",
    R"(<table><thead><tr><th>Project</th><th>Exam</th></tr></thead><tbody><tr><td colspan="2">15%</td></tr></tbody></table>)"};
constexpr std::string_view kFails[] = {
    R"(<table><thead><tr><th>Rate</th><th>Value</th></tr></thead><tbody><tr><td>15%</td></tr></tbody></table>)",
    R"(<table><tr><th id="a">Country</th><th>Z</th></tr><tr><td>Zambia</td><td headers="a">Zimbabwe</td></tr></table>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<table><tr><td>12:00</td></tr></table>)",
    R"(<table role="presentation"><tr><th>Time</th></tr><tr><td>12:00</td></tr></table>)"};

constexpr std::string_view kTargetTags[] = {"th"};

}  // namespace

extern const engine::Rule kHtmlThHasCells{
    .id = "html.th-has-cells",
    .summary = "Table header cells head at least one cell",
    .why =
        "Screen readers announce a header with the cells it heads; a header with no cells "
        "under or beside it usually means a broken table, and its label is lost.",
    .help =
        "Make every th head a column or row of data: add the missing cells, fix colspan or "
        "rowspan, correct headers attributes, or turn the th into a td or caption.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = kTargetTags,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules
