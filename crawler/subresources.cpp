// On-demand fetching of page subresources, cached per crawl.
#include "crawler/subresources.h"

#include <utility>

#include "engine/url.h"

namespace plainsight::crawler {

SubresourceOptions SubresourceOptionsFor(const CrawlOptions& crawl) {
  SubresourceOptions sub;
  sub.fetcher.user_agent = crawl.user_agent;
  sub.fetcher.allow_private = crawl.allow_private;
  sub.fetcher.connect_timeout_ms = crawl.connect_timeout_ms;
  sub.fetcher.total_timeout_ms = crawl.timeout_ms;
  return sub;
}

engine::Result<std::unique_ptr<SubresourceLoader>> SubresourceLoader::Create(
    const SubresourceOptions& options) {
  auto fetcher = MakeCurlFetcher(options.fetcher);
  if (!fetcher) {
    return fetcher.error();
  }
  return std::make_unique<SubresourceLoader>(std::move(*fetcher), options);
}

SubresourceLoader::SubresourceLoader(std::unique_ptr<Fetcher> fetcher, SubresourceOptions options)
    : fetcher_(std::move(fetcher)), options_(std::move(options)) {
  loader_ = [this](const std::string& url) { return Load(url); };
}

engine::Result<std::string> SubresourceLoader::Load(const std::string& absolute_url) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = cache_.find(absolute_url); it != cache_.end()) {
    return it->second;
  }
  auto remember = [&](engine::Result<std::string> r) {
    cache_.emplace(absolute_url, r);
    return r;
  };
  if (fetched_ >= options_.max_resources) {
    return remember(engine::Fail(engine::ErrorCode::kTooLarge,
                                 "more than " + std::to_string(options_.max_resources) +
                                     " page resources in one crawl; not fetched",
                                 absolute_url));
  }
  std::string url = absolute_url;
  for (int hop = 0; hop <= options_.max_redirects; ++hop) {
    auto parsed = engine::ParseUrl(url);
    if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https")) {
      return remember(engine::Fail(engine::ErrorCode::kUnsupported,
                                   "only http and https resources are fetched", url));
    }
    FetchRequest request;
    request.url = url;
    request.max_bytes = options_.max_bytes;
    request.max_document_bytes = options_.max_bytes;
    ++fetched_;
    FetchResponse response = FetchNow(*fetcher_, request);
    if (response.error) {
      return remember(*response.error);
    }
    if (response.status >= 300 && response.status < 400 && !response.location.empty()) {
      auto next = engine::ResolveUrlString(url, response.location);
      if (!next) {
        return remember(engine::Fail(engine::ErrorCode::kHttpStatus,
                                     "redirect to an invalid URL: " + response.location, url));
      }
      url = *next;
      continue;
    }
    if (response.status != 200) {
      return remember(engine::Fail(engine::ErrorCode::kHttpStatus,
                                   "HTTP " + std::to_string(response.status), url));
    }
    return remember(std::move(response.body));
  }
  return remember(engine::Fail(engine::ErrorCode::kNetwork, "too many redirects", absolute_url));
}

}  // namespace plainsight::crawler
