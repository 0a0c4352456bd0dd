// The crawl state file of `plainsight audit URL --state FILE`: per normalised URL, the
// validators (ETag, Last-Modified) and, for HTML, the body and content type of the last fetch,
// so that the next crawl asks conditionally and audits a 304 from the copy. CBOR, because bodies
// are bytes in any charset.
#pragma once

#include <string>
#include <unordered_map>

#include "crawler/crawler.h"
#include "engine/result.h"

namespace plainsight::audit {

using CrawlState = std::unordered_map<std::string, crawler::Validators>;

// Reads the state; a missing file is an empty state (the first crawl). Fails with kParse when
// the file is not a plainsight crawl state, kIo when it cannot be read.
engine::Result<CrawlState> LoadCrawlState(const std::string& path);

// Notes what `r` means for the next crawl: its validators, or, after a 304, the earlier entry.
void RememberForNextCrawl(const crawler::FetchedResource& r, const CrawlState& previous,
                          CrawlState& next);

// Writes the state beside `path` and renames it over, so an interrupted run keeps the old one.
engine::Result<void> SaveCrawlState(const std::string& path, const CrawlState& state);

}  // namespace plainsight::audit
