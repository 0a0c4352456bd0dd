// Why a crawl yielded no page to audit. A site that cannot be reached, refuses us at robots.txt
// or answers every request with an error is not a clean pass: `audit` exits 2 and `scan`
// records the body as failed, both with the reason this class works out.
#pragma once

#include <optional>
#include <string>

#include "crawler/crawler.h"

namespace plainsight::audit {

class CrawlTally {
 public:
  // Feed it everything the crawl reports.
  void Resource(const crawler::FetchedResource& r);
  void Skip(const crawler::SkippedUrl& s);
  void Warning(const engine::Error& e);

  // A page audited from an earlier run (a resumed scan) counts as audited.
  void AuditedBefore(size_t pages) { audited_ += pages; }

  // A page handed to the auditor; call PageFailed if it then could not be parsed.
  void PageFailed(const std::string& why);

  size_t audited() const { return audited_; }

  size_t errors() const { return errors_; }

  size_t fetched() const { return fetched_; }

  // Why nothing could be audited, in a sentence a person can act on; nullopt when at least one
  // page was audited.
  std::optional<std::string> NothingAuditedReason() const;

 private:
  size_t fetched_ = 0;
  size_t errors_ = 0;
  size_t audited_ = 0;
  size_t documents_ = 0;
  std::string seed_error_;   // the start URL's own failure
  std::string seed_skip_;    // why the start URL was not fetched
  std::string first_error_;  // the first page error
  std::string robots_warning_;
};

}  // namespace plainsight::audit
