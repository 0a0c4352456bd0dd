// Helpers shared by the link rules beyond the ACT rules.
#include "rules/html/link_support.h"

#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules::links {

bool IsExposedLink(const engine::Page& page, const engine::Node& element) {
  if (!(element.IsHtml("a") || element.IsHtml("area")) || !element.HasAttribute("href")) {
    return false;
  }
  const engine::Page& p = page.PageFor(element);
  return !p.styles().IsDisplayNone(element) && IsExposed(p, element) &&
         HasRoleOrSubclass(p, element, LinkRoles());
}

std::string TextWithContext(const engine::Page& page, const engine::Node& link) {
  const engine::Page& p = page.PageFor(link);
  std::string text = NameOf(p, link) + " " + p.a11y().AccessibleDescription(link);
  if (const std::string* title = link.Attr("title")) {
    text += " " + *title;
  }
  for (const engine::Node* a = link.ParentElement(); a != nullptr; a = a->ParentElement()) {
    if (a->IsHtml("p") || a->IsHtml("li") || a->IsHtml("td") || a->IsHtml("th") ||
        a->IsHtml("dd") || a->IsHtml("dt") || a->IsHtml("figcaption")) {
      text += " " + a->TextContent();
      break;
    }
  }
  return text;
}

bool HasWord(std::string_view text, std::string_view word) {
  const std::string lower = engine::AsciiLower(text);
  const std::string w = engine::AsciiLower(word);
  auto is_word_byte = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) >= 0x80);
  };
  for (size_t at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1)) {
    const bool start_ok = at == 0 || !is_word_byte(lower[at - 1]);
    const size_t end = at + w.size();
    const bool end_ok = end >= lower.size() || !is_word_byte(lower[end]);
    if (start_ok && end_ok) {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight::rules::links
