// Crawl(): the crawler's entry point (see crawler.h). A plain crawl runs the crawl loop once
// (crawler_loop.h); --sample eu runs the EU monitoring sample (crawler_sample.h).
//
// The crawler's files: crawler_loop.{h,cpp} (frontier and politeness), crawler_responses.cpp
// (robots.txt, sitemaps, pages, redirects, the parse thread), crawler_classify.{h,cpp} (what a
// response is), crawler_sample.{h,cpp} (the EU sample).
#include "crawler/crawler.h"

#include <utility>

#include "crawler/crawler_loop.h"
#include "crawler/crawler_sample.h"

namespace plainsight::crawler {

engine::Result<CrawlSummary> Crawl(const CrawlOptions& options, const CrawlCallbacks& callbacks) {
  if (options.sample == SampleMode::kEu) {
    return internal::CrawlEuSample(options, callbacks);
  }
  return internal::CrawlOnce(options, callbacks);
}

engine::Result<CrawlSummary> Crawl(const CrawlOptions& options,
                                   std::function<void(const FetchedResource&)> on_resource) {
  CrawlCallbacks callbacks;
  callbacks.on_resource = std::move(on_resource);
  return Crawl(options, callbacks);
}

}  // namespace plainsight::crawler
