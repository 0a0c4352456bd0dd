// Helpers shared by the page-level rules (bypass blocks, equivalent purpose of links and
// iframes, descriptive titles, keyboard): where links lead, the page's landmarks and its
// presumed site navigation, and whether scripts may change what the markup shows. Pure
// functions of the page; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules::page {

// The URL an element with an href (HTML a/area, SVG a with href or xlink:href) leads to:
// resolved against its document's base URL (HTML 2.4.2 "parse a URL") and normalised with
// engine::NormalizeUrl (case, default port, dot segments, percent-encoding), the fragment kept
// because ACT's "same resource" compares parsed URLs. std::nullopt without an href or when the
// URL does not parse.
std::optional<std::string> LinkDestination(const engine::Node& element);
// The same for any URL reference found on `element` (an iframe's src, for instance).
std::optional<std::string> ResolveAndNormalize(const engine::Node& element,
                                               std::string_view reference);

// The element a same-document link points to (HTML 7.4.6.4 "find a potential indicated
// element": the first element with that id, else the first <a> with that name), when the href
// resolves to the link's own document with a non-empty fragment; nullptr otherwise (another page,
// "#", "#top", or a fragment naming no element).
const engine::Node* SamePageTarget(const engine::Node& link);
// Does the href point into the link's own document (a non-empty fragment, target or not)?
bool IsSamePageLink(const engine::Node& link);

// Might scripts change the page: a <script> element that runs (not a data block such as
// type="application/ld+json"), an event handler attribute (onclick...) or a javascript: URL?
bool HasScripts(const engine::Page& page);

// Elements of the page (not nested documents) with the semantic role `role` that are included
// in the accessibility tree, in tree order.
std::vector<const engine::Node*> ExposedWithRole(const engine::Page& page, std::string_view role);

// The page's presumed site navigation: the first navigation landmark included in the
// accessibility tree that holds a link to another page and comes before the page's other
// content (no perceivable text precedes it, except inside banner landmarks). Site navigation
// at the top of a page is the block of repeated content WCAG 2.4.1 has in mind; nullptr when
// there is none, which leaves "what is repeated" to a person.
const engine::Node* LeadingSiteNavigation(const engine::Page& page);

// Is there perceivable content (visible or exposed non-whitespace text, or an image with a
// text alternative) in the body after the end of `element` in tree order, outside navigation
// landmarks?
bool HasContentAfter(const engine::Page& page, const engine::Node& element);

// Elements after the end of `element` in tree order (descendants excluded).
std::vector<const engine::Node*> ElementsAfter(const engine::Page& page,
                                               const engine::Node& element);

// The bypass-blocks checks (WCAG 2.4.1), each a page-level verdict so that the composite rule
// (ACT cf77f2) can combine the atomic ones. Every check treats LeadingSiteNavigation() as the
// presumed block of repeated content and the main landmark as the non-repeated content.
struct Verdict {
  engine::Outcome outcome = engine::Outcome::kInapplicable;
  const engine::Node* node = nullptr;  // the element to point at (the html element by default)
  std::string message;
};

// ACT b40fd1: a main landmark with content.
Verdict MainLandmarkVerdict(const engine::Page& page);
// ACT ye5d6e: a skip link (same-page link or area that can be focused) to the main content.
Verdict SkipLinkVerdict(const engine::Page& page);
// ACT 047fe0: a heading at the start of the main content.
Verdict MainHeadingVerdict(const engine::Page& page);
// ACT 3e12e1: the repeated block can be collapsed.
Verdict CollapsibleVerdict(const engine::Page& page);
// Writes a verdict as a finding.
void Report(const Verdict& verdict, engine::Findings& out);

}  // namespace plainsight::rules::page
