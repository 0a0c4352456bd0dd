// Selectors Level 4 matching (sections 14-16 combinators, 4-13 simple selectors and
// pseudo-classes, with HTML Standard 4.16 for :checked, :disabled, :link and the other
// element states), right to left with failure propagation (see selectors.h), and the hashes of
// the ancestor filter. Parsing and specificity are in selectors_parse.cpp.
#include "engine/css/selectors.h"

#include <algorithm>

#include "engine/ascii.h"

namespace plainsight::engine::css {
namespace {

uint32_t Fnv(char salt, std::string_view s) {
  uint32_t h = 2166136261u;
  h = (h ^ static_cast<unsigned char>(salt)) * 16777619u;
  for (char c : s) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return h | 1;  // never 0, which means "no hash"
}

// HTML Standard 4.16.2: attribute values matched ASCII case-insensitively in HTML documents.
bool CaseInsensitiveHtmlAttribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "accept",     "accept-charset", "align",     "alink",    "axis",     "bgcolor", "charset",
      "checked",    "clear",          "codetype",  "color",    "compact",  "declare", "defer",
      "dir",        "direction",      "disabled",  "enctype",  "face",     "frame",   "hreflang",
      "http-equiv", "lang",           "language",  "link",     "media",    "method",  "multiple",
      "nohref",     "noresize",       "noshade",   "nowrap",   "readonly", "rel",     "rev",
      "rules",      "scope",          "scrolling", "selected", "shape",    "target",  "text",
      "type",       "valign",         "valuetype", "vlink"};
  for (std::string_view n : kNames) {
    if (n == name) {
      return true;
    }
  }
  return false;
}

bool HasClass(const Node& node, std::string_view cls) {
  const std::string* attr = node.Attr("class");
  if (attr == nullptr) {
    return false;
  }
  std::string_view s = *attr;
  size_t k = 0;
  while (k < s.size()) {
    while (k < s.size() && IsAsciiSpace(s[k])) {
      ++k;
    }
    size_t e = k;
    while (e < s.size() && !IsAsciiSpace(s[e])) {
      ++e;
    }
    if (e > k && s.substr(k, e - k) == cls) {
      return true;
    }
    k = e;
  }
  return false;
}

bool Equal(std::string_view a, std::string_view b, bool insensitive) {
  return insensitive ? EqualsIgnoreCase(a, b) : a == b;
}

bool MatchAttr(const AttrSelector& a, const Node& node) {
  const std::string* value = nullptr;
  const bool html = node.ns() == Namespace::kHtml;
  if (html) {
    value = node.Attr(a.name);
  } else {
    value = node.Attr(a.name_raw);
    if (value == nullptr && a.name_raw != a.name) {
      value = node.Attr(a.name);
    }
  }
  if (value == nullptr) {
    return false;
  }
  if (a.op == AttrOp::kExists) {
    return true;
  }
  const bool ci =
      a.case_flag == AttrSelector::kInsensitive ||
      (a.case_flag == AttrSelector::kDefault && html && CaseInsensitiveHtmlAttribute(a.name));
  const std::string_view v = *value;
  const std::string_view want = a.value;
  switch (a.op) {
    case AttrOp::kExists:
      return true;
    case AttrOp::kEquals:
      return Equal(v, want, ci);
    case AttrOp::kIncludes: {
      if (want.empty() || std::any_of(want.begin(), want.end(), IsAsciiSpace)) {
        return false;
      }
      size_t k = 0;
      while (k < v.size()) {
        while (k < v.size() && IsAsciiSpace(v[k])) {
          ++k;
        }
        size_t e = k;
        while (e < v.size() && !IsAsciiSpace(v[e])) {
          ++e;
        }
        if (e > k && Equal(v.substr(k, e - k), want, ci)) {
          return true;
        }
        k = e;
      }
      return false;
    }
    case AttrOp::kDashMatch:
      return Equal(v, want, ci) || (v.size() > want.size() && v[want.size()] == '-' &&
                                    Equal(v.substr(0, want.size()), want, ci));
    case AttrOp::kPrefix:
      return !want.empty() && v.size() >= want.size() && Equal(v.substr(0, want.size()), want, ci);
    case AttrOp::kSuffix:
      return !want.empty() && v.size() >= want.size() &&
             Equal(v.substr(v.size() - want.size()), want, ci);
    case AttrOp::kSubstring:
      if (want.empty() || v.size() < want.size()) {
        return false;
      }
      for (size_t k = 0; k + want.size() <= v.size(); ++k) {
        if (Equal(v.substr(k, want.size()), want, ci)) {
          return true;
        }
      }
      return false;
  }
  return false;
}

bool NthMatches(int a, int b, int index) {
  if (a == 0) {
    return index == b;
  }
  const int diff = index - b;
  return diff % a == 0 && diff / a >= 0;
}

