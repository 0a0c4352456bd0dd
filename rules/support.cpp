// Page facts shared by rules: see support.h.
#include "rules/support.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace plainsight::rules {

bool IsTopLevelHtmlPage(const engine::Page& page) {
  const engine::Document& doc = page.document();
  return !doc.is_xml() && doc.owner_element() == nullptr && doc.html() != nullptr &&
         doc.html()->IsHtml("html");
}

bool HasExposedOrVisibleText(const engine::Page& page, const engine::Node& element,
                             const TextSearch& search) {
  const engine::Page& p = page.PageFor(element);
  std::vector<const engine::Node*> stack{&element};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    for (const engine::Node* c : n->children()) {
      if (c->IsText()) {
        if (!engine::TrimWhitespace(c->text()).empty() &&
            (IsVisible(p, *n) || !p.a11y().IsHidden(*n))) {
          return true;
        }
      } else if (c->IsElement()) {
        if (search.skip != nullptr && search.skip(p, *c)) {
          continue;
        }
        if (search.counts != nullptr && search.counts(p, *c)) {
          return true;
        }
        stack.push_back(c);
      }
    }
  }
  return false;
}

bool ContainsAnyOf(std::string_view text, std::span<const std::string_view> words) {
  // Per first byte, the words that start with it (bit k: words[k]).
  std::array<uint32_t, 256> starting{};
  const size_t n = std::min<size_t>(words.size(), 32);
  for (size_t k = 0; k < n; ++k) {
    if (!words[k].empty()) {
      starting[static_cast<unsigned char>(words[k][0])] |= uint32_t{1} << k;
    }
  }
  for (size_t i = 0; i < text.size(); ++i) {
    for (uint32_t m = starting[static_cast<unsigned char>(text[i])]; m != 0; m &= m - 1) {
      const std::string_view w = words[static_cast<size_t>(std::countr_zero(m))];
      if (text.size() - i >= w.size() && text.compare(i, w.size(), w) == 0) {
        return true;
      }
    }
  }
  // Words past the 32 the masks hold, looked for one by one.
  for (size_t k = n; k < words.size(); ++k) {
    if (text.find(words[k]) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::string JoinAlternatives(std::span<const std::string_view> items, std::string_view quote) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    s += i == 0 ? "" : (i + 1 == items.size() ? " or " : ", ");
    s += quote;
    s += items[i];
    s += quote;
  }
  return s;
}

}  // namespace plainsight::rules
