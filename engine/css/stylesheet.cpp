// CSS Syntax 3 section 5 (consume a list of rules, qualified rules, at-rules, declarations),
// Media Queries 4 section 3-4 (for a screen of MediaContext's size), CSS Conditional 3
// (@supports), CSS Cascade 4 section 2 (@import).
#include "engine/css/stylesheet.h"

#include <algorithm>
#include <cmath>

#include "engine/css/tokenizer.h"

namespace plainsight::engine::css {
namespace {

constexpr int kMaxImportDepth = 8;
constexpr size_t kMaxWarnings = 100;

bool IsOpener(TokenType t) {
  return t == TokenType::kFunction || t == TokenType::kLeftParen || t == TokenType::kLeftBracket ||
         t == TokenType::kLeftBrace;
}

void Warn(std::vector<std::string>* warnings, std::string message) {
  if (warnings != nullptr && warnings->size() < kMaxWarnings) {
    warnings->push_back(std::move(message));
  }
}

struct RawDecl {
  std::string name;  // lowercase unless custom
  std::string_view value;
  bool important = false;
};

// Three-valued logic of Media Queries 4 section 3.2 and CSS Conditional 3.
enum class Tri : uint8_t { kFalse, kTrue, kUnknown };

Tri Not(Tri t) {
  return t == Tri::kUnknown ? t : t == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

Tri And(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) {
    return Tri::kFalse;
  }
  return a == Tri::kTrue && b == Tri::kTrue ? Tri::kTrue : Tri::kUnknown;
}

Tri Or(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) {
    return Tri::kTrue;
  }
  return a == Tri::kFalse && b == Tri::kFalse ? Tri::kFalse : Tri::kUnknown;
}

Tri FromBool(bool b) {
  return b ? Tri::kTrue : Tri::kFalse;
}

class Parser {
 public:
  Parser(std::string_view css, const SheetOptions& options) : css_(css), options_(options) {
    Tokenize(css, &tl_);
  }

  void ParseSheet(std::vector<std::unique_ptr<StyleRule>>* out) {
    ParseRuleList(0, tl_.tokens.size(), /*top_level=*/true, out);
  }

  std::vector<Decl> ParseBlock(bool from_style_attribute) {
    std::vector<RawDecl> raw;
    ParseDeclarations(0, tl_.tokens.size(), &raw);
    std::vector<Decl> decls;
    for (const RawDecl& r : raw) {
      BuildDecls(r.name, r.value, r.important, options_.user_agent, from_style_attribute, &decls);
    }
    return decls;
  }

  std::vector<RawDecl> ParseRawBlock() {
    std::vector<RawDecl> raw;
    ParseDeclarations(0, tl_.tokens.size(), &raw);
    return raw;
  }

  bool MediaList() { return EvalMediaList(0, tl_.tokens.size()); }

 private:
  const Token& T(size_t k) const { return tl_.tokens[k]; }

  void SkipSpace(size_t& k, size_t end) const {
    while (k < end && T(k).type == TokenType::kWhitespace) {
      ++k;
    }
  }

  // Index after the component value starting at k.
  size_t Skip(size_t k, size_t end) const {
    if (IsOpener(T(k).type)) {
      return std::min<size_t>(tl_.match[k] + 1, end);
    }
    return k + 1;
  }

  std::string_view Source(size_t begin, size_t end) const {
    if (begin >= end) {
      return {};
    }
    return css_.substr(T(begin).start, T(end - 1).end - T(begin).start);
  }

