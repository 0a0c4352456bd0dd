// Text spacing set in style attributes (WCAG 2.2 SC 1.4.12 Text Spacing; ACT 24afc2, 78fd32,
// 9e45ec): whether an author has fixed a spacing property with !important in the element's own
// style attribute, where readers' style sheets cannot override it, the check shared by the
// letter-spacing and word-spacing rules, and the line height a style sets. Pure functions of the
// page; no I/O.
#pragma once

#include <optional>
#include <string_view>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules {

// The winning declaration of `property` on the element when it comes from the element's own
// style attribute with !important, and is not a CSS-wide keyword that takes the parent's value
// (inherit, unset on an inherited property, revert, revert-layer): the applicability of ACT
// 24afc2, 78fd32 and 9e45ec. nullptr otherwise.
const engine::CascadedDeclaration* ImportantStyleAttributeDeclaration(
    const engine::ComputedStyle& style, std::string_view property);

// The shared check of ACT 24afc2 (letter-spacing, 0.12) and 9e45ec (word-spacing, 0.16): every
// visible HTML element with visible text node children whose `property` is declared !important
// in its own style attribute must have a computed value of at least `min_em` times its font
// size. "normal" counts as 0 (CSS Text 3: no extra spacing).
void CheckImportantSpacing(const engine::Page& page, engine::Findings& out,
                           std::string_view property, double min_em);

// The line height `style` sets, in px: its computed length, or a unitless number times
// `font_px` (CSS Inline 3: a number computes to itself; the used value is number x font size).
// nullopt otherwise ("normal", an empty or unknown value).
std::optional<double> LineHeightPx(const engine::ComputedStyle& style, double font_px);

}  // namespace plainsight::rules
