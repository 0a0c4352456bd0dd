// html.td-headers: a cell's headers attribute names cells of the same table. WCAG 2.2 SC 1.3.1;
// EN 301 549 9.1.3.1; ACT a25f45 (Headers attribute specified on a cell refers to cells in the
// same table element).
// Interpretation (ACT a25f45): targets are headers attributes on td/th elements of a <table>
// whose role is table, grid or treegrid and that is both visible and in the accessibility tree.
// Each id must name a td or th of that same table (not of a nested or another table, not an
// element inside a cell), other than the cell itself.
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* cell : page.document().elements()) {
    if (!(cell->IsHtml("td") || cell->IsHtml("th")) || !cell->HasAttribute("headers")) {
      continue;
    }
    std::vector<std::string_view> ids = engine::SplitWhitespace(cell->AttrOr("headers"));
    const engine::Node* table = cell->ClosestHtmlAncestor("table");
    if (ids.empty() || table == nullptr) {
      continue;
    }
    std::string_view role = page.a11y().Role(*table);
    if ((role != "table" && role != "grid" && role != "treegrid") || !IsVisible(page, *table) ||
        !IsExposed(page, *table)) {
      continue;
    }
    std::string problem;
    for (std::string_view id : ids) {
      const engine::Node* target = page.document().GetElementById(id);
      if (target == nullptr) {
        problem = "no element has id \"" + std::string(id) + "\"";
      } else if (target == cell) {
        problem = "it refers to the cell itself";
      } else if (!(target->IsHtml("td") || target->IsHtml("th")) ||
                 target->ClosestHtmlAncestor("table") != table) {
        problem = "\"" + std::string(id) + "\" is not a cell of this table";
      }
      if (!problem.empty()) {
        break;
      }
    }
    if (problem.empty()) {
      out.Pass(cell);
    } else {
      out.Fail(cell, "The headers attribute does not point to this table's header cells: " +
                         problem + ". Screen readers cannot announce the cell's headers.");
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kAct[] = {"a25f45"};
constexpr std::string_view kPasses[] = {
    R"(<table><tr><th id="h1">Project</th></tr><tr><td headers="h1">Roads</td></tr></table>)"};
constexpr std::string_view kFails[] = {
    R"(<table><tr><th id="h1">Project</th></tr><tr><td headers="h2">Roads</td></tr></table>)",
    R"(<table><tr><td><span id="h1">Project</span></td></tr><tr><td headers="h1">Roads</td></tr></table>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<table><tr><th scope="col">Project</th></tr><tr><td>Roads</td></tr></table>)",
    R"(<table role="presentation"><tr><td id="a">A</td></tr><tr><td headers="a">B</td></tr></table>)"};

constexpr std::string_view kTargetAttributes[] = {"headers"};

}  // namespace

extern const engine::Rule kHtmlTdHeaders{
    .id = "html.td-headers",
    .summary = "Cells' headers attributes point to header cells of the same table",
    .why =
        "Screen readers read out a data cell's headers from the headers attribute; an id that "
        "is misspelt or belongs to another table leaves the cell without headers.",
    .help =
        "List in headers the ids of th cells of the same table, or remove the attribute and "
        "rely on th with scope.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = kTargetAttributes};

}  // namespace plainsight::rules