bool SameType(const Node& x, const Node& y) {
  return x.ns() == y.ns() && x.tag() == y.tag();
}

bool IsFormControl(const Node& n) {
  return n.ns() == Namespace::kHtml &&
         (n.tag() == "button" || n.tag() == "input" || n.tag() == "select" ||
          n.tag() == "textarea" || n.tag() == "optgroup" || n.tag() == "option" ||
          n.tag() == "fieldset");
}

// HTML Standard 4.10.18.5 ("actually disabled"), without form-associated custom elements.
bool IsDisabled(const Node& n) {
  if (!IsFormControl(n)) {
    return false;
  }
  if (n.HasAttribute("disabled")) {
    return true;
  }
  if (n.tag() == "option") {
    const Node* p = n.ParentElement();
    return p != nullptr && p->IsHtml("optgroup") && p->HasAttribute("disabled");
  }
  if (n.tag() == "optgroup") {
    return false;
  }
  // A disabled fieldset disables its descendants, except those in its first legend.
  const Node* child = &n;
  for (const Node* p = n.ParentElement(); p != nullptr; child = p, p = p->ParentElement()) {
    if (p->IsHtml("fieldset") && p->HasAttribute("disabled")) {
      const Node* first_legend = nullptr;
      for (const Node* c : p->children()) {
        if (c->IsHtml("legend")) {
          first_legend = c;
          break;
        }
      }
      if (child != first_legend) {
        return true;
      }
    }
  }
  return false;
}

bool IsTextInput(const Node& n) {
  if (n.IsHtml("textarea")) {
    return true;
  }
  if (!n.IsHtml("input")) {
    return false;
  }
  const std::string type = AsciiLower(n.AttrOr("type", "text"));
  return type == "text" || type == "search" || type == "url" || type == "tel" || type == "email" ||
         type == "password" || type == "date" || type == "month" || type == "week" ||
         type == "time" || type == "datetime-local" || type == "number" || type.empty();
}

}  // namespace

uint32_t HashTag(std::string_view lowercase_tag) {
  return Fnv('t', lowercase_tag);
}

uint32_t HashId(std::string_view id) {
  return Fnv('#', id);
}

uint32_t HashClass(std::string_view cls) {
  return Fnv('.', cls);
}

