// Helpers shared by the table rules.
#include "rules/html/table_support.h"

#include <ranges>

#include "rules/html/support/aria_tree.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/tables.h"
#include "rules/html/support/tags.h"
#include "rules/support.h"

namespace plainsight::rules::tables {

namespace {

// Elements whose presence in a cell means the cell holds page layout rather than a value.
bool IsLayoutContent(const engine::Node& e) {
  static constexpr std::string_view kBlocks[] = {
      "table",   "h1",       "h2",         "h3",       "h4",      "h5",   "h6",
      "p",       "ul",       "ol",         "dl",       "form",    "nav",  "iframe",
      "object",  "embed",    "video",      "header",   "footer",  "main", "aside",
      "article", "section",  "blockquote", "fieldset", "address", "div",  "input",
      "select",  "textarea", "button",     "img",      "br"};
  return IsHtmlOneOf(e, kBlocks);
}

// A caption with text, a summary attribute, or an author-given name: the author says the table
// holds data about something.
bool Described(const engine::Node& table) {
  for (const engine::Node* c : table.children()) {
    if (c->IsHtml("caption") && !engine::TrimWhitespace(c->TextContent()).empty()) {
      return true;
    }
  }
  for (std::string_view attr : {"summary", "aria-label", "aria-labelledby"}) {
    if (!engine::TrimWhitespace(table.AttrOr(attr)).empty()) {
      return true;
    }
  }
  return false;
}

bool IsHeaderRole(std::string_view role) {
  return role == "columnheader" || role == "rowheader";
}

}  // namespace

std::vector<const engine::Node*> OwnCells(const engine::Node& table) {
  std::vector<const engine::Node*> cells;
  std::vector<const engine::Node*> stack(table.children().rbegin(), table.children().rend());
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    if (!n->IsElement() || n->IsHtml("table")) {
      continue;
    }
    if (n->IsHtml("td") || n->IsHtml("th")) {
      cells.push_back(n);
      continue;
    }
    if (n->IsHtml("tr") || n->IsHtml("thead") || n->IsHtml("tbody") || n->IsHtml("tfoot")) {
      for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
        stack.push_back(*it);
      }
    }
  }
  return cells;
}

const engine::Node* EnclosingTable(const engine::Node& table) {
  for (const engine::Node* n = table.ParentElement(); n != nullptr; n = n->ParentElement()) {
    if (n->IsHtml("td") || n->IsHtml("th")) {
      return n->ClosestHtmlAncestor("table");
    }
  }
  return nullptr;
}

bool IsShownTable(const engine::Page& page, const engine::Node& table) {
  const engine::Page& p = page.PageFor(table);
  return !p.styles().IsDisplayNone(table) && (IsExposed(p, table) || IsVisible(p, table));
}

TableKind KindOf(const engine::Page& page, const engine::Node& table) {
  const engine::Page& p = page.PageFor(table);
  const std::string_view explicit_role = p.a11y().ExplicitRole(table);
  if (explicit_role == "none" || explicit_role == "presentation") {
    return TableKind::kPresentational;
  }
  const std::vector<const engine::Node*> cells = OwnCells(table);
  for (const engine::Node* c : cells) {
    if (c->IsHtml("th") || c->HasAttribute("headers") || c->HasAttribute("scope") ||
        IsHeaderRole(p.a11y().ExplicitRole(*c))) {
      return TableKind::kDataWithHeaders;
    }
  }
  // Layout signs: nested tables or page blocks in the cells.
  const TableModel model = BuildTableModel(table);
  bool layout = false;
  for (const engine::Node* c : cells) {
    if (layout) {
      break;
    }
    const auto& elements = c->document().elements();
    const uint32_t begin = c->element_index();
    if (begin == engine::Node::kNoElementIndex) {
      continue;
    }
    for (uint32_t i = begin + 1; i < elements.size() && elements[i]->IsDescendantOf(*c); ++i) {
      if (IsLayoutContent(*elements[i])) {
        layout = true;
        break;
      }
    }
  }
  if (!layout && (model.width <= 1 || model.height <= 1)) {
    // Interpretation: one row or column of plain values says nothing either way (the ACT cases
    // pass such tables, with and without a grid role: bc4a75).
    return TableKind::kSingleLine;
  }
  const bool declared_data = explicit_role == "table" || explicit_role == "grid" ||
                             explicit_role == "treegrid" || Described(table);
  if (declared_data) {
    return TableKind::kDataNoHeaders;
  }
  return layout ? TableKind::kLayout : TableKind::kDataNoHeaders;
}

void CheckTableKinds(const engine::Page& page, engine::Findings& out, TableKind passes,
                     TableKind warns, std::string_view message) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("table") || !IsShownTable(p, e)) {
      return;
    }
    const TableKind kind = KindOf(p, e);
    if (kind == passes) {
      out.Pass(&e);
    } else if (kind == warns) {
      out.Warn(&e, std::string(message));
    }
  });
}

}  // namespace plainsight::rules::tables
