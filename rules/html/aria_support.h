// Helpers shared by the ARIA rules (html.aria-valid-value, html.aria-allowed-attr,
// html.aria-prohibited-attr, html.aria-required-*, html.aria-hidden-focus...): which elements the
// ACT rules call "HTML or SVG elements", the element's WAI-ARIA attributes, HTML-AAM's generic
// elements, and the ACT rules' "owned by" relation. Pure functions of the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/aria/aria.h"
#include "engine/page.h"

namespace plainsight::rules {

// ACT's "namespaced element": an element in the HTML or SVG namespace.
bool IsHtmlOrSvgElement(const engine::Node& element);

// One WAI-ARIA state or property written on an element.
struct AriaAttributeUse {
  std::string name;                       // lowercase, "aria-pressed"
  std::string_view value;                 // as written
  const engine::AriaAttributeInfo* info;  // nullptr for the WAI-ARIA 1.3 braille attributes
};

// The element's attributes that WAI-ARIA defines (1.2, plus the 1.3 globals aria-braillelabel and
// aria-brailleroledescription, which browsers ship), in document order. Misspelt aria-*
// attributes are left out (html.aria-attr-defined reports them).
std::vector<AriaAttributeUse> AriaAttributesOf(const engine::Node& element);

// Is the attribute a global state or property (WAI-ARIA 1.2 6.4, plus the 1.3 braille ones)?
bool IsGlobalAriaAttribute(const AriaAttributeUse& use);

// Plain-English description of the values an attribute accepts ("true or false", "an integer").
std::string DescribeAriaValues(const engine::AriaAttributeInfo& info);

// Does the element have the generic role: role="generic", or an HTML element HTML-AAM maps to
// generic (div, span, b, i, u, small, bdi, bdo, data, pre, q, samp, a without href, header and
// footer inside sectioning content)? Elements with no corresponding role at all (audio, label,
// input type=file...) are not generic.
bool HasGenericRole(const engine::Page& page, const engine::Node& element);

// The elements `element` owns in the sense of the ACT rules' "owned by": element children in
// the accessibility tree (children claimed by another element's aria-owns excluded, its own
// aria-owns targets added), looking through elements with role none/presentation, skipping
// elements excluded from the tree. Generic elements are owned (they are in the tree).
std::vector<const engine::Node*> ActOwnedElements(const engine::Page& page,
                                                  const engine::Node& element);

// The accessibility parent of `element` for the required-context-role rule: its aria-owns owner
// if any, else the nearest ancestor included in the accessibility tree that is not
// presentational (role none) and not a generic element without global ARIA attributes (browsers
// leave those out of the tree). nullptr at the root.
const engine::Node* ActAccessibilityParent(const engine::Page& page, const engine::Node& element);

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
