// html.table-nested: tables are not nested inside table cells. WCAG 2.2 SC 1.3.1 Info and
// Relationships (A); EN 301 549 9.1.3.1.
// Interpretation: targets are rendered HTML tables of the page and its frames, included in the
// accessibility tree or visible, that sit in a cell of another table. When both tables are
// presentational (role none or presentation), or the outer one is, the nesting is layout only
// and passes. Otherwise it fails as a warning: screen readers announce a table within a table,
// and header cells of the outer table apply to the whole inner one, which is rarely what a
// person can follow.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"
#include "rules/html/table_support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("table") || !tables::IsShownTable(p, e)) {
      return;
    }
    const engine::Node* outer = tables::EnclosingTable(e);
    if (outer == nullptr) {
      return;
    }
    if (tables::KindOf(p, *outer) == tables::TableKind::kPresentational) {
      out.Pass(&e);
      return;
    }
    out.Warn(&e,
             "This table sits inside a cell of another table: screen reader users hear a table "
             "within a table and lose track of which rows and columns they are in.");
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<table role="presentation"><tr><td><table><tr><th>Day</th></tr><tr><td>Mon</td></tr></table></td></tr></table>)"};
constexpr std::string_view kFails[] = {
    R"(<table><tr><td><table><tr><th>Day</th></tr><tr><td>Mon</td></tr></table></td><td>x</td></tr></table>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<table><tr><th>Day</th></tr><tr><td>Mon</td></tr></table>)"};

}  // namespace

extern const engine::Rule kHtmlTableNested{
    .id = "html.table-nested",
    .summary = "Tables are not nested inside other tables",
    .why =
        "A table inside a table cell is announced as a table within a table; people moving "
        "through it with table commands lose track of where they are, and the outer table's "
        "headers are read for everything inside.",
    .help =
        "Lay the page out with CSS rather than an outer table. If a data table must sit in a "
        "layout table, mark the layout table role=\"presentation\"; split nested data tables "
        "into separate tables.",
    .limits =
        "Nesting that screen readers handle well enough (a small table in a layout cell) is "
        "still reported, as a warning.",
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
