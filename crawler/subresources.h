// Fetching what a crawled page refers to (linked stylesheets, @import, iframe src) so that the
// page is audited with the styles a browser would apply. A page's own crawl goes through the
// frontier; these are fetched on demand, once per URL per crawl (cached), with the crawler's
// safety rules (refused private addresses unless allowed, size and time limits) and redirects
// followed. robots.txt is not consulted: like a browser, plainsight loads the resources a page
// needs to render, and robots.txt governs crawling, not rendering (RFC 9309 section 2.2.4
// names no such case; Google documents the same behaviour for page resources).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "crawler/crawler.h"
#include "crawler/fetcher.h"
#include "engine/dom.h"

namespace plainsight::crawler {

struct SubresourceOptions {
  CurlFetcherOptions fetcher;
  size_t max_bytes = 2u << 20;  // a stylesheet larger than this is refused
  int max_redirects = 5;
  size_t max_resources = 500;  // per crawl; later requests fail with kTooLarge
};

// The options for a crawl's stylesheets and iframes: the crawl's own user agent, policy on
// private addresses and timeouts, and the default limits.
SubresourceOptions SubresourceOptionsFor(const CrawlOptions& crawl);

class SubresourceLoader {
 public:
  // Fails when libcurl cannot start.
  static engine::Result<std::unique_ptr<SubresourceLoader>> Create(
      const SubresourceOptions& options);
  // A fetcher for tests (no sockets).
  SubresourceLoader(std::unique_ptr<Fetcher> fetcher, SubresourceOptions options);

  // The body at `absolute_url`, or why not (HTTP status, network, refused address, too large).
  // Thread-safe; each URL is fetched at most once.
  engine::Result<std::string> Load(const std::string& absolute_url);

  // The loader to put in ParseOptions / CrawlOptions. Valid while this object lives.
  const engine::ResourceLoader& loader() const { return loader_; }

  size_t fetched() const { return fetched_; }

 private:
  std::unique_ptr<Fetcher> fetcher_;
  SubresourceOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, engine::Result<std::string>> cache_;
  size_t fetched_ = 0;
  engine::ResourceLoader loader_;
};

}  // namespace plainsight::crawler
