// Text spacing fixed in style attributes: see text_spacing.h.
#include "rules/html/support/text_spacing.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "rules/html/support/visible_text.h"

namespace plainsight::rules {
namespace {

bool IsCssWideInheritingKeyword(std::string_view value) {
  std::string v = engine::AsciiLower(engine::TrimWhitespace(value));
  return v == "inherit" || v == "unset" || v == "revert" || v == "revert-layer";
}

}  // namespace

const engine::CascadedDeclaration* ImportantStyleAttributeDeclaration(
    const engine::ComputedStyle& style, std::string_view property) {
  const engine::CascadedDeclaration* d = style.Cascaded(property);
  if (!d || !d->from_style_attribute || !d->important || IsCssWideInheritingKeyword(d->value)) {
    return nullptr;
  }
  return d;
}

void CheckImportantSpacing(const engine::Page& page, engine::Findings& out,
                           std::string_view property, double min_em) {
  if (page.document().is_xml()) {
    return;
  }
  for (const engine::Node* e : page.document().elements()) {
    if (e->ns() != engine::Namespace::kHtml || !e->HasAttribute("style")) {
      continue;
    }
    const engine::ComputedStyle& s = page.styles().Of(*e);
    if (!ImportantStyleAttributeDeclaration(s, property) || VisibleTextChildren(page, *e).empty()) {
      continue;
    }
    std::string name(property);
    std::optional<double> font = s.FontSizePx();
    if (!s.Get(property).known || !font) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "The %s set with !important in the style attribute could not be computed; "
                    "check it is at least %.2f times the font size.",
                    name.c_str(), min_em);
      out.CantTell(e, buf);
      continue;
    }
    double value = s.LengthPx(property).value_or(0);  // nullopt: "normal", no extra space
    if (value + 1e-6 >= min_em * *font) {
      out.Pass(e);
    } else {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "%s is fixed with !important in the style attribute at %.2fpx, less than "
                    "%.2f times the %.2fpx font size, so readers cannot widen it.",
                    name.c_str(), value, min_em, *font);
      out.Fail(e, buf);
    }
  }
}

std::optional<double> LineHeightPx(const engine::ComputedStyle& style, double font_px) {
  if (auto px = style.LengthPx("line-height")) {
    return *px;
  }
  const std::string& text = style.Get("line-height").text;
  char* end = nullptr;
  double number = std::strtod(text.c_str(), &end);
  if (end != text.c_str() && *end == '\0') {
    return number * font_px;
  }
  return std::nullopt;
}

}  // namespace plainsight::rules
