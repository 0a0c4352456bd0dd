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

}  // namespace plainsight::cli
