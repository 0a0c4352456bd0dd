// Accessible names as the name rules read them (WCAG 2.2 SC 4.1.2 and 1.1.1; ACT's "has
// non-empty accessible name" rules): the name with whitespace collapsed, the shared check of
// those rules, and whether an ancestor's author-given name hides the element's own. Pure
// functions of the page; no I/O.
#pragma once

#include <string>
#include <string_view>

#include "engine/page.h"
#include "engine/rule.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {

// The element's accessible name, whitespace collapsed ("" when it has none).
std::string NameOf(const engine::Page& page, const engine::Node& element);

// The shared check of the "X has non-empty accessible name" ACT rules: for each element for
// which `applies(page, element)` is true, passed when its accessible name is not empty, else
// failed with `fail_message`.
template <typename Applies>
void CheckNonEmptyName(const engine::Page& page, engine::Findings& out, Applies&& applies,
                       std::string_view fail_message) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!applies(p, e)) {
      return;
    }
    if (NameOf(p, e).empty()) {
      out.Fail(&e, std::string(fail_message));
    } else {
      out.Pass(&e);
    }
  });
}

// The links the link-purpose rules judge (html.link-descriptive, html.link-same-purpose and
// their in-context forms): calls `visit(page, element, name)` for each element whose role is
// link or a subclass of it, that is not hidden and whose accessible name (whitespace collapsed)
// is not empty, in tree order, frames included. Links without a name are html.link-name's.
template <typename Visit>
void ForEachNamedLink(const engine::Page& page, Visit&& visit) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!HasRoleOrSubclass(p, e, LinkRoles()) || p.a11y().IsHidden(e)) {
      return;
    }
    const std::string name = NameOf(p, e);
    if (!name.empty()) {
      visit(p, e, name);
    }
  });
}

// Does some ancestor of the element (in its own document) get its accessible name from the
// author (aria-label / aria-labelledby), so that the element's own name is not announced?
bool HasAncestorNamedByAuthor(const engine::Page& page, const engine::Node& element);

}  // namespace plainsight::rules
