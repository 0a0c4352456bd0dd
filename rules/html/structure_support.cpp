// Helpers shared by the page-structure rules.
#include "rules/html/structure_support.h"

#include <cstdint>
#include <ranges>

#include "engine/ascii.h"
#include "rules/support.h"

namespace plainsight::rules::structure {

int HeadingLevel(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  if (p.a11y().Role(element) != "heading") {
    return 0;
  }
  if (const std::string* level = element.Attr("aria-level")) {
    std::string_view v = engine::TrimWhitespace(*level);
    int n = 0;
    bool digits = !v.empty() && v.size() <= 3;
    for (char c : v) {
      digits = digits && c >= '0' && c <= '9';
      n = n * 10 + (c - '0');
    }
    if (digits && n > 0) {
      return n;
    }
  }
  const std::string& tag = element.tag();
  if (element.ns() == engine::Namespace::kHtml && tag.size() == 2 && tag[0] == 'h' &&
      tag[1] >= '1' && tag[1] <= '6') {
    return tag[1] - '0';
  }
  return 2;
}

std::vector<const engine::Node*> Headings(const engine::Page& page) {
  std::vector<const engine::Node*> out;
  for (const engine::Node* e : page.document().elements()) {
    if (page.a11y().Role(*e) == "heading" && (IsExposed(page, *e) || IsVisible(page, *e))) {
      out.push_back(e);
    }
  }
  return out;
}

namespace {

// Calls `add(text)` with the element's rendered text in tree order: its text nodes, and a space
// for each <br>, leaving out display:none subtrees. Stops when `done()` holds.
template <typename Add, typename Done>
void WalkRenderedText(const engine::Page& page, const engine::Node& element, Add&& add,
                      Done&& done) {
  const engine::Page& p = page.PageFor(element);
  std::vector<const engine::Node*> stack{&element};
  while (!stack.empty() && !done()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    if (n->IsText()) {
      add(std::string_view(n->text()));
      continue;
    }
    if (!n->IsElement() || p.styles().IsDisplayNone(*n)) {
      continue;
    }
    if (n->IsHtml("br")) {
      add(std::string_view(" "));
      continue;
    }
    const auto& children = n->children();
    for (auto it = children.rbegin(); it != children.rend(); ++it) {
      stack.push_back(*it);
    }
  }
}

}  // namespace

std::string RenderedText(const engine::Page& page, const engine::Node& element) {
  std::string text;
  WalkRenderedText(
      page, element, [&](std::string_view t) { text += t; }, [] { return false; });
  return engine::CollapseWhitespace(text);
}

std::string RenderedTextStart(const engine::Page& page, const engine::Node& element,
                              size_t max_bytes) {
  // White space collapsed on the way (as CollapseWhitespace does), stopping once more than
  // max_bytes are out: a paragraph is not copied whole for its start.
  std::string out;
  bool space_pending = false;
  auto add = [&](std::string_view text) {
    for (size_t i = 0; i < text.size() && out.size() <= max_bytes; ++i) {
      if (engine::IsAsciiSpace(text[i])) {
        space_pending = !out.empty();
        continue;
      }
      if (space_pending) {
        out += ' ';
        space_pending = false;
      }
      out += text[i];
    }
  };
  WalkRenderedText(page, element, add, [&] { return out.size() > max_bytes; });
  if (out.size() > max_bytes) {
    out.resize(max_bytes);
  }
  return out;
}

bool AncestorOrSelf::operator()(const engine::Node& element) {
  path_.clear();
  bool answer = false;
  for (const engine::Node* n = &element; n != nullptr; n = n->ParentElement()) {
    if (auto it = known_.find(n); it != known_.end()) {
      answer = it->second;
      break;
    }
    path_.push_back(n);
    if (matches_(*n)) {
      answer = true;
      break;
    }
  }
  // Every element walked is below the answer's source (or has no match above it).
  for (const engine::Node* n : path_) {
    known_.emplace(n, answer);
  }
  return answer;
}

bool IsBlock(const engine::Page& page, const engine::Node& element) {
  const engine::StyleValue& display = page.PageFor(element).styles().Of(element).Get("display");
  if (!display.known) {
    return false;
  }
  const std::string_view d = display.text;
  return d == "block" || d == "list-item" || d == "flex" || d == "grid" || d == "table" ||
         d == "flow-root" || d.rfind("block ", 0) == 0;
}

}  // namespace plainsight::rules::structure
