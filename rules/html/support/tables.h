// The HTML table model (HTML 4.9.12 "Processing model": forming a table, with colspan and rowspan)
// and the algorithm for assigning header cells (4.9.12.1), for the table rules (html.td-headers,
// html.th-has-cells). Pure functions of the markup.
#pragma once

#include <vector>

#include "engine/dom.h"

namespace plainsight::rules {

// The HTML table model (HTML 4.9.12 "Processing model": forming a table, with colspan and
// rowspan) for one <table>: its cells on a grid of slots.
struct TableCell {
  const engine::Node* element = nullptr;  // the td or th
  int x = 0, y = 0, width = 1, height = 1;
  bool header = false;  // a th element
};

struct TableModel {
  int width = 0;
  int height = 0;
  std::vector<TableCell> cells;
  std::vector<int> slots;        // width * height cell indexes, -1 for an empty slot
  bool has_group_scope = false;  // a th with scope=rowgroup/colgroup (not modelled here)

  int CellAt(int x, int y) const {
    return x < 0 || y < 0 || x >= width || y >= height ? -1 : slots[y * width + x];
  }

  int IndexOf(const engine::Node& element) const;
};

TableModel BuildTableModel(const engine::Node& table);

// HTML 4.9.12.1 "algorithm for assigning header cells" for cell `index`: the headers attribute
// if present, else the column and row scans (the rowgroup/colgroup scopes are not modelled;
// TableModel::has_group_scope tells callers). Cell indexes into model.cells.
std::vector<int> AssignedHeaderCells(const TableModel& model, int index);

}  // namespace plainsight::rules