  void ParseRuleList(size_t begin, size_t end, bool top_level,
                     std::vector<std::unique_ptr<StyleRule>>* out) {
    size_t k = begin;
    bool imports_allowed = top_level;
    while (k < end) {
      const Token& t = T(k);
      if (t.type == TokenType::kWhitespace ||
          (top_level && (t.type == TokenType::kCdo || t.type == TokenType::kCdc))) {
        ++k;
        continue;
      }
      if (t.type == TokenType::kAtKeyword) {
        size_t j = k + 1;
        while (j < end && T(j).type != TokenType::kSemicolon &&
               T(j).type != TokenType::kLeftBrace) {
          j = Skip(j, end);
        }
        const std::string name = AsciiLower(t.value);
        const size_t prelude_begin = k + 1;
        const size_t prelude_end = j;
        const bool has_block = j < end && T(j).type == TokenType::kLeftBrace;
        const size_t block_end = has_block ? std::min<size_t>(tl_.match[j], end) : j;
        k = has_block ? block_end + 1 : j + 1;
        if (name == "import") {
          if (imports_allowed && !has_block) {
            Import(prelude_begin, prelude_end, out);
          }
          continue;
        }
        if (name == "charset" || (name == "layer" && !has_block)) {
          continue;
        }
        imports_allowed = false;
        if (!has_block) {
          continue;
        }
        if (name == "media") {
          if (EvalMediaList(prelude_begin, prelude_end)) {
            ParseRuleList(j + 1, block_end, false, out);
          }
        } else if (name == "supports") {
          if (EvalSupports(prelude_begin, prelude_end) == Tri::kTrue) {
            ParseRuleList(j + 1, block_end, false, out);
          }
        } else if (name == "layer") {
          // Deviation from CSS Cascade 5: layer order is not modelled; layered rules cascade
          // as if unlayered, in source order.
          ParseRuleList(j + 1, block_end, false, out);
        } else if (name == "container" || name == "scope" || name == "starting-style") {
          Warn(options_.warnings, "@" + name + " rules not evaluated (need layout or script)");
        } else if (name != "font-face" && name != "keyframes" && name != "-webkit-keyframes" &&
                   name != "-moz-keyframes" && name != "page" && name != "counter-style" &&
                   name != "property" && name != "font-feature-values" &&
                   name != "font-palette-values" && name != "namespace" &&
                   name != "view-transition" && name != "-moz-document" && name != "document" &&
                   name != "-ms-viewport" && name != "viewport" && name != "position-try") {
          Warn(options_.warnings, "unknown at-rule @" + name + " skipped");
        }
        continue;
      }
      // A qualified rule: prelude up to a {} block.
      size_t j = k;
      while (j < end && T(j).type != TokenType::kLeftBrace) {
        j = Skip(j, end);
      }
      if (j >= end) {
        return;  // EOF in a prelude: dropped
      }
      imports_allowed = false;
      const size_t block_end = std::min<size_t>(tl_.match[j], end);
      auto rule = std::make_unique<StyleRule>();
      if (ParseSelectorList(tl_, k, j, options_.user_agent, &rule->selectors)) {
        std::vector<RawDecl> raw;
        ParseDeclarations(j + 1, block_end, &raw);
        for (const RawDecl& r : raw) {
          BuildDecls(r.name, r.value, r.important, options_.user_agent, false, &rule->decls);
        }
        if (!rule->decls.empty()) {
          out->push_back(std::move(rule));
        }
      }
      k = block_end + 1;
    }
  }

  // CSS Syntax 3 (2021+ draft) "consume a block's contents": declarations, with nested rules
  // and at-rules skipped.
  void ParseDeclarations(size_t begin, size_t end, std::vector<RawDecl>* out) {
    size_t k = begin;
    while (k < end) {
      const Token& t = T(k);
      if (t.type == TokenType::kWhitespace || t.type == TokenType::kSemicolon) {
        ++k;
        continue;
      }
      if (t.type == TokenType::kAtKeyword) {
        size_t j = k + 1;
        while (j < end && T(j).type != TokenType::kSemicolon &&
               T(j).type != TokenType::kLeftBrace) {
          j = Skip(j, end);
        }
        k = j < end && T(j).type == TokenType::kLeftBrace ? std::min<size_t>(tl_.match[j], end) + 1
                                                          : j + 1;
        continue;
      }
      // Find the end of this declaration (top-level ';'), noting a top-level {} block.
      size_t j = k;
      size_t first_brace = end;
      while (j < end && T(j).type != TokenType::kSemicolon) {
        if (T(j).type == TokenType::kLeftBrace && first_brace == end) {
          first_brace = j;
        }
        j = Skip(j, end);
      }
      const bool custom = t.type == TokenType::kIdent && t.value.substr(0, 2) == "--";
      if (t.type != TokenType::kIdent || (first_brace != end && !custom)) {
        // Not a declaration: a nested rule (CSS Nesting), skipped up to its block's end.
        if (first_brace != end) {
          j = std::min<size_t>(tl_.match[first_brace], end);
        }
        k = j + 1;
        continue;
      }
      ParseOneDeclaration(k, j, custom, out);
      k = j + 1;
    }
  }

