// Property table and computed values: CSS Cascading 4 (initial values, inheritance), CSS Values
// 4 (lengths, calc()), CSS Color 4 (colours), CSS Fonts 4 (font-size keywords, bolder/lighter),
// and the shorthands background, font, outline, overflow and (for its colours) border.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/css/style.h"

namespace plainsight::engine::css {

// Longhand properties with computed values. font-size comes first and color second: the others
// may depend on them (em, currentcolor). Inherited properties are flagged in the table.
enum PropId : uint8_t {
  kFontSize,
  kColor,
  kFontWeight,
  kFontStyle,
  kFontFamily,
  kLineHeight,
  kLetterSpacing,
  kWordSpacing,
  kTextIndent,
  kVisibility,
  kDirection,
  kTextAlign,
  kWhiteSpace,
  kTextTransform,
  kPointerEvents,
  kCursor,
  kQuotes,
  kListStyleType,
  kDisplay,
  kContentVisibility,
  kOpacity,
  kBackgroundColor,
  kBackgroundImage,
  kPosition,
  kClip,
  kClipPath,
  kWidth,
  kHeight,
  kMinWidth,
  kMinHeight,
  kMaxWidth,
  kMaxHeight,
  kTop,
  kRight,
  kBottom,
  kLeft,
  kOverflowX,
  kOverflowY,
  kOutlineStyle,
  kOutlineWidth,
  kOutlineColor,
  kOutlineOffset,
  kTextDecoration,
  kTransform,
  kContent,
  kZIndex,
  kFloat,
  kVerticalAlign,
  kTextOverflow,
  kTextShadow,
  kRotate,
  kBoxShadow,
  kBorderTopColor,
  kBorderRightColor,
  kBorderBottomColor,
  kBorderLeftColor,
  kNumProps,
  kCustomProp = 254,  // a custom property (--name)
  kNoProp = 255,
};

enum class Shorthand : uint8_t {
  kNone,
  kBackground,
  kFont,
  kOutline,
  kOverflow,
  kBorder,  // border: the colour of all four sides (widths and styles are not computed)
  kBorderTop,
  kBorderRight,
  kBorderBottom,
  kBorderLeft,
  kBorderColor,  // border-color: one to four colours, top right bottom left
};

struct PropertyInfo {
  std::string_view name;
  bool inherited;
  std::string_view initial;  // computed initial value
};

const PropertyInfo& Info(PropId id);
// kNoProp when `name` (lowercase) is not a longhand we compute.
PropId LookupProperty(std::string_view name);
Shorthand LookupShorthand(std::string_view name);
// The longhands a shorthand sets (all of them, as a shorthand resets omitted ones).
std::vector<PropId> ShorthandLonghands(Shorthand s);
// Expands a shorthand's value into (longhand, value text); false when invalid.
bool ExpandShorthand(Shorthand s, std::string_view value,
                     std::vector<std::pair<PropId, std::string>>* out);

// The initial values as StyleValues (static storage).
const StyleValue& InitialValue(PropId id);

// What a computed value may depend on. `used_context` is set whenever a value reads any of it,
// so that values that do not can be computed once per declaration at parse time.
struct ComputeContext {
  double parent_font_px = 16;
  bool parent_font_known = true;
  double font_px = 16;
  bool font_known = true;
  double root_font_px = 16;
  bool root_font_known = true;
  double viewport_width_px = 1280;
  double viewport_height_px = 1024;
  int parent_weight = 400;
  bool parent_weight_known = true;
  const StyleValue* parent_color = nullptr;  // for color: currentcolor
  const StyleValue* own_color = nullptr;     // for other colour properties' currentcolor
  bool used_context = false;
};

// Computes `value` (not a CSS-wide keyword, var() already substituted) for `id`. Returns false
// when the value is invalid for the property (the declaration is then dropped or, at
// computed-value time, the property is unset).
bool ComputeValue(PropId id, std::string_view value, ComputeContext& ctx, StyleValue* out);

// Formats a number the way computed values print ("16", "13.3333", "0.5").
std::string FormatNumber(double v);
std::string SerializeColor(const Rgba& c);

// var() substitution (CSS Variables 1, section 3). `lookup` returns the custom property's value
// or nullptr. Returns false when a var() has neither a value nor a fallback; *known becomes
// false when a substituted value was itself unknown.
struct CustomValue {
  std::string value;
  bool known = true;
};

template <typename F>
bool SubstituteVars(std::string_view text, const F& lookup, std::string* out, bool* known);
bool ContainsVar(std::string_view text);

// The internal implementation used by SubstituteVars (lookup type-erased).
bool SubstituteVarsImpl(std::string_view text, const void* lookup_state,
                        const CustomValue* (*lookup)(const void*, std::string_view),
                        std::string* out, bool* known, int depth);

template <typename F>
bool SubstituteVars(std::string_view text, const F& lookup, std::string* out, bool* known) {
  auto thunk = [](const void* state, std::string_view name) -> const CustomValue* {
    return (*static_cast<const F*>(state))(name);
  };
  return SubstituteVarsImpl(text, &lookup, thunk, out, known, 0);
}

// The text of a ::before/::after 'content' value for element `element`: strings, attr(),
// quotes. std::nullopt for none/normal, and for counters, url() and images (not knowable).
std::optional<std::string> ContentText(std::string_view computed, const Node& element);

}  // namespace plainsight::engine::css
