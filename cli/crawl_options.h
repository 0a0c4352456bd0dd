// The crawl flags of `plainsight crawl`, `plainsight audit URL ...` and `plainsight scan`: what
// they set (CrawlCliOptions), how they are parsed and their --help text.
#pragma once

#include <functional>
#include <string>

#include "crawler/crawler.h"

namespace plainsight::cli {

struct CrawlCliOptions {
  crawler::CrawlOptions crawl;  // seeds = the URL(s) given on the command line
  enum class Progress { kAuto, kTerminal, kPlain, kNone } progress = Progress::kAuto;
  // Called for every skipped URL after it is logged (may be empty).
  std::function<void(const crawler::SkippedUrl&)> on_skip;
  // Called for every crawl warning after it is shown (may be empty).
  std::function<void(const engine::Error&)> on_warning;
};

// Parses the crawl flag at argv[i] (with its value at argv[i + 1] when it takes one) into
// `options`, advancing `i` past what it consumed. Returns 1 if it consumed a crawl flag, 0 if
// argv[i] is not a crawl flag (the caller handles it), -1 on a bad value (message in *error).
// Flags: --max-pages N, --max-depth N, --allow-private, --sample eu, --include RE2,
// --exclude RE2, --scope site|host|prefix, --delay-ms N, --per-host N, --concurrency N,
// --user-agent S, --timeout-ms N, --max-page-bytes N, --max-document-bytes N,
// --max-duration-s N, --no-sitemaps, --sample-seed N, --progress auto|terminal|plain|none.
int ParseCrawlFlag(int argc, char** argv, int& i, CrawlCliOptions& options, std::string* error);

// One line per flag, for --help.
std::string CrawlFlagsHelp();

}  // namespace plainsight::cli