  void ParseOneDeclaration(size_t begin, size_t end, bool custom, std::vector<RawDecl>* out) {
    size_t k = begin + 1;
    SkipSpace(k, end);
    if (k >= end || T(k).type != TokenType::kColon) {
      return;
    }
    ++k;
    SkipSpace(k, end);
    size_t value_end = end;
    while (value_end > k && T(value_end - 1).type == TokenType::kWhitespace) {
      --value_end;
    }
    bool important = false;
    if (value_end > k && IsIdent(T(value_end - 1), "important")) {
      size_t bang = value_end - 1;
      while (bang > k && T(bang - 1).type == TokenType::kWhitespace) {
        --bang;
      }
      if (bang > k && IsDelim(T(bang - 1), '!')) {
        important = true;
        value_end = bang - 1;
        while (value_end > k && T(value_end - 1).type == TokenType::kWhitespace) {
          --value_end;
        }
      }
    }
    RawDecl d;
    d.name = custom ? std::string(T(begin).value) : AsciiLower(T(begin).value);
    d.value = Source(k, value_end);
    d.important = important;
    if (!custom && d.value.empty()) {
      return;
    }
    out->push_back(std::move(d));
  }

  void Import(size_t begin, size_t end, std::vector<std::unique_ptr<StyleRule>>* out) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k >= end) {
      return;
    }
    std::string url;
    const Token& t = T(k);
    if (t.type == TokenType::kUrl || t.type == TokenType::kString) {
      url = std::string(t.value);
      ++k;
    } else if (t.type == TokenType::kFunction && EqualsIgnoreCase(t.value, "url")) {
      size_t a = k + 1;
      SkipSpace(a, end);
      if (a < end && T(a).type == TokenType::kString) {
        url = std::string(T(a).value);
      }
      k = Skip(k, end);
    } else {
      return;
    }
    SkipSpace(k, end);
    if (k < end && (IsIdent(T(k), "layer") ||
                    (T(k).type == TokenType::kFunction && EqualsIgnoreCase(T(k).value, "layer")))) {
      k = Skip(k, end);
      SkipSpace(k, end);
    }
    if (k < end && T(k).type == TokenType::kFunction && EqualsIgnoreCase(T(k).value, "supports")) {
      const size_t close = std::min<size_t>(tl_.match[k], end);
      if (EvalSupportsInner(k + 1, close) != Tri::kTrue) {
        return;
      }
      k = close + 1;
    }
    if (!EvalMediaList(k, end)) {
      return;
    }
    if (options_.import_depth >= kMaxImportDepth) {
      Warn(options_.warnings, "@import " + url + " not followed: nesting deeper than " +
                                  std::to_string(kMaxImportDepth));
      return;
    }
    if (!options_.fetch) {
      return;
    }
    const std::string absolute = ResolveUrl(options_.base_url, url);
    if (absolute.empty()) {
      Warn(options_.warnings, "@import " + url + ": cannot resolve against the stylesheet URL");
      return;
    }
    std::optional<std::string> body = options_.fetch(absolute);
    if (!body) {
      return;
    }
    SheetOptions nested = options_;
    nested.base_url = absolute;
    nested.import_depth = options_.import_depth + 1;
    ParseStylesheet(*body, nested, out);
  }

  // ---- Media Queries 4 ----

  bool EvalMediaList(size_t begin, size_t end) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k >= end) {
      return true;
    }
    size_t item = begin;
    for (size_t j = begin; j <= end;) {
      if (j == end || T(j).type == TokenType::kComma) {
        if (EvalMediaQuery(item, j)) {
          return true;
        }
        item = j + 1;
        ++j;
        continue;
      }
      j = Skip(j, end);
    }
    return false;
  }

  bool EvalMediaQuery(size_t begin, size_t end) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k >= end) {
      return false;  // an empty query in a list is "not all"
    }
    bool negate = false;
    if (T(k).type == TokenType::kIdent) {
      size_t j = k;
      if (IsIdent(T(k), "not") || IsIdent(T(k), "only")) {
        j = k + 1;
        SkipSpace(j, end);
        if (j < end && T(j).type == TokenType::kIdent) {
          negate = IsIdent(T(k), "not");
          k = j;
        } else if (IsIdent(T(k), "only")) {
          return false;
        } else {
          // "not (condition)": a media condition.
          const Tri r = EvalCondition(k, end, /*allow_or=*/true);
          return r == Tri::kTrue;
        }
      }
      const Token& type = T(k);
      const std::string name = AsciiLower(type.value);
      if (name == "and" || name == "or" || name == "not" || name == "only" || name == "layer") {
        return false;
      }
      Tri result = FromBool(name == "all" || name == "screen");
      ++k;
      SkipSpace(k, end);
      if (k < end) {
        if (!IsIdent(T(k), "and")) {
          return false;
        }
        ++k;
        const Tri cond = EvalCondition(k, end, /*allow_or=*/false);
        result = And(result, cond);
      }
      if (result == Tri::kUnknown) {
        result = Tri::kFalse;
      }
      return negate ? result == Tri::kFalse : result == Tri::kTrue;
    }
    return EvalCondition(k, end, true) == Tri::kTrue;
  }

  // <media-condition>: not X | X [and X]* | X [or X]*
  Tri EvalCondition(size_t begin, size_t end, bool allow_or) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k >= end) {
      return Tri::kUnknown;
    }
    if (IsIdent(T(k), "not")) {
      ++k;
      SkipSpace(k, end);
      if (k >= end) {
        return Tri::kUnknown;
      }
      const size_t next = Skip(k, end);
      const Tri r = Not(EvalInParens(k, next));
      size_t rest = next;
      SkipSpace(rest, end);
      return rest == end ? r : Tri::kUnknown;
    }
    size_t next = Skip(k, end);
    Tri r = EvalInParens(k, next);
    k = next;
    int op = 0;  // 1 and, 2 or
    while (true) {
      SkipSpace(k, end);
      if (k >= end) {
        return r;
      }
      int this_op = IsIdent(T(k), "and") ? 1 : IsIdent(T(k), "or") ? 2 : 0;
      if (this_op == 0 || (op != 0 && this_op != op) || (this_op == 2 && !allow_or)) {
        return Tri::kUnknown;
      }
      op = this_op;
      ++k;
      SkipSpace(k, end);
      if (k >= end) {
        return Tri::kUnknown;
      }
      next = Skip(k, end);
      const Tri rhs = EvalInParens(k, next);
      r = op == 1 ? And(r, rhs) : Or(r, rhs);
      k = next;
    }
  }

  Tri EvalInParens(size_t begin, size_t end) {
    if (T(begin).type != TokenType::kLeftParen) {
      return Tri::kUnknown;  // <general-enclosed>
    }
    const size_t close = std::min<size_t>(tl_.match[begin], end);
    size_t k = begin + 1;
    SkipSpace(k, close);
    if (k < close && (T(k).type == TokenType::kLeftParen || IsIdent(T(k), "not"))) {
      return EvalCondition(k, close, true);
    }
    return EvalFeature(k, close);
  }

  // A value in px (lengths), or a plain number / ratio.
  bool FeatureValue(size_t& k, size_t end, double* out) {
    SkipSpace(k, end);
    if (k >= end) {
      return false;
    }
    const Token& t = T(k);
    if (t.type == TokenType::kNumber) {
      double v = t.number;
      ++k;
      size_t j = k;
      SkipSpace(j, end);
      if (j < end && IsDelim(T(j), '/')) {
        ++j;
        SkipSpace(j, end);
        if (j < end && T(j).type == TokenType::kNumber && T(j).number != 0) {
          v /= T(j).number;
          k = j + 1;
        }
      }
      *out = v;
      return true;
    }
    if (t.type == TokenType::kDimension) {
      ++k;
      const std::string unit = AsciiLower(t.value);
      if (unit == "px") {
        *out = t.number;
      } else if (unit == "em" || unit == "rem") {
        *out = t.number * 16;  // Media Queries 4 section 1.3: relative to the initial value
      } else if (unit == "pt") {
        *out = t.number * 4 / 3;
      } else if (unit == "in") {
        *out = t.number * 96;
      } else if (unit == "cm") {
        *out = t.number * 96 / 2.54;
      } else if (unit == "mm") {
        *out = t.number * 96 / 25.4;
      } else if (unit == "pc") {
        *out = t.number * 16;
      } else if (unit == "dppx" || unit == "x") {
        *out = t.number;
      } else if (unit == "dpi") {
        *out = t.number / 96;
      } else if (unit == "dpcm") {
        *out = t.number * 2.54 / 96;
      } else if (unit == "vw") {
        ReadViewport();
        *out = t.number * options_.media.width_px / 100;
      } else if (unit == "vh") {
        ReadViewport();
        *out = t.number * options_.media.height_px / 100;
      } else {
        return false;
      }
      return true;
    }
    return false;
  }

  // The value of a numeric feature for our screen; false if unknown or not numeric.
  bool NumericFeature(const std::string& name, double* out) const {
    const MediaContext& m = options_.media;
    if (name == "width" || name == "device-width") {
      ReadViewport();
      *out = m.width_px;
    } else if (name == "height" || name == "device-height") {
      ReadViewport();
      *out = m.height_px;
    } else if (name == "aspect-ratio" || name == "device-aspect-ratio") {
      ReadViewport();
      *out = m.height_px > 0 ? m.width_px / m.height_px : 0;
    } else if (name == "resolution" || name == "-webkit-device-pixel-ratio") {
      *out = 1;
    } else if (name == "color") {
      *out = 8;
    } else if (name == "color-index" || name == "monochrome" || name == "grid") {
      *out = 0;
    } else {
      return false;
    }
    return true;
  }

  Tri EvalFeature(size_t begin, size_t end) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k >= end) {
      return Tri::kUnknown;
    }
    // Range syntax: (width >= 600px), (400px <= width < 700px).
    bool range = false;
    for (size_t j = k; j < end; ++j) {
      if (IsDelim(T(j), '<') || IsDelim(T(j), '>') ||
          (IsDelim(T(j), '=') && T(k).type != TokenType::kIdent)) {
        range = true;
      }
    }
    if (range) {
      return EvalRange(k, end);
    }
    if (T(k).type != TokenType::kIdent) {
      return Tri::kUnknown;
    }
    std::string name = AsciiLower(T(k).value);
    ++k;
    SkipSpace(k, end);
    const bool boolean = k >= end;
    if (!boolean && T(k).type != TokenType::kColon) {
      return Tri::kUnknown;
    }
    ++k;
    SkipSpace(k, end);
    // Discrete features.
    std::string word;
    if (!boolean && k < end && T(k).type == TokenType::kIdent) {
      word = AsciiLower(T(k).value);
    }

    struct Discrete {
      std::string_view feature;
      std::string_view value;  // what our screen has
    };

    static constexpr Discrete kDiscrete[] = {
        {"orientation", ""},  // computed below
        {"prefers-reduced-motion", "no-preference"},
        {"prefers-color-scheme", "light"},
        {"prefers-contrast", "no-preference"},
        {"prefers-reduced-transparency", "no-preference"},
        {"prefers-reduced-data", "no-preference"},
        {"forced-colors", "none"},
        {"inverted-colors", "none"},
        {"hover", "hover"},
        {"any-hover", "hover"},
        {"pointer", "fine"},
        {"any-pointer", "fine"},
        {"scripting", "enabled"},
        {"update", "fast"},
        {"display-mode", "browser"},
        {"dynamic-range", "standard"},
        {"video-dynamic-range", "standard"},
        {"color-gamut", "srgb"},
        {"overflow-block", "scroll"},
        {"overflow-inline", "scroll"},
        {"scan", "progressive"},
    };
    for (const Discrete& d : kDiscrete) {
      if (d.feature != name) {
        continue;
      }
      std::string have(d.value);
      if (name == "orientation") {
        ReadViewport();
        have = options_.media.height_px >= options_.media.width_px ? "portrait" : "landscape";
      }
      if (boolean) {
        return FromBool(have != "none" && have != "no-preference");
      }
      if (word.empty()) {
        return Tri::kUnknown;
      }
      return FromBool(word == have);
    }
    std::string prefix;
    if (name.rfind("min-", 0) == 0 || name.rfind("max-", 0) == 0) {
      prefix = name.substr(0, 4);
      name = name.substr(4);
    } else if (name.rfind("-webkit-min-", 0) == 0 || name.rfind("-webkit-max-", 0) == 0) {
      prefix = name.substr(8, 4);
      name = "-webkit-" + name.substr(12);
    }
    double have = 0;
    if (!NumericFeature(name, &have)) {
      return Tri::kUnknown;
    }
    if (boolean) {
      return prefix.empty() ? FromBool(have != 0) : Tri::kUnknown;
    }
    double want = 0;
    if (!FeatureValue(k, end, &want)) {
      return Tri::kUnknown;
    }
    SkipSpace(k, end);
    if (k != end) {
      return Tri::kUnknown;
    }
    constexpr double kEpsilon = 1e-9;
    if (prefix == "min-") {
      return FromBool(have + kEpsilon >= want);
    }
    if (prefix == "max-") {
      return FromBool(have - kEpsilon <= want);
    }
    return FromBool(std::abs(have - want) < kEpsilon);
  }

  Tri EvalRange(size_t begin, size_t end) {
    // Tokens: value op name [op value] or name op value.
    std::vector<std::pair<int, double>> items;  // kind 0 value, 1 name(feature value)
    std::vector<std::string> ops;
    size_t k = begin;
    while (k < end) {
      SkipSpace(k, end);
      if (k >= end) {
        break;
      }
      const Token& t = T(k);
      if (t.type == TokenType::kDelim && (IsDelim(t, '<') || IsDelim(t, '>') || IsDelim(t, '='))) {
        std::string op(t.value);
        ++k;
        if (op != "=" && k < end && IsDelim(T(k), '=')) {
          op += "=";
          ++k;
        }
        ops.push_back(op);
        continue;
      }
      if (t.type == TokenType::kIdent) {
        double have = 0;
        if (!NumericFeature(AsciiLower(t.value), &have)) {
          return Tri::kUnknown;
        }
        items.emplace_back(1, have);
        ++k;
        continue;
      }
      double v = 0;
      if (!FeatureValue(k, end, &v)) {
        return Tri::kUnknown;
      }
      items.emplace_back(0, v);
    }
    if (items.size() != ops.size() + 1 || ops.empty() || ops.size() > 2) {
      return Tri::kUnknown;
    }
    bool result = true;
    for (size_t i = 0; i < ops.size(); ++i) {
      const double a = items[i].second;
      const double b = items[i + 1].second;
      const std::string& op = ops[i];
      constexpr double kEpsilon = 1e-9;
      bool ok = false;
      if (op == "<") {
        ok = a < b - kEpsilon;
      } else if (op == "<=") {
        ok = a <= b + kEpsilon;
      } else if (op == ">") {
        ok = a > b + kEpsilon;
      } else if (op == ">=") {
        ok = a + kEpsilon >= b;
      } else if (op == "=") {
        ok = std::abs(a - b) < kEpsilon;
      }
      result = result && ok;
    }
    return FromBool(result);
  }

  // ---- @supports ----

  Tri EvalSupports(size_t begin, size_t end) { return EvalSupportsCondition(begin, end); }

  // The contents of supports(...) in @import: a condition or a bare declaration.
  Tri EvalSupportsInner(size_t begin, size_t end) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k < end && T(k).type == TokenType::kIdent && !IsIdent(T(k), "not")) {
      return EvalSupportsDeclaration(k, end);
    }
    return EvalSupportsCondition(begin, end);
  }

  Tri EvalSupportsCondition(size_t begin, size_t end) {
    size_t k = begin;
    SkipSpace(k, end);
    if (k >= end) {
      return Tri::kFalse;
    }
    if (IsIdent(T(k), "not")) {
      ++k;
      SkipSpace(k, end);
      if (k >= end) {
        return Tri::kFalse;
      }
      return Not(EvalSupportsInParens(k, Skip(k, end)));
    }
    size_t next = Skip(k, end);
    Tri r = EvalSupportsInParens(k, next);
    k = next;
    while (true) {
      SkipSpace(k, end);
      if (k >= end) {
        return r;
      }
      const bool is_and = IsIdent(T(k), "and");
      if (!is_and && !IsIdent(T(k), "or")) {
        return Tri::kFalse;
      }
      ++k;
      SkipSpace(k, end);
      if (k >= end) {
        return Tri::kFalse;
      }
      next = Skip(k, end);
      const Tri rhs = EvalSupportsInParens(k, next);
      r = is_and ? And(r, rhs) : Or(r, rhs);
      k = next;
    }
  }

  Tri EvalSupportsInParens(size_t begin, size_t end) {
    const Token& t = T(begin);
    const size_t close = std::min<size_t>(tl_.match[begin], end);
    if (t.type == TokenType::kFunction) {
      if (EqualsIgnoreCase(t.value, "selector")) {
        SelectorList list;
        return FromBool(ParseSelectorList(tl_, begin + 1, close, false, &list));
      }
      return Tri::kFalse;
    }
    if (t.type != TokenType::kLeftParen) {
      return Tri::kFalse;
    }
    size_t k = begin + 1;
    SkipSpace(k, close);
    if (k < close && (T(k).type == TokenType::kLeftParen || IsIdent(T(k), "not") ||
                      T(k).type == TokenType::kFunction)) {
      return EvalSupportsCondition(k, close);
    }
    return EvalSupportsDeclaration(k, close);
  }

  Tri EvalSupportsDeclaration(size_t k, size_t end) {
    if (k >= end || T(k).type != TokenType::kIdent) {
      return Tri::kFalse;
    }
    const std::string name = AsciiLower(T(k).value);
    size_t j = k + 1;
    SkipSpace(j, end);
    if (j >= end || T(j).type != TokenType::kColon) {
      return Tri::kFalse;
    }
    ++j;
    SkipSpace(j, end);
    size_t value_end = end;
    while (value_end > j && T(value_end - 1).type == TokenType::kWhitespace) {
      --value_end;
    }
    const std::string_view value = Source(j, value_end);
    if (name.rfind("--", 0) == 0) {
      return Tri::kTrue;
    }
    std::vector<Decl> decls;
    if (LookupProperty(name) != kNoProp || LookupShorthand(name) != Shorthand::kNone) {
      return FromBool(BuildDecls(name, value, false, false, false, &decls));
    }
    // Interpretation: properties this engine does not compute are assumed supported (the
    // audited browser is a current one), except other engines' vendor prefixes.
    return FromBool(!value.empty() && name.rfind("-moz-", 0) != 0 && name.rfind("-ms-", 0) != 0 &&
                    name.rfind("-o-", 0) != 0);
  }

  void ReadViewport() const {
    if (options_.viewport_read != nullptr) {
      *options_.viewport_read = true;
    }
  }

  std::string_view css_;
  const SheetOptions& options_;
  TokenList tl_;
};

