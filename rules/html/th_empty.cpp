// html.th-empty: header cells that head other cells are not empty. WCAG 2.2 SC 1.3.1 Info and
// Relationships (A); EN 301 549 9.1.3.1; technique H51.
// Interpretation: targets are rendered th elements of tables that are not presentational, in the
// page and its frames, included in the accessibility tree or visible. A th with a non-empty
// accessible name passes. An empty one fails as a warning when it heads at least one data cell
// (HTML's algorithm for assigning header cells, aria_support.h): those cells' values are then
// read with no header. An empty th that heads no data cell (the top-left corner of a table with
// both row and column headers) is not a target.
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

void CheckTable(const engine::Page& page, const engine::Node& table, engine::Findings& out) {
  const TableModel model = BuildTableModel(table);
  std::vector<bool> heads_data(model.cells.size(), false);
  for (size_t i = 0; i < model.cells.size(); ++i) {
    if (model.cells[i].header) {
      continue;
    }
    for (int h : AssignedHeaderCells(model, static_cast<int>(i))) {
      if (h >= 0 && static_cast<size_t>(h) < heads_data.size()) {
        heads_data[h] = true;
      }
    }
  }
  for (size_t i = 0; i < model.cells.size(); ++i) {
    const TableCell& c = model.cells[i];
    if (!c.header || page.styles().IsDisplayNone(*c.element)) {
      continue;
    }
    if (!NameOf(page, *c.element).empty()) {
      out.Pass(c.element);
    } else if (heads_data[i]) {
      out.Warn(c.element,
               "This header cell is empty, so the cells it heads are read with no header.");
    }
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("table") || !tables::IsShownTable(p, e) ||
        tables::KindOf(p, e) == tables::TableKind::kPresentational) {
      return;
    }
    CheckTable(p, e, out);
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<table><tr><th>Day</th><th>Bin</th></tr><tr><td>Mon</td><td>Green</td></tr></table>)",
    // The empty corner heads only other headers.
    R"(<table><tr><th></th><th>Mon</th></tr><tr><th>Green</th><td>Yes</td></tr></table>)",
};
constexpr std::string_view kFails[] = {
    R"(<table><tr><th>Day</th><th></th></tr><tr><td>Mon</td><td>Green</td></tr></table>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<table><tr><td>Mon</td><td>Green</td></tr></table>)",
    R"(<table role="presentation"><tr><th></th></tr><tr><td>x</td></tr></table>)",
};

}  // namespace

extern const engine::Rule kHtmlThEmpty{
    .id = "html.th-empty",
    .summary = "Table header cells are not empty",
    .why =
        "Screen readers announce each cell with its header. An empty header cell leaves the "
        "values in its column or row with nothing to say what they are.",
    .help =
        "Put a short header in every th that heads other cells (\"Actions\", \"Select\"). If "
        "the header should not show, hide its text visually with a class, not by deleting it.",
    .limits =
        "A column whose meaning is obvious to sighted people (a column of buttons) may seem "
        "to need no header; screen reader users still do, but this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kTables};

}  // namespace plainsight::rules
