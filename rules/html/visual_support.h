// Helpers shared by the visual-presentation rules (text spacing, contrast, orientation, media):
// which text is visibly rendered, where a style came from, colour maths (WCAG 2.2 "relative
// luminance" and "contrast ratio"; alpha compositing per Compositing and Blending Level 1,
// simple source-over), and rough text-width bounds for "does this text wrap" questions.
// Pure functions of the page; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules::visual {

// Does the text contain a non-whitespace character?
bool HasNonWhitespace(std::string_view text);

// The element's direct child text nodes with non-whitespace text, when the element is visible
// (rules/support.h IsVisible); empty otherwise. ACT's "visible text node children".
std::vector<const engine::Node*> VisibleTextChildren(const engine::Page& page,
                                                     const engine::Node& element);

// The winning declaration of `property` on the element when it comes from the element's own
// style attribute with !important, and is not a CSS-wide keyword that takes the parent's value
// (inherit, unset on an inherited property, revert, revert-layer): the applicability of ACT
// 24afc2, 78fd32 and 9e45ec. nullptr otherwise.
const engine::CascadedDeclaration* ImportantStyleAttributeDeclaration(
    const engine::ComputedStyle& style, std::string_view property);

// WCAG 2.2 relative luminance of an opaque sRGB colour (alpha ignored).
double RelativeLuminance(const engine::Rgba& c);
// WCAG 2.2 contrast ratio (L1 + 0.05) / (L2 + 0.05), 1..21.
double ContrastRatio(const engine::Rgba& a, const engine::Rgba& b);
// `top` drawn over `bottom` (source-over); the result's alpha is the union of both.
engine::Rgba Over(const engine::Rgba& top, const engine::Rgba& bottom);
// Linear mix: weight `w` of `a` and (1 - w) of `b` (group opacity).
engine::Rgba Mix(const engine::Rgba& a, const engine::Rgba& b, double w);

// The colours a text node is drawn with, as far as styles alone tell.
struct TextColors {
  bool known = false;       // false: a person must look (see `reason`)
  std::string reason;       // why not known ("background image", "positioned ancestor", ...)
  engine::Rgba foreground;  // opaque, after alpha and opacity
  engine::Rgba background;  // opaque
};

// Composites the text colour of `parent` (the text node's parent element) over the stack of
// background colours of its ancestors, from the canvas (white) down, applying each element's
// opacity to its subtree. Not known when a background image or gradient is in the stack above
// the nearest opaque background, when an element of that stack is positioned (absolute, fixed,
// sticky, or shifted relative) so its backdrop is unknown, when a text-shadow applies, or when
// a colour is unknown (var(), unsupported syntax).
TextColors ColorsOfText(const engine::Page& page, const engine::Node& parent);

// WCAG 2.2 "large scale" text: at least 18 point (24px), or 14 point (18.66px) and bold.
bool IsLargeScaleText(const engine::ComputedStyle& style);

// Bounds on the width in px of one line of `text` set in the element's font: characters times
// an average advance of 0.3em (narrow) and 0.7em (wide), plus letter and word spacing. Used to
// decide soft wrapping without layout.
struct WidthBounds {
  double min_px = 0;
  double max_px = 0;
};

WidthBounds TextWidthBounds(const engine::Page& page, const engine::Node& element,
                            std::string_view text);

// Bounds on the width available to lines of the element's text: the nearest width set in px
// (on the element, if it is not inline, or an ancestor block) capped by any max-width in px on
// the way, else the viewport width. min_px is 0 when nothing fixes it (auto widths shrink with
// floats, padding and the like).
WidthBounds AvailableWidthBounds(const engine::Page& page, const engine::Node& element);

// Soft wrapping of the element's visible text, from the bounds above: yes, no, or unknown.
enum class Wrap : unsigned char { kYes, kNo, kUnknown };
Wrap TextWraps(const engine::Page& page, const engine::Node& element);

// ASCII-only heuristic: does the text hold something other than symbols and punctuation
// (a letter or digit, or a character outside the symbol blocks)? Text made only of symbols,
// punctuation or private-use icon-font glyphs "does not express anything in human language"
// (ACT definition); deciding what language it is in is beyond a rule (no ICU in rules).
bool MayBeHumanLanguage(std::string_view text);

// Is the element disabled (HTML "actually disabled", or aria-disabled="true") or inside one?
bool IsDisabledOrInDisabled(const engine::Page& page, const engine::Node& element);
// The element itself, not its ancestors: disabled attribute on a form control, optgroup, option
// or fieldset, or aria-disabled="true".
bool IsDisabled(const engine::Node& element);

}  // namespace plainsight::rules::visual

namespace plainsight::rules::visual {

// The shared check of ACT 24afc2 (letter-spacing, 0.12) and 9e45ec (word-spacing, 0.16): every
// visible HTML element with visible text node children whose `property` is declared !important
// in its own style attribute must have a computed value of at least `min_em` times its font
// size. "normal" counts as 0 (CSS Text 3: no extra spacing).
void CheckImportantSpacing(const engine::Page& page, engine::Findings& out,
                           std::string_view property, double min_em);

}  // namespace plainsight::rules::visual

namespace plainsight::rules::visual {

// The rotation about the z axis, in degrees in [0, 360), that a computed `transform` value (the
// engine keeps it as written) applies: the sum of rotate()/rotateZ()/rotate3d(0,0,z,a) angles
// and the angle of matrix()/matrix3d() (atan2(b, a)). translate/scale/perspective are ignored.
// 0 for "none" or "". std::nullopt when a function cannot be read (skew, var(), bad syntax),
// or for a rotate3d() about another axis. Hand-written: the cascade does not interpret
// transforms, and this is all the orientation rule needs.
std::optional<double> RotationDegrees(std::string_view transform);
// Does the value contain a rotating function (rotate*, matrix*)?
bool HasRotation(std::string_view transform);

}  // namespace plainsight::rules::visual
