// Visible text and human-language text: see visible_text.h.
#include "rules/html/support/visible_text.h"

#include <algorithm>

#include "engine/ascii.h"
#include "engine/utf8.h"
#include "rules/support.h"

namespace plainsight::rules {
bool HasNonWhitespace(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return !engine::IsAsciiSpace(c); });
}

std::vector<const engine::Node*> VisibleTextChildren(const engine::Page& page,
                                                     const engine::Node& element) {
  std::vector<const engine::Node*> out;
  if (!element.IsElement()) {
    return out;
  }
  for (const engine::Node* c : element.children()) {
    if (c->IsText() && HasNonWhitespace(c->text())) {
      out.push_back(c);
    }
  }
  // The cheap test first: most elements have no text of their own.
  if (!out.empty() && !IsVisible(page, element)) {
    out.clear();
  }
  return out;
}

bool MayBeHumanLanguage(std::string_view text) {
  for (char32_t cp : engine::Utf8CodePoints(text)) {
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
        return true;
      }
      continue;
    }
    bool symbol = (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
                  (cp >= 0x2000 && cp <= 0x206F) ||    // general punctuation
                  (cp >= 0x2190 && cp <= 0x2BFF) ||    // arrows, maths, shapes, dingbats
                  (cp >= 0xE000 && cp <= 0xF8FF) ||    // private use: icon fonts
                  (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors
                  (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // emoji and pictographs
                  (cp >= 0xF0000);                     // supplementary private use
    if (!symbol) {
      return true;
    }
  }
  return false;
}

bool IsPerceivableText(const engine::Page& page, const engine::Node& text) {
  if (!text.IsText() || engine::TrimWhitespace(text.text()).empty()) {
    return false;
  }
  const engine::Node* parent = text.ParentElement();
  return parent != nullptr && (IsVisible(page, *parent) || IsExposed(page, *parent));
}
}  // namespace plainsight::rules
