// Whether an element can be seen, decided once per element for every rule that asks. ACT rules
// define "visible" (perceivable through sight) and "included in the accessibility tree"; WCAG
// 1.4.3 and 1.4.6 need the colours behind text. Without a layout engine these are read from the
// computed styles (engine/css) and the accessibility state (engine/aria):
//
//   hidden       excluded from the accessibility tree (Accessibility::IsHidden);
//   invisible    not rendered, or visibility: hidden/collapse (Accessibility::IsInvisible);
//   transparent  opacity: 0 on the element or an ancestor;
//   off-screen   moved at least 1000px off the page: left or top <= -1000px on an absolutely
//                positioned or fixed element or an ancestor, or text-indent <= -1000px;
//   clipped      clip: rect(0...) or rect(1px, 1px, 1px, 1px) on an absolutely positioned or
//                fixed element or an ancestor (CSS Masking 1 section 5.1, the clip property);
//   zero-size    the element itself is absolutely positioned or fixed, at most 1px wide or tall,
//                and clips its overflow (the "visually hidden" pattern: it shows nothing, while
//                assistive technology still reads it).
//
// Visible, in ACT's static sense, is none of invisible, transparent, off-screen or clipped.
// Interpretation: the thresholds are those of the common hiding techniques; an element moved
// 200px off-screen counts as visible. Zero-size is reported apart and is not part of visible,
// because ACT treats such text as visible when deciding what is "visible inner text" only.
//
// Each element's colour layer (its background colour, background image, opacity and whether it
// is positioned off its parent's backdrop) is read once too, for the contrast computation
// (engine/layout/text_colors.h).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "engine/aria/accessibility.h"
#include "engine/css/style.h"
#include "engine/dom.h"

namespace plainsight::engine {

// What one element contributes to the colours drawn inside it.
struct ColorLayer {
  const Node* node = nullptr;
  // Non-empty when the element is positioned or transformed so that what lies behind it is
  // not its parent's background at that spot: says how ("an element is transformed").
  std::string moves_reason;
  bool bg_unknown = false;  // the background colour could not be computed
  Rgba bg;
  bool image = false;  // a background image or gradient (or an unknown one)
  std::optional<double> opacity;
};

class Visibility {
 public:
  // All three must be for the same document and outlive this object.
  Visibility(const Document& document, const Styles& styles, const Accessibility& a11y);

  // Excluded from the accessibility tree.
  bool IsHidden(const Node& element) const { return a11y_.IsHidden(element); }

  // Not rendered, or visibility: hidden/collapse.
  bool IsInvisible(const Node& element) const { return a11y_.IsInvisible(element); }

  // opacity: 0 on the element or an ancestor.
  bool IsTransparent(const Node& element) const { return Bits(element) & kTransparent; }

  // Moved off-screen by the element's or an ancestor's styles (see the file comment).
  bool IsOffScreen(const Node& element) const { return Bits(element) & kOffScreen; }

  // Clipped to nothing by the element's or an ancestor's clip property.
  bool IsClipped(const Node& element) const { return Bits(element) & kClipped; }

  // The element itself is a box of at most 1px that clips its overflow, positioned out of flow.
  bool IsZeroSize(const Node& element) const { return Bits(element) & kZeroSize; }

  // Visible in ACT's static sense: not invisible, transparent, off-screen or clipped. False
  // for anything but an element.
  bool IsVisible(const Node& element) const {
    return element.IsElement() && !a11y_.IsInvisible(element) &&
           (Bits(element) & kHiddenByStyle) == 0;
  }

  // The element's colour layer, read from its computed style on first use.
  const ColorLayer& Layer(const Node& element) const;

 private:
  enum : uint8_t {
    kKnown = 1,
    kTransparent = 2,
    kOffScreen = 4,
    kClipped = 8,
    kZeroSize = 16,
    kHiddenByStyle = kTransparent | kOffScreen | kClipped,  // inherited by descendants
  };

  // The element's style facts (kKnown set), worked out from the top down and kept.
  uint8_t Bits(const Node& element) const;
  uint8_t OwnBits(const Node& element) const;
  bool Own(const Node& element) const;

  const Document& document_;
  const Styles& styles_;
  const Accessibility& a11y_;
  mutable std::vector<uint8_t> bits_;  // by Node::element_index(); 0: not known yet
  // The layers read so far, and where each element's is: 1 + its index in layers_, by
  // Node::element_index(), 0 when not read yet. Only the elements that hold text and their
  // ancestors are asked for, often a third of a page's: a layer for every element made a
  // large page's biggest table (a deque, because references to layers stay valid).
  mutable std::vector<uint32_t> layer_slots_;
  mutable std::deque<ColorLayer> layers_;
  mutable std::deque<ColorLayer> other_layers_;  // nodes of other documents (not cached)
};

}  // namespace plainsight::engine
