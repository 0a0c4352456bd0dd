// Colours for computed values: CSS Color 4 sections 4-7 (hex, named colours, rgb(), rgba(),
// hsl(), hsla(), hwb(), transparent) and the serialisation of section 15 ("rgb(r, g, b)",
// "rgba(r, g, b, a)").
#include <cmath>
#include <cstdint>
#include <optional>

#include "engine/css/values_internal.h"

namespace plainsight::engine::css {
namespace internal {
namespace {

struct NamedColor {
  std::string_view name;
  uint32_t rgb;
};

constexpr NamedColor kNamedColors[] = {
#include "engine/css/named_colors.inc"
};

Rgba FromHex(uint32_t rgb) {
  return Rgba{static_cast<double>((rgb >> 16) & 0xff), static_cast<double>((rgb >> 8) & 0xff),
              static_cast<double>(rgb & 0xff), 1};
}

std::optional<Rgba> LookupNamedColor(std::string_view name) {
  const std::string lower = AsciiLower(name);
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
  const std::string unit = AsciiLower(t.value);
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
  const std::string name = AsciiLower(fn.value);
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

}  // namespace

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
    const std::string name = AsciiLower(t.value);
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

}  // namespace internal

std::string SerializeColor(const Rgba& c) {
  auto channel = [](double v) {
    return std::to_string(static_cast<int>(std::lround(internal::Clamp(v, 0, 255))));
  };
  if (c.a >= 1) {
    return "rgb(" + channel(c.r) + ", " + channel(c.g) + ", " + channel(c.b) + ")";
  }
  return "rgba(" + channel(c.r) + ", " + channel(c.g) + ", " + channel(c.b) + ", " +
         FormatNumber(std::round(internal::Clamp(c.a, 0, 1) * 1000) / 1000) + ")";
}

}  // namespace plainsight::engine::css
