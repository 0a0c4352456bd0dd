// Selectors Level 4: grammar (section 18), specificity (section 17), matching.
#include "engine/css/selectors.h"

#include <algorithm>

namespace plainsight::engine::css {
namespace {

constexpr int kMaxNesting = 16;       // :is(:not(:is(...))) depth
constexpr size_t kMaxCompounds = 64;  // bounds the matcher's recursion

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    }
  }
  return out;
}

bool IsDelim(const Token& t, char c) {
  return t.type == TokenType::kDelim && t.value.size() == 1 && t.value[0] == c;
}

uint32_t Fnv(char salt, std::string_view s) {
  uint32_t h = 2166136261u;
  h = (h ^ static_cast<unsigned char>(salt)) * 16777619u;
  for (char c : s) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return h | 1;  // never 0, which means "no hash"
}

uint32_t Saturate(uint32_t v) {
  return std::min<uint32_t>(v, 255);
}

uint32_t AddSpecificity(uint32_t x, uint32_t y) {
  return Saturate((x >> 16) + (y >> 16)) << 16 |
         Saturate(((x >> 8) & 0xff) + ((y >> 8) & 0xff)) << 8 | Saturate((x & 0xff) + (y & 0xff));
}

class SelectorParser {
 public:
  SelectorParser(const TokenList& tl, bool ua, int nesting) : tl_(tl), ua_(ua), nesting_(nesting) {}

  bool ParseList(size_t begin, size_t end, bool forgiving, bool relative, SelectorList* out) {
    if (nesting_ > kMaxNesting) {
      return false;
    }
    size_t item_begin = begin;
    for (size_t k = begin; k <= end; ++k) {
      if (k == end || tl_.tokens[k].type == TokenType::kComma) {
        ComplexSelector sel;
        if (ParseComplex(item_begin, k, relative, &sel)) {
          out->push_back(std::move(sel));
        } else if (!forgiving) {
          return false;
        }
        item_begin = k + 1;
        continue;
      }
      const TokenType type = tl_.tokens[k].type;
      if (type == TokenType::kFunction || type == TokenType::kLeftParen ||
          type == TokenType::kLeftBracket || type == TokenType::kLeftBrace) {
        k = tl_.match[k];
        if (k >= end) {
          k = end - 1;
        }
      }
    }
    return forgiving || !out->empty();
  }

 private:
  void SkipSpace(size_t& k, size_t end) {
    while (k < end && tl_.tokens[k].type == TokenType::kWhitespace) {
      ++k;
    }
  }

