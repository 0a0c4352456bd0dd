// Computed values (CSS Cascading 4 section 4.4): the property table (name, inheritance,
// initial value), property lookup, the shorthands plainsight expands (background, font,
// outline, overflow), var() substitution (CSS Variables 1 section 3) and generated content text
// (CSS Generated Content 3 section 1). The per-property computation is in values_compute.cpp,
// numbers and lengths in values_numeric.cpp, colours in values_color.cpp.
#include "engine/css/values.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "engine/ascii.h"
#include "engine/css/values_internal.h"

namespace plainsight::engine::css {
namespace {

using namespace internal;

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
    {"box-shadow", false, "none"},
    // Border colours only (widths and styles are not computed): enough to see a border that
    // changes, as focus indicators do. Initial currentcolor, resolved like outline-color.
    {"border-top-color", false, "currentcolor"},
    {"border-right-color", false, "currentcolor"},
    {"border-bottom-color", false, "currentcolor"},
    {"border-left-color", false, "currentcolor"},
};

}  // namespace

namespace internal {

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

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
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

}  // namespace internal

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
  if (name.rfind("border", 0) == 0) {
    static constexpr std::pair<std::string_view, Shorthand> kBorders[] = {
        {"border", Shorthand::kBorder},
        {"border-top", Shorthand::kBorderTop},
        {"border-right", Shorthand::kBorderRight},
        {"border-bottom", Shorthand::kBorderBottom},
        {"border-left", Shorthand::kBorderLeft},
        {"border-color", Shorthand::kBorderColor}};
    for (const auto& [n, sh] : kBorders) {
      if (n == name) {
        return sh;
      }
    }
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
    case Shorthand::kBorder:
    case Shorthand::kBorderColor:
      return {kBorderTopColor, kBorderRightColor, kBorderBottomColor, kBorderLeftColor};
    case Shorthand::kBorderTop:
      return {kBorderTopColor};
    case Shorthand::kBorderRight:
      return {kBorderRightColor};
    case Shorthand::kBorderBottom:
      return {kBorderBottomColor};
    case Shorthand::kBorderLeft:
      return {kBorderLeftColor};
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
    case Shorthand::kBorderColor: {
      // CSS Backgrounds 3 section 4.1: one to four values, top right bottom left.
      if (parts.size() > 4) {
        return false;
      }
      std::vector<std::string> c;
      for (const Range& p : parts) {
        if (!IsColorComponent(tl, p)) {
          return false;
        }
        c.push_back(src(p));
      }
      const std::string top = c[0];
      const std::string right = c.size() > 1 ? c[1] : top;
      const std::string bottom = c.size() > 2 ? c[2] : top;
      const std::string left = c.size() > 3 ? c[3] : right;
      out->emplace_back(kBorderTopColor, top);
      out->emplace_back(kBorderRightColor, right);
      out->emplace_back(kBorderBottomColor, bottom);
      out->emplace_back(kBorderLeftColor, left);
      return true;
    }
    case Shorthand::kBorder:
    case Shorthand::kBorderTop:
    case Shorthand::kBorderRight:
    case Shorthand::kBorderBottom:
    case Shorthand::kBorderLeft: {
      // <line-width> || <line-style> || <color>: only the colour is kept (currentcolor when
      // not given, as the shorthand resets it).
      std::string color = "currentcolor";
      bool seen_color = false, seen_style = false, seen_width = false;
      for (const Range& p : parts) {
        const Token& t = tl.tokens[p.begin];
        if (!seen_style && t.type == TokenType::kIdent &&
            OneOf(t.value, {"none", "hidden", "dotted", "dashed", "solid", "double", "groove",
                            "ridge", "inset", "outset"})) {
          seen_style = true;
        } else if (!seen_width &&
                   (t.type == TokenType::kDimension || t.type == TokenType::kNumber ||
                    OneOf(t.value, {"thin", "medium", "thick"}) ||
                    (t.type == TokenType::kFunction &&
                     OneOf(t.value, {"calc", "min", "max", "clamp"})))) {
          seen_width = true;
        } else if (!seen_color && IsColorComponent(tl, p)) {
          color = src(p);
          seen_color = true;
        } else {
          return false;
        }
      }
      for (PropId side : ShorthandLonghands(s)) {
        out->emplace_back(side, color);
      }
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

std::string FormatNumber(double v) {
  if (!std::isfinite(v)) {
    return "0";
  }
  // Room for any double in fixed notation (309 digits before the point).
  char buf[400];
  // Whole numbers (most computed lengths) skip the general conversion; the result is the same.
  if (std::abs(v) < 1e15 && v == std::trunc(v)) {
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
    return std::string(buf, end);
  }
  // As printf's "%.4f" in the C locale (to_chars is specified so), without its format parsing.
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
  std::string s(buf, ec == std::errc() ? end : buf);
  while (!s.empty() && s.back() == '0') {
    s.pop_back();
  }
  if (!s.empty() && s.back() == '.') {
    s.pop_back();
  }
  if (s == "-0" || s.empty()) {
    s = "0";
  }
  return s;
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
        name = AsciiLower(name);
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