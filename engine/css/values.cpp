// Computed values (CSS Cascading 4 section 4.4; CSS Values 4; CSS Color 4; CSS Fonts 4).
#include "engine/css/values.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>

#include "engine/css/tokenizer.h"

namespace plainsight::engine::css {
namespace {

// ---------------------------------------------------------------------------------------------
// Property table.

constexpr PropertyInfo kProps[kNumProps] = {
    {"font-size", true, "16px"},
    {"color", true, "rgb(0, 0, 0)"},
    {"font-weight", true, "400"},
    {"font-style", true, "normal"},
    {"font-family", true, ""},
    {"line-height", true, "normal"},
    {"letter-spacing", true, "normal"},
    {"word-spacing", true, "0px"},
    {"text-indent", true, "0px"},
    {"visibility", true, "visible"},
    {"direction", true, "ltr"},
    {"text-align", true, "start"},
    {"white-space", true, "normal"},
    {"text-transform", true, "none"},
    {"pointer-events", true, "auto"},
    {"cursor", true, "auto"},
    {"quotes", true, "auto"},
    {"list-style-type", true, "disc"},
    {"display", false, "inline"},
    {"content-visibility", false, "visible"},
    {"opacity", false, "1"},
    {"background-color", false, "rgba(0, 0, 0, 0)"},
    {"background-image", false, "none"},
    {"position", false, "static"},
    {"clip", false, "auto"},
    {"clip-path", false, "none"},
    {"width", false, "auto"},
    {"height", false, "auto"},
    {"min-width", false, "auto"},
    {"min-height", false, "auto"},
    {"max-width", false, "none"},
    {"max-height", false, "none"},
    {"top", false, "auto"},
    {"right", false, "auto"},
    {"bottom", false, "auto"},
    {"left", false, "auto"},
    {"overflow-x", false, "visible"},
    {"overflow-y", false, "visible"},
    {"outline-style", false, "none"},
    {"outline-width", false, "3px"},
    {"outline-color", false, "currentcolor"},
    {"outline-offset", false, "0px"},
    {"text-decoration", false, "none"},
    {"transform", false, "none"},
    {"content", false, "normal"},
    {"z-index", false, "auto"},
    {"float", false, "none"},
    {"vertical-align", false, "baseline"},
    {"text-overflow", false, "clip"},
    {"text-shadow", true, "none"},
    {"rotate", false, "none"},
};

struct NamedColor {
  std::string_view name;
  uint32_t rgb;
};

constexpr NamedColor kNamedColors[] = {
#include "engine/css/named_colors.inc"
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    }
  }
  return out;
}

// Reusable token lists: values are tokenised often, and TokenList's deque allocates.
class Scratch {
 public:
  explicit Scratch(std::string_view text) {
    auto& pool = Pool();
    if (pool.empty()) {
      list_ = std::make_unique<TokenList>();
    } else {
      list_ = std::move(pool.back());
      pool.pop_back();
    }
    Tokenize(text, list_.get());
  }

  ~Scratch() { Pool().push_back(std::move(list_)); }

  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const TokenList& list() const { return *list_; }

 private:
  static std::vector<std::unique_ptr<TokenList>>& Pool() {
    thread_local std::vector<std::unique_ptr<TokenList>> pool;
    return pool;
  }

  std::unique_ptr<TokenList> list_;
};

// A component value: one token, or a function/block with everything up to its closer.
struct Range {
  size_t begin;
  size_t end;  // exclusive
};

// Top-level components of [begin, end), whitespace dropped. Commas and delims are components.
std::vector<Range> Components(const TokenList& tl, size_t begin, size_t end) {
  std::vector<Range> out;
  size_t k = begin;
  while (k < end) {
    const Token& t = tl.tokens[k];
    if (t.type == TokenType::kWhitespace) {
      ++k;
      continue;
    }
    size_t next = k + 1;
    if (t.type == TokenType::kFunction || t.type == TokenType::kLeftParen ||
        t.type == TokenType::kLeftBracket || t.type == TokenType::kLeftBrace) {
      next = std::min<size_t>(tl.match[k] + 1, end);
    }
    out.push_back({k, next});
    k = next;
  }
  return out;
}

std::string_view SourceOf(std::string_view text, const TokenList& tl, Range r) {
  if (r.begin >= r.end) {
    return {};
  }
  const uint32_t s = tl.tokens[r.begin].start;
  const uint32_t e = tl.tokens[r.end - 1].end;
  return text.substr(s, e - s);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
    space = false;
    out += c;
  }
  return out;
}

bool IsIdent(const Token& t, std::string_view word) {
  return t.type == TokenType::kIdent && EqualsIgnoreCase(t.value, word);
}

bool IsDelim(const Token& t, char c) {
  return t.type == TokenType::kDelim && t.value.size() == 1 && t.value[0] == c;
}

// ---------------------------------------------------------------------------------------------
// Numbers, lengths and calc().

// A calc() value: number, or px + pct (a length-percentage). Percentages are kept apart
// because their basis depends on the property.
struct Numeric {
  enum Type : uint8_t { kNumber, kLength } type = kNumber;

  double num = 0;
  double px = 0;
  double pct = 0;
  bool has_pct = false;
  bool has_px = false;
  bool known = true;
};

class NumericParser {
 public:
  NumericParser(const TokenList& tl, ComputeContext& ctx, double em_px, bool em_known)
      : tl_(tl), ctx_(ctx), em_px_(em_px), em_known_(em_known) {}

  // Parses all of [begin, end) as one numeric expression.
  bool ParseAll(size_t begin, size_t end, Numeric* out) {
    pos_ = begin;
    end_ = end;
    if (!ParsePrimary(out, /*top_level=*/true)) {
      return false;
    }
    SkipSpace();
    return pos_ == end_;
  }

 private:
  void SkipSpace() {
    while (pos_ < end_ && tl_.tokens[pos_].type == TokenType::kWhitespace) {
      ++pos_;
    }
  }

  bool Unit(std::string_view unit_raw, double v, Numeric* out) {
    const std::string unit = Lower(unit_raw);
    out->type = Numeric::kLength;
    out->has_px = true;
    double factor = 0;
    if (unit == "px") {
      factor = 1;
    } else if (unit == "pt") {
      factor = 4.0 / 3.0;
    } else if (unit == "pc") {
      factor = 16;
    } else if (unit == "in") {
      factor = 96;
    } else if (unit == "cm") {
      factor = 96 / 2.54;
    } else if (unit == "mm") {
      factor = 96 / 25.4;
    } else if (unit == "q") {
      factor = 96 / 101.6;
    } else if (unit == "em") {
      ctx_.used_context = true;
      factor = em_px_;
      out->known = out->known && em_known_;
    } else if (unit == "rem") {
      ctx_.used_context = true;
      factor = ctx_.root_font_px;
      out->known = out->known && ctx_.root_font_known;
    } else if (unit == "vw" || unit == "svw" || unit == "lvw" || unit == "dvw" || unit == "vi") {
      ctx_.used_context = true;
      factor = ctx_.viewport_width_px / 100;
    } else if (unit == "vh" || unit == "svh" || unit == "lvh" || unit == "dvh" || unit == "vb") {
      ctx_.used_context = true;
      factor = ctx_.viewport_height_px / 100;
    } else if (unit == "vmin") {
      ctx_.used_context = true;
      factor = std::min(ctx_.viewport_width_px, ctx_.viewport_height_px) / 100;
    } else if (unit == "vmax") {
      ctx_.used_context = true;
      factor = std::max(ctx_.viewport_width_px, ctx_.viewport_height_px) / 100;
    } else if (unit == "ex" || unit == "ch" || unit == "cap" || unit == "ic" || unit == "lh" ||
               unit == "rlh" || unit == "rex" || unit == "rch" || unit == "cqw" || unit == "cqh" ||
               unit == "cqi" || unit == "cqb" || unit == "cqmin" || unit == "cqmax") {
      // Interpretation: these depend on font metrics or layout, which a static cascade lacks.
      out->known = false;
      factor = 0;
    } else {
      return false;
    }
    out->px = v * factor;
    return true;
  }

