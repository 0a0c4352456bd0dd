// Roles: the explicit role (WAI-ARIA 1.2 7.1, the first valid non-abstract token), the implicit
// role of HTML elements (HTML-AAM element mappings, with their context: header and footer
// scoped to body, td in a grid, section with a name) and SVG elements (SVG-AAM 1.0 5.1), and the
// presentational role conflict resolution (WAI-ARIA 1.2 9.3).
#include <algorithm>

#include "engine/aria/accessibility_internal.h"

namespace plainsight::engine {

using namespace a11y_internal;

bool AccessibilityImpl::IsFirstSummary(const Node& e) {
  if (!e.IsHtml("summary")) {
    return false;
  }
  const Node* p = e.ParentElement();
  if (p == nullptr || !p->IsHtml("details")) {
    return false;
  }
  for (const Node* child : p->children()) {
    if (child->IsHtml("summary")) {
      return child == &e;
    }
  }
  return false;
}

std::string_view AccessibilityImpl::ExplicitRoleOf(const Node& e) {
  const std::string* v = e.Attr("role");
  if (v == nullptr) {
    return {};
  }
  for (std::string_view token : SplitWhitespace(*v)) {
    // No role name is longer than 24 characters: longer tokens cannot match, and shorter
    // ones are lowercased on the stack (this runs for every element).
    char lower[24];
    if (token.size() > sizeof(lower)) {
      continue;
    }
    for (size_t i = 0; i < token.size(); ++i) {
      lower[i] = AsciiLowerChar(token[i]);
    }
    const RoleInfo* info = FindRole(std::string_view(lower, token.size()));
    if (info != nullptr && !info->is_abstract) {
      return info->name;  // static storage
    }
  }
  return {};
}

bool AccessibilityImpl::HasGlobalAriaAttribute(const Node& e, bool ignore_hidden) {
  for (const Attribute& attr : e.attributes()) {
    if (attr.name.size() > 5 && attr.name.compare(0, 5, "aria-") == 0) {
      if (ignore_hidden && attr.name == "aria-hidden") {
        continue;
      }
      const AriaAttributeInfo* info = FindAriaAttribute(attr.name);
      if (info != nullptr && info->global) {
        return true;
      }
    }
  }
  return false;
}

// The role an element's table ancestor gives table parts: "table", "grid", "treegrid", "none"
// (presentational inheritance, WAI-ARIA 1.2 9.3) or "" (not in a table).
std::string_view AccessibilityImpl::TableContext(const Accessibility& a, const Node& e) {
  const Node* table = e.ClosestHtmlAncestor("table");
  if (table == nullptr) {
    return {};
  }
  std::string_view role = a.Role(*table);
  if (role == "grid" || role == "treegrid" || role == "table" || role == "none") {
    return role;
  }
  return {};
}

const std::unordered_map<std::string_view, AccessibilityImpl::TagRole>&
AccessibilityImpl::HtmlTagRoles() {
  static const std::unordered_map<std::string_view, TagRole> kTags = {
      {"address", {TagKind::kSimple, "group"}},
      {"article", {TagKind::kSimple, "article"}},
      {"blockquote", {TagKind::kSimple, "blockquote"}},
      {"code", {TagKind::kSimple, "code"}},
      {"datalist", {TagKind::kSimple, "listbox"}},
      {"dd", {TagKind::kSimple, "definition"}},
      {"del", {TagKind::kSimple, "deletion"}},
      {"details", {TagKind::kSimple, "group"}},
      {"dfn", {TagKind::kSimple, "term"}},
      {"dialog", {TagKind::kSimple, "dialog"}},
      {"dt", {TagKind::kSimple, "term"}},
      {"em", {TagKind::kSimple, "emphasis"}},
      {"fieldset", {TagKind::kSimple, "group"}},
      {"figure", {TagKind::kSimple, "figure"}},
      {"hgroup", {TagKind::kSimple, "group"}},
      {"hr", {TagKind::kSimple, "separator"}},
      {"html", {TagKind::kSimple, "document"}},
      {"ins", {TagKind::kSimple, "insertion"}},
      {"main", {TagKind::kSimple, "main"}},
      {"math", {TagKind::kSimple, "math"}},
      {"menu", {TagKind::kSimple, "list"}},
      {"meter", {TagKind::kSimple, "meter"}},
      {"nav", {TagKind::kSimple, "navigation"}},
      {"ol", {TagKind::kSimple, "list"}},
      {"optgroup", {TagKind::kSimple, "group"}},
      {"output", {TagKind::kSimple, "status"}},
      {"p", {TagKind::kSimple, "paragraph"}},
      {"progress", {TagKind::kSimple, "progressbar"}},
      {"s", {TagKind::kSimple, "deletion"}},
      {"search", {TagKind::kSimple, "search"}},
      {"strong", {TagKind::kSimple, "strong"}},
      {"sub", {TagKind::kSimple, "subscript"}},
      {"sup", {TagKind::kSimple, "superscript"}},
      {"table", {TagKind::kSimple, "table"}},
      {"time", {TagKind::kSimple, "time"}},
      {"ul", {TagKind::kSimple, "list"}},
      {"a", {TagKind::kSpecial, {}}},
      {"area", {TagKind::kSpecial, {}}},
      {"h1", {TagKind::kSpecial, {}}},
      {"h2", {TagKind::kSpecial, {}}},
      {"h3", {TagKind::kSpecial, {}}},
      {"h4", {TagKind::kSpecial, {}}},
      {"h5", {TagKind::kSpecial, {}}},
      {"h6", {TagKind::kSpecial, {}}},
      {"img", {TagKind::kSpecial, {}}},
      {"input", {TagKind::kSpecial, {}}},
      {"select", {TagKind::kSpecial, {}}},
      {"textarea", {TagKind::kSpecial, {}}},
      {"button", {TagKind::kSpecial, {}}},
      {"header", {TagKind::kSpecial, {}}},
      {"footer", {TagKind::kSpecial, {}}},
      {"aside", {TagKind::kSpecial, {}}},
      {"section", {TagKind::kSpecial, {}}},
      {"form", {TagKind::kSpecial, {}}},
      {"li", {TagKind::kSpecial, {}}},
      {"td", {TagKind::kSpecial, {}}},
      {"th", {TagKind::kSpecial, {}}},
      {"tr", {TagKind::kSpecial, {}}},
      {"thead", {TagKind::kSpecial, {}}},
      {"tbody", {TagKind::kSpecial, {}}},
      {"tfoot", {TagKind::kSpecial, {}}},
      {"caption", {TagKind::kSpecial, {}}},
      {"option", {TagKind::kSpecial, {}}},
  };
  return kTags;
}

std::string_view AccessibilityImpl::ImplicitHtmlRole(const Accessibility& a, Cache& c,
                                                     const Node& e) {
  const std::string_view t = e.tag();
  const auto found = HtmlTagRoles().find(t);
  if (found == HtmlTagRoles().end()) {
    return "";
  }
  if (found->second.kind == TagKind::kSimple) {
    return found->second.role;
  }
  if (t == "a" || t == "area") {
    return e.HasAttribute("href") ? "link" : "";
  }
  if (IsHeadingTag(t)) {
    return "heading";
  }
  if (t == "img") {
    const std::string* alt = e.Attr("alt");
    if (alt != nullptr && alt->empty()) {
      // HTML-AAM: img with alt="" is presentation, unless the conflict resolution applies.
      if (a.IsFocusable(e) || HasGlobalAriaAttribute(e)) {
        return "img";
      }
      return "none";
    }
    return "img";
  }
  if (t == "input") {
    std::string type = InputType(e);
    bool list = e.HasAttribute("list");
    if (type == "button" || type == "image" || type == "reset" || type == "submit") {
      return "button";
    }
    if (type == "checkbox") {
      return "checkbox";
    }
    if (type == "radio") {
      return "radio";
    }
    if (type == "range") {
      return "slider";
    }
    if (type == "number") {
      return "spinbutton";
    }
    if (type == "search") {
      return list ? "combobox" : "searchbox";
    }
    if (type == "text" || type == "tel" || type == "url" || type == "email") {
      return list ? "combobox" : "textbox";
    }
    // Interpretation: password, date/time and color inputs have no ARIA role in HTML-AAM, but
    // browsers expose them as editable fields and the ACT form-field-name rule (e086e5) treats
    // them as such, so they map to textbox here.
    if (type == "password" || type == "date" || type == "month" || type == "week" ||
        type == "time" || type == "datetime-local" || type == "color") {
      return "textbox";
    }
    return "";  // hidden, file
  }
  if (t == "select") {
    std::optional<long> size;
    if (const std::string* s = e.Attr("size")) {
      size = ParseHtmlInteger(*s);
    }
    if (e.HasAttribute("multiple") || (size && *size > 1)) {
      return "listbox";
    }
    return "combobox";
  }
  if (t == "textarea") {
    return "textbox";
  }
  if (t == "button") {
    return "button";
  }
  if (t == "header" || t == "footer") {
    const Cache::Flags& f = Flags(a, c, e);
    if (f.in_sectioning || f.in_main) {
      return "";
    }
    return t == "header" ? "banner" : "contentinfo";
  }
  if (t == "aside") {
    const Cache::Flags& f = Flags(a, c, e);
    if (f.in_sectioning) {
      return HasAuthorName(a, c, e) ? "complementary" : "";
    }
    return "complementary";
  }
  if (t == "section") {
    return HasAuthorName(a, c, e) ? "region" : "";
  }
  if (t == "form") {
    return HasAuthorName(a, c, e) ? "form" : "";
  }
  if (t == "li") {
    const Node* p = e.ParentElement();
    if (p != nullptr && (p->IsHtml("ul") || p->IsHtml("ol") || p->IsHtml("menu"))) {
      std::string_view prole = a.Role(*p);
      return prole == "none" ? "none" : "listitem";
    }
    return "";
  }
  if (t == "td" || t == "th" || t == "tr" || t == "thead" || t == "tbody" || t == "tfoot" ||
      t == "caption") {
    std::string_view table = TableContext(a, e);
    if (table.empty()) {
      return "";
    }
    if (table == "none") {
      return "none";
    }
    if (t == "tr") {
      return "row";
    }
    if (t == "thead" || t == "tbody" || t == "tfoot") {
      return "rowgroup";
    }
    if (t == "caption") {
      return "caption";
    }
    bool grid = table != "table";
    if (t == "td") {
      return grid ? "gridcell" : "cell";
    }
    // th: scope first, then position (HTML-AAM: columnheader/rowheader/cell).
    std::string scope = AsciiLower(TrimWhitespace(e.AttrOr("scope")));
    if (scope == "col" || scope == "colgroup") {
      return "columnheader";
    }
    if (scope == "row" || scope == "rowgroup") {
      return "rowheader";
    }
    if (e.ClosestHtmlAncestor("thead") != nullptr) {
      return "columnheader";
    }
    // Interpretation: a th in a row that also has td cells heads that row; a th in a row of
    // th cells heads its column (the "auto" scope of HTML 4.9.12, simplified).
    const Node* row = e.ParentElement();
    if (row != nullptr) {
      for (const Node* cell : row->children()) {
        if (cell->IsHtml("td")) {
          return "rowheader";
        }
      }
    }
    return "columnheader";
  }
  if (t == "option") {
    const Node* p = e.ParentElement();
    if (p != nullptr && p->IsHtml("optgroup")) {
      p = p->ParentElement();
    }
    return p != nullptr && (p->IsHtml("select") || p->IsHtml("datalist")) ? "option" : "";
  }

  return "";
}

// SVG-AAM 1.0 section 5.1 (simplified): the svg element is a graphics-document; shapes and
// images are exposed only when they have a name or description, groups when named.
std::string_view AccessibilityImpl::ImplicitSvgRole(const Accessibility& a, Cache& c,
                                                    const Node& e) {
  const std::string_view t = e.tag();
  if (t == "svg") {
    return "graphics-document";
  }
  if (t == "a") {
    return e.HasAttribute("href") || e.HasAttribute("xlink:href") ? "link" : "group";
  }
  bool shape = t == "circle" || t == "ellipse" || t == "line" || t == "path" || t == "polygon" ||
               t == "polyline" || t == "rect" || t == "use";
  bool named = HasAuthorName(a, c, e) || HasSvgTitle(e);
  if (shape) {
    return named ? "graphics-symbol" : "";
  }
  if (t == "image") {
    return named ? "img" : "";
  }
  if (t == "g") {
    return named ? "group" : "";
  }
  if (t == "text") {
    return "group";
  }
  return "";
}

const Node* AccessibilityImpl::SvgTitle(const Node& e) {
  for (const Node* child : e.children()) {
    if (child->IsElement() && child->ns() == Namespace::kSvg && child->tag() == "title") {
      return child;
    }
  }
  return nullptr;
}

bool AccessibilityImpl::HasSvgTitle(const Node& e) {
  const Node* title = SvgTitle(e);
  return title != nullptr && !CollapseWhitespace(title->TextContent()).empty();
}

std::string_view AccessibilityImpl::ImplicitRole(const Accessibility& a, Cache& c, const Node& e) {
  Cache::Entry& entry = c.Of(e);
  if (entry.implicit_done) {
    return entry.implicit_role;
  }
  std::string_view role;
  switch (e.ns()) {
    case Namespace::kHtml:
      role = ImplicitHtmlRole(a, c, e);
      break;
    case Namespace::kSvg:
      role = ImplicitSvgRole(a, c, e);
      break;
    case Namespace::kMathMl:
      role = e.tag() == "math" ? "math" : "";
      break;
    case Namespace::kOther:
      break;
  }
  Cache::Entry& again = c.Of(e);  // the map may have rehashed
  again.implicit_role = role;
  again.implicit_done = true;
  return role;
}

std::string_view Accessibility::ExplicitRole(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  return AccessibilityImpl::ExplicitRoleOf(element);
}

std::string_view Accessibility::ImplicitRole(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  std::string_view role = AccessibilityImpl::ImplicitRole(*this, *cache_, element);
  return role;
}

std::string_view Accessibility::ComputeRole(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  Cache::Entry& entry = cache_->Of(element);
  if (entry.role_done) {
    return entry.role;
  }
  if (entry.role_busy) {
    return {};  // a cycle through context-dependent roles: treat as generic
  }
  entry.role_busy = true;
  std::string_view role = ExplicitRole(element);
  if (IsPresentational(role)) {
    // WAI-ARIA 1.2 9.3: focusable elements and elements with global ARIA attributes keep their
    // implicit role.
    if (IsFocusable(element) || AccessibilityImpl::HasGlobalAriaAttribute(element)) {
      role = ImplicitRole(element);
    } else {
      role = "none";
    }
  } else if (role.empty()) {
    role = ImplicitRole(element);
  }
  // Interpretation: the generic role is reported as "" (no role), as the header says; an
  // explicit role="generic" therefore reads the same as a <div>.
  if (role == "generic") {
    role = {};
  }
  if (role == "presentation") {
    role = "none";
  }
  Cache::Entry& again = cache_->Of(element);
  again.role = role;
  again.role_done = true;
  again.role_busy = false;
  if (const uint32_t i = element.element_index();
      i < known_roles_.size() && &element.document() == &document_) {
    known_roles_[i].role = role;
    known_roles_[i].role_known = true;
  }
  return role;
}

RoleId Accessibility::ComputeRoleId(const Node& element) const {
  if (!element.IsElement()) {
    return kNoRoleId;
  }
  Cache::Entry& entry = cache_->Of(element);
  if (!entry.role_id_done) {
    std::string_view role = Role(element);
    RoleId id = role.empty() ? kNoRoleId : engine::RoleIdOf(role);
    Cache::Entry& again = cache_->Of(element);
    again.role_id = id;
    again.role_id_done = true;
    if (const uint32_t i = element.element_index();
        i < known_roles_.size() && &element.document() == &document_) {
      known_roles_[i].id = id;
      known_roles_[i].id_known = true;
    }
    return id;
  }
  return entry.role_id;
}

}  // namespace plainsight::engine
