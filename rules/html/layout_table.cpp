// html.layout-table: tables used to lay out the page say they are not data tables. WCAG 2.2 SC
// 1.3.1 Info and Relationships (A); EN 301 549 9.1.3.1; failure technique F46 and WAI-ARIA 1.2's
// none role: layout belongs in CSS, and a layout table needs role="presentation" so that it is
// not announced as a table.
// Interpretation: targets are rendered HTML tables of the page and its frames, included in the
// accessibility tree or visible, that have no header markup (no th, no header role, no headers
// or scope attribute) and no caption, summary or name. Such a table laid out like a page (cells
// holding nested tables, headings, paragraphs, lists, forms, images or line breaks; a single row or
// column of plain values says nothing either way and is not a target) is a layout table: failed as
// a warning unless it has role="none" or role="presentation" (which passes), because screen readers
// announce it as a table of so many rows and columns and read its cells as data. Tables with header
// markup or a name are data tables and not targets; a grid of short values without headers is left
// to html.data-table-headers.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/html/table_support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  tables::CheckTableKinds(page, out, tables::TableKind::kPresentational, tables::TableKind::kLayout,
                          "This table lays out the page rather than holding data, but screen "
                          "readers announce it as a table and read its cells as data.");
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<table role="presentation"><tr><td><h2>News</h2><p>Text</p></td><td><nav>Menu</nav></td></tr></table>)"};
constexpr std::string_view kFails[] = {
    R"(<table><tr><td><h2>News</h2><p>Text</p></td><td><p>Events</p></td></tr></table>)",
    R"(<table><tr><td><img src="logo.png" alt="Council"></td></tr><tr><td>Welcome</td></tr></table>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<table><tr><th>Day</th><th>Bin</th></tr><tr><td>Mon</td><td>Green</td></tr></table>)",
    R"(<p>No tables</p>)",
    R"(<table><tr><td>Item 1</td><td>Item 2</td><td>Item 3</td></tr></table>)",
};

}  // namespace

extern const engine::Rule kHtmlLayoutTable{
    .id = "html.layout-table",
    .summary = "Tables used for layout are marked as presentation",
    .why =
        "Screen readers announce a table (\"table with 3 rows and 2 columns\") and offer table "
        "navigation. When the table only positions parts of the page, that is noise, and the "
        "reading order follows the table's cells rather than the content.",
    .help =
        "Lay the page out with CSS (grid or flexbox). Until then, add role=\"presentation\" to "
        "each layout table, and keep th, caption and summary out of it.",
    .limits =
        "Whether a table without headers holds layout or data is judged from its markup (the "
        "same signs browsers use); a person can tell for sure, so this is a warning.",
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
