// html.table-row-cells: every row of a data table has as many cells as the table has columns.
// WCAG 2.2 SC 1.3.1 Info and Relationships (A); EN 301 549 9.1.3.1; HTML 4.9.12 (the table
// model: a row that leaves slots empty is a "table model error" when no cell covers a column).
// Interpretation: targets are the rows (tr) of rendered HTML data tables (tables::KindOf: with or
// without header markup; presentational and layout tables are not targets) of the page and its
// frames, included in the accessibility tree or visible, with at least two columns. Using the
// HTML table model (colspan and rowspan counted): when the first row is a header row (only header
// cells) and other rows have cells in columns past it, those rows fail as a warning (their cells
// have no column header). Other rows in which some slots are covered by no cell need a person
// (cantTell): HTML allows short rows and the ACT cases pass them (d0f69e), though moving across
// or down a ragged row can give wrong or missing headers. Rows that fill every slot pass.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/aria_tree.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/tables.h"
#include "rules/html/support/targets.h"
#include "rules/html/table_support.h"

namespace plainsight::rules {
namespace {

// The tr elements of the table in model order (tfoot last), as BuildTableModel walks them.
std::vector<const engine::Node*> Rows(const engine::Node& table) {
  std::vector<const engine::Node*> rows;
  std::vector<const engine::Node*> footer;
  for (const engine::Node* child : table.children()) {
    if (child->IsHtml("tr")) {
      rows.push_back(child);
    } else if (child->IsHtml("thead") || child->IsHtml("tbody") || child->IsHtml("tfoot")) {
      for (const engine::Node* r : child->children()) {
        if (r->IsHtml("tr")) {
          (child->IsHtml("tfoot") ? footer : rows).push_back(r);
        }
      }
    }
  }
  rows.insert(rows.end(), footer.begin(), footer.end());
  return rows;
}

void CheckTable(const engine::Page& page, const engine::Node& table, engine::Findings& out) {
  const TableModel model = BuildTableModel(table);
  if (model.width < 2) {
    return;
  }
  const std::vector<const engine::Node*> rows = Rows(table);
  // A first row made only of header cells is the column header row: its width is how many
  // columns have a header.
  int header_width = 0;
  bool header_row = model.height > 1;
  for (int x = 0; x < model.width && header_row; ++x) {
    const int i = model.CellAt(x, 0);
    if (i >= 0) {
      header_row = model.cells[i].header;
      header_width = x + 1;
    }
  }
  for (int y = 0; y < model.height && y < static_cast<int>(rows.size()); ++y) {
    if (page.styles().IsDisplayNone(*rows[y])) {
      continue;
    }
    int covered = 0;
    bool beyond_headers = false;
    for (int x = 0; x < model.width; ++x) {
      const bool has_cell = model.CellAt(x, y) >= 0;
      covered += has_cell;
      beyond_headers = beyond_headers || (has_cell && x >= header_width);
    }
    if (header_row && header_width < model.width) {
      if (y == 0) {
        continue;  // the short header row: the rows that go past it are the findings
      }
      if (beyond_headers) {
        out.Warn(rows[y], "This row has cells beyond the " + std::to_string(header_width) +
                              " columns of the header row: screen readers read them with no "
                              "column header.");
        continue;
      }
    }
    if (covered == model.width) {
      out.Pass(rows[y]);
    } else {
      // Deviation from a stricter reading: HTML allows short rows, and the ACT cases treat a
      // table with one as passing 1.3.1 (d0f69e), so a person decides.
      out.CantTell(rows[y], "This row fills " + std::to_string(covered) + " of the table's " +
                                std::to_string(model.width) +
                                " columns: check that each value is read with the right headers.");
    }
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("table") || !tables::IsShownTable(p, e)) {
      return;
    }
    const tables::TableKind kind = tables::KindOf(p, e);
    if (kind == tables::TableKind::kDataWithHeaders || kind == tables::TableKind::kDataNoHeaders) {
      CheckTable(p, e, out);
    }
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<table><tr><th>Day</th><th>Bin</th></tr><tr><td colspan="2">Closed</td></tr></table>)"};
constexpr std::string_view kFails[] = {
    R"(<table><tr><th>Day</th><th>Bin</th></tr><tr><td>Mon</td><td>Green</td><td>8am</td></tr></table>)"};
constexpr std::string_view kCantTell[] = {
    R"(<table><tr><th>Day</th><th>Bin</th><th>Time</th></tr><tr><td>Mon</td><td>Green</td></tr></table>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<table role="presentation"><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>)",
    R"(<table><tr><th>Day</th></tr><tr><td>Mon</td></tr></table>)",
};

}  // namespace

extern const engine::Rule kHtmlTableRowCells{
    .id = "html.table-row-cells",
    .summary = "Every row of a data table has a cell for each column",
    .why =
        "Screen readers tell people how many columns a table has and read each cell with its "
        "column header. A row with missing cells shifts or drops those headers, so values are "
        "announced under the wrong heading or none.",
    .help =
        "Give every row the same number of cells, counting colspan; use an empty <td></td> "
        "where there is no value, or colspan to span a cell across columns.",
    .limits =
        "Whether a short row reads right depends on its meaning (a summary row may be meant to "
        "end early), so short rows are notices; only cells past the header row are warnings. "
        "Rows added by scripts are not seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kTables};

}  // namespace plainsight::rules
