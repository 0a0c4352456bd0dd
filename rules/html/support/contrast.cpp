// WCAG contrast definitions: see contrast.h.
#include "rules/html/support/contrast.h"

#include <cmath>
#include <utility>

namespace plainsight::rules {
namespace {

double Channel(double c255) {
  double c = c255 / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

double RelativeLuminance(const engine::Rgba& c) {
  return 0.2126 * Channel(c.r) + 0.7152 * Channel(c.g) + 0.0722 * Channel(c.b);
}

double ContrastRatio(const engine::Rgba& a, const engine::Rgba& b) {
  double la = RelativeLuminance(a);
  double lb = RelativeLuminance(b);
  if (la < lb) {
    std::swap(la, lb);
  }
  return (la + 0.05) / (lb + 0.05);
}

bool IsLargeScaleText(const engine::ComputedStyle& style) {
  std::optional<double> size = style.FontSizePx();
  if (!size) {
    return false;
  }
  // 18pt = 24px; 14pt = 18.666px (1pt = 4/3 px), with a little slack for rounding.
  if (*size >= 24 - 1e-3) {
    return true;
  }
  std::optional<int> weight = style.FontWeight();
  return *size >= 18.66 && weight && *weight >= 700;
}

}  // namespace plainsight::rules
