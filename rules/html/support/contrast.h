// Colour contrast as WCAG 2.2 defines it: "relative luminance", "contrast ratio" and "large
// scale" text (SC 1.4.3 and 1.4.6). The colours themselves come from the engine
// (engine/layout/text_colors.h). Pure functions; no I/O.
#pragma once

#include "engine/css/style.h"

namespace plainsight::rules {

// WCAG 2.2 relative luminance of an opaque sRGB colour (alpha ignored).
double RelativeLuminance(const engine::Rgba& c);
// WCAG 2.2 contrast ratio (L1 + 0.05) / (L2 + 0.05), 1..21.
double ContrastRatio(const engine::Rgba& a, const engine::Rgba& b);
// WCAG 2.2 "large scale" text: at least 18 point (24px), or 14 point (18.66px) and bold.
bool IsLargeScaleText(const engine::ComputedStyle& style);

}  // namespace plainsight::rules
