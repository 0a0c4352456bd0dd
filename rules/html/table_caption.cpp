// html.table-caption: complex data tables have a caption (or another name). WCAG 2.2 SC 1.3.1
// Info and Relationships (A); EN 301 549 9.1.3.1; techniques H39 (caption) and H73 (summary for
// complex tables).
// Interpretation: targets are rendered HTML data tables with header markup (tables::KindOf) of
// the page and its frames, included in the accessibility tree or visible, that are complex: a
// header cell spanning several rows or columns, or header cells in two or more rows (several
// levels of column headers). A headers attribute alone does not make a table complex (the ACT
// cases pass simple tables that use it without a caption: a25f45). One with an accessible name
// (caption, aria-label, aria-labelledby) passes. One without needs a person (cantTell, a notice):
// people entering the table do not hear what it shows before facing its headers, but WCAG does not
// require a caption (the ACT cases pass complex tables without one, a25f45), so a person checks
// whether the text just before the table does the job.
#include <set>
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

bool IsComplex(const engine::Node& table) {
  const TableModel model = BuildTableModel(table);
  std::set<int> header_rows;
  for (const TableCell& c : model.cells) {
    if (c.header) {
      if (c.width > 1 || c.height > 1) {
        return true;
      }
      // Column headers in this row (a row of th over data): a second such row is a second level.
      header_rows.insert(c.y);
    }
  }
  // Rows made only of header cells.
  int full_header_rows = 0;
  for (int y : header_rows) {
    bool all = model.width > 1;
    for (int x = 0; x < model.width && all; ++x) {
      const int i = model.CellAt(x, y);
      all = i >= 0 && model.cells[i].header;
    }
    full_header_rows += all;
  }
  return full_header_rows >= 2;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("table") || !tables::IsShownTable(p, e) ||
        tables::KindOf(p, e) != tables::TableKind::kDataWithHeaders || !IsComplex(e)) {
      return;
    }
    if (!NameOf(p, e).empty()) {
      out.Pass(&e);
      return;
    }
    out.CantTell(&e,
                 "This table has several levels of headers but no caption: check that the "
                 "text just before it says what it shows.");
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<table><caption>Bin collections by area</caption>
       <tr><th rowspan="2">Area</th><th colspan="2">Days</th></tr>
       <tr><th>Green</th><th>Brown</th></tr>
       <tr><td>North</td><td>Mon</td><td>Tue</td></tr></table>)"};
constexpr std::string_view kCantTell[] = {
    R"(<table>
       <tr><th rowspan="2">Area</th><th colspan="2">Days</th></tr>
       <tr><th>Green</th><th>Brown</th></tr>
       <tr><td>North</td><td>Mon</td><td>Tue</td></tr></table>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<table><tr><th>Day</th><th>Bin</th></tr><tr><td>Mon</td><td>Green</td></tr></table>)"};

}  // namespace

extern const engine::Rule kHtmlTableCaption{
    .id = "html.table-caption",
    .summary = "Tables with several levels of headers have a caption",
    .why =
        "A complex table is hard to follow by ear. A caption tells screen reader users what "
        "the table shows as they reach it, so they can decide whether to go through it and "
        "know what its headers refer to.",
    .help =
        "Add a <caption> as the table's first child saying what it shows (\"Bin collection "
        "days by area\"); for very complex tables, explain how it is organised in text before "
        "it, tied with aria-describedby.",
    .limits =
        "WCAG does not require captions: text just before the table may do the same job, "
        "which a person can see. So this rule never fails a table: it asks (a notice).",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kTables};

}  // namespace plainsight::rules
