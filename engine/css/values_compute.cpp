// Computed values per property (CSS Cascading 4 section 4.4): the keyword, colour, display,
// font (CSS Fonts 4 sections 2.3-2.5), length, spacing (CSS Text 3 sections 8-9) and
// line-height (CSS Inline 3) rules that turn a specified value into the computed value the
// rules read.
#include <cmath>

#include "engine/css/values_internal.h"

namespace plainsight::engine::css {
namespace {

using namespace internal;

bool SingleKeyword(const TokenList& tl, const std::vector<Range>& parts,
                   std::initializer_list<std::string_view> list, StyleValue* out) {
  if (parts.size() != 1 || parts[0].end != parts[0].begin + 1) {
    return false;
  }
  const Token& t = tl.tokens[parts[0].begin];
  if (t.type != TokenType::kIdent || !OneOf(t.value, list)) {
    return false;
  }
  out->text = AsciiLower(t.value);
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
      out->text = std::string(Info(kColor).initial);
    } else {
      *out = *source;
    }
    return true;
  }
  if (id == kOutlineColor && (IsIdent(t, "invert") || IsIdent(t, "auto"))) {
    out->text = AsciiLower(t.value);
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
    text += AsciiLower(t.value);
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
      out->text = AsciiLower(t.value);
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
    out->text = AsciiLower(out->text);
  }
  return true;
}

}  // namespace

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
    case kBorderTopColor:
    case kBorderRightColor:
    case kBorderBottomColor:
    case kBorderLeftColor:
      return ComputeColor(id, tl, parts, text, ctx, out);
    case kFontWeight:
      return ComputeFontWeight(tl, parts, ctx, out);
    case kFontStyle:
      if (parts.size() == 2 && IsIdent(tl.tokens[parts[0].begin], "oblique")) {
        out->text = AsciiLower(CollapseSpaces(text));
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
    case kBoxShadow:
      return ComputeRaw(tl, text, out);
    case kNumProps:
    case kCustomProp:
    case kNoProp:
      break;
  }
  return false;
}

}  // namespace plainsight::engine::css