  bool ParseComplex(size_t begin, size_t end, bool relative, ComplexSelector* out) {
    size_t k = begin;
    SkipSpace(k, end);
    std::vector<Compound> ltr;
    if (relative) {
      out->relative = Combinator::kDescendant;
      if (k < end) {
        const Token& t = tl_.tokens[k];
        if (IsDelim(t, '>')) {
          out->relative = Combinator::kChild;
        } else if (IsDelim(t, '+')) {
          out->relative = Combinator::kNextSibling;
        } else if (IsDelim(t, '~')) {
          out->relative = Combinator::kSubsequentSibling;
        }
        if (out->relative != Combinator::kDescendant) {
          ++k;
          SkipSpace(k, end);
        }
      }
    }
    if (k >= end) {
      return false;
    }
    uint32_t specificity = 0;
    while (true) {
      Compound c;
      PseudoElement pe = PseudoElement::kNone;
      if (!ParseCompound(k, end, &c, &pe, &specificity, out)) {
        return false;
      }
      if (out->pseudo_element != PseudoElement::kNone) {
        return false;  // a pseudo-element must be in the last compound
      }
      out->pseudo_element = pe;
      ltr.push_back(std::move(c));
      if (ltr.size() > kMaxCompounds) {
        return false;
      }
      const size_t before_space = k;
      SkipSpace(k, end);
      if (k >= end) {
        break;
      }
      Combinator comb = Combinator::kNone;
      const Token& t = tl_.tokens[k];
      if (IsDelim(t, '>')) {
        comb = Combinator::kChild;
      } else if (IsDelim(t, '+')) {
        comb = Combinator::kNextSibling;
      } else if (IsDelim(t, '~')) {
        comb = Combinator::kSubsequentSibling;
      } else if (k != before_space) {
        comb = Combinator::kDescendant;
      } else {
        return false;
      }
      if (comb != Combinator::kDescendant) {
        ++k;
        SkipSpace(k, end);
        if (k >= end) {
          return false;
        }
      }
      ltr.back().combinator = comb;
    }
    // Store right to left: compounds[i].combinator links compounds[i] to compounds[i + 1].
    out->compounds.clear();
    for (size_t i = ltr.size(); i-- > 0;) {
      Compound c = std::move(ltr[i]);
      c.combinator = i > 0 ? ltr[i - 1].combinator : Combinator::kNone;
      out->compounds.push_back(std::move(c));
    }
    out->specificity = specificity;
    // Ancestor filter hashes: compounds reached only through child/descendant combinators.
    int n = 0;
    for (size_t i = 1; i < out->compounds.size() && n < 4; ++i) {
      const Combinator link = out->compounds[i - 1].combinator;
      if (link != Combinator::kChild && link != Combinator::kDescendant) {
        break;
      }
      const Compound& c = out->compounds[i];
      for (const std::string& id : c.ids) {
        if (n < 4) {
          out->ancestor_hashes[n++] = HashId(id);
        }
      }
      for (const std::string& cls : c.classes) {
        if (n < 4) {
          out->ancestor_hashes[n++] = HashClass(cls);
        }
      }
      if (!c.tag.empty() && n < 4) {
        out->ancestor_hashes[n++] = HashTag(c.tag);
      }
    }
    return true;
  }

  bool ParseCompound(size_t& k, size_t end, Compound* c, PseudoElement* pe, uint32_t* spec,
                     ComplexSelector* complex) {
    bool any = false;
    c->html_only = ua_;
    // Type or universal selector, with an optional namespace prefix (ignored: Interpretation,
    // @namespace is not supported and prefixes match any namespace).
    if (k < end) {
      const Token& t = tl_.tokens[k];
      const bool is_type = t.type == TokenType::kIdent || IsDelim(t, '*');
      if (is_type || IsDelim(t, '|')) {
        size_t j = is_type ? k + 1 : k;
        if (j < end && IsDelim(tl_.tokens[j], '|') && j + 1 < end &&
            (tl_.tokens[j + 1].type == TokenType::kIdent || IsDelim(tl_.tokens[j + 1], '*'))) {
          k = j + 1;
        } else if (!is_type) {
          return false;
        }
        const Token& name = tl_.tokens[k];
        if (name.type == TokenType::kIdent) {
          c->tag = Lower(name.value);
          *spec = AddSpecificity(*spec, 1);
        }
        ++k;
        any = true;
      }
    }
    while (k < end) {
      const Token& t = tl_.tokens[k];
      if (t.type == TokenType::kHash) {
        if (!t.hash_id || *pe != PseudoElement::kNone) {
          return false;
        }
        c->ids.emplace_back(t.value);
        *spec = AddSpecificity(*spec, 1 << 16);
        ++k;
      } else if (IsDelim(t, '.')) {
        if (k + 1 >= end || tl_.tokens[k + 1].type != TokenType::kIdent ||
            *pe != PseudoElement::kNone) {
          return false;
        }
        c->classes.emplace_back(tl_.tokens[k + 1].value);
        *spec = AddSpecificity(*spec, 1 << 8);
        k += 2;
      } else if (t.type == TokenType::kLeftBracket) {
        const size_t close = tl_.match[k];
        if (close >= end || *pe != PseudoElement::kNone) {
          return false;
        }
        AttrSelector a;
        if (!ParseAttribute(k + 1, close, &a)) {
          return false;
        }
        c->attrs.push_back(std::move(a));
        *spec = AddSpecificity(*spec, 1 << 8);
        k = close + 1;
      } else if (t.type == TokenType::kColon) {
        if (!ParsePseudo(k, end, c, pe, spec, complex)) {
          return false;
        }
      } else {
        break;
      }
      any = true;
    }
    return any;
  }

