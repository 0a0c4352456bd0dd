// Where links lead: the URL of an href resolved and normalised (HTML 2.4.2 "parse a URL",
// engine::NormalizeUrl), same-page links and the element they point to (HTML 7.4.6.4). Shared
// by the rules on link purpose, skip links and iframes. Pure functions of the page; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/page.h"

namespace plainsight::rules {

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

}  // namespace plainsight::rules
