// Command-line front of the crawler: `plainsight robots URL [--robots FILE] [--agent NAME]`
// and the crawl flags and progress display that `plainsight audit URL ...` uses.
#pragma once

#include <functional>
#include <string>
#include <string_view>

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

// Crawls options.crawl.seeds and calls audit_page for every fetched page and document (in the
// order they arrive; failures included, with their error). Shows progress on stderr: a
// rewritten status line (pages done, queued, rate, errors) on a terminal, plain log lines
// elsewhere. Returns 0 when the crawl ran, 2 when the options were unusable (message on stderr).
int RunCrawlAudit(const CrawlCliOptions& options,
                  std::function<void(const crawler::FetchedResource&)> audit_page);

// `plainsight robots URL [--robots FILE] [--agent NAME] [--allow-private]`. argv[0] is the
// subcommand name ("robots"). Prints "allowed" or "disallowed", then the line that decided it.
// Without --robots it fetches the site's robots.txt (redirects followed, 4xx allow all, 5xx and
// unreachable disallow all, RFC 9309 2.3.1). Exit code: 0 allowed, 1 disallowed, 2 usage error.
int RunRobotsCommand(int argc, char** argv);

}  // namespace plainsight::cli
