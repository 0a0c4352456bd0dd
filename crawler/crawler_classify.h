// Internal to crawler/: what a response is, from its headers and URL. ClassifyResource,
// ResourceKindName and SkipReasonName (crawler.h) are defined beside these in
// crawler_classify.cpp. Media types per RFC 9110 8.3.1 (type/subtype, parameters after `;`,
// ASCII case-insensitive); sniffing per the WHATWG MIME Sniffing standard 7.1.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::crawler::internal {

// The media type of a Content-Type value, lowercased, without parameters or surrounding
// spaces and tabs ("text/html" from "Text/HTML; charset=UTF-8"); "" when there is none.
std::string MediaType(std::string_view content_type);

// The charset parameter of a Content-Type value, lowercased and unquoted; "" when absent.
std::string CharsetParam(std::string_view content_type);

// The lowercased extension of a URL's last path segment ("pdf"), ignoring query and fragment;
// "" when the segment has no dot.
std::string Extension(std::string_view url);

// Extensions that name neither a page nor a document plainsight audits: not fetched.
bool IsIgnoredExtension(const std::string& ext);

}  // namespace plainsight::crawler::internal
