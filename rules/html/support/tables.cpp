// The HTML table model: see tables.h.
#include "rules/html/support/tables.h"

#include <algorithm>
#include <string>

namespace plainsight::rules {

namespace {

// HTML "rules for parsing non-negative integers", clamped as the table model clamps spans.
int ParseSpan(const engine::Node& cell, std::string_view attribute, int fallback, int min,
              int max) {
  const std::string* v = cell.Attr(attribute);
  if (v == nullptr) {
    return fallback;
  }
  std::string_view s = engine::TrimWhitespace(*v);
  long n = 0;
  size_t i = 0;
  if (i < s.size() && s[i] == '+') {
    ++i;
  }
  size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < 100000) {
    n = n * 10 + (s[i] - '0');
    ++i;
  }
  if (i == start) {
    return fallback;
  }
  return static_cast<int>(std::clamp<long>(n, min, max));
}

// Are the cells over columns [x_from, x_to) of rows [y_from, y_to) all header cells (slots no
// cell covers aside)? A column header's rows, or a row header's columns, hold only headers.
bool AllHeaders(const TableModel& m, int x_from, int x_to, int y_from, int y_to) {
  for (int y = y_from; y < y_to; ++y) {
    for (int x = x_from; x < x_to; ++x) {
      int i = m.CellAt(x, y);
      if (i >= 0 && !m.cells[i].header) {
        return false;
      }
    }
  }
  return true;
}

bool IsColumnHeader(const TableModel& m, const TableCell& c) {
  std::string scope = engine::AsciiLower(engine::TrimWhitespace(c.element->AttrOr("scope")));
  if (scope == "col") {
    return true;
  }
  if (scope == "row" || scope == "rowgroup" || scope == "colgroup") {
    return false;
  }
  return AllHeaders(m, 0, m.width, c.y, c.y + c.height);
}

bool IsRowHeader(const TableModel& m, const TableCell& c) {
  std::string scope = engine::AsciiLower(engine::TrimWhitespace(c.element->AttrOr("scope")));
  if (scope == "row") {
    return true;
  }
  if (scope == "col" || scope == "rowgroup" || scope == "colgroup" || IsColumnHeader(m, c)) {
    return false;
  }
  return AllHeaders(m, c.x, c.x + c.width, 0, m.height);
}

// HTML's "internal algorithm for scanning and assigning header cells".
void Scan(const TableModel& m, int principal, int x, int y, int dx, int dy, std::vector<int>& out) {
  std::vector<int> opaque;
  bool in_block = m.cells[principal].header;
  std::vector<int> block;
  if (in_block) {
    block.push_back(principal);
  }
  for (;;) {
    x += dx;
    y += dy;
    if (x < 0 || y < 0 || x >= m.width || y >= m.height) {
      return;
    }
    int i = m.CellAt(x, y);
    if (i < 0) {
      continue;
    }
    const TableCell& cur = m.cells[i];
    if (cur.header) {
      in_block = true;
      block.push_back(i);
      bool blocked = false;
      if (dx == 0) {
        for (int o : opaque) {
          if (m.cells[o].x == cur.x && m.cells[o].width == cur.width) {
            blocked = true;
          }
        }
        if (!IsColumnHeader(m, cur)) {
          blocked = true;
        }
      } else {
        for (int o : opaque) {
          if (m.cells[o].y == cur.y && m.cells[o].height == cur.height) {
            blocked = true;
          }
        }
        if (!IsRowHeader(m, cur)) {
          blocked = true;
        }
      }
      if (!blocked && std::find(out.begin(), out.end(), i) == out.end()) {
        out.push_back(i);
      }
    } else if (in_block) {
      in_block = false;
      opaque.insert(opaque.end(), block.begin(), block.end());
      block.clear();
    }
  }
}

}  // namespace

int TableModel::IndexOf(const engine::Node& element) const {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].element == &element) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

