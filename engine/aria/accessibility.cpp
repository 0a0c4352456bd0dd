// Accessibility semantics of a document: roles, exclusion from the accessibility tree,
// focusability and sequential focus order, accessible names and descriptions.
//
// Normative sources: WAI-ARIA 1.2 (7.1 role attribute and fallback roles, 9.3 presentational
// role conflict resolution, 5.2.8 name from), HTML-AAM (element role mappings, 4.1 accessible
// name computations per element), SVG-AAM 1.0 (5.1 and 8.1), Accessible Name and Description
// Computation 1.2 (4.3, steps 2A-2I), HTML Living Standard 6.6.3 (focusable areas, tabindex),
// 2.3.4.1 (rules for parsing integers), 4.10.4 (labelable elements and label association).
//
// Everything is computed lazily and cached per element in Cache, so asking about every element
// of a 100,000-element page stays linear: ancestor-dependent flags are computed top-down once
// per element, ids and <label> associations are indexed once per document.
//
// This file: construction and id references. The rest, by topic, is listed in
// accessibility_internal.h.
#include "engine/aria/accessibility.h"

#include <algorithm>

#include "engine/aria/accessibility_internal.h"

namespace plainsight::engine {

using namespace a11y_internal;

const Node* AccessibilityImpl::ById(const Accessibility& a, Cache& c, std::string_view id) {
  if (!c.ids_done) {
    c.ids_done = true;
    c.ids.reserve(a.document().elements().size() / 4 + 1);
    for (const Node* e : a.document().elements()) {
      const std::string* v = e->Attr("id");
      if (v != nullptr && !v->empty()) {
        c.ids.emplace(*v, e);  // the first element with an id wins, as getElementById
      }
    }
  }
  auto it = c.ids.find(id);
  return it == c.ids.end() ? nullptr : it->second;
}

std::vector<const Node*> AccessibilityImpl::IdRefs(const Accessibility& a, Cache& c, const Node& e,
                                                   std::string_view attribute) {
  std::vector<const Node*> out;
  const std::string* v = e.Attr(attribute);
  if (v == nullptr) {
    return out;
  }
  for (std::string_view id : SplitWhitespace(*v)) {
    if (const Node* target = ById(a, c, id)) {
      out.push_back(target);
    }
  }
  return out;
}

Accessibility::Accessibility(const Document& document, const Styles& styles)
    : document_(document), styles_(styles), cache_(std::make_unique<Cache>()) {
  cache_->Index(document);
  known_roles_.resize(document.elements().size());
  known_hidden_.assign(document.elements().size(), -1);
}

Accessibility::~Accessibility() = default;

}  // namespace plainsight::engine
