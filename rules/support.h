// Facts about a page that rules in every folder ask: is it a top-level HTML page, can an element
// be seen or is it in the accessibility tree (the engine's Visibility, engine/layout/
// visibility.h, asked of the element's own page), and walking a page with its nested documents.
// Topic helpers for the HTML rules are in rules/html/support/. Pure functions of the page; no I/O.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/page.h"

namespace plainsight::rules {

// The page is an HTML document in a top-level browsing context (not SVG or other XML, not an
// iframe's document): the applicability of the page-level ACT rules.
bool IsTopLevelHtmlPage(const engine::Page& page);

// ASCII case-insensitive equality (for attribute values the HTML spec compares that way).
using engine::EqualsIgnoreCase;  // engine/dom.h

// Calls `visit(page, element)` for every element of the page and of its nested (iframe)
// documents, in tree order, with the page that holds the element (so its a11y() and styles()
// apply). A template: it runs for every element of every page, so the visitor is inlined.
template <typename Visit>
void ForEachElement(const engine::Page& page, Visit&& visit) {
  for (const engine::Node* e : page.document().elements()) {
    visit(page, *e);
  }
  for (const auto& sub : page.subpages()) {
    ForEachElement(*sub, visit);
  }
}

// Calls `check(document_page)` for the page itself, then for each nested (iframe) document at
// every depth, in tree order: for rules that compare the targets of one document with each other.
template <typename CheckDocument>
void ForEachDocument(const engine::Page& page, CheckDocument&& check) {
  check(page);
  for (const auto& sub : page.subpages()) {
    ForEachDocument(*sub, check);
  }
}

// What a tree walk does after visiting a node (WalkTree).
enum class WalkStep : unsigned char { kDescend, kSkipChildren, kStop };

// Visits `root` (none when nullptr) and its descendants in tree order, as `visit(node)` says:
// kSkipChildren passes over the node's descendants, kStop ends the walk.
template <typename Visit>
void WalkTree(const engine::Node* root, Visit&& visit) {
  if (root == nullptr) {
    return;
  }
  std::vector<const engine::Node*> stack{root};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    const WalkStep step = visit(*n);
    if (step == WalkStep::kStop) {
      return;
    }
    if (step == WalkStep::kDescend) {
      for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
        stack.push_back(*it);
      }
    }
  }
}

// Is the element "visible" in ACT's static sense: rendered (not display:none, not visibility
// hidden/collapse), not fully transparent, not clipped or moved off-screen in a way the styles
// show (engine::Visibility::IsVisible). False when the styles say it is hidden.
inline bool IsVisible(const engine::Page& page, const engine::Node& element) {
  return page.PageFor(element).visibility().IsVisible(element);
}

// Is the element included in the accessibility tree?
inline bool IsExposed(const engine::Page& page, const engine::Node& element) {
  return !page.PageFor(element).visibility().IsHidden(element);
}

// Has the element non-whitespace text in its flat tree that is visible or included in the
// accessibility tree? (ACT's "has a text node descendant that is visible or included in the
// accessibility tree", approximated statically: text not under a display:none / visibility:hidden
// or aria-hidden element.)
// `search` narrows the walk: an element below `element` for which skip(page, e) is true is left
// out with its subtree; one for which counts(page, e) is true counts as such text by itself (an
// image with a text alternative, say).
struct TextSearch {
  bool (*skip)(const engine::Page& page, const engine::Node& element) = nullptr;
  bool (*counts)(const engine::Page& page, const engine::Node& element) = nullptr;
};

bool HasExposedOrVisibleText(const engine::Page& page, const engine::Node& element,
                             const TextSearch& search = {});

// Does `text` hold any of `words` (non-empty byte strings) anywhere? One pass over the text
// for up to 32 words: the rules that look for trigger words ("click",
// "red", "left") in every block of a page ask it.
bool ContainsAnyOf(std::string_view text, std::span<const std::string_view> words);

// "a, b or c" (each item wrapped in `quote`), for messages that list what would be accepted.
std::string JoinAlternatives(std::span<const std::string_view> items, std::string_view quote = "");

}  // namespace plainsight::rules
