// html.data-table-headers: data tables have header cells. WCAG 2.2 SC 1.3.1 Info and
// Relationships (A); EN 301 549 9.1.3.1; techniques H51 (table markup) and H63 (scope), failure
// technique F91 (not correctly marking up table headers).
// Interpretation: targets are rendered HTML tables of the page and its frames, included in the
// accessibility tree or visible, that hold data: tables with header markup (th, a header role,
// headers or scope), which pass, and tables without header markup that are not laid out like
// a page (tables::KindOf): a grid of at least two rows and two columns of plain values, or a
// table given a caption, summary, name or table role. Those fail as a warning: each value is
// read without the row or column it belongs to; the first row or column may be styled as
// headers, which is what a person checks. Presentational and layout tables are not targets.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/html/table_support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  tables::CheckTableKinds(page, out, tables::TableKind::kDataWithHeaders,
                          tables::TableKind::kDataNoHeaders,
                          "This table holds data but has no header cells (th), so screen readers "
                          "read each value without the row or column it belongs to.");
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<table><tr><th>Day</th><th>Bin</th></tr><tr><td>Mon</td><td>Green</td></tr></table>)",
    R"(<table><tr><td scope="col">Day</td><td scope="col">Bin</td></tr><tr><td>Mon</td><td>Green</td></tr></table>)",
};
constexpr std::string_view kFails[] = {
    R"(<table><tr><td><b>Day</b></td><td><b>Bin</b></td></tr><tr><td>Mon</td><td>Green</td></tr></table>)",
    R"(<table><caption>Fees</caption><tr><td>Permit</td><td>20 euro</td></tr><tr><td>Licence</td><td>40 euro</td></tr></table>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<table role="presentation"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>)",
    R"(<table><tr><td><h2>News</h2></td><td><p>Events</p></td></tr></table>)",
    R"(<table role="grid" aria-label="Items"><tr><td>Item 1</td><td>Item 2</td></tr></table>)",
};

}  // namespace

extern const engine::Rule kHtmlDataTableHeaders{
    .id = "html.data-table-headers",
    .summary = "Data tables have header cells",
    .why =
        "Screen readers announce a cell's row and column headers as people move through a "
        "table (\"Monday, Green bin\"). Without th cells, people hear a stream of values and "
        "must remember which column each belongs to.",
    .help =
        "Mark the header row and column with <th> (scope=\"col\" or \"row\"), not with bold "
        "<td> cells.",
    .limits =
        "Whether a table without headers holds data or layout is judged from its markup; a "
        "person can tell for sure, so this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kTables};

}  // namespace plainsight::rules
