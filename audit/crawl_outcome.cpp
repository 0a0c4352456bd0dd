// CrawlTally (crawl_outcome.h).
#include "audit/crawl_outcome.h"

namespace plainsight::audit {

void CrawlTally::Resource(const crawler::FetchedResource& r) {
  ++fetched_;
  if (r.error) {
    ++errors_;
    std::string what = r.error->message;
    if (r.status != 0 && what.find(std::to_string(r.status)) == std::string::npos) {
      what = "HTTP " + std::to_string(r.status) + ": " + what;
    }
    if (r.depth == 0 && seed_error_.empty()) {
      seed_error_ = r.url + ": " + what;
    }
    if (first_error_.empty()) {
      first_error_ = r.url + ": " + what;
    }
    return;
  }
  if (r.kind == crawler::ResourceKind::kHtml && r.document != nullptr && r.duplicate_of.empty()) {
    ++audited_;
  } else if (r.kind != crawler::ResourceKind::kHtml) {
    ++documents_;
  }
}

void CrawlTally::Skip(const crawler::SkippedUrl& s) {
  // The start URL has no referrer; if it was skipped, that is why nothing was fetched.
  if (s.referrer.empty() && seed_skip_.empty()) {
    std::string why = s.detail;
    if (s.reason == crawler::SkipReason::kRobots && why.find("robots.txt") == std::string::npos) {
      why = "robots.txt disallows it (" + why + ")";
    }
    seed_skip_ = s.url + ": " + why;
  }
}

void CrawlTally::Warning(const engine::Error& e) {
  if (robots_warning_.empty() && e.message.find("robots.txt") != std::string::npos) {
    robots_warning_ = e.ToString();
  }
}

void CrawlTally::PageFailed(const std::string& why) {
  if (audited_ > 0) {
    --audited_;
  }
  ++errors_;
  if (first_error_.empty()) {
    first_error_ = why;
  }
}

std::optional<std::string> CrawlTally::NothingAuditedReason() const {
  if (audited_ > 0) {
    return std::nullopt;
  }
  if (!seed_skip_.empty()) {
    return "the start page was not fetched: " + seed_skip_;
  }
  if (!seed_error_.empty()) {
    return "the start page could not be fetched: " + seed_error_;
  }
  if (errors_ > 0 && errors_ == fetched_) {
    return "every page failed (" + std::to_string(errors_) + (errors_ == 1 ? " error" : " errors") +
           "; first: " + first_error_ + ")";
  }
  if (documents_ > 0) {
    return "no HTML page was found, only " + std::to_string(documents_) +
           (documents_ == 1 ? " document" : " documents");
  }
  if (!robots_warning_.empty()) {
    return "nothing was fetched: " + robots_warning_;
  }
  return std::string(
      "nothing was fetched: the start page and its links are outside the crawl's "
      "scope or limits");
}

}  // namespace plainsight::audit