  bool ParseAttribute(size_t k, size_t end, AttrSelector* a) {
    SkipSpace(k, end);
    if (k < end && (tl_.tokens[k].type == TokenType::kIdent || IsDelim(tl_.tokens[k], '*')) &&
        k + 1 < end && IsDelim(tl_.tokens[k + 1], '|') && k + 2 < end &&
        tl_.tokens[k + 2].type == TokenType::kIdent) {
      k += 2;  // namespace prefix
    } else if (k < end && IsDelim(tl_.tokens[k], '|')) {
      ++k;
    }
    if (k >= end || tl_.tokens[k].type != TokenType::kIdent) {
      return false;
    }
    a->name_raw = std::string(tl_.tokens[k].value);
    a->name = Lower(a->name_raw);
    ++k;
    SkipSpace(k, end);
    if (k >= end) {
      a->op = AttrOp::kExists;
      return true;
    }
    const Token& t = tl_.tokens[k];
    if (IsDelim(t, '=')) {
      a->op = AttrOp::kEquals;
      ++k;
    } else if (t.type == TokenType::kDelim && k + 1 < end && IsDelim(tl_.tokens[k + 1], '=')) {
      switch (t.value.empty() ? 0 : t.value[0]) {
        case '~':
          a->op = AttrOp::kIncludes;
          break;
        case '|':
          a->op = AttrOp::kDashMatch;
          break;
        case '^':
          a->op = AttrOp::kPrefix;
          break;
        case '$':
          a->op = AttrOp::kSuffix;
          break;
        case '*':
          a->op = AttrOp::kSubstring;
          break;
        default:
          return false;
      }
      k += 2;
    } else {
      return false;
    }
    SkipSpace(k, end);
    if (k >= end ||
        (tl_.tokens[k].type != TokenType::kIdent && tl_.tokens[k].type != TokenType::kString)) {
      return false;
    }
    a->value = std::string(tl_.tokens[k].value);
    ++k;
    SkipSpace(k, end);
    if (k < end && tl_.tokens[k].type == TokenType::kIdent) {
      if (EqualsIgnoreCase(tl_.tokens[k].value, "i")) {
        a->case_flag = AttrSelector::kInsensitive;
      } else if (EqualsIgnoreCase(tl_.tokens[k].value, "s")) {
        a->case_flag = AttrSelector::kSensitive;
      } else {
        return false;
      }
      ++k;
      SkipSpace(k, end);
    }
    return k == end;
  }

  // An+B (CSS Syntax 3 section 6), parsed from the tokens' text.
  bool ParseNth(size_t begin, size_t end, int* a, int* b) {
    std::string s;
    for (size_t k = begin; k < end; ++k) {
      const Token& t = tl_.tokens[k];
      switch (t.type) {
        case TokenType::kWhitespace:
          break;
        case TokenType::kIdent:
          s += Lower(t.value);
          break;
        case TokenType::kNumber:
          if (!t.is_integer) {
            return false;
          }
          if (!s.empty() && t.number >= 0) {
            s += '+';
          }
          s += std::to_string(static_cast<long long>(t.number));
          break;
        case TokenType::kDimension:
          if (!t.is_integer) {
            return false;
          }
          if (!s.empty() && t.number >= 0) {
            s += '+';
          }
          s += std::to_string(static_cast<long long>(t.number)) + Lower(t.value);
          break;
        case TokenType::kDelim:
          if (!IsDelim(t, '+') && !IsDelim(t, '-')) {
            return false;
          }
          s += t.value;
          break;
        default:
          return false;
      }
    }
    // Collapse "+-", "--" from the re-assembly.
    std::string norm;
    for (char ch : s) {
      if ((ch == '+' || ch == '-') && !norm.empty() && (norm.back() == '+' || norm.back() == '-')) {
        const bool neg = (norm.back() == '-') != (ch == '-');
        norm.back() = neg ? '-' : '+';
      } else {
        norm += ch;
      }
    }
    s = norm;
    if (s == "odd") {
      *a = 2;
      *b = 1;
      return true;
    }
    if (s == "even") {
      *a = 2;
      *b = 0;
      return true;
    }
    auto parse_int = [](std::string_view v, int* out) {
      if (v.empty()) {
        return false;
      }
      size_t i = 0;
      bool neg = false;
      if (v[0] == '+' || v[0] == '-') {
        neg = v[0] == '-';
        i = 1;
      }
      if (i >= v.size()) {
        return false;
      }
      long long n = 0;
      for (; i < v.size(); ++i) {
        if (v[i] < '0' || v[i] > '9') {
          return false;
        }
        n = std::min<long long>(n * 10 + (v[i] - '0'), 1 << 30);
      }
      *out = static_cast<int>(neg ? -n : n);
      return true;
    };
    const size_t n = s.find('n');
    if (n == std::string::npos) {
      *a = 0;
      return parse_int(s, b);
    }
    const std::string prefix = s.substr(0, n);
    const std::string suffix = s.substr(n + 1);
    if (prefix.empty() || prefix == "+") {
      *a = 1;
    } else if (prefix == "-") {
      *a = -1;
    } else if (!parse_int(prefix, a)) {
      return false;
    }
    if (suffix.empty()) {
      *b = 0;
      return true;
    }
    if (suffix[0] != '+' && suffix[0] != '-') {
      return false;
    }
    return parse_int(suffix, b);
  }

