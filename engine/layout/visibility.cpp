// Visibility facts per element: see visibility.h.
#include "engine/layout/visibility.h"

#include <ranges>
#include <string_view>

namespace plainsight::engine {
namespace {

// Positioned so that what lies behind it is not its parent's background at that spot.
bool MovesOffItsBackdrop(const ComputedStyle& s, std::string* reason) {
  const std::string_view position = s.Get("position").text;
  if (position == "absolute" || position == "fixed" || position == "sticky") {
    *reason = "an element is positioned (" + std::string(position) +
              ") so what lies behind it is not known";
    return true;
  }
  if (position == "relative") {
    for (const char* side : {"top", "left", "right", "bottom"}) {
      auto v = s.LengthPx(side);
      const StyleValue& raw = s.Get(side);
      if ((v && *v != 0) || !raw.known) {
        *reason = "an element is shifted with position: relative";
        return true;
      }
    }
  }
  const StyleValue& transform = s.Get("transform");
  if (!transform.known || (!transform.text.empty() && std::string_view(transform.text) != "none")) {
    *reason = "an element is transformed";
    return true;
  }
  return false;
}

ColorLayer ReadLayer(const ComputedStyle& s, const Node& node) {
  ColorLayer layer;
  layer.node = &node;
  std::string reason;
  if (MovesOffItsBackdrop(s, &reason)) {
    layer.moves_reason = std::move(reason);
  }
  std::optional<Rgba> bg = s.BackgroundColor();  // nullopt when unknown
  layer.bg_unknown = !bg;
  if (bg) {
    layer.bg = *bg;
  }
  const StyleValue& image = s.Get("background-image");
  layer.image = !image.known || (!image.text.empty() && std::string_view(image.text) != "none");
  layer.opacity = s.Opacity();
  return layer;
}

}  // namespace

Visibility::Visibility(const Document& document, const Styles& styles, const Accessibility& a11y)
    : document_(document), styles_(styles), a11y_(a11y) {}

bool Visibility::Own(const Node& element) const {
  const uint32_t i = element.element_index();
  const std::vector<const Node*>& elements = document_.elements();
  return i < elements.size() && elements[i] == &element;
}

uint8_t Visibility::OwnBits(const Node& element) const {
  const ComputedStyle& s = styles_.Of(element);
  uint8_t bits = kKnown;
  if (auto o = s.Opacity(); o && *o == 0) {
    bits |= kTransparent;
  }
  const std::string_view position = s.Get("position").text;
  const bool out_of_flow = position == "absolute" || position == "fixed";
  if (out_of_flow) {
    for (const char* side : {"left", "top"}) {
      if (auto v = s.LengthPx(side); v && *v <= -1000) {
        bits |= kOffScreen;
      }
    }
    const std::string& clip = s.Get("clip").text;
    if (clip.find("rect(0") != std::string::npos ||
        clip.find("rect(1px, 1px, 1px, 1px)") != std::string::npos ||
        clip.find("rect(1px 1px 1px 1px)") != std::string::npos) {
      bits |= kClipped;
    }
    auto w = s.LengthPx("width");
    auto h = s.LengthPx("height");
    const std::string& ox = s.Get("overflow-x").text;
    if (((w && *w <= 1) || (h && *h <= 1)) && (ox == "hidden" || ox == "clip")) {
      bits |= kZeroSize;
    }
  }
  if (auto indent = s.LengthPx("text-indent"); indent && *indent <= -1000) {
    bits |= kOffScreen;
  }
  return bits;
}

uint8_t Visibility::Bits(const Node& element) const {
  if (!element.IsElement()) {
    return 0;
  }
  auto inherited = [](uint8_t parent_bits) { return parent_bits & kHiddenByStyle; };
  if (!Own(element)) {
    // A node of another document (callers pass the node's own page, so this does not happen in
    // practice): walked each time, never kept.
    uint8_t bits = OwnBits(element);
    for (const Node* n = element.parent(); n && n->IsElement(); n = n->parent()) {
      bits |= inherited(OwnBits(*n));
    }
    return bits;
  }
  if (bits_.empty()) {
    bits_.assign(document_.elements().size(), 0);
  }
  if (uint8_t known = bits_[element.element_index()]) {
    return known;
  }
  // Collect the ancestors not known yet (none, in the usual tree-order walk), then resolve from
  // the top down: iterative, so that deep trees do not overflow the stack.
  std::vector<const Node*> chain;
  for (const Node* n = &element; n && n->IsElement() && bits_[n->element_index()] == 0;
       n = n->parent()) {
    chain.push_back(n);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* parent = (*it)->parent();
    const uint8_t from_parent =
        parent != nullptr && parent->IsElement() ? inherited(bits_[parent->element_index()]) : 0;
    bits_[(*it)->element_index()] = OwnBits(**it) | from_parent;
  }
  return bits_[element.element_index()];
}

const ColorLayer& Visibility::Layer(const Node& element) const {
  if (!Own(element)) {
    other_layers_.push_back(ReadLayer(styles_.Of(element), element));
    return other_layers_.back();
  }
  if (layer_slots_.empty()) {
    layer_slots_.resize(document_.elements().size());
  }
  uint32_t& slot = layer_slots_[element.element_index()];
  if (slot == 0) {
    layers_.push_back(ReadLayer(styles_.Of(element), element));
    slot = static_cast<uint32_t>(layers_.size());
  }
  return layers_[slot - 1];
}

}  // namespace plainsight::engine