CssWide WideKeyword(std::string_view value) {
  if (EqualsIgnoreCase(value, "inherit")) {
    return CssWide::kInherit;
  }
  if (EqualsIgnoreCase(value, "initial")) {
    return CssWide::kInitial;
  }
  if (EqualsIgnoreCase(value, "unset")) {
    return CssWide::kUnset;
  }
  if (EqualsIgnoreCase(value, "revert") || EqualsIgnoreCase(value, "revert-layer")) {
    return CssWide::kRevert;
  }
  return CssWide::kNone;
}

}  // namespace

bool BuildDecls(std::string_view name, std::string_view value, bool important, bool user_agent,
                bool from_style_attribute, std::vector<Decl>* out) {
  value = TrimWhitespace(value);
  Decl base;
  base.cascaded.important = important;
  base.cascaded.from_style_attribute = from_style_attribute;
  base.cascaded.user_agent = user_agent;
  if (name.substr(0, 2) == "--") {
    Decl d = base;
    d.prop = kCustomProp;
    d.custom_name = std::string(name);
    d.cascaded.value = std::string(value);
    d.wide = WideKeyword(value);
    d.has_var = ContainsVar(value);
    out->push_back(std::move(d));
    return true;
  }
  const CssWide wide = WideKeyword(value);
  const bool has_var = ContainsVar(value);
  const PropId id = LookupProperty(name);
  if (id != kNoProp) {
    Decl d = base;
    d.prop = id;
    d.cascaded.value = std::string(value);
    d.wide = wide;
    d.has_var = has_var;
    if (wide == CssWide::kNone && !has_var) {
      ComputeContext ctx;
      if (!ComputeValue(id, value, ctx, &d.computed)) {
        return false;
      }
      d.precomputed = !ctx.used_context;
    }
    out->push_back(std::move(d));
    return true;
  }
  const Shorthand sh = LookupShorthand(name);
  if (sh == Shorthand::kNone) {
    return false;
  }
  if (wide != CssWide::kNone || has_var) {
    for (PropId longhand : ShorthandLonghands(sh)) {
      Decl d = base;
      d.prop = longhand;
      d.cascaded.value = std::string(value);
      d.wide = wide;
      d.has_var = has_var;
      d.pending = has_var ? sh : Shorthand::kNone;
      out->push_back(std::move(d));
    }
    return true;
  }
  std::vector<std::pair<PropId, std::string>> expanded;
  if (!ExpandShorthand(sh, value, &expanded)) {
    return false;
  }
  std::vector<Decl> built;
  for (auto& [longhand, text] : expanded) {
    Decl d = base;
    d.prop = longhand;
    d.cascaded.value = text;
    d.wide = WideKeyword(text);
    if (d.wide == CssWide::kNone) {
      ComputeContext ctx;
      if (!ComputeValue(longhand, text, ctx, &d.computed)) {
        return false;  // one invalid component makes the whole shorthand invalid
      }
      d.precomputed = !ctx.used_context;
    }
    built.push_back(std::move(d));
  }
  for (Decl& d : built) {
    out->push_back(std::move(d));
  }
  return true;
}