  bool ParseSubList(size_t begin, size_t end, bool forgiving, bool relative,
                    std::shared_ptr<SelectorList>* out, uint32_t* max_spec,
                    ComplexSelector* complex) {
    auto list = std::make_shared<SelectorList>();
    SelectorParser inner(tl_, ua_, nesting_ + 1);
    if (!inner.ParseList(begin, end, forgiving, relative, list.get())) {
      return false;
    }
    *max_spec = 0;
    for (const ComplexSelector& s : *list) {
      *max_spec = std::max(*max_spec, s.specificity);
      if (s.pseudo_element != PseudoElement::kNone) {
        return false;  // pseudo-elements are not allowed inside :is() and friends
      }
      complex->uses_focus = complex->uses_focus || s.uses_focus;
    }
    *out = std::move(list);
    return true;
  }

  bool ParsePseudo(size_t& k, size_t end, Compound* c, PseudoElement* pe, uint32_t* spec,
                   ComplexSelector* complex) {
    ++k;  // the colon
    bool element = false;
    if (k < end && tl_.tokens[k].type == TokenType::kColon) {
      element = true;
      ++k;
    }
    if (k >= end) {
      return false;
    }
    const Token& t = tl_.tokens[k];
    const std::string name = Lower(t.value);
    if (t.type == TokenType::kIdent) {
      ++k;
      const bool legacy =
          name == "before" || name == "after" || name == "first-line" || name == "first-letter";
      if (element || legacy) {
        if (*pe != PseudoElement::kNone) {
          return false;
        }
        if (name == "before") {
          *pe = PseudoElement::kBefore;
        } else if (name == "after") {
          *pe = PseudoElement::kAfter;
        } else if (legacy || name == "marker" || name == "placeholder" || name == "selection" ||
                   name == "backdrop" || name == "file-selector-button" || name == "cue" ||
                   name == "grammar-error" || name == "spelling-error" || name == "target-text" ||
                   name == "details-content" || name.rfind("-webkit-", 0) == 0 ||
                   name.rfind("-moz-", 0) == 0 || name.rfind("-ms-", 0) == 0) {
          *pe = PseudoElement::kOther;
        } else {
          return false;
        }
        *spec = AddSpecificity(*spec, 1);
        return true;
      }
      if (*pe != PseudoElement::kNone) {
        // User-action pseudo-classes after a pseudo-element (::before:hover) never match.
        PseudoSelector never;
        c->pseudos.push_back(never);
        return true;
      }
      PseudoSelector p;
      static constexpr std::pair<std::string_view, PseudoClass> kSimple[] = {
          {"first-child", PseudoClass::kFirstChild},
          {"last-child", PseudoClass::kLastChild},
          {"only-child", PseudoClass::kOnlyChild},
          {"first-of-type", PseudoClass::kFirstOfType},
          {"last-of-type", PseudoClass::kLastOfType},
          {"only-of-type", PseudoClass::kOnlyOfType},
          {"root", PseudoClass::kRoot},
          {"scope", PseudoClass::kRoot},
          {"empty", PseudoClass::kEmpty},
          {"link", PseudoClass::kLink},
          {"any-link", PseudoClass::kLink},
          {"-webkit-any-link", PseudoClass::kLink},
          {"disabled", PseudoClass::kDisabled},
          {"enabled", PseudoClass::kEnabled},
          {"checked", PseudoClass::kChecked},
          {"required", PseudoClass::kRequired},
          {"optional", PseudoClass::kOptional},
          {"read-only", PseudoClass::kReadOnly},
          {"read-write", PseudoClass::kReadWrite},
          {"placeholder-shown", PseudoClass::kPlaceholderShown},
          {"defined", PseudoClass::kDefined},
      };
      static constexpr std::string_view kNever[] = {"hover",
                                                    "active",
                                                    "focus",
                                                    "focus-visible",
                                                    "focus-within",
                                                    "visited",
                                                    "target",
                                                    "target-within",
                                                    "current",
                                                    "past",
                                                    "future",
                                                    "playing",
                                                    "paused",
                                                    "seeking",
                                                    "buffering",
                                                    "stalled",
                                                    "muted",
                                                    "volume-locked",
                                                    "fullscreen",
                                                    "modal",
                                                    "popover-open",
                                                    "picture-in-picture",
                                                    "user-invalid",
                                                    "user-valid",
                                                    "invalid",
                                                    "valid",
                                                    "in-range",
                                                    "out-of-range",
                                                    "indeterminate",
                                                    "default",
                                                    "autofill",
                                                    "-webkit-autofill",
                                                    "blank",
                                                    "local-link",
                                                    "open",
                                                    "closed",
                                                    "host",
                                                    "-moz-focusring",
                                                    "-moz-ui-invalid",
                                                    "-moz-placeholder",
                                                    "-ms-input-placeholder",
                                                    "-webkit-full-screen",
                                                    "-moz-full-screen",
                                                    "first",
                                                    "left",
                                                    "right"};
      bool found = false;
      for (const auto& [n, kind] : kSimple) {
        if (n == name) {
          p.kind = kind;
          found = true;
          break;
        }
      }
      if (!found) {
        for (std::string_view n : kNever) {
          if (n == name) {
            p.kind = PseudoClass::kNever;
            p.focus = name.rfind("focus", 0) == 0;
            complex->uses_focus = complex->uses_focus || p.focus;
            found = true;
            break;
          }
        }
      }
      if (!found) {
        return false;  // unknown pseudo-class: the selector is invalid
      }
      *spec = AddSpecificity(*spec, 1 << 8);
      c->pseudos.push_back(std::move(p));
      return true;
    }
    if (t.type != TokenType::kFunction) {
      return false;
    }
    const size_t close = tl_.match[k];
    if (close >= end) {
      return false;
    }
    const size_t arg_begin = k + 1;
    k = close + 1;
    if (element) {
      // ::part(), ::slotted(), ::highlight(), ::cue()...: never the element itself.
      if (*pe != PseudoElement::kNone) {
        return false;
      }
      *pe = PseudoElement::kOther;
      *spec = AddSpecificity(*spec, 1);
      return true;
    }
    if (*pe != PseudoElement::kNone) {
      return false;
    }
    PseudoSelector p;
    uint32_t sub_spec = 0;
    if (name == "not" || name == "is" || name == "matches" || name == "-webkit-any" ||
        name == "where" || name == "has") {
      p.kind = name == "not"     ? PseudoClass::kNot
               : name == "where" ? PseudoClass::kWhere
               : name == "has"   ? PseudoClass::kHas
                                 : PseudoClass::kIs;
      const bool forgiving = p.kind == PseudoClass::kIs || p.kind == PseudoClass::kWhere;
      if (!ParseSubList(arg_begin, close, forgiving, p.kind == PseudoClass::kHas, &p.list,
                        &sub_spec, complex)) {
        return false;
      }
      if (p.kind != PseudoClass::kWhere) {
        *spec = AddSpecificity(*spec, sub_spec);
      }
    } else if (name == "nth-child" || name == "nth-last-child" || name == "nth-of-type" ||
               name == "nth-last-of-type") {
      p.kind = name == "nth-child"        ? PseudoClass::kNthChild
               : name == "nth-last-child" ? PseudoClass::kNthLastChild
               : name == "nth-of-type"    ? PseudoClass::kNthOfType
                                          : PseudoClass::kNthLastOfType;
      size_t nth_end = close;
      if (p.kind == PseudoClass::kNthChild || p.kind == PseudoClass::kNthLastChild) {
        for (size_t j = arg_begin; j < close; ++j) {
          if (tl_.tokens[j].type == TokenType::kIdent &&
              EqualsIgnoreCase(tl_.tokens[j].value, "of")) {
            nth_end = j;
            if (!ParseSubList(j + 1, close, false, false, &p.list, &sub_spec, complex)) {
              return false;
            }
            *spec = AddSpecificity(*spec, sub_spec);
            break;
          }
        }
      }
      if (!ParseNth(arg_begin, nth_end, &p.a, &p.b)) {
        return false;
      }
      *spec = AddSpecificity(*spec, 1 << 8);
    } else if (name == "lang" || name == "dir") {
      p.kind = name == "lang" ? PseudoClass::kLang : PseudoClass::kDir;
      for (size_t j = arg_begin; j < close; ++j) {
        const Token& a = tl_.tokens[j];
        if (a.type == TokenType::kIdent || a.type == TokenType::kString) {
          p.arg = Lower(a.value);
          break;
        }
      }
      if (p.arg.empty()) {
        return false;
      }
      *spec = AddSpecificity(*spec, 1 << 8);
    } else if (name == "host" || name == "host-context" || name == "state" || name == "current" ||
               name == "-webkit-any-link") {
      p.kind = PseudoClass::kNever;
      *spec = AddSpecificity(*spec, 1 << 8);
    } else {
      return false;
    }
    c->pseudos.push_back(std::move(p));
    return true;
  }