TableModel BuildTableModel(const engine::Node& table) {
  TableModel m;
  // Rows in table order; tfoot row groups go last (HTML "forming a table", step 18).
  std::vector<std::vector<const engine::Node*>> groups;
  std::vector<std::vector<const engine::Node*>> footers;
  for (const engine::Node* child : table.children()) {
    if (child->IsHtml("tr")) {
      groups.push_back({child});
    } else if (child->IsHtml("thead") || child->IsHtml("tbody") || child->IsHtml("tfoot")) {
      std::vector<const engine::Node*> rows;
      for (const engine::Node* r : child->children()) {
        if (r->IsHtml("tr")) {
          rows.push_back(r);
        }
      }
      (child->IsHtml("tfoot") ? footers : groups).push_back(rows);
    }
  }
  groups.insert(groups.end(), footers.begin(), footers.end());
  // Occupancy grows as rows are added: a map from (x, y) to cell index.
  std::vector<std::vector<int>> grid;
  auto occupy = [&](int x, int y, int index) {
    if (static_cast<int>(grid.size()) <= y) {
      grid.resize(y + 1);
    }
    if (static_cast<int>(grid[y].size()) <= x) {
      grid[y].resize(x + 1, -1);
    }
    grid[y][x] = index;
  };
  auto taken = [&](int x, int y) {
    return y < static_cast<int>(grid.size()) && x < static_cast<int>(grid[y].size()) &&
           grid[y][x] >= 0;
  };
  int y = 0;
  for (const std::vector<const engine::Node*>& rows : groups) {
    int group_start = y;
    int group_end = group_start + static_cast<int>(rows.size());
    for (const engine::Node* row : rows) {
      int x = 0;
      for (const engine::Node* cell : row->children()) {
        if (!cell->IsHtml("td") && !cell->IsHtml("th")) {
          continue;
        }
        while (taken(x, y)) {
          ++x;
        }
        TableCell c;
        c.element = cell;
        c.x = x;
        c.y = y;
        c.width = ParseSpan(*cell, "colspan", 1, 1, 1000);
        int rowspan = ParseSpan(*cell, "rowspan", 1, 0, 65534);
        c.height = rowspan == 0 ? std::max(1, group_end - y) : std::min(rowspan, group_end - y);
        c.height = std::max(c.height, 1);
        c.header = cell->IsHtml("th");
        std::string scope = engine::AsciiLower(engine::TrimWhitespace(cell->AttrOr("scope")));
        if (c.header && (scope == "rowgroup" || scope == "colgroup")) {
          m.has_group_scope = true;
        }
        int index = static_cast<int>(m.cells.size());
        m.cells.push_back(c);
        for (int yy = c.y; yy < c.y + c.height; ++yy) {
          for (int xx = c.x; xx < c.x + c.width; ++xx) {
            occupy(xx, yy, index);
          }
        }
        x += c.width;
      }
      ++y;
    }
    y = std::max(y, group_end);
  }
  m.height = static_cast<int>(grid.size());
  for (const std::vector<int>& row : grid) {
    m.width = std::max(m.width, static_cast<int>(row.size()));
  }
  m.slots.assign(static_cast<size_t>(m.width) * m.height, -1);
  for (int yy = 0; yy < m.height; ++yy) {
    for (int xx = 0; xx < static_cast<int>(grid[yy].size()); ++xx) {
      m.slots[yy * m.width + xx] = grid[yy][xx];
    }
  }
  return m;
}

std::vector<int> AssignedHeaderCells(const TableModel& m, int index) {
  std::vector<int> out;
  const TableCell& c = m.cells[index];
  if (const std::string* headers = c.element->Attr("headers")) {
    for (std::string_view id : engine::SplitWhitespace(*headers)) {
      for (size_t i = 0; i < m.cells.size(); ++i) {
        if (m.cells[i].element->AttrOr("id") == id && static_cast<int>(i) != index) {
          out.push_back(static_cast<int>(i));
          break;
        }
      }
    }
    return out;
  }
  for (int x = c.x; x < c.x + c.width; ++x) {
    Scan(m, index, x, c.y, 0, -1, out);
  }
  for (int y = c.y; y < c.y + c.height; ++y) {
    Scan(m, index, c.x, y, -1, 0, out);
  }
  out.erase(std::remove(out.begin(), out.end(), index), out.end());
  return out;
}

}  // namespace plainsight::rules
