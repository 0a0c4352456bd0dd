// Runs a crawl for the CLI, showing its progress on stderr (a rewritten status line on a
// terminal, plain log lines elsewhere) and its summary at the end.
#pragma once

#include <functional>

#include "cli/crawl_options.h"
#include "crawler/crawler.h"

namespace plainsight::cli {

// Crawls options.crawl.seeds and calls audit_page for every fetched page and document (in the
// order they arrive; failures included, with their error). Shows progress on stderr: a
// rewritten status line (pages done, queued, rate, errors) on a terminal, plain log lines
// elsewhere. Returns 0 when the crawl ran, 2 when the options were unusable (message on stderr).
int CrawlWithProgress(const CrawlCliOptions& options,
                      std::function<void(const crawler::FetchedResource&)> audit_page);

// The same for a caller with hooks of its own (audit::AuditJob::run_crawl): crawls crawl.seeds,
// showing progress in mode `progress`, and calls hooks.on_resource, on_skip and on_warning (each
// may be empty) after showing each; hooks.on_progress is not called. Returns as above.
int CrawlWithProgress(const crawler::CrawlOptions& crawl, CrawlCliOptions::Progress progress,
                      const crawler::CrawlCallbacks& hooks);

}  // namespace plainsight::cli
