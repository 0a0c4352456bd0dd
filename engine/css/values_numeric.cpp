// Numbers, lengths and calc() for computed values: CSS Values 4 sections 5-6 (numbers,
// percentages, absolute and font-relative lengths, viewport units) and 10 (calc(), min(), max(),
// clamp()), resolved to px where the context allows (see values_internal.h).
#include <cmath>

#include "engine/css/values_internal.h"

namespace plainsight::engine::css::internal {
namespace {

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
    const std::string unit = AsciiLower(unit_raw);
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
        const std::string name = paren ? "calc" : AsciiLower(t.value);
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

}  // namespace

bool ParseNumeric(const TokenList& tl, Range r, ComputeContext& ctx, double em_px, bool em_known,
                  Numeric* out) {
  NumericParser p(tl, ctx, em_px, em_known);
  return p.ParseAll(r.begin, r.end, out);
}

std::string Px(double v) {
  return FormatNumber(v) + "px";
}

}  // namespace plainsight::engine::css::internal
