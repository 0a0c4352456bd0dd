// Sitemaps (https://www.sitemaps.org/protocol.html): <urlset> files and <sitemapindex> files,
// plain or gzipped. Parsed with libxml2's streaming xmlTextReader fed by an inflating reader,
// so a gzipped sitemap is decompressed by us in chunks (servers often send .xml.gz as a plain
// application/gzip file, which libcurl does not decode) and never held decompressed in full.
// Protocol limits: at most 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed per file;
// anything beyond is cut and reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace plainsight::crawler {

inline constexpr size_t kSitemapMaxUrls = 50'000;
inline constexpr size_t kSitemapMaxBytes = 52'428'800;

struct Sitemap {
  bool is_index = false;
  std::vector<std::string> urls;      // <url><loc> of a urlset
  std::vector<std::string> sitemaps;  // <sitemap><loc> of a sitemap index
  bool truncated = false;             // a protocol limit was reached
};

// Parses sitemap bytes; gzip is detected by its magic bytes. Fails with kParse when the XML is
// malformed before any URL was read or the root is neither urlset nor sitemapindex.
engine::Result<Sitemap> ParseSitemap(std::string_view bytes, size_t max_urls = kSitemapMaxUrls,
                                     size_t max_bytes = kSitemapMaxBytes);

// Decompresses gzip data up to max_bytes of output. Fails with kTooLarge beyond it (a gzip
// bomb) and kParse on corrupt data.
engine::Result<std::string> Gunzip(std::string_view bytes, size_t max_bytes);

}  // namespace plainsight::crawler