void ParseStylesheet(std::string_view css, const SheetOptions& options,
                     std::vector<std::unique_ptr<StyleRule>>* out) {
  if (css.size() >= 3 && css.substr(0, 3) == "\xEF\xBB\xBF") {
    css.remove_prefix(3);
  }
  Parser parser(css, options);
  parser.ParseSheet(out);
}

std::vector<Decl> ParseDeclarationBlock(std::string_view css, bool user_agent,
                                        bool from_style_attribute) {
  SheetOptions options;
  options.user_agent = user_agent;
  Parser parser(css, options);
  return parser.ParseBlock(from_style_attribute);
}

bool EvaluateMediaList(std::string_view media, const MediaContext& context, bool* viewport_read) {
  SheetOptions options;
  options.media = context;
  options.viewport_read = viewport_read;
  Parser parser(media, options);
  return parser.MediaList();
}

}  // namespace plainsight::engine::css

namespace plainsight::engine {

std::vector<Declaration> ParseDeclarationList(std::string_view css) {
  css::SheetOptions options;
  css::Parser parser(css, options);
  std::vector<Declaration> out;
  for (const css::RawDecl& r : parser.ParseRawBlock()) {
    out.push_back(Declaration{r.name, std::string(r.value), r.important});
  }
  return out;
}

}  // namespace plainsight::engine
