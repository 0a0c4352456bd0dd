// Accessibility semantics of a document: roles, exclusion from the accessibility tree,
// focusability and sequential focus order, accessible names and descriptions.
//
// Normative sources: WAI-ARIA 1.2 (7.1 role attribute and fallback roles, 9.3 presentational
// role conflict resolution, 5.2.8 name from), HTML-AAM (element role mappings, 4.1 accessible
// name computations per element), SVG-AAM 1.0 (5.1 and 8.1), Accessible Name and Description
// Computation 1.2 (4.3, steps 2A-2I), HTML Living Standard 6.6.3 (focusable areas, tabindex),
// 2.3.4.1 (rules for parsing integers), 4.10.4 (labelable elements and label association).
//
// Everything is computed lazily and cached per element in Cache, so asking about every element
// of a 100,000-element page stays linear: ancestor-dependent flags are computed top-down once
// per element, ids and <label> associations are indexed once per document.
#include "engine/aria/accessibility.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "engine/aria/aria.h"

namespace plainsight::engine {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool AttrEquals(const Node& e, std::string_view name, std::string_view value) {
  const std::string* v = e.Attr(name);
  return v != nullptr && EqualsIgnoreCase(TrimWhitespace(*v), value);
}

// HTML 2.3.4.1 rules for parsing integers: leading whitespace, optional sign, digits; trailing
// garbage is ignored ("2px" is 2). std::nullopt when there are no digits.
std::optional<long> ParseHtmlInteger(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsAsciiSpace(s[i])) {
    ++i;
  }
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    ++i;
  }
  if (i >= s.size() || s[i] < '0' || s[i] > '9') {
    return std::nullopt;
  }
  long value = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (value < 1'000'000'000L) {  // clamp: tabindex beyond this is meaningless
      value = value * 10 + (s[i] - '0');
    }
    ++i;
  }
  return negative ? -value : value;
}

bool IsHeadingTag(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// HTML 4.10.2: labelable elements.
bool IsLabelable(const Node& e) {
  if (e.ns() != Namespace::kHtml) {
    return false;
  }
  const std::string_view t = e.tag();
  if (t == "input") {
    return !AttrEquals(e, "type", "hidden");
  }
  return t == "button" || t == "meter" || t == "output" || t == "progress" || t == "select" ||
         t == "textarea";
}

std::string InputType(const Node& e) {
  const std::string* type = e.Attr("type");
  if (type == nullptr) {
    return "text";
  }
  std::string t = AsciiLower(TrimWhitespace(*type));
  static constexpr std::string_view kKnown[] = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  return std::find(std::begin(kKnown), std::end(kKnown), t) != std::end(kKnown) ? t : "text";
}

bool IsTextInputType(std::string_view t) {
  return t == "text" || t == "search" || t == "tel" || t == "url" || t == "email" ||
         t == "password" || t == "date" || t == "month" || t == "week" || t == "time" ||
         t == "datetime-local" || t == "number" || t == "color";
}

bool IsPresentational(std::string_view role) {
  return role == "none" || role == "presentation";
}

void AppendWithSpace(std::string& out, std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!out.empty() && !IsAsciiSpace(out.back()) && !IsAsciiSpace(text.front())) {
    out.push_back(' ');
  }
  out.append(text);
}

}  // namespace

struct Accessibility::Cache {
  struct Flags {
    bool aria_hidden = false;    // aria-hidden=true on self or an ancestor
    bool inert = false;          // inert on self or an ancestor
    bool not_rendered = false;   // display:none on self or an ancestor, closed details...
    bool invisible = false;      // not_rendered, or visibility hidden/collapse
    bool in_sectioning = false;  // inside article/aside/nav/section (or their roles)
    bool in_main = false;        // inside main
  };

  struct Entry {
    bool flags_done = false;
    Flags flags;
    bool role_done = false;
    bool role_busy = false;
    bool role_id_done = false;
    RoleId role_id = kNoRoleId;
    std::string_view role;
    bool implicit_done = false;
    std::string_view implicit_role;
    int8_t focusable = -1;
    int8_t presentational_ancestor = -1;
  };

  // Entries of the document's elements, indexed by position in Document::elements() (found
  // through Node::element_index()); anything else (nested documents' elements) goes to
  // `others`. Sized once, so references to entries stay valid while computations recurse.
  std::vector<Entry> entries;
  std::unordered_map<const Node*, Entry> others;
  std::unordered_map<const Node*, std::string> names;
  std::unordered_map<const Node*, std::string> descriptions;
  bool ids_done = false;
  std::unordered_map<std::string_view, const Node*> ids;
  bool labels_done = false;
  std::unordered_map<const Node*, std::vector<const Node*>> labels;
  bool owners_done = false;
  std::unordered_map<const Node*, const Node*> owner_of;           // aria-owns target -> owner
  std::unordered_map<const Node*, std::vector<const Node*>> owns;  // owner -> targets

  void Index(const Document& document) {
    const std::vector<const Node*>& elements = document.elements();
    entries.resize(elements.size());
    elements_ = &elements;
  }

  Entry& Of(const Node& e) {
    const uint32_t i = e.element_index();
    if (i < entries.size() && (*elements_)[i] == &e) {
      return entries[i];
    }
    return others[&e];  // node-based map: references stay valid too
  }

 private:
  const std::vector<const Node*>* elements_ = nullptr;
};

namespace {

// The state of one name or description computation (accname 1.2 4.3).
struct NameContext {
  const Node* root = nullptr;
  std::unordered_set<const Node*> visited;
  int depth = 0;
};

struct Step {
  bool in_labelledby = false;  // part of an aria-labelledby/describedby traversal
  bool allow_hidden = false;   // the directly referenced node was hidden
  bool recursion = false;      // reached through name from content or a reference
};

}  // namespace

