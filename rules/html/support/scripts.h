// What the static markup cannot show: whether scripts may change the page, and whether it builds
// shadow trees whose content is not in the static tree. Rules that need the whole page answer
// cantTell rather than failed when these are true. Worked out once per page; no I/O.
#pragma once

#include "engine/page.h"

namespace plainsight::rules {

// Might scripts change the page: a <script> element that runs (not a data block such as
// type="application/ld+json"), an event handler attribute (onclick...) or a javascript: URL?
bool HasScripts(const engine::Page& page);

// Does the page build shadow trees, by script (attachShadow) or declaratively (a template with
// shadowrootmode)? Their content is not in the static tree, so rules that need the whole tree
// answer cantTell for such pages.
bool BuildsShadowTrees(const engine::Page& page);

}  // namespace plainsight::rules