  bool ParsePrimary(Numeric* out, bool top_level) {
    SkipSpace();
    if (pos_ >= end_) {
      return false;
    }
    const Token& t = tl_.tokens[pos_];
    switch (t.type) {
      case TokenType::kNumber:
        ++pos_;
        out->type = Numeric::kNumber;
        out->num = t.number;
        return true;
      case TokenType::kPercentage:
        ++pos_;
        out->type = Numeric::kLength;
        out->pct = t.number;
        out->has_pct = true;
        return true;
      case TokenType::kDimension:
        ++pos_;
        return Unit(t.value, t.number, out);
      case TokenType::kLeftParen:
        if (top_level) {
          return false;
        }
        [[fallthrough]];
      case TokenType::kFunction: {
        const size_t close = tl_.match[pos_];
        const bool paren = t.type == TokenType::kLeftParen;
        const std::string name = paren ? "calc" : Lower(t.value);
        const size_t inner_begin = pos_ + 1;
        const size_t inner_end = std::min(close, end_);
        if (close >= end_ && close != end_) {
          return false;
        }
        pos_ = std::min(close + 1, end_);
        if (name == "calc" || name == "-webkit-calc") {
          NumericParser inner(tl_, ctx_, em_px_, em_known_);
          return inner.ParseSumAll(inner_begin, inner_end, out);
        }
        if (name == "min" || name == "max" || name == "clamp") {
          return ParseMinMax(name, inner_begin, inner_end, out);
        }
        return false;
      }
      case TokenType::kIdent:
        if (!top_level) {
          if (EqualsIgnoreCase(t.value, "pi")) {
            ++pos_;
            out->num = M_PI;
            return true;
          }
          if (EqualsIgnoreCase(t.value, "e")) {
            ++pos_;
            out->num = M_E;
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  bool ParseMinMax(const std::string& name, size_t begin, size_t end, Numeric* out) {
    std::vector<Numeric> args;
    size_t k = begin;
    size_t arg_begin = begin;
    while (k <= end) {
      if (k == end || tl_.tokens[k].type == TokenType::kComma) {
        Numeric n;
        NumericParser inner(tl_, ctx_, em_px_, em_known_);
        if (!inner.ParseSumAll(arg_begin, k, &n)) {
          return false;
        }
        args.push_back(n);
        arg_begin = k + 1;
        ++k;
        continue;
      }
      const TokenType type = tl_.tokens[k].type;
      if (type == TokenType::kFunction || type == TokenType::kLeftParen) {
        k = tl_.match[k] + 1;
      } else {
        ++k;
      }
    }
    if (args.empty() || (name == "clamp" && args.size() != 3)) {
      return false;
    }
    *out = args[0];
    for (const Numeric& a : args) {
      if (a.type != out->type) {
        return false;
      }
      if (a.has_pct && a.has_px) {
        out->known = false;
      }
      out->known = out->known && a.known;
    }
    bool pct_only = true;
    bool px_only = true;
    for (const Numeric& a : args) {
      pct_only = pct_only && !a.has_px;
      px_only = px_only && !a.has_pct;
    }
    if (!pct_only && !px_only) {
      out->known = false;  // comparing lengths with percentages needs layout
      return true;
    }
    auto key = [&](const Numeric& a) {
      return a.type == Numeric::kNumber ? a.num : pct_only ? a.pct : a.px;
    };
    Numeric best = args[0];
    if (name == "clamp") {
      const double lo = key(args[0]);
      const double val = key(args[1]);
      const double hi = key(args[2]);
      best = val < lo ? args[0] : args[1];
      if (std::max(val, lo) > hi) {
        best = args[2];
      }
    } else {
      for (const Numeric& a : args) {
        if ((name == "min" && key(a) < key(best)) || (name == "max" && key(a) > key(best))) {
          best = a;
        }
      }
    }
    const bool known = out->known;
    *out = best;
    out->known = known;
    return true;
  }

 public:
  bool ParseSumAll(size_t begin, size_t end, Numeric* out) {
    pos_ = begin;
    end_ = end;
    if (!ParseSum(out)) {
      return false;
    }
    SkipSpace();
    return pos_ == end_;
  }

 private:
  bool ParseSum(Numeric* out) {
    if (++depth_ > 32) {
      return false;
    }
    if (!ParseProduct(out)) {
      return false;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= end_) {
        return true;
      }
      const Token& t = tl_.tokens[pos_];
      if (!IsDelim(t, '+') && !IsDelim(t, '-')) {
        return true;
      }
      const double sign = IsDelim(t, '+') ? 1 : -1;
      ++pos_;
      Numeric rhs;
      if (!ParseProduct(&rhs)) {
        return false;
      }
      if (rhs.type != out->type) {
        return false;
      }
      out->num += sign * rhs.num;
      out->px += sign * rhs.px;
      out->pct += sign * rhs.pct;
      out->has_px = out->has_px || rhs.has_px;
      out->has_pct = out->has_pct || rhs.has_pct;
      out->known = out->known && rhs.known;
    }
  }

  bool ParseProduct(Numeric* out) {
    if (!ParsePrimary(out, /*top_level=*/false)) {
      return false;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= end_) {
        return true;
      }
      const Token& t = tl_.tokens[pos_];
      const bool mul = IsDelim(t, '*');
      if (!mul && !IsDelim(t, '/')) {
        return true;
      }
      ++pos_;
      Numeric rhs;
      if (!ParsePrimary(&rhs, false)) {
        return false;
      }
      if (mul) {
        if (out->type == Numeric::kNumber) {
          std::swap(*out, rhs);
        }
        if (rhs.type != Numeric::kNumber) {
          return false;
        }
        out->num *= rhs.num;
        out->px *= rhs.num;
        out->pct *= rhs.num;
        out->known = out->known && rhs.known;
      } else {
        if (rhs.type != Numeric::kNumber || rhs.num == 0) {
          return false;
        }
        out->num /= rhs.num;
        out->px /= rhs.num;
        out->pct /= rhs.num;
        out->known = out->known && rhs.known;
      }
    }
  }

  const TokenList& tl_;
  ComputeContext& ctx_;
  double em_px_;
  bool em_known_;
  size_t pos_ = 0;
  size_t end_ = 0;
  int depth_ = 0;
};

bool ParseNumeric(const TokenList& tl, Range r, ComputeContext& ctx, double em_px, bool em_known,
                  Numeric* out) {
  NumericParser p(tl, ctx, em_px, em_known);
  return p.ParseAll(r.begin, r.end, out);
}

std::string Px(double v) {
  return FormatNumber(v) + "px";
}

// ---------------------------------------------------------------------------------------------
// Colours.

enum class ColorParse { kInvalid, kColor, kUnknown };

double Clamp(double v, double lo, double hi) {
  return std::max(lo, std::min(hi, v));
}

Rgba FromHex(uint32_t rgb) {
  return Rgba{static_cast<double>((rgb >> 16) & 0xff), static_cast<double>((rgb >> 8) & 0xff),
              static_cast<double>(rgb & 0xff), 1};
}

std::optional<Rgba> LookupNamedColor(std::string_view name) {
  const std::string lower = Lower(name);
  const auto* it =
      std::lower_bound(std::begin(kNamedColors), std::end(kNamedColors), lower,
                       [](const NamedColor& c, const std::string& n) { return c.name < n; });
  if (it != std::end(kNamedColors) && it->name == lower) {
    return FromHex(it->rgb);
  }
  if (lower == "transparent") {
    return Rgba{0, 0, 0, 0};
  }
  // CSS Color 4 section 6.2 system colours, with the values of Chromium's default light theme.
  static constexpr NamedColor kSystem[] = {
      {"accentcolor", 0x0075ff},   {"accentcolortext", 0xffffff}, {"activetext", 0xff0000},
      {"buttonborder", 0x767676},  {"buttonface", 0xefefef},      {"buttontext", 0x000000},
      {"canvas", 0xffffff},        {"canvastext", 0x000000},      {"field", 0xffffff},
      {"fieldtext", 0x000000},     {"graytext", 0x6d6d6d},        {"highlight", 0xb5d5ff},
      {"highlighttext", 0x000000}, {"linktext", 0x0000ee},        {"mark", 0xffff00},
      {"marktext", 0x000000},      {"selecteditem", 0x0075ff},    {"selecteditemtext", 0xffffff},
      {"visitedtext", 0x551a8b},
  };
  for (const auto& s : kSystem) {
    if (s.name == lower) {
      return FromHex(s.rgb);
    }
  }
  return std::nullopt;
}

// Hue in degrees from a number or angle token.
bool HueOf(const Token& t, double* deg) {
  if (t.type == TokenType::kNumber) {
    *deg = t.number;
    return true;
  }
  if (t.type != TokenType::kDimension) {
    return false;
  }
  const std::string unit = Lower(t.value);
  if (unit == "deg") {
    *deg = t.number;
  } else if (unit == "rad") {
    *deg = t.number * 180 / M_PI;
  } else if (unit == "grad") {
    *deg = t.number * 0.9;
  } else if (unit == "turn") {
    *deg = t.number * 360;
  } else {
    return false;
  }
  return true;
}

Rgba HslToRgb(double hue, double sat, double light, double alpha) {
  hue = std::fmod(hue, 360);
  if (hue < 0) {
    hue += 360;
  }
  sat = Clamp(sat, 0, 100) / 100;
  light = Clamp(light, 0, 100) / 100;
  auto f = [&](double n) {
    const double k = std::fmod(n + hue / 30, 12);
    const double a = sat * std::min(light, 1 - light);
    return light - a * std::max(-1.0, std::min({k - 3, 9 - k, 1.0}));
  };
  return Rgba{f(0) * 255, f(8) * 255, f(4) * 255, alpha};
}

ColorParse ParseColorFunction(const TokenList& tl, Range r, Rgba* out) {
  const Token& fn = tl.tokens[r.begin];
  const std::string name = Lower(fn.value);
  const size_t close = std::min<size_t>(r.end - 1, tl.match[r.begin]);
  std::vector<Range> parts = Components(tl, r.begin + 1, close);
  // Split into channel values and an optional alpha (after '/' or as a 4th comma value).
  std::vector<const Token*> channels;
  const Token* alpha = nullptr;
  bool slash = false;
  for (const Range& p : parts) {
    const Token& t = tl.tokens[p.begin];
    if (t.type == TokenType::kComma) {
      continue;
    }
    if (IsDelim(t, '/')) {
      if (slash) {
        return ColorParse::kInvalid;
      }
      slash = true;
      continue;
    }
    if (t.type == TokenType::kFunction) {
      return ColorParse::kUnknown;  // calc() or var() inside a colour: not evaluated
    }
    if (slash) {
      if (alpha != nullptr) {
        return ColorParse::kInvalid;
      }
      alpha = &t;
    } else {
      channels.push_back(&t);
    }
  }
  if (!slash && channels.size() == 4) {
    alpha = channels.back();
    channels.pop_back();
  }
  if (channels.size() != 3) {
    return ColorParse::kInvalid;
  }
  double a = 1;
  if (alpha != nullptr) {
    if (alpha->type == TokenType::kNumber) {
      a = alpha->number;
    } else if (alpha->type == TokenType::kPercentage) {
      a = alpha->number / 100;
    } else if (IsIdent(*alpha, "none")) {
      a = 0;
    } else {
      return ColorParse::kInvalid;
    }
  }
  a = Clamp(a, 0, 1);
  if (name == "rgb" || name == "rgba") {
    double v[3];
    for (int k = 0; k < 3; ++k) {
      const Token& t = *channels[k];
      if (t.type == TokenType::kNumber) {
        v[k] = t.number;
      } else if (t.type == TokenType::kPercentage) {
        v[k] = t.number * 2.55;
      } else if (IsIdent(t, "none")) {
        v[k] = 0;
      } else {
        return ColorParse::kInvalid;
      }
      v[k] = Clamp(v[k], 0, 255);
    }
    *out = Rgba{v[0], v[1], v[2], a};
    return ColorParse::kColor;
  }
  if (name == "hsl" || name == "hsla" || name == "hwb") {
    double hue = 0;
    if (!IsIdent(*channels[0], "none") && !HueOf(*channels[0], &hue)) {
      return ColorParse::kInvalid;
    }
    double v[2];
    for (int k = 0; k < 2; ++k) {
      const Token& t = *channels[k + 1];
      if (t.type == TokenType::kPercentage || t.type == TokenType::kNumber) {
        v[k] = t.number;
      } else if (IsIdent(t, "none")) {
        v[k] = 0;
      } else {
        return ColorParse::kInvalid;
      }
    }
    if (name == "hwb") {
      double w = Clamp(v[0], 0, 100) / 100;
      double b = Clamp(v[1], 0, 100) / 100;
      if (w + b >= 1) {
        const double gray = w / (w + b) * 255;
        *out = Rgba{gray, gray, gray, a};
        return ColorParse::kColor;
      }
      Rgba base = HslToRgb(hue, 100, 50, a);
      auto mix = [&](double c) { return (c / 255 * (1 - w - b) + w) * 255; };
      *out = Rgba{mix(base.r), mix(base.g), mix(base.b), a};
      return ColorParse::kColor;
    }
    *out = HslToRgb(hue, v[0], v[1], a);
    return ColorParse::kColor;
  }
  return ColorParse::kInvalid;
}

// Parses one colour component value. currentcolor is the caller's business.
ColorParse ParseColorRange(const TokenList& tl, Range r, Rgba* out) {
  if (r.end != r.begin + 1 && tl.tokens[r.begin].type != TokenType::kFunction) {
    return ColorParse::kInvalid;
  }
  const Token& t = tl.tokens[r.begin];
  if (t.type == TokenType::kHash) {
    std::string_view h = t.value;
    if (h.size() != 3 && h.size() != 4 && h.size() != 6 && h.size() != 8) {
      return ColorParse::kInvalid;
    }
    uint32_t digits[8];
    for (size_t k = 0; k < h.size(); ++k) {
      const char c = h[k];
      if (c >= '0' && c <= '9') {
        digits[k] = c - '0';
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        digits[k] = (c | 0x20) - 'a' + 10;
      } else {
        return ColorParse::kInvalid;
      }
    }
    if (h.size() <= 4) {
      *out = Rgba{digits[0] * 17.0, digits[1] * 17.0, digits[2] * 17.0,
                  h.size() == 4 ? digits[3] * 17.0 / 255 : 1.0};
    } else {
      *out = Rgba{digits[0] * 16.0 + digits[1], digits[2] * 16.0 + digits[3],
                  digits[4] * 16.0 + digits[5],
                  h.size() == 8 ? (digits[6] * 16.0 + digits[7]) / 255 : 1.0};
    }
    return ColorParse::kColor;
  }
  if (t.type == TokenType::kIdent) {
    if (auto c = LookupNamedColor(t.value)) {
      *out = *c;
      return ColorParse::kColor;
    }
    return ColorParse::kInvalid;
  }
  if (t.type == TokenType::kFunction) {
    const std::string name = Lower(t.value);
    if (name == "rgb" || name == "rgba" || name == "hsl" || name == "hsla" || name == "hwb") {
      return ParseColorFunction(tl, r, out);
    }
    if (name == "lab" || name == "lch" || name == "oklab" || name == "oklch" || name == "color" ||
        name == "color-mix" || name == "light-dark" || name == "device-cmyk" ||
        name == "contrast-color") {
      return ColorParse::kUnknown;  // valid, but not converted here
    }
  }
  return ColorParse::kInvalid;
}

bool IsColorComponent(const TokenList& tl, Range r) {
  const Token& t = tl.tokens[r.begin];
  if (IsIdent(t, "currentcolor")) {
    return true;
  }
  Rgba ignored;
  return ParseColorRange(tl, r, &ignored) != ColorParse::kInvalid;
}

// ---------------------------------------------------------------------------------------------
// Per-kind computation.

bool OneOf(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (EqualsIgnoreCase(word, w)) {
      return true;
    }
  }
  return false;
}

bool SingleKeyword(const TokenList& tl, const std::vector<Range>& parts,
                   std::initializer_list<std::string_view> list, StyleValue* out) {
  if (parts.size() != 1 || parts[0].end != parts[0].begin + 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (t.type != TokenType::kIdent || !OneOf(t.value, list)) {
    return false;
  }
  out->text = Lower(t.value);
  return true;
}

bool ComputeColor(PropId id, const TokenList& tl, const std::vector<Range>& parts,
                  std::string_view text, ComputeContext& ctx, StyleValue* out) {
  if (parts.size() != 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (IsIdent(t, "currentcolor")) {
    ctx.used_context = true;
    const StyleValue* source = id == kColor ? ctx.parent_color : ctx.own_color;
    if (source == nullptr) {
      out->text = std::string(kProps[kColor].initial);
    } else {
      *out = *source;
    }
    return true;
  }
  if (id == kOutlineColor && (IsIdent(t, "invert") || IsIdent(t, "auto"))) {
    out->text = Lower(t.value);
    return true;
  }
  Rgba c;
  switch (ParseColorRange(tl, parts[0], &c)) {
    case ColorParse::kInvalid:
      return false;
    case ColorParse::kUnknown:
      out->text = CollapseSpaces(text);
      out->known = false;
      return true;
    case ColorParse::kColor:
      out->text = SerializeColor(c);
      return true;
  }
  return false;
}

constexpr std::string_view kDisplayWords[] = {"none",
                                              "block",
                                              "inline",
                                              "inline-block",
                                              "flex",
                                              "inline-flex",
                                              "grid",
                                              "inline-grid",
                                              "table",
                                              "inline-table",
                                              "table-row",
                                              "table-cell",
                                              "table-row-group",
                                              "table-header-group",
                                              "table-footer-group",
                                              "table-column",
                                              "table-column-group",
                                              "table-caption",
                                              "list-item",
                                              "contents",
                                              "flow-root",
                                              "flow",
                                              "run-in",
                                              "ruby",
                                              "ruby-base",
                                              "ruby-text",
                                              "ruby-base-container",
                                              "ruby-text-container",
                                              "math",
                                              "-webkit-box",
                                              "-webkit-inline-box",
                                              "inline-list-item",
                                              "-ms-flexbox",
                                              "-ms-inline-flexbox",
                                              "-ms-grid",
                                              "-ms-inline-grid",
                                              "-webkit-flex",
                                              "-webkit-inline-flex",
                                              "-moz-box",
                                              "-moz-inline-box"};

bool ComputeDisplay(const TokenList& tl, const std::vector<Range>& parts, StyleValue* out) {
  if (parts.empty() || parts.size() > 3) {
    return false;
  }
  std::string text;
  for (const Range& p : parts) {
    const Token& t = tl.tokens[p.begin];
    if (t.type != TokenType::kIdent) {
      return false;
    }
    bool found = false;
    for (std::string_view w : kDisplayWords) {
      found = found || EqualsIgnoreCase(t.value, w);
    }
    if (!found) {
      return false;
    }
    if (!text.empty()) {
      text += ' ';
    }
    text += Lower(t.value);
  }
  // Two- and three-keyword forms that mean a single legacy keyword (CSS Display 3 2.7).
  if (text == "block flow") {
    text = "block";
  } else if (text == "inline flow") {
    text = "inline";
  } else if (text == "inline flow-root") {
    text = "inline-block";
  } else if (text == "list-item block" || text == "block list-item" ||
             text == "list-item block flow" || text == "list-item flow") {
    text = "list-item";
  }
  out->text = text;
  return true;
}

double FontSizeKeyword(std::string_view word) {
  static constexpr std::pair<std::string_view, double> kSizes[] = {
      {"xx-small", 9}, {"x-small", 10}, {"small", 13},    {"medium", 16},
      {"large", 18},   {"x-large", 24}, {"xx-large", 32}, {"xxx-large", 48}};
  for (const auto& [name, px] : kSizes) {
    if (EqualsIgnoreCase(word, name)) {
      return px;
    }
  }
  return -1;
}

bool ComputeFontSize(const TokenList& tl, const std::vector<Range>& parts, std::string_view text,
                     ComputeContext& ctx, StyleValue* out) {
  if (parts.size() != 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (t.type == TokenType::kIdent) {
    const double px = FontSizeKeyword(t.value);
    if (px > 0) {
      out->text = Px(px);
      return true;
    }
    if (EqualsIgnoreCase(t.value, "larger") || EqualsIgnoreCase(t.value, "smaller") ||
        EqualsIgnoreCase(t.value, "math")) {
      ctx.used_context = true;
      const double factor = EqualsIgnoreCase(t.value, "larger")    ? 1.2
                            : EqualsIgnoreCase(t.value, "smaller") ? 1 / 1.2
                                                                   : 1;
      out->text = Px(ctx.parent_font_px * factor);
      out->known = ctx.parent_font_known;
      return true;
    }
    return false;
  }
  Numeric n;
  if (!ParseNumeric(tl, parts[0], ctx, ctx.parent_font_px, ctx.parent_font_known, &n)) {
    return false;
  }
  if (n.type == Numeric::kNumber) {
    if (n.num != 0) {
      return false;
    }
    n.type = Numeric::kLength;
  }
  if (n.has_pct) {
    ctx.used_context = true;
    n.known = n.known && ctx.parent_font_known;
  }
  const double px = n.px + n.pct / 100 * ctx.parent_font_px;
  if (px < 0 && !n.has_pct && t.type != TokenType::kFunction) {
    return false;
  }
  out->text = Px(std::max(0.0, px));
  out->known = n.known;
  if (!n.known) {
    out->text = CollapseSpaces(text);
  }
  return true;
}

int BolderOf(int w) {
  return w < 350 ? 400 : w < 550 ? 700 : 900;
}

int LighterOf(int w) {
  return w < 100 ? w : w < 550 ? 100 : w < 750 ? 400 : 700;
}

bool ComputeFontWeight(const TokenList& tl, const std::vector<Range>& parts, ComputeContext& ctx,
                       StyleValue* out) {
  if (parts.size() != 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (t.type == TokenType::kIdent) {
    if (EqualsIgnoreCase(t.value, "normal")) {
      out->text = "400";
    } else if (EqualsIgnoreCase(t.value, "bold")) {
      out->text = "700";
    } else if (EqualsIgnoreCase(t.value, "bolder") || EqualsIgnoreCase(t.value, "lighter")) {
      ctx.used_context = true;
      const int w = EqualsIgnoreCase(t.value, "bolder") ? BolderOf(ctx.parent_weight)
                                                        : LighterOf(ctx.parent_weight);
      out->text = std::to_string(w);
      out->known = ctx.parent_weight_known;
    } else {
      return false;
    }
    return true;
  }
  Numeric n;
  if (!ParseNumeric(tl, parts[0], ctx, 16, true, &n) || n.type != Numeric::kNumber) {
    return false;
  }
  if (n.num < 1 || n.num > 1000) {
    return false;
  }
  out->text = FormatNumber(n.num);
  return true;
}

// length-percentage properties. `em` is the element's own font size.
bool ComputeLengthPercentage(PropId id, const TokenList& tl, const std::vector<Range>& parts,
                             std::string_view text, ComputeContext& ctx, StyleValue* out) {
  if (parts.size() != 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  const bool sizing = id == kWidth || id == kHeight || id == kMinWidth || id == kMinHeight ||
                      id == kMaxWidth || id == kMaxHeight;
  if (t.type == TokenType::kIdent) {
    const bool is_max = id == kMaxWidth || id == kMaxHeight;
    if ((!is_max && EqualsIgnoreCase(t.value, "auto")) ||
        (is_max && EqualsIgnoreCase(t.value, "none")) ||
        (sizing &&
         OneOf(t.value, {"min-content", "max-content", "fit-content", "stretch",
                         "-webkit-fill-available", "-moz-available", "-webkit-min-content",
                         "-webkit-max-content", "-webkit-fit-content"}))) {
      out->text = Lower(t.value);
      return true;
    }
    return false;
  }
  if (t.type == TokenType::kFunction && sizing && EqualsIgnoreCase(t.value, "fit-content")) {
    out->text = CollapseSpaces(text);
    out->known = false;
    return true;
  }
  Numeric n;
  if (!ParseNumeric(tl, parts[0], ctx, ctx.font_px, ctx.font_known, &n)) {
    return false;
  }
  if (n.type == Numeric::kNumber) {
    if (n.num != 0) {
      return false;
    }
    n.type = Numeric::kLength;
    n.has_px = true;
  }
  if (sizing && t.type != TokenType::kFunction && (n.px < 0 || n.pct < 0)) {
    return false;
  }
  if (!n.known || (n.has_pct && n.has_px && n.px != 0)) {
    out->text = CollapseSpaces(text);
    out->known = false;
    return true;
  }
  out->text = n.has_pct && !n.has_px   ? FormatNumber(n.pct) + "%"
              : n.has_pct && n.px == 0 ? FormatNumber(n.pct) + "%"
                                       : Px(n.px);
  return true;
}

bool ComputeSpacing(PropId id, const TokenList& tl, const std::vector<Range>& parts,
                    std::string_view text, ComputeContext& ctx, StyleValue* out) {
  if (parts.size() != 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (IsIdent(t, "normal")) {
    out->text = id == kWordSpacing ? "0px" : "normal";
    return true;
  }
  Numeric n;
  if (!ParseNumeric(tl, parts[0], ctx, ctx.font_px, ctx.font_known, &n)) {
    return false;
  }
  if (n.type == Numeric::kNumber) {
    if (n.num != 0) {
      return false;
    }
    n.has_px = true;
  }
  if (!n.known || (n.has_pct && n.has_px)) {
    out->text = CollapseSpaces(text);
    out->known = false;
    return true;
  }
  out->text = n.has_pct ? FormatNumber(n.pct) + "%" : Px(n.px);
  return true;
}

bool ComputeLineHeight(const TokenList& tl, const std::vector<Range>& parts, std::string_view text,
                       ComputeContext& ctx, StyleValue* out) {
  if (parts.size() != 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (IsIdent(t, "normal")) {
    out->text = "normal";
    return true;
  }
  Numeric n;
  if (!ParseNumeric(tl, parts[0], ctx, ctx.font_px, ctx.font_known, &n)) {
    return false;
  }
  if (n.type == Numeric::kNumber) {
    if (n.num < 0) {
      return false;
    }
    out->text = FormatNumber(n.num);
    out->known = n.known;
    return true;
  }
  if (n.has_pct) {
    ctx.used_context = true;
    n.known = n.known && ctx.font_known;
  }
  const double px = n.px + n.pct / 100 * ctx.font_px;
  if (px < 0 && t.type != TokenType::kFunction) {
    return false;
  }
  out->text = n.known ? Px(px) : CollapseSpaces(text);
  out->known = n.known;
  return true;
}

bool ComputeRaw(const TokenList& tl, std::string_view text, StyleValue* out) {
  for (const Token& t : tl.tokens) {
    if (t.type == TokenType::kBadString || t.type == TokenType::kBadUrl ||
        t.type == TokenType::kLeftBrace) {
      return false;
    }
  }
  std::string collapsed = CollapseSpaces(text);
  if (collapsed.empty()) {
    return false;
  }
  out->text = std::move(collapsed);
  return true;
}

bool ComputeKeywordsLower(const TokenList& tl, const std::vector<Range>& parts,
                          std::string_view text, StyleValue* out) {
  if (!ComputeRaw(tl, text, out)) {
    return false;
  }
  bool has_string = false;
  for (const Range& p : parts) {
    has_string = has_string || tl.tokens[p.begin].type == TokenType::kString ||
                 tl.tokens[p.begin].type == TokenType::kUrl ||
                 tl.tokens[p.begin].type == TokenType::kFunction;
  }
  if (!has_string) {
    out->text = Lower(out->text);
  }
  return true;
}

}  // namespace

const PropertyInfo& Info(PropId id) {
  return kProps[id];
}

namespace {

// Property name -> id: an open-addressing table hashed on the length and three bytes, each probe
// confirmed by comparing the whole name. Every ComputedStyle::Get() goes through here, and
// std::unordered_map's hashing of the whole string showed in profiles; a generated perfect hash
// (gperf) would add a build step for the same result.
constexpr size_t kNameSlots = 256;  // a power of two, well above 4 * kNumProps

constexpr size_t NameHash(std::string_view name) {
  size_t h = name.size();
  if (!name.empty()) {
    h = h * 131 + static_cast<unsigned char>(name.front());
    h = h * 131 + static_cast<unsigned char>(name[name.size() / 2]);
    h = h * 131 + static_cast<unsigned char>(name.back());
  }
  return h ^ (h >> 7);
}

struct NameTable {
  std::array<uint8_t, kNameSlots> slots{};

  constexpr NameTable() {
    for (auto& s : slots) {
      s = kNoProp;
    }
    for (int k = 0; k < kNumProps; ++k) {
      size_t i = NameHash(kProps[k].name) & (kNameSlots - 1);
      while (slots[i] != kNoProp) {
        i = (i + 1) & (kNameSlots - 1);
      }
      slots[i] = static_cast<uint8_t>(k);
    }
  }
};

constexpr NameTable kNameTable;

}  // namespace

PropId LookupProperty(std::string_view name) {
  for (size_t i = NameHash(name) & (kNameSlots - 1);; i = (i + 1) & (kNameSlots - 1)) {
    const uint8_t k = kNameTable.slots[i];
    if (k == kNoProp) {
      return kNoProp;
    }
    if (kProps[k].name == name) {
      return static_cast<PropId>(k);
    }
  }
}

Shorthand LookupShorthand(std::string_view name) {
  if (name == "background") {
    return Shorthand::kBackground;
  }
  if (name == "font") {
    return Shorthand::kFont;
  }
  if (name == "outline") {
    return Shorthand::kOutline;
  }
  if (name == "overflow") {
    return Shorthand::kOverflow;
  }
  return Shorthand::kNone;
}

std::vector<PropId> ShorthandLonghands(Shorthand s) {
  switch (s) {
    case Shorthand::kBackground:
      return {kBackgroundColor, kBackgroundImage};
    case Shorthand::kFont:
      return {kFontStyle, kFontWeight, kFontSize, kLineHeight, kFontFamily};
    case Shorthand::kOutline:
      return {kOutlineColor, kOutlineStyle, kOutlineWidth};
    case Shorthand::kOverflow:
      return {kOverflowX, kOverflowY};
    case Shorthand::kNone:
      break;
  }
  return {};
}

bool ExpandShorthand(Shorthand s, std::string_view value,
                     std::vector<std::pair<PropId, std::string>>* out) {
  Scratch scratch(value);
  const TokenList& tl = scratch.list();
  const std::vector<Range> parts = Components(tl, 0, tl.tokens.size());
  if (parts.empty()) {
    return false;
  }
  auto src = [&](Range r) { return std::string(SourceOf(value, tl, r)); };
  switch (s) {
    case Shorthand::kOverflow: {
      if (parts.size() > 2) {
        return false;
      }
      out->emplace_back(kOverflowX, src(parts[0]));
      out->emplace_back(kOverflowY, src(parts.back()));
      return true;
    }
    case Shorthand::kOutline: {
      std::string color = "currentcolor";
      std::string style = "none";
      std::string width = "medium";
      bool seen_color = false, seen_style = false, seen_width = false;
      for (const Range& p : parts) {
        const Token& t = tl.tokens[p.begin];
        if (!seen_style && t.type == TokenType::kIdent &&
            OneOf(t.value, {"none", "auto", "dotted", "dashed", "solid", "double", "groove",
                            "ridge", "inset", "outset", "hidden"})) {
          style = src(p);
          seen_style = true;
        } else if (!seen_width &&
                   (t.type == TokenType::kDimension || t.type == TokenType::kNumber ||
                    OneOf(t.value, {"thin", "medium", "thick"}) ||
                    (t.type == TokenType::kFunction &&
                     OneOf(t.value, {"calc", "min", "max", "clamp"})))) {
          width = src(p);
          seen_width = true;
        } else if (!seen_color && (IsColorComponent(tl, p) || IsIdent(t, "invert"))) {
          color = src(p);
          seen_color = true;
        } else {
          return false;
        }
      }
      out->emplace_back(kOutlineColor, color);
      out->emplace_back(kOutlineStyle, style);
      out->emplace_back(kOutlineWidth, width);
      return true;
    }
    case Shorthand::kBackground: {
      // Only colour and image are computed; the other components are recognised loosely.
      std::string color = "transparent";
      std::vector<std::string> images;
      std::string layer_image = "none";
      for (size_t k = 0; k <= parts.size(); ++k) {
        if (k == parts.size() || tl.tokens[parts[k].begin].type == TokenType::kComma) {
          images.push_back(layer_image);
          layer_image = "none";
          continue;
        }
        const Range p = parts[k];
        const Token& t = tl.tokens[p.begin];
        if (t.type == TokenType::kUrl ||
            (t.type == TokenType::kFunction &&
             (EqualsIgnoreCase(t.value, "url") ||
              t.value.find("gradient") != std::string_view::npos ||
              OneOf(t.value, {"image-set", "-webkit-image-set", "image", "element", "cross-fade",
                              "paint"})))) {
          layer_image = src(p);
        } else if (IsColorComponent(tl, p)) {
          color = src(p);
        }
      }
      std::string joined;
      for (const std::string& i : images) {
        joined += joined.empty() ? i : ", " + i;
      }
      out->emplace_back(kBackgroundColor, color);
      out->emplace_back(kBackgroundImage, joined);
      return true;
    }
    case Shorthand::kFont: {
      if (parts.size() == 1 && tl.tokens[parts[0].begin].type == TokenType::kIdent &&
          OneOf(tl.tokens[parts[0].begin].value,
                {"caption", "icon", "menu", "message-box", "small-caption", "status-bar"})) {
        return false;  // system fonts: not resolvable statically; treated as invalid
      }
      std::string style = "normal", weight = "normal", size, line_height = "normal", family;
      size_t k = 0;
      for (; k < parts.size(); ++k) {
        const Token& t = tl.tokens[parts[k].begin];
        if (t.type == TokenType::kIdent && OneOf(t.value, {"italic", "oblique"})) {
          style = src(parts[k]);
        } else if (t.type == TokenType::kIdent && OneOf(t.value, {"bold", "bolder", "lighter"})) {
          weight = src(parts[k]);
        } else if (t.type == TokenType::kNumber && parts[k].end == parts[k].begin + 1 &&
                   t.number >= 1 && t.number <= 1000) {
          weight = src(parts[k]);
        } else if (t.type == TokenType::kIdent &&
                   OneOf(t.value, {"normal", "small-caps", "ultra-condensed", "extra-condensed",
                                   "condensed", "semi-condensed", "semi-expanded", "expanded",
                                   "extra-expanded", "ultra-expanded"})) {
          // font-variant / font-stretch: not computed.
        } else {
          break;
        }
      }
      if (k >= parts.size()) {
        return false;
      }
      size = src(parts[k]);
      ++k;
      if (k < parts.size() && IsDelim(tl.tokens[parts[k].begin], '/')) {
        if (k + 1 >= parts.size()) {
          return false;
        }
        line_height = src(parts[k + 1]);
        k += 2;
      }
      if (k >= parts.size()) {
        return false;  // the family is required
      }
      family = std::string(value.substr(tl.tokens[parts[k].begin].start));
      out->emplace_back(kFontStyle, style);
      out->emplace_back(kFontWeight, weight);
      out->emplace_back(kFontSize, size);
      out->emplace_back(kLineHeight, line_height);
      out->emplace_back(kFontFamily, std::string(TrimWhitespace(family)));
      return true;
    }
    case Shorthand::kNone:
      break;
  }
  return false;
}

const StyleValue& InitialValue(PropId id) {
  static const std::array<StyleValue, kNumProps> kInitial = [] {
    std::array<StyleValue, kNumProps> values;
    for (int k = 0; k < kNumProps; ++k) {
      values[k].text = std::string(kProps[k].initial);
    }
    return values;
  }();
  return kInitial[id];
}

bool ComputeValue(PropId id, std::string_view text, ComputeContext& ctx, StyleValue* out) {
  Scratch scratch(text);
  const TokenList& tl = scratch.list();
  const std::vector<Range> parts = Components(tl, 0, tl.tokens.size());
  out->known = true;
  out->text.clear();
  if (parts.empty()) {
    return false;
  }
  switch (id) {
    case kFontSize:
      return ComputeFontSize(tl, parts, text, ctx, out);
    case kColor:
    case kBackgroundColor:
    case kOutlineColor:
      return ComputeColor(id, tl, parts, text, ctx, out);
    case kFontWeight:
      return ComputeFontWeight(tl, parts, ctx, out);
    case kFontStyle:
      if (parts.size() == 2 && IsIdent(tl.tokens[parts[0].begin], "oblique")) {
        out->text = Lower(CollapseSpaces(text));
        return true;
      }
      return SingleKeyword(tl, parts, {"normal", "italic", "oblique"}, out);
    case kLineHeight:
      return ComputeLineHeight(tl, parts, text, ctx, out);
    case kLetterSpacing:
    case kWordSpacing:
      return ComputeSpacing(id, tl, parts, text, ctx, out);
    case kTextIndent: {
      std::vector<Range> lengths;
      for (const Range& p : parts) {
        if (!IsIdent(tl.tokens[p.begin], "hanging") && !IsIdent(tl.tokens[p.begin], "each-line")) {
          lengths.push_back(p);
        }
      }
      return ComputeLengthPercentage(id, tl, lengths, text, ctx, out);
    }
    case kWidth:
    case kHeight:
    case kMinWidth:
    case kMinHeight:
    case kMaxWidth:
    case kMaxHeight:
    case kTop:
    case kRight:
    case kBottom:
    case kLeft:
      return ComputeLengthPercentage(id, tl, parts, text, ctx, out);
    case kOutlineOffset:
      return ComputeSpacing(id, tl, parts, text, ctx, out) && out->text != "normal";
    case kOutlineWidth: {
      if (parts.size() == 1 && tl.tokens[parts[0].begin].type == TokenType::kIdent) {
        const std::string_view w = tl.tokens[parts[0].begin].value;
        if (EqualsIgnoreCase(w, "thin")) {
          out->text = "1px";
        } else if (EqualsIgnoreCase(w, "medium")) {
          out->text = "3px";
        } else if (EqualsIgnoreCase(w, "thick")) {
          out->text = "5px";
        } else {
          return false;
        }
        return true;
      }
      return ComputeSpacing(id, tl, parts, text, ctx, out) && out->text != "normal" &&
             out->text.find('%') == std::string::npos && out->text[0] != '-';
    }
    case kVisibility:
      return SingleKeyword(tl, parts, {"visible", "hidden", "collapse"}, out);
    case kDirection:
      return SingleKeyword(tl, parts, {"ltr", "rtl"}, out);
    case kTextAlign:
      return SingleKeyword(
          tl, parts,
          {"start", "end", "left", "right", "center", "justify", "match-parent", "justify-all",
           "-webkit-center", "-webkit-left", "-webkit-right", "-moz-center", "-khtml-center"},
          out);
    case kWhiteSpace:
      return SingleKeyword(
          tl, parts, {"normal", "pre", "nowrap", "pre-wrap", "pre-line", "break-spaces"}, out);
    case kDisplay:
      return ComputeDisplay(tl, parts, out);
    case kContentVisibility:
      return SingleKeyword(tl, parts, {"visible", "auto", "hidden"}, out);
    case kPosition:
      if (SingleKeyword(tl, parts, {"-webkit-sticky"}, out)) {
        out->text = "sticky";
        return true;
      }
      return SingleKeyword(tl, parts, {"static", "relative", "absolute", "fixed", "sticky"}, out);
    case kOverflowX:
    case kOverflowY:
      if (SingleKeyword(tl, parts, {"overlay"}, out)) {
        out->text = "auto";
        return true;
      }
      return SingleKeyword(tl, parts, {"visible", "hidden", "clip", "scroll", "auto"}, out);
    case kOutlineStyle:
      return SingleKeyword(tl, parts,
                           {"auto", "none", "dotted", "dashed", "solid", "double", "groove",
                            "ridge", "inset", "outset", "hidden"},
                           out);
    case kFloat:
      return SingleKeyword(tl, parts, {"none", "left", "right", "inline-start", "inline-end"}, out);
    case kOpacity: {
      if (parts.size() != 1) {
        return false;
      }
      Numeric n;
      if (!ParseNumeric(tl, parts[0], ctx, 16, true, &n)) {
        return false;
      }
      double v = 0;
      if (n.type == Numeric::kNumber) {
        v = n.num;
      } else if (n.has_pct && !n.has_px) {
        v = n.pct / 100;
      } else {
        return false;
      }
      out->text = FormatNumber(Clamp(v, 0, 1));
      return true;
    }
    case kZIndex:
      if (parts.size() == 1 && IsIdent(tl.tokens[parts[0].begin], "auto")) {
        out->text = "auto";
        return true;
      }
      if (parts.size() == 1 && tl.tokens[parts[0].begin].type == TokenType::kNumber &&
          tl.tokens[parts[0].begin].is_integer) {
        out->text = FormatNumber(tl.tokens[parts[0].begin].number);
        return true;
      }
      return false;
    case kTextTransform:
    case kPointerEvents:
    case kCursor:
    case kListStyleType:
    case kClip:
    case kTextDecoration:
    case kVerticalAlign:
    case kTextOverflow:
      return ComputeKeywordsLower(tl, parts, text, out);
    case kFontFamily:
    case kQuotes:
    case kBackgroundImage:
    case kClipPath:
    case kTransform:
    case kContent:
    case kTextShadow:
    case kRotate:
      return ComputeRaw(tl, text, out);
    case kNumProps:
    case kCustomProp:
    case kNoProp:
      break;
  }
  return false;
}

std::string FormatNumber(double v) {
  if (!std::isfinite(v)) {
    return "0";
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') {
    s.pop_back();
  }
  if (!s.empty() && s.back() == '.') {
    s.pop_back();
  }
  if (s == "-0") {
    s = "0";
  }
  return s;
}

std::string SerializeColor(const Rgba& c) {
  auto channel = [](double v) {
    return std::to_string(static_cast<int>(std::lround(Clamp(v, 0, 255))));
  };
  if (c.a >= 1) {
    return "rgb(" + channel(c.r) + ", " + channel(c.g) + ", " + channel(c.b) + ")";
  }
  return "rgba(" + channel(c.r) + ", " + channel(c.g) + ", " + channel(c.b) + ", " +
         FormatNumber(std::round(Clamp(c.a, 0, 1) * 1000) / 1000) + ")";
}

bool ContainsVar(std::string_view text) {
  for (size_t k = 0; k + 4 <= text.size(); ++k) {
    if (text[k] == '(' && k >= 3 && EqualsIgnoreCase(text.substr(k - 3, 3), "var")) {
      return true;
    }
  }
  return false;
}

bool SubstituteVarsImpl(std::string_view text, const void* state,
                        const CustomValue* (*lookup)(const void*, std::string_view),
                        std::string* out, bool* known, int depth) {
  // Limits against custom properties that expand exponentially (--b: var(--a) var(--a)...).
  constexpr int kMaxDepth = 16;
  constexpr size_t kMaxBytes = 1 << 16;
  if (depth > kMaxDepth) {
    return false;
  }
  Scratch scratch(text);
  const TokenList& tl = scratch.list();
  size_t copied = 0;  // source offset copied so far
  for (size_t k = 0; k < tl.tokens.size(); ++k) {
    const Token& t = tl.tokens[k];
    if (t.type != TokenType::kFunction || !EqualsIgnoreCase(t.value, "var")) {
      continue;
    }
    const size_t close = tl.match[k];
    out->append(text.substr(copied, t.start - copied));
    size_t j = k + 1;
    while (j < close && tl.tokens[j].type == TokenType::kWhitespace) {
      ++j;
    }
    if (j >= close || tl.tokens[j].type != TokenType::kIdent ||
        tl.tokens[j].value.substr(0, 2) != "--") {
      return false;
    }
    const std::string name(tl.tokens[j].value);
    ++j;
    while (j < close && tl.tokens[j].type == TokenType::kWhitespace) {
      ++j;
    }
    const bool has_fallback = j < close && tl.tokens[j].type == TokenType::kComma;
    if (const CustomValue* v = lookup(state, name)) {
      out->append(v->value);
      *known = *known && v->known;
    } else if (has_fallback) {
      const uint32_t fb_start = tl.tokens[j].end;
      const uint32_t fb_end =
          close < tl.tokens.size() ? tl.tokens[close].start : static_cast<uint32_t>(text.size());
      std::string fallback;
      if (!SubstituteVarsImpl(TrimWhitespace(text.substr(fb_start, fb_end - fb_start)), state,
                              lookup, &fallback, known, depth + 1)) {
        return false;
      }
      out->append(fallback);
    } else {
      return false;
    }
    if (out->size() > kMaxBytes) {
      return false;
    }
    copied = close < tl.tokens.size() ? tl.tokens[close].end : text.size();
    k = close;
  }
  out->append(text.substr(std::min(copied, text.size())));
  return out->size() <= kMaxBytes;
}

std::optional<std::string> ContentText(std::string_view computed, const Node& element) {
  Scratch scratch(computed);
  const TokenList& tl = scratch.list();
  std::vector<Range> parts = Components(tl, 0, tl.tokens.size());
  if (parts.size() == 1 && (IsIdent(tl.tokens[parts[0].begin], "none") ||
                            IsIdent(tl.tokens[parts[0].begin], "normal"))) {
    return std::nullopt;
  }
  // CSS Generated Content 3 section 1.1: "content: <list> / <alt>"; the alternative text is
  // what assistive technology gets, so it wins when present.
  for (size_t k = 0; k < parts.size(); ++k) {
    if (IsDelim(tl.tokens[parts[k].begin], '/')) {
      parts.erase(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      break;
    }
  }
  std::string text;
  for (const Range& p : parts) {
    const Token& t = tl.tokens[p.begin];
    if (t.type == TokenType::kString) {
      text += t.value;
    } else if (IsIdent(t, "open-quote")) {
      text += "\xE2\x80\x9C";  // U+201C, the first level of the default quotes
    } else if (IsIdent(t, "close-quote")) {
      text += "\xE2\x80\x9D";
    } else if (IsIdent(t, "no-open-quote") || IsIdent(t, "no-close-quote")) {
    } else if (t.type == TokenType::kFunction && EqualsIgnoreCase(t.value, "attr")) {
      std::vector<Range> args =
          Components(tl, p.begin + 1, std::min<size_t>(p.end - 1, tl.match[p.begin]));
      if (args.empty() || tl.tokens[args[0].begin].type != TokenType::kIdent) {
        return std::nullopt;
      }
      std::string name(tl.tokens[args[0].begin].value);
      if (element.ns() == Namespace::kHtml) {
        name = Lower(name);
      }
      if (const std::string* v = element.Attr(name)) {
        text += *v;
      } else if (args.size() >= 3 && tl.tokens[args[1].begin].type == TokenType::kComma &&
                 tl.tokens[args[2].begin].type == TokenType::kString) {
        text += tl.tokens[args[2].begin].value;
      }
    } else {
      return std::nullopt;  // counter(), url(), images, unknown keywords
    }
  }
  return text;
}

}  // namespace plainsight::engine::css