// The implementation, as static functions of a class the header befriends (so they may use the
// private Cache) that take the Accessibility object and its cache explicitly.
class AccessibilityImpl {
 public:
  using Cache = Accessibility::Cache;

  static const Node* ById(const Accessibility& a, Cache& c, std::string_view id) {
    if (!c.ids_done) {
      c.ids_done = true;
      c.ids.reserve(a.document().elements().size() / 4 + 1);
      for (const Node* e : a.document().elements()) {
        const std::string* v = e->Attr("id");
        if (v != nullptr && !v->empty()) {
          c.ids.emplace(*v, e);  // the first element with an id wins, as getElementById
        }
      }
    }
    auto it = c.ids.find(id);
    return it == c.ids.end() ? nullptr : it->second;
  }

  static std::vector<const Node*> IdRefs(const Accessibility& a, Cache& c, const Node& e,
                                         std::string_view attribute) {
    std::vector<const Node*> out;
    const std::string* v = e.Attr(attribute);
    if (v == nullptr) {
      return out;
    }
    for (std::string_view id : SplitWhitespace(*v)) {
      if (const Node* target = ById(a, c, id)) {
        out.push_back(target);
      }
    }
    return out;
  }

  static bool OwnDocument(const Accessibility& a, const Node& e) {
    return &e.document() == &a.document();
  }

  static Cache::Flags ComputeFlags(const Accessibility& a, const Node& e,
                                   const Cache::Flags* parent, const Node* parent_node) {
    Cache::Flags f;
    if (parent != nullptr) {
      f = *parent;
      const Node& p = *parent_node;
      std::string_view prole = ExplicitRoleOf(p);
      if (p.IsHtml("article") || p.IsHtml("aside") || p.IsHtml("nav") || p.IsHtml("section") ||
          prole == "article" || prole == "complementary" || prole == "navigation" ||
          prole == "region") {
        f.in_sectioning = true;
      }
      if (p.IsHtml("main") || prole == "main") {
        f.in_main = true;
      }
      // A closed <details> renders only its first <summary> child.
      if (p.IsHtml("details") && !p.HasAttribute("open") && !IsFirstSummary(e)) {
        f.not_rendered = true;
      }
      // content-visibility: hidden skips the element's contents (CSS Contain 2, 4.1).
      if (!f.not_rendered && OwnDocument(a, p) && a.styles().Of(p).ContentVisibilityHidden()) {
        f.not_rendered = true;
      }
    }
    if (AttrEquals(e, "aria-hidden", "true")) {
      f.aria_hidden = true;
    }
    if (e.HasAttribute("inert")) {
      f.inert = true;
    }
    if (e.IsHtml("input") && AttrEquals(e, "type", "hidden")) {
      f.not_rendered = true;
    }
    bool own = OwnDocument(a, e);
    // Interpretation: <area> is display:none in the UA stylesheet, yet it is rendered (and
    // focusable) through the image that uses its map, so only its ancestors count for it.
    if (own && e.IsHtml("area")) {
      // Inherits not_rendered from the map's chain only.
    } else if (own) {
      if (!f.not_rendered && a.styles().IsDisplayNone(e)) {
        f.not_rendered = true;
      }
    } else if (e.HasAttribute("hidden")) {
      // Interpretation: elements of nested documents have no styles here; the hidden
      // attribute is the one rendering rule applied to them.
      f.not_rendered = true;
    }
    // Visibility is inherited, but a child may set visibility:visible again, so only the
    // element's own computed value counts.
    f.invisible = f.not_rendered || (own && a.styles().Of(e).VisibilityHidden());
    return f;
  }

  static const Cache::Flags& Flags(const Accessibility& a, Cache& c, const Node& e) {
    Cache::Entry& entry = c.Of(e);
    if (entry.flags_done) {
      return entry.flags;
    }
    // The common case (elements visited in tree order): the parent is done already.
    if (const Node* parent = e.ParentElement(); parent == nullptr || c.Of(*parent).flags_done) {
      const Cache::Flags* pf = parent != nullptr ? &c.Of(*parent).flags : nullptr;
      Cache::Flags f = ComputeFlags(a, e, pf, parent);
      Cache::Entry& done = c.Of(e);
      done.flags = f;
      done.flags_done = true;
      return done.flags;
    }
    // Walk up to the nearest ancestor with flags, then compute down: iterative, so 100,000
    // nested elements do not overflow the stack.
    std::vector<const Node*> chain;
    for (const Node* n = &e; n != nullptr; n = n->ParentElement()) {
      Cache::Entry& ne = c.Of(*n);
      if (ne.flags_done) {
        break;
      }
      chain.push_back(n);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Node* n = *it;
      const Node* parent = n->ParentElement();
      const Cache::Flags* pf = parent != nullptr ? &c.Of(*parent).flags : nullptr;
      Cache::Flags f = ComputeFlags(a, *n, pf, parent);
      Cache::Entry& ne = c.Of(*n);
      ne.flags = f;
      ne.flags_done = true;
    }
    return c.Of(e).flags;
  }

  static bool IsFirstSummary(const Node& e) {
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

  static std::string_view ExplicitRoleOf(const Node& e) {
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
        char ch = token[i];
        lower[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      }
      const RoleInfo* info = FindRole(std::string_view(lower, token.size()));
      if (info != nullptr && !info->is_abstract) {
        return info->name;  // static storage
      }
    }
    return {};
  }