ElementTable::ElementTable(const Document& document) : nodes_(&document.elements()) {
  const std::vector<const Node*>& nodes = *nodes_;
  const size_t n = nodes.size();
  rows_.assign(n, Row{});
  for (Row& row : rows_) {
    row.subtree_end = static_cast<uint32_t>(n);
  }
  int32_t last_root = -1;
  uint32_t root_count = 0;
  // Each element's last element child so far and their count, while building: kept out of the
  // rows, which live as long as the page's styles.
  std::vector<int32_t> last_child(n, -1);
  std::vector<uint32_t> child_count(n, 0);
  std::vector<uint32_t> stack;
  stack.reserve(64);
  for (size_t i = 0; i < n; ++i) {
    const Node* p = nodes[i]->ParentElement();
    const int32_t pi = p == nullptr ? -1 : IndexOf(*p);
    rows_[i].parent = pi;
    int32_t& last = pi < 0 ? last_root : last_child[pi];
    uint32_t& count = pi < 0 ? root_count : child_count[pi];
    rows_[i].prev = last;
    if (last >= 0) {
      rows_[last].next = static_cast<int32_t>(i);
    }
    last = static_cast<int32_t>(i);
    rows_[i].child_index = ++count;
    while (!stack.empty() && static_cast<int32_t>(stack.back()) != pi) {
      rows_[stack.back()].subtree_end = static_cast<uint32_t>(i);
      stack.pop_back();
    }
    stack.push_back(static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < n; ++i) {
    rows_[i].sibling_count = rows_[i].parent < 0 ? root_count : child_count[rows_[i].parent];
  }
  root_element_ = document.html();
  if (root_element_ == nullptr && n > 0) {
    root_element_ = nodes[0];
  }
}

int32_t ElementTable::IndexOf(const Node& node) const {
  const uint32_t i = node.element_index();
  return i < nodes_->size() && (*nodes_)[i] == &node ? static_cast<int32_t>(i) : -1;
}

bool Matcher::Matches(const ComplexSelector& selector, uint32_t element) const {
  return MatchFrom(selector, 0, element, 0) == Result::kMatched;
}

bool Matcher::MatchesList(const SelectorList& list, uint32_t element) const {
  for (const ComplexSelector& s : list) {
    if (Matches(s, element)) {
      return true;
    }
  }
  return false;
}

Matcher::Result Matcher::MatchFrom(const ComplexSelector& s, size_t k, uint32_t element,
                                   int depth) const {
  const Compound& c = s.compounds[k];
  if (!MatchCompound(c, element, depth)) {
    return Result::kRestartSibling;
  }
  if (k + 1 == s.compounds.size()) {
    return Result::kMatched;
  }
  const Combinator comb = c.combinator;
  const bool sibling = comb == Combinator::kNextSibling || comb == Combinator::kSubsequentSibling;
  const Result not_found = sibling ? Result::kRestartDescendant : Result::kGlobalFail;
  int32_t next = sibling ? table_.prev(element) : table_.parent(element);
  while (true) {
    if (next < 0) {
      return not_found;
    }
    const Result r = MatchFrom(s, k + 1, static_cast<uint32_t>(next), depth);
    if (r == Result::kMatched || r == Result::kGlobalFail || comb == Combinator::kNextSibling) {
      return r;
    }
    if (comb == Combinator::kChild) {
      return Result::kRestartDescendant;
    }
    if (r == Result::kRestartDescendant && comb == Combinator::kSubsequentSibling) {
      return r;
    }
    next = sibling ? table_.prev(static_cast<uint32_t>(next))
                   : table_.parent(static_cast<uint32_t>(next));
  }
}

bool Matcher::MatchCompound(const Compound& c, uint32_t element, int depth) const {
  const Node& node = table_.node(element);
  if (c.html_only && node.ns() != Namespace::kHtml) {
    return false;
  }
  if (!c.tag.empty() && node.tag() != c.tag) {
    return false;
  }
  if (!c.ids.empty()) {
    const std::string* id = node.Attr("id");
    for (const std::string& want : c.ids) {
      if (id == nullptr || *id != want) {
        return false;
      }
    }
  }
  for (const std::string& cls : c.classes) {
    if (!HasClass(node, cls)) {
      return false;
    }
  }
  for (const AttrSelector& a : c.attrs) {
    if (!MatchAttr(a, node)) {
      return false;
    }
  }
  for (const PseudoSelector& p : c.pseudos) {
    if (!MatchPseudo(p, element, depth)) {
      return false;
    }
  }
  return true;
}

bool Matcher::MatchPseudo(const PseudoSelector& p, uint32_t element, int depth) const {
  const Node& node = table_.node(element);
  if (depth > kMaxSelectorNesting) {
    return false;
  }
  switch (p.kind) {
    case PseudoClass::kFirstChild:
      return table_.child_index(element) == 1;
    case PseudoClass::kLastChild:
      return table_.child_index(element) == table_.sibling_count(element);
    case PseudoClass::kOnlyChild:
      return table_.sibling_count(element) == 1;
    case PseudoClass::kNthChild:
    case PseudoClass::kNthLastChild: {
      const bool last = p.kind == PseudoClass::kNthLastChild;
      if (!p.list) {
        const uint32_t index = table_.child_index(element);
        return NthMatches(
            p.a, p.b, static_cast<int>(last ? table_.sibling_count(element) - index + 1 : index));
      }
      if (!MatchesList(*p.list, element)) {
        return false;
      }
      int index = 1;
      for (int32_t s = last ? table_.next(element) : table_.prev(element); s >= 0;
           s = last ? table_.next(s) : table_.prev(s)) {
        if (MatchesList(*p.list, static_cast<uint32_t>(s))) {
          ++index;
        }
      }
      return NthMatches(p.a, p.b, index);
    }
    case PseudoClass::kFirstOfType:
    case PseudoClass::kLastOfType:
    case PseudoClass::kOnlyOfType:
    case PseudoClass::kNthOfType:
    case PseudoClass::kNthLastOfType: {
      int before = 0;
      int after = 0;
      const bool need_before =
          p.kind != PseudoClass::kLastOfType && p.kind != PseudoClass::kNthLastOfType;
      const bool need_after =
          p.kind != PseudoClass::kFirstOfType && p.kind != PseudoClass::kNthOfType;
      if (need_before) {
        for (int32_t s = table_.prev(element); s >= 0; s = table_.prev(s)) {
          before += SameType(table_.node(s), node) ? 1 : 0;
          if (before > 0 &&
              (p.kind == PseudoClass::kFirstOfType || p.kind == PseudoClass::kOnlyOfType)) {
            return false;
          }
        }
      }
      if (need_after) {
        for (int32_t s = table_.next(element); s >= 0; s = table_.next(s)) {
          after += SameType(table_.node(s), node) ? 1 : 0;
          if (after > 0 &&
              (p.kind == PseudoClass::kLastOfType || p.kind == PseudoClass::kOnlyOfType)) {
            return false;
          }
        }
      }
      switch (p.kind) {
        case PseudoClass::kNthOfType:
          return NthMatches(p.a, p.b, before + 1);
        case PseudoClass::kNthLastOfType:
          return NthMatches(p.a, p.b, after + 1);
        default:
          return true;
      }
    }
    case PseudoClass::kRoot:
      return &node == table_.root_element();
    case PseudoClass::kEmpty:
      for (const Node* child : node.children()) {
        if (child->kind() != NodeKind::kComment) {
          return false;
        }
      }
      return true;
    case PseudoClass::kLink:
      if (node.ns() == Namespace::kHtml) {
        return (node.tag() == "a" || node.tag() == "area") && node.HasAttribute("href");
      }
      return node.ns() == Namespace::kSvg && node.tag() == "a" &&
             (node.HasAttribute("href") || node.HasAttribute("xlink:href"));
    case PseudoClass::kDisabled:
      return IsDisabled(node);
    case PseudoClass::kEnabled:
      return IsFormControl(node) && !IsDisabled(node);
    case PseudoClass::kChecked:
      if (node.IsHtml("input")) {
        const std::string type = AsciiLower(node.AttrOr("type"));
        return (type == "checkbox" || type == "radio") && node.HasAttribute("checked");
      }
      return node.IsHtml("option") && node.HasAttribute("selected");
    case PseudoClass::kRequired:
    case PseudoClass::kOptional: {
      const bool control = node.IsHtml("input") || node.IsHtml("select") || node.IsHtml("textarea");
      if (!control) {
        return false;
      }
      return node.HasAttribute("required") == (p.kind == PseudoClass::kRequired);
    }
    case PseudoClass::kReadWrite:
    case PseudoClass::kReadOnly: {
      bool writable = IsTextInput(node) && !node.HasAttribute("readonly") && !IsDisabled(node);
      if (!writable && node.ns() == Namespace::kHtml) {
        for (const Node* e = &node; e != nullptr; e = e->ParentElement()) {
          if (const std::string* ce = e->Attr("contenteditable")) {
            writable = AsciiLower(*ce) != "false";
            break;
          }
        }
      }
      return writable == (p.kind == PseudoClass::kReadWrite);
    }
    case PseudoClass::kPlaceholderShown:
      if (!node.HasAttribute("placeholder")) {
        return false;
      }
      if (node.IsHtml("input")) {
        return IsTextInput(node) && node.AttrOr("value").empty();
      }
      return node.IsHtml("textarea") && node.TextContent().empty();
    case PseudoClass::kDefined:
      return true;
    case PseudoClass::kNot:
      return !MatchesList(*p.list, element);
    case PseudoClass::kIs:
    case PseudoClass::kWhere:
      return MatchesList(*p.list, element);
    case PseudoClass::kHas: {
      // Interpretation: the argument is matched at each candidate without anchoring its own
      // ancestors to the :has() subject; the scan is bounded to keep huge trees linear-ish.
      constexpr uint32_t kMaxScan = 20000;
      for (const ComplexSelector& s : *p.list) {
        uint32_t scanned = 0;
        switch (s.relative) {
          case Combinator::kNextSibling:
            if (table_.next(element) >= 0 && Matches(s, table_.next(element))) {
              return true;
            }
            break;
          case Combinator::kSubsequentSibling:
            for (int32_t x = table_.next(element); x >= 0 && scanned++ < kMaxScan;
                 x = table_.next(x)) {
              if (Matches(s, x)) {
                return true;
              }
            }
            break;
          case Combinator::kChild:
            for (uint32_t x = element + 1; x < table_.subtree_end(element) && scanned++ < kMaxScan;
                 x = table_.subtree_end(x)) {
              if (Matches(s, x)) {
                return true;
              }
            }
            break;
          default:
            for (uint32_t x = element + 1; x < table_.subtree_end(element) && scanned++ < kMaxScan;
                 ++x) {
              if (Matches(s, x)) {
                return true;
              }
            }
            break;
        }
      }
      return false;
    }
    case PseudoClass::kLang: {
      for (const Node* e = &node; e != nullptr; e = e->ParentElement()) {
        const std::string* lang = e->Attr("lang");
        if (lang == nullptr) {
          lang = e->Attr("xml:lang");
        }
        if (lang != nullptr) {
          const std::string l = AsciiLower(*lang);
          return l == p.arg || (l.size() > p.arg.size() && l.compare(0, p.arg.size(), p.arg) == 0 &&
                                l[p.arg.size()] == '-');
        }
      }
      return false;
    }
    case PseudoClass::kDir: {
      for (const Node* e = &node; e != nullptr; e = e->ParentElement()) {
        const std::string dir = AsciiLower(e->AttrOr("dir"));
        if (dir == "ltr" || dir == "rtl") {
          return dir == p.arg;
        }
      }
      return p.arg == "ltr";
    }
    case PseudoClass::kNever:
      if (p.focus && focused_ >= 0) {
        const auto f = static_cast<uint32_t>(focused_);
        return p.focus_within ? (element <= f && f < table_.subtree_end(element)) : element == f;
      }
      return false;
  }
  return false;
}

}  // namespace plainsight::engine::css