  const TokenList& tl_;
  bool ua_;
  int nesting_;
};

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

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
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
  const std::string type = Lower(n.AttrOr("type", "text"));
  return type == "text" || type == "search" || type == "url" || type == "tel" || type == "email" ||
         type == "password" || type == "date" || type == "month" || type == "week" ||
         type == "time" || type == "datetime-local" || type == "number" || type.empty();
}

}  // namespace

bool ParseSelectorList(const TokenList& tl, size_t begin, size_t end, bool user_agent,
                       SelectorList* out) {
  SelectorParser parser(tl, user_agent, 0);
  return parser.ParseList(begin, end, /*forgiving=*/false, /*relative=*/false, out);
}

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
  std::vector<uint32_t> stack;
  stack.reserve(64);
  for (size_t i = 0; i < n; ++i) {
    const Node* p = nodes[i]->ParentElement();
    const int32_t pi = p == nullptr ? -1 : IndexOf(*p);
    rows_[i].parent = pi;
    int32_t& last = pi < 0 ? last_root : rows_[pi].last_child;
    uint32_t& count = pi < 0 ? root_count : rows_[pi].child_count;
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
    rows_[i].sibling_count = rows_[i].parent < 0 ? root_count : rows_[rows_[i].parent].child_count;
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
  if (depth > kMaxNesting) {
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
        const std::string type = Lower(node.AttrOr("type"));
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
            writable = Lower(*ce) != "false";
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
          const std::string l = Lower(*lang);
          return l == p.arg || (l.size() > p.arg.size() && l.compare(0, p.arg.size(), p.arg) == 0 &&
                                l[p.arg.size()] == '-');
        }
      }
      return false;
    }
    case PseudoClass::kDir: {
      for (const Node* e = &node; e != nullptr; e = e->ParentElement()) {
        const std::string dir = Lower(e->AttrOr("dir"));
        if (dir == "ltr" || dir == "rtl") {
          return dir == p.arg;
        }
      }
      return p.arg == "ltr";
    }
    case PseudoClass::kNever:
      return false;
  }
  return false;
}

}  // namespace plainsight::engine::css