  static bool HasGlobalAriaAttribute(const Node& e, bool ignore_hidden = false) {
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

  // "Has an accessible name" for the roles that depend on it (section, form, aside): only
  // author-provided names count, and computing them must not ask for the element's role.
  static bool HasAuthorName(const Accessibility& a, Cache& c, const Node& e) {
    for (const Node* ref : IdRefs(a, c, e, "aria-labelledby")) {
      NameContext ctx;
      ctx.root = &e;
      Step step{true, true, true};
      if (!CollapseWhitespace(TextAlternative(a, c, *ref, ctx, step)).empty()) {
        return true;
      }
    }
    return !TrimWhitespace(e.AttrOr("aria-label")).empty() ||
           !TrimWhitespace(e.AttrOr("title")).empty();
  }

  // The role an element's table ancestor gives table parts: "table", "grid", "treegrid", "none"
  // (presentational inheritance, WAI-ARIA 1.2 9.3) or "" (not in a table).
  static std::string_view TableContext(const Accessibility& a, const Node& e) {
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

  // The HTML elements with an implicit role: those whose role is fixed (kSimple, with the
  // role) and those whose role depends on attributes or context (kSpecial, decided in
  // ImplicitHtmlRole). Every other element has none. One lookup instead of a chain of
  // comparisons: this runs for every element of every page.
  enum class TagKind : uint8_t { kSimple, kSpecial };

  struct TagRole {
    TagKind kind;
    std::string_view role;
  };

  static const std::unordered_map<std::string_view, TagRole>& HtmlTagRoles() {
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

  static std::string_view ImplicitHtmlRole(const Accessibility& a, Cache& c, const Node& e) {
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
  static std::string_view ImplicitSvgRole(const Accessibility& a, Cache& c, const Node& e) {
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

  static const Node* SvgTitle(const Node& e) {
    for (const Node* child : e.children()) {
      if (child->IsElement() && child->ns() == Namespace::kSvg && child->tag() == "title") {
        return child;
      }
    }
    return nullptr;
  }

  static bool HasSvgTitle(const Node& e) {
    const Node* title = SvgTitle(e);
    return title != nullptr && !CollapseWhitespace(title->TextContent()).empty();
  }

  static std::string_view ImplicitRole(const Accessibility& a, Cache& c, const Node& e) {
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

  static bool NativelyFocusable(const Accessibility& a, const Node& e) {
    if (e.ns() == Namespace::kSvg) {
      return e.tag() == "a" && (e.HasAttribute("href") || e.HasAttribute("xlink:href"));
    }
    if (e.ns() != Namespace::kHtml) {
      return false;
    }
    const std::string_view t = e.tag();
    if (t == "a" || t == "area") {
      return e.HasAttribute("href");
    }
    if (t == "button" || t == "select" || t == "textarea" || t == "input") {
      if (t == "input" && AttrEquals(e, "type", "hidden")) {
        return false;
      }
      return !IsDisabled(e);
    }
    if (t == "iframe") {
      return true;
    }
    if (t == "summary") {
      return IsFirstSummary(e);
    }
    if (t == "audio" || t == "video") {
      return e.HasAttribute("controls");
    }
    return false;
  }

  // HTML 4.10.18.5: actually disabled (disabled attribute, or inside a disabled fieldset but
  // not in its first legend).
  static bool IsDisabled(const Node& e) {
    if (e.HasAttribute("disabled")) {
      return true;
    }
    for (const Node* p = e.ParentElement(); p != nullptr; p = p->ParentElement()) {
      if (p->IsHtml("fieldset") && p->HasAttribute("disabled")) {
        const Node* first_legend = nullptr;
        for (const Node* child : p->children()) {
          if (child->IsHtml("legend")) {
            first_legend = child;
            break;
          }
        }
        if (first_legend == nullptr || !e.IsDescendantOf(*first_legend)) {
          return true;
        }
      }
    }
    return false;
  }

  static bool IsContentEditable(const Node& e) {
    const std::string* v = e.Attr("contenteditable");
    if (v == nullptr) {
      return false;
    }
    std::string lower = AsciiLower(TrimWhitespace(*v));
    return lower.empty() || lower == "true" || lower == "plaintext-only";
  }

  static std::optional<long> TabIndex(const Node& e) {
    const std::string* v = e.Attr("tabindex");
    if (v == nullptr) {
      return std::nullopt;
    }
    return ParseHtmlInteger(*v);
  }

  static bool HiddenForName(const Accessibility& a, Cache& c, const Node& e) {
    const Cache::Flags& f = Flags(a, c, e);
    return f.invisible || f.aria_hidden;
  }

  // ---- accname 1.2 ----

  static std::string ControlValue(const Accessibility& a, Cache& c, const Node& e,
                                  std::string_view role, NameContext& ctx) {
    if (role == "textbox" || role == "searchbox") {
      if (e.IsHtml("input")) {
        return std::string(e.AttrOr("value"));
      }
      if (e.IsHtml("textarea")) {
        return e.TextContent();
      }
      return e.TextContent();
    }
    if (role == "combobox" || role == "listbox") {
      if (e.IsHtml("select")) {
        std::vector<const Node*> options;
        CollectOptions(e, options);
        std::string out;
        bool any_selected = false;
        for (const Node* o : options) {
          if (o->HasAttribute("selected")) {
            any_selected = true;
            AppendWithSpace(out, OptionText(*o));
            if (!e.HasAttribute("multiple")) {
              break;
            }
          }
        }
        if (!any_selected && role == "combobox" && !options.empty()) {
          out = OptionText(*options.front());  // a single select shows its first option
        }
        return out;
      }
      if (e.IsHtml("input")) {
        return std::string(e.AttrOr("value"));
      }
      // ARIA widgets: the selected options' text alternatives.
      std::string out;
      CollectAriaSelected(a, c, e, ctx, out);
      return out;
    }
    // Range roles.
    if (const std::string* text = e.Attr("aria-valuetext")) {
      return *text;
    }
    if (const std::string* now = e.Attr("aria-valuenow")) {
      return *now;
    }
    if (e.IsHtml("input")) {
      if (const std::string* v = e.Attr("value")) {
        return *v;
      }
      if (InputType(e) == "range") {
        // HTML: the default value of a range is the midpoint of min (0) and max (100).
        double min = 0;
        double max = 100;
        if (auto m = ParseHtmlInteger(e.AttrOr("min"))) {
          min = static_cast<double>(*m);
        }
        if (auto m = ParseHtmlInteger(e.AttrOr("max"))) {
          max = static_cast<double>(*m);
        }
        double mid = max < min ? min : min + (max - min) / 2;
        std::string s = std::to_string(mid);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') {
          s.pop_back();
        }
        return s;
      }
    }
    return "";
  }

  static void CollectOptions(const Node& e, std::vector<const Node*>& out) {
    for (const Node* child : e.children()) {
      if (child->IsHtml("option")) {
        out.push_back(child);
      } else if (child->IsHtml("optgroup")) {
        CollectOptions(*child, out);
      }
    }
  }

  static std::string OptionText(const Node& option) {
    if (const std::string* label = option.Attr("label"); label != nullptr && !label->empty()) {
      return *label;
    }
    return CollapseWhitespace(option.TextContent());
  }

  static void CollectAriaSelected(const Accessibility& a, Cache& c, const Node& e, NameContext& ctx,
                                  std::string& out) {
    // Iterative walk of the widget's subtree for role=option with aria-selected=true.
    std::vector<const Node*> stack(e.children().rbegin(), e.children().rend());
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      if (!n->IsElement()) {
        continue;
      }
      if (a.Role(*n) == "option" && AttrEquals(*n, "aria-selected", "true")) {
        Step step{false, false, true};
        AppendWithSpace(out, TextAlternative(a, c, *n, ctx, step));
        continue;
      }
      for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
        stack.push_back(*it);
      }
    }
  }

  static const std::vector<const Node*>& LabelsOf(const Accessibility& a, Cache& c, const Node& e) {
    if (!c.labels_done) {
      c.labels_done = true;
      for (const Node* label : a.document().elements()) {
        if (!label->IsHtml("label")) {
          continue;
        }
        const Node* target = nullptr;
        if (const std::string* f = label->Attr("for")) {
          const Node* candidate = ById(a, c, *f);
          if (candidate != nullptr && IsLabelable(*candidate)) {
            target = candidate;
          }
        } else {
          // The first labelable descendant in tree order.
          std::vector<const Node*> stack(label->children().rbegin(), label->children().rend());
          while (!stack.empty() && target == nullptr) {
            const Node* n = stack.back();
            stack.pop_back();
            if (!n->IsElement()) {
              continue;
            }
            if (IsLabelable(*n)) {
              target = n;
              break;
            }
            for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
              stack.push_back(*it);
            }
          }
        }
        if (target != nullptr) {
          c.labels[target].push_back(label);
        }
      }
    }
    static const std::vector<const Node*> kNone;
    auto it = c.labels.find(&e);
    return it == c.labels.end() ? kNone : it->second;
  }

  static const Node* FirstChildHtml(const Node& e, std::string_view tag) {
    for (const Node* child : e.children()) {
      if (child->IsHtml(tag)) {
        return child;
      }
    }
    return nullptr;
  }

  // Content of a native text alternative element (label, legend, caption, figcaption, svg
  // title): name from content of that element, in a recursive traversal.
  static std::string ContentOf(const Accessibility& a, Cache& c, const Node& e, NameContext& ctx,
                               const Step& step) {
    Step inner = step;
    inner.recursion = true;
    return NameFromContentText(a, c, e, ctx, inner);
  }

  // accname 2E: the host language's own text alternative. std::nullopt when it provides none
  // (so the computation continues); a value (possibly "") when it does.
  static std::optional<std::string> HostLanguageName(const Accessibility& a, Cache& c,
                                                     const Node& e, NameContext& ctx,
                                                     const Step& step) {
    if (e.ns() == Namespace::kSvg) {
      if (const Node* title = SvgTitle(e)) {
        std::string text = CollapseWhitespace(title->TextContent());
        if (!text.empty()) {
          return text;
        }
      }
      if (e.tag() == "a") {
        std::string_view t = TrimWhitespace(e.AttrOr("xlink:title"));
        if (!t.empty()) {
          return std::string(t);
        }
      }
      return std::nullopt;
    }
    if (e.ns() != Namespace::kHtml) {
      return std::nullopt;
    }
    const std::string_view t = e.tag();
    if (t == "input") {
      std::string type = InputType(e);
      if (type == "button" || type == "submit" || type == "reset") {
        std::string_view value = e.AttrOr("value");
        if (!TrimWhitespace(value).empty()) {
          return std::string(value);
        }
        if (type == "submit") {
          return std::string("Submit");
        }
        if (type == "reset") {
          return std::string("Reset");
        }
        return std::nullopt;
      }
      if (type == "image") {
        std::string labelled = LabelText(a, c, e, ctx, step);
        if (!labelled.empty()) {
          return labelled;
        }
        std::string_view alt = TrimWhitespace(e.AttrOr("alt"));
        if (!alt.empty()) {
          return std::string(alt);
        }
        std::string_view value = TrimWhitespace(e.AttrOr("value"));
        if (!value.empty()) {
          return std::string(value);
        }
        // Interpretation: HTML-AAM's last resort "Submit Query" is a browser default, not a
        // name the author gave; ACT rule 59796f fails such buttons, so it is not returned.
        return std::nullopt;
      }
    }
    if (IsLabelable(e)) {
      std::string labelled = LabelText(a, c, e, ctx, step);
      if (!labelled.empty()) {
        return labelled;
      }
      return std::nullopt;
    }
    if (t == "img" || t == "area") {
      if (const std::string* alt = e.Attr("alt")) {
        if (!TrimWhitespace(*alt).empty()) {
          return *alt;
        }
      }
      return std::nullopt;
    }
    if (t == "fieldset") {
      if (const Node* legend = FirstChildHtml(e, "legend")) {
        std::string text = ContentOf(a, c, *legend, ctx, step);
        if (!CollapseWhitespace(text).empty()) {
          return text;
        }
      }
      return std::nullopt;
    }
    if (t == "figure") {
      if (const Node* caption = FirstChildHtml(e, "figcaption")) {
        std::string text = ContentOf(a, c, *caption, ctx, step);
        if (!CollapseWhitespace(text).empty()) {
          return text;
        }
      }
      return std::nullopt;
    }
    if (t == "table") {
      if (const Node* caption = FirstChildHtml(e, "caption")) {
        std::string text = ContentOf(a, c, *caption, ctx, step);
        if (!CollapseWhitespace(text).empty()) {
          return text;
        }
      }
      return std::nullopt;
    }
    if (t == "optgroup") {
      std::string_view label = TrimWhitespace(e.AttrOr("label"));
      if (!label.empty()) {
        return std::string(label);
      }
      return std::nullopt;
    }
    if (t == "option") {
      std::string_view label = TrimWhitespace(e.AttrOr("label"));
      if (!label.empty()) {
        return std::string(label);
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  static std::string LabelText(const Accessibility& a, Cache& c, const Node& e, NameContext& ctx,
                               const Step& step) {
    std::string out;
    for (const Node* label : LabelsOf(a, c, e)) {
      if (ctx.visited.count(label) != 0) {
        continue;
      }
      // Interpretation: a hidden label still names its control (as a hidden aria-labelledby
      // target does, accname 2A), including its hidden content.
      Step inner = step;
      inner.recursion = true;
      inner.allow_hidden = step.allow_hidden || HiddenForName(a, c, *label);
      ctx.visited.insert(label);
      AppendWithSpace(out, CollapseWhitespace(NameFromContentText(a, c, *label, ctx, inner)));
    }
    return out;
  }

  static bool IsBlock(const Accessibility& a, const Node& e) {
    if (e.IsHtml("br")) {
      return true;
    }
    if (!OwnDocument(a, e)) {
      return false;
    }
    return IsBlockDisplay(a.styles().Of(e).Get("display").text);
  }

  // accname 1.2 2F.iii: block-level boxes are separated from their neighbours by a space.
  static bool IsBlockDisplay(std::string_view d) {
    return !(d.empty() || d.rfind("inline", 0) == 0 || d == "contents" || d == "none");
  }

  static void AppendPseudo(std::string& out, const std::optional<std::string>& text,
                           const ComputedStyle* style) {
    if (!text) {
      return;
    }
    bool block = style != nullptr && IsBlockDisplay(style->Get("display").text);
    if (block) {
      out.push_back(' ');
    }
    out.append(*text);
    if (block) {
      out.push_back(' ');
    }
  }

  // accname 2F: the text of the node's ::before, children (and aria-owns targets), ::after.
  static std::string NameFromContentText(const Accessibility& a, Cache& c, const Node& e,
                                         NameContext& ctx, const Step& step) {
    std::string out;
    bool own = OwnDocument(a, e);
    if (own) {
      AppendPseudo(out, a.styles().BeforeText(e), a.styles().Before(e));
    }
    Step child_step = step;
    child_step.recursion = true;
    auto add_child = [&](const Node& child) {
      if (child.IsText()) {
        out.append(child.text());
        return;
      }
      if (!child.IsElement()) {
        return;
      }
      // Interpretation: the control being named is left out of its own label's text (browsers
      // do this: <label>Name <input value=x></label> is "Name", not "Name x").
      if (ctx.visited.count(&child) != 0 || &child == ctx.root) {
        return;
      }
      std::string text = TextAlternative(a, c, child, ctx, child_step);
      if (IsBlock(a, child)) {
        out.push_back(' ');
        out.append(text);
        out.push_back(' ');
      } else {
        out.append(text);
      }
    };
    for (const Node* child : e.children()) {
      add_child(*child);
    }
    EnsureOwners(a, c);
    if (!c.owns.empty()) {
      auto owned = c.owns.find(&e);
      if (owned != c.owns.end()) {
        for (const Node* target : owned->second) {
          out.push_back(' ');
          add_child(*target);
        }
      }
    }
    if (own) {
      AppendPseudo(out, a.styles().AfterText(e), a.styles().After(e));
    }
    return out;
  }

  static bool AllowsNameFromContent(const Accessibility& a, const Node& e, std::string_view role) {
    if (const RoleInfo* info = FindRole(role); info != nullptr && !role.empty()) {
      if (info->name_from == NameFrom::kContents) {
        return true;
      }
    }
    // HTML-AAM: summary takes its name from its content; so does an option.
    if (role.empty() && (e.IsHtml("summary") || e.IsHtml("option"))) {
      return true;
    }
    return false;
  }

  static bool IsEmbeddedControlRole(std::string_view role) {
    return role == "textbox" || role == "searchbox" || role == "combobox" || role == "listbox" ||
           role == "slider" || role == "spinbutton" || role == "scrollbar" ||
           role == "progressbar" || role == "meter";
  }

  // accname 1.2 4.3.2, for one node. `step` tells how the node was reached.
  static std::string TextAlternative(const Accessibility& a, Cache& c, const Node& e,
                                     NameContext& ctx, const Step& step) {
    if (e.IsText()) {
      return e.text();  // 2G
    }
    if (!e.IsElement()) {
      return "";
    }
    // Deeper than the parser's default nesting cap (ParseOptions::max_depth = 512) only through
    // aria-owns chains: stop rather than overflow the stack.
    if (ctx.depth > 600) {
      return "";
    }

    struct DepthGuard {
      int& d;

      explicit DepthGuard(int& depth) : d(depth) { ++d; }

      ~DepthGuard() { --d; }
    } guard(ctx.depth);

    bool is_root = &e == ctx.root && !step.recursion;
    if (&e != ctx.root) {
      ctx.visited.insert(&e);
    }

    // 2A: hidden nodes contribute nothing, unless the traversal started at a hidden node.
    if (!step.allow_hidden && !is_root && HiddenForName(a, c, e)) {
      return "";
    }
    // Interpretation: comments, <script>, <style> and the like never contribute text.
    if (e.IsHtml("script") || e.IsHtml("style") || e.IsHtml("template") || e.IsHtml("noscript")) {
      return "";
    }

    // 2B: aria-labelledby, not followed from inside another labelledby traversal.
    if (!step.in_labelledby) {
      std::vector<const Node*> refs = IdRefs(a, c, e, "aria-labelledby");
      if (!refs.empty()) {
        std::string out;
        for (const Node* ref : refs) {
          Step inner;
          inner.in_labelledby = true;
          inner.recursion = true;
          inner.allow_hidden = step.allow_hidden || HiddenForName(a, c, *ref);
          // The referenced node is processed even if it is the root (self-reference).
          AppendWithSpace(out, CollapseWhitespace(TextAlternative(a, c, *ref, ctx, inner)));
        }
        if (!CollapseWhitespace(out).empty()) {
          return out;
        }
      }
    }

    std::string_view role = a.Role(e);
    // 2C: an embedded control inside a label or content traversal gives its value.
    if (step.recursion && &e != ctx.root && IsEmbeddedControlRole(role)) {
      return ControlValue(a, c, e, role, ctx);
    }
    // 2D: aria-label.
    if (const std::string* label = e.Attr("aria-label")) {
      if (!TrimWhitespace(*label).empty()) {
        return *label;
      }
    }
    // 2E: host language label, unless presentational.
    if (role != "none") {
      if (std::optional<std::string> native = HostLanguageName(a, c, e, ctx, step)) {
        return *native;
      }
    }
    // 2F: name from content.
    if (step.recursion || AllowsNameFromContent(a, e, role)) {
      std::string text = NameFromContentText(a, c, e, ctx, step);
      if (!CollapseWhitespace(text).empty()) {
        return text;
      }
    }
    // 2I: tooltip (title), then for text fields the placeholder (HTML-AAM 4.1.1).
    if (const std::string* title = e.Attr("title")) {
      if (!TrimWhitespace(*title).empty()) {
        return *title;
      }
    }
    if (e.IsHtml("textarea") || (e.IsHtml("input") && IsTextInputType(InputType(e)))) {
      std::string_view placeholder = TrimWhitespace(e.AttrOr("placeholder"));
      if (!placeholder.empty()) {
        return std::string(placeholder);
      }
    }
    if (role == "textbox" || role == "searchbox") {
      std::string_view placeholder = TrimWhitespace(e.AttrOr("aria-placeholder"));
      if (!placeholder.empty()) {
        return std::string(placeholder);
      }
    }
    return "";
  }

  static std::string ComputeName(const Accessibility& a, Cache& c, const Node& e) {
    NameContext ctx;
    ctx.root = &e;
    Step step;
    // Asked about a hidden element directly: compute its name as if it were rendered.
    step.allow_hidden = HiddenForName(a, c, e);
    return CollapseWhitespace(TextAlternative(a, c, e, ctx, step));
  }

  static std::string ComputeDescription(const Accessibility& a, Cache& c, const Node& e) {
    std::vector<const Node*> refs = IdRefs(a, c, e, "aria-describedby");
    if (!refs.empty()) {
      NameContext ctx;
      ctx.root = &e;
      std::string out;
      for (const Node* ref : refs) {
        Step inner;
        inner.in_labelledby = true;
        inner.recursion = true;
        inner.allow_hidden = HiddenForName(a, c, *ref);
        AppendWithSpace(out, CollapseWhitespace(TextAlternative(a, c, *ref, ctx, inner)));
      }
      std::string collapsed = CollapseWhitespace(out);
      if (!collapsed.empty()) {
        return collapsed;
      }
    }
    std::string description = CollapseWhitespace(e.AttrOr("aria-description"));
    if (!description.empty()) {
      return description;
    }
    // SVG-AAM 1.0 8.2: the first <desc> child describes an SVG element.
    if (e.ns() == Namespace::kSvg) {
      for (const Node* child : e.children()) {
        if (child->IsElement() && child->ns() == Namespace::kSvg && child->tag() == "desc") {
          std::string text = CollapseWhitespace(child->TextContent());
          if (!text.empty()) {
            return text;
          }
          break;
        }
      }
    }
    // HTML-AAM: title, when it did not give the name.
    std::string title = CollapseWhitespace(e.AttrOr("title"));
    if (!title.empty() && title != a.AccessibleName(e)) {
      return title;
    }
    // HTML-AAM 4.1.1: a placeholder not used as the name describes the field.
    std::string placeholder = CollapseWhitespace(e.AttrOr("placeholder"));
    if (!placeholder.empty() && placeholder != a.AccessibleName(e) &&
        (e.IsHtml("input") || e.IsHtml("textarea"))) {
      return placeholder;
    }
    return "";
  }

  // Is `target` `owner` itself or one of its ancestors in the accessibility tree as built so
  // far (DOM parents, or owners for elements already claimed)? Claiming it would make a cycle.
  static bool OwnsUpward(const Cache& c, const Node& owner, const Node& target) {
    const Node* p = &owner;
    for (size_t steps = 0; p != nullptr && steps < 100000; ++steps) {
      if (p == &target) {
        return true;
      }
      auto it = c.owner_of.find(p);
      p = it != c.owner_of.end() ? it->second : p->ParentElement();
    }
    return p != nullptr;  // too long to tell: refuse the claim
  }

  // The children of `element` in the accessibility tree: a walk through wrappers (see
  // IsTreeWrapper) that skips subtrees excluded from the tree and elements moved away by
  // aria-owns, then the aria-owns targets. Collects owned elements into `out` and notes in
  // `text` whether non-whitespace text is owned directly (through wrappers only).
  static void WalkOwned(const Accessibility& a, Cache& c, const Node& element,
                        std::vector<const Node*>* out, bool* text) {
    if (!element.IsElement()) {
      return;
    }
    EnsureOwners(a, c);
    // Children of a role with presentational children (button, img...) are not in the tree.
    const RoleInfo* info = FindRole(a.Role(element));
    if (info != nullptr && !a.Role(element).empty() && info->children_presentational) {
      return;
    }
    std::vector<const Node*> stack(element.children().rbegin(), element.children().rend());
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      if (n->IsText()) {
        const Node* parent = n->ParentElement();
        bool rendered = parent == nullptr || !Flags(a, c, *parent).invisible;
        if (text != nullptr && rendered && !TrimWhitespace(n->text()).empty()) {
          *text = true;
        }
        continue;
      }
      if (!n->IsElement()) {
        continue;
      }
      auto owner = c.owner_of.find(n);
      if (owner != c.owner_of.end() && owner->second != &element) {
        continue;  // moved elsewhere by aria-owns
      }
      const Cache::Flags& f = Flags(a, c, *n);
      if (f.aria_hidden || f.inert || f.not_rendered || n->IsHtml("script") || n->IsHtml("style") ||
          n->IsHtml("template")) {
        continue;
      }
      if (!a.IsTreeWrapper(*n)) {
        if (out != nullptr) {
          out->push_back(n);
        }
        continue;
      }
      for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
        stack.push_back(*it);
      }
    }
    auto owned = c.owns.find(&element);
    if (owned != c.owns.end() && out != nullptr) {
      for (const Node* target : owned->second) {
        if (!a.IsHidden(*target)) {
          out->push_back(target);
        }
      }
    }
  }

  static void EnsureOwners(const Accessibility& a, Cache& c) {
    if (c.owners_done) {
      return;
    }
    c.owners_done = true;
    for (const Node* owner : a.document().elements()) {
      if (!owner->HasAttribute("aria-owns")) {
        continue;
      }
      for (const Node* target : IdRefs(a, c, *owner, "aria-owns")) {
        // WAI-ARIA 1.2 aria-owns: an element has one owner (the first wins), and ownership
        // may not form a cycle (a target that is the owner or one of its ancestors is ignored).
        if (target == owner || c.owner_of.count(target) != 0 || OwnsUpward(c, *owner, *target)) {
          continue;
        }
        c.owner_of.emplace(target, owner);
        c.owns[owner].push_back(target);
      }
    }
  }
};

Accessibility::Accessibility(const Document& document, const Styles& styles)
    : document_(document), styles_(styles), cache_(std::make_unique<Cache>()) {
  cache_->Index(document);
  known_roles_.resize(document.elements().size());
  known_hidden_.assign(document.elements().size(), -1);
}

Accessibility::~Accessibility() = default;

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

bool Accessibility::IsAriaHidden(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::Flags(*this, *cache_, element).aria_hidden;
}

bool Accessibility::IsInvisible(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::Flags(*this, *cache_, element).invisible;
}

bool Accessibility::IsInert(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::Flags(*this, *cache_, element).inert;
}

bool Accessibility::HasPresentationalAncestor(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  Cache::Entry& entry = cache_->Of(element);
  if (entry.presentational_ancestor >= 0) {
    return entry.presentational_ancestor == 1;
  }
  auto resolve = [&](const Node* n) {
    const Node* p = n->ParentElement();
    bool value = false;
    if (p != nullptr) {
      value = cache_->Of(*p).presentational_ancestor == 1;
      if (!value) {
        const RoleId role = RoleIdOf(*p);
        value = role != kNoRoleId && AllRoles()[role].children_presentational;
      }
    }
    cache_->Of(*n).presentational_ancestor = value ? 1 : 0;
  };
  // The common case (elements visited in tree order): the parent is done already.
  if (const Node* p = element.ParentElement();
      p == nullptr || cache_->Of(*p).presentational_ancestor >= 0) {
    resolve(&element);
    return cache_->Of(element).presentational_ancestor == 1;
  }
  // Iterative: collect the uncached chain, resolve top-down.
  std::vector<const Node*> chain;
  for (const Node* n = &element; n != nullptr; n = n->ParentElement()) {
    if (cache_->Of(*n).presentational_ancestor >= 0) {
      break;
    }
    chain.push_back(n);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    resolve(*it);
  }
  return cache_->Of(element).presentational_ancestor == 1;
}

bool Accessibility::ComputeHidden(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  // Flags and presentational ancestors are cached; the answer is kept for the document's own
  // elements (IsHidden reads it inline).
  const Cache::Flags& f = AccessibilityImpl::Flags(*this, *cache_, element);
  const bool hidden = f.invisible || f.aria_hidden || f.inert || HasPresentationalAncestor(element);
  if (const uint32_t i = element.element_index();
      i < known_hidden_.size() && &element.document() == &document_) {
    known_hidden_[i] = hidden ? 1 : 0;
  }
  return hidden;
}

bool Accessibility::IsFocusable(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  Cache::Entry& entry = cache_->Of(element);
  if (entry.focusable >= 0) {
    return entry.focusable == 1;
  }
  const Cache::Flags& f = AccessibilityImpl::Flags(*this, *cache_, element);
  bool focusable = false;
  if (!f.invisible && !f.inert) {
    focusable = AccessibilityImpl::NativelyFocusable(*this, element) ||
                AccessibilityImpl::IsContentEditable(element) ||
                AccessibilityImpl::TabIndex(element).has_value();
    // A disabled form control stays unfocusable even with tabindex.
    if (focusable && element.ns() == Namespace::kHtml &&
        (element.tag() == "button" || element.tag() == "input" || element.tag() == "select" ||
         element.tag() == "textarea") &&
        AccessibilityImpl::IsDisabled(element)) {
      focusable = false;
    }
  }
  cache_->Of(element).focusable = focusable ? 1 : 0;
  return focusable;
}

std::optional<long> Accessibility::TabIndex(const Node& element) const {
  if (!element.IsElement()) {
    return std::nullopt;
  }
  return AccessibilityImpl::TabIndex(element);
}

bool Accessibility::IsInSequentialFocusOrder(const Node& element) const {
  if (!IsFocusable(element)) {
    return false;
  }
  std::optional<long> tabindex = AccessibilityImpl::TabIndex(element);
  return !tabindex || *tabindex >= 0;
}

std::vector<const Node*> Accessibility::SequentialFocusOrder() const {
  std::vector<std::pair<long, const Node*>> positive;
  std::vector<const Node*> zero;
  for (const Node* e : document_.elements()) {
    if (!IsInSequentialFocusOrder(*e)) {
      continue;
    }
    std::optional<long> tabindex = AccessibilityImpl::TabIndex(*e);
    if (tabindex && *tabindex > 0) {
      positive.emplace_back(*tabindex, e);
    } else {
      zero.push_back(e);
    }
  }
  std::stable_sort(positive.begin(), positive.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<const Node*> out;
  out.reserve(positive.size() + zero.size());
  for (const auto& [index, e] : positive) {
    out.push_back(e);
  }
  out.insert(out.end(), zero.begin(), zero.end());
  return out;
}

std::string Accessibility::AccessibleName(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  auto it = cache_->names.find(&element);
  if (it != cache_->names.end()) {
    return it->second;
  }
  std::string name = AccessibilityImpl::ComputeName(*this, *cache_, element);
  cache_->names.emplace(&element, name);
  return name;
}

std::string Accessibility::AccessibleDescription(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  auto it = cache_->descriptions.find(&element);
  if (it != cache_->descriptions.end()) {
    return it->second;
  }
  std::string description = AccessibilityImpl::ComputeDescription(*this, *cache_, element);
  cache_->descriptions.emplace(&element, description);
  return description;
}

bool Accessibility::NameFromContent(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::AllowsNameFromContent(*this, element, Role(element));
}

std::vector<const Node*> Accessibility::Labels(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  return AccessibilityImpl::LabelsOf(*this, *cache_, element);
}

const Node* Accessibility::AriaOwner(const Node& element) const {
  AccessibilityImpl::EnsureOwners(*this, *cache_);
  auto it = cache_->owner_of.find(&element);
  return it == cache_->owner_of.end() ? nullptr : it->second;
}

bool Accessibility::IsTreeWrapper(const Node& element) const {
  const Cache::Flags& f = AccessibilityImpl::Flags(*this, *cache_, element);
  if (f.invisible) {
    return true;  // visibility:hidden: no node of its own, visible descendants still count
  }
  std::string_view role = Role(element);
  if (role == "none") {
    return true;
  }
  // Interpretation: a generic element is exposed (and so breaks an owned/context relation) when
  // it is focusable or carries a global ARIA attribute other than aria-hidden, as Core-AAM maps
  // it and as ACT rules ff89c9/bc4a75 expect (<div aria-live> between list and listitem).
  return role.empty() && !IsFocusable(element) &&
         !AccessibilityImpl::HasGlobalAriaAttribute(element, /*ignore_hidden=*/true);
}

std::vector<const Node*> Accessibility::OwnedElements(const Node& element) const {
  std::vector<const Node*> out;
  AccessibilityImpl::WalkOwned(*this, *cache_, element, &out, nullptr);
  return out;
}

bool Accessibility::OwnsText(const Node& element) const {
  bool text = false;
  AccessibilityImpl::WalkOwned(*this, *cache_, element, nullptr, &text);
  return text;
}

const Node* Accessibility::AccessibleParent(const Node& element) const {
  AccessibilityImpl::EnsureOwners(*this, *cache_);
  const Node* current = &element;
  for (size_t steps = 0; steps < document_.elements().size() + 1; ++steps) {
    auto owner = cache_->owner_of.find(current);
    const Node* next = owner != cache_->owner_of.end() ? owner->second : current->ParentElement();
    if (next == nullptr) {
      return nullptr;
    }
    if (!IsTreeWrapper(*next)) {
      return next;
    }
    current = next;
  }
  return nullptr;
}

}  // namespace plainsight::engine
