// Internal to crawler/: the EU monitoring sample (CrawlOptions::sample = SampleMode::kEu),
// Commission Implementing Decision (EU) 2018/1524, Annex I, section 2.1. Crawl() in crawler.cpp
// calls it; it runs the crawl loop twice (discover, then fetch the chosen pages again).
#pragma once

#include "crawler/crawler.h"

namespace plainsight::crawler::internal {

// Discovers the site within options.max_pages without handing pages on, chooses the sample
// (home page, one page per EU category, pages with forms, a tenth of the documents, and
// ceil(sqrt(pages found)) random pages, at least 3, seeded by options.sample_seed), then fetches
// the sample again and hands each page on with FetchedResource::sample_reason set. Fails as
// Crawl() does.
engine::Result<CrawlSummary> CrawlEuSample(const CrawlOptions& options,
                                           const CrawlCallbacks& callbacks);

}  // namespace plainsight::crawler::internal
