// Selectors Level 4 parsing: the grammar of section 18 (complex, compound and relative
// selectors, attribute selectors, an+b per CSS Syntax 3 section 6), the pseudo-classes this
// engine knows, and specificity (section 17). Matching is in selectors.cpp.
#include <algorithm>

#include "engine/css/selectors.h"

namespace plainsight::engine::css {
namespace {

constexpr size_t kMaxCompounds = 64;  // bounds the matcher's recursion

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
    if (nesting_ > kMaxSelectorNesting) {
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
          c->tag = AsciiLower(name.value);
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
    a->name = AsciiLower(a->name_raw);
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
          s += AsciiLower(t.value);
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
          s += std::to_string(static_cast<long long>(t.number)) + AsciiLower(t.value);
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
    const std::string name = AsciiLower(t.value);
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
            p.focus_within = name == "focus-within";
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
          p.arg = AsciiLower(a.value);
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

}  // namespace

bool ParseSelectorList(const TokenList& tl, size_t begin, size_t end, bool user_agent,
                       SelectorList* out) {
  SelectorParser parser(tl, user_agent, 0);
  return parser.ParseList(begin, end, /*forgiving=*/false, /*relative=*/false, out);
}

}  // namespace plainsight::engine::css
