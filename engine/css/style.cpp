// The cascade (CSS Cascading and Inheritance 4, sections 6-7): collects the UA stylesheet,
// author sheets (<style>, <link rel=stylesheet>, @import) and style attributes; matches rules
// through an index keyed by each selector's rightmost id, class or tag, with an ancestor Bloom
// filter; and computes values per element in tree order (parents before children), sharing
// storage between elements with the same parent style and matched rules.
//
// This file: ComputedStyle's accessors and ParseColor. The rest of the cascade is in
// style_sheets.cpp and style_cascade.cpp (see style_internal.h).
#include "engine/css/style.h"

#include <charconv>

#include "engine/css/style_internal.h"
#include "engine/css/values.h"

namespace plainsight::engine {

using css::PropId;
using style_internal::ParseNumber;
using style_internal::ParsePx;
using style_internal::ReadSmallInteger;

namespace {

const StyleValue& EmptyValue() {
  static const StyleValue kEmpty{"", true};
  return kEmpty;
}

PropId PropertyId(std::string_view name) {
  return css::LookupProperty(name);
}

// Reads the serialised computed colour "rgb(r, g, b)" / "rgba(r, g, b, a)" without sscanf.
std::optional<Rgba> ParseSerializedRgb(std::string_view text) {
  const bool alpha = text.rfind("rgba(", 0) == 0;
  if (!alpha && text.rfind("rgb(", 0) != 0) {
    return std::nullopt;
  }
  text.remove_prefix(alpha ? 5 : 4);
  double parts[4] = {0, 0, 0, 1};
  const int count = alpha ? 4 : 3;
  for (int k = 0; k < count; ++k) {
    while (!text.empty() && (text.front() == ' ' || text.front() == ',')) {
      text.remove_prefix(1);
    }
    // Integer components (the usual case) without from_chars; anything more (a fraction, an
    // exponent) goes through it, from the start of the number.
    const size_t read = ReadSmallInteger(text, &parts[k]);
    if (read > 0 &&
        (read == text.size() || (text[read] != '.' && text[read] != 'e' && text[read] != 'E' &&
                                 !(text[read] >= '0' && text[read] <= '9')))) {
      text.remove_prefix(read);
      continue;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parts[k]);
    if (ec != std::errc()) {
      return std::nullopt;
    }
    text.remove_prefix(end - text.data());
  }
  return Rgba{parts[0], parts[1], parts[2], parts[3]};
}

}  // namespace

// ---- ComputedStyle ----

ComputedStyle::ComputedStyle(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

ComputedStyle::ComputedStyle() = default;
ComputedStyle::~ComputedStyle() = default;
ComputedStyle::ComputedStyle(const ComputedStyle&) = default;
ComputedStyle& ComputedStyle::operator=(const ComputedStyle&) = default;

const StyleValue& ComputedStyle::Get(std::string_view property) const {
  const PropId id = PropertyId(property);
  if (id == css::kNoProp) {
    // Shorthands read as their longhands' values, when those agree on one.
    if (property == "overflow") {
      const StyleValue& x = Get("overflow-x");
      const StyleValue& y = Get("overflow-y");
      return x.text == y.text ? x : y;
    }
    if (property.substr(0, 2) == "--" && impl_ && impl_->custom) {
      static thread_local StyleValue custom;
      const auto it = impl_->custom->find(std::string(property));
      if (it != impl_->custom->end()) {
        custom = StyleValue{it->second.value, it->second.known};
        return custom;
      }
    }
    return EmptyValue();
  }
  if (!impl_ || impl_->values[id] == nullptr) {
    return css::InitialValue(id);
  }
  return *impl_->values[id];
}

namespace {

// A property's computed value by id: what Get() returns, without looking the name up.
const StyleValue& ValueOf(const ComputedStyle::Impl* impl, PropId id) {
  if (impl == nullptr || impl->values[id] == nullptr) {
    return css::InitialValue(id);
  }
  return *impl->values[id];
}

}  // namespace

const CascadedDeclaration* ComputedStyle::Cascaded(std::string_view property) const {
  if (!impl_) {
    return nullptr;
  }
  const PropId id = PropertyId(property);
  for (const auto& [prop, decl] : impl_->cascaded) {
    if (prop == id) {
      return decl;
    }
  }
  return nullptr;
}

bool ComputedStyle::DisplayNone() const {
  return std::string_view(ValueOf(impl_.get(), css::kDisplay).text) == "none";
}

bool ComputedStyle::VisibilityHidden() const {
  const std::string& v = ValueOf(impl_.get(), css::kVisibility).text;
  return v == "hidden" || v == "collapse";
}

bool ComputedStyle::ContentVisibilityHidden() const {
  return std::string_view(ValueOf(impl_.get(), css::kContentVisibility).text) == "hidden";
}

std::optional<double> ComputedStyle::Opacity() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kOpacity);
  if (&v == &css::InitialValue(css::kOpacity)) {
    return 1.0;  // most elements: no opacity declared, nothing to parse
  }
  return v.known ? ParseNumber(v.text) : std::nullopt;
}

std::optional<Rgba> ComputedStyle::Color() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kColor);
  if (&v == &css::InitialValue(css::kColor)) {
    return Rgba{0, 0, 0, 1};  // "rgb(0, 0, 0)", without parsing it
  }
  if (!v.known) {
    return std::nullopt;
  }
  if (auto fast = ParseSerializedRgb(v.text)) {
    return fast;
  }
  return ParseColor(v.text);
}

std::optional<Rgba> ComputedStyle::BackgroundColor() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kBackgroundColor);
  if (&v == &css::InitialValue(css::kBackgroundColor)) {
    return Rgba{0, 0, 0, 0};  // "rgba(0, 0, 0, 0)", without parsing it
  }
  if (!v.known) {
    return std::nullopt;
  }
  if (auto fast = ParseSerializedRgb(v.text)) {
    return fast;
  }
  return ParseColor(v.text);
}

std::optional<double> ComputedStyle::FontSizePx() const {
  return ParsePx(ValueOf(impl_.get(), css::kFontSize));
}

std::optional<int> ComputedStyle::FontWeight() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kFontWeight);
  if (!v.known) {
    return std::nullopt;
  }
  const std::optional<double> d = ParseNumber(v.text);
  return d ? std::optional<int>(static_cast<int>(*d)) : std::nullopt;
}

std::optional<double> ComputedStyle::LengthPx(std::string_view property) const {
  const StyleValue& v = Get(property);
  if (property == "line-height" && v.known) {
    // A unitless line-height is a multiple of the font size.
    if (const std::optional<double> n = ParseNumber(v.text)) {
      const std::optional<double> font = FontSizePx();
      return font ? std::optional<double>(*n * *font) : std::nullopt;
    }
  }
  return ParsePx(v);
}

Styles::~Styles() = default;

std::unique_ptr<Styles> Styles::Compute(const Document& document, const MediaContext& media) {
  return std::make_unique<style_internal::StylesImpl>(document, media);
}

std::optional<Rgba> ParseColor(std::string_view value) {
  // Computed colours are mostly "rgb(...)": parsed through ComputeValue for one code path.
  css::ComputeContext ctx;
  StyleValue out;
  value = TrimWhitespace(value);
  if (css::EqualsIgnoreCase(value, "currentcolor") ||
      !css::ComputeValue(css::kBackgroundColor, value, ctx, &out) || !out.known) {
    return std::nullopt;
  }
  // out.text is "rgb(r, g, b)" or "rgba(r, g, b, a)".
  return ParseSerializedRgb(out.text);
}

}  // namespace plainsight::engine