// Link discovery in an HTML page: a[href], area[href], iframe[src] and frame[src],
// link[rel~=alternate][href] (hreflang versions, feeds), and the action of forms submitted with
// GET (the action URL only: plainsight never fills in forms). References are resolved against
// the document base (<base href>, HTML 2.4.1 "document base URL") with the WHATWG URL parser.
#pragma once

#include <string>
#include <vector>

#include "engine/dom.h"

namespace plainsight::crawler {

enum class LinkSource { kAnchor, kArea, kIframe, kAlternate, kForm };

struct Link {
  std::string url;  // absolute, as serialized by the URL parser (fragment kept)
  LinkSource source = LinkSource::kAnchor;
  std::string text;  // anchor text (collapsed, at most 200 bytes) or title, for sampling
  std::string hreflang;
};

// Extracts the links of `doc` (whose address is doc.url()). Unparseable references are dropped.
std::vector<Link> ExtractLinks(const engine::Document& doc);

// Does the page contain a form with a text-entry control (for EU sampling: "pages with forms")?
bool HasForm(const engine::Document& doc);

}  // namespace plainsight::crawler
