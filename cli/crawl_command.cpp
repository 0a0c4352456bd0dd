// plainsight crawl URL... [crawl options]: crawls without auditing and prints one line per URL
// fetched ("fetched STATUS KIND URL") or skipped ("skipped REASON URL: detail") on stdout, so a
// webmaster can see what an audit would cover and why a page was left out. Exits 2, saying why
// on stderr, when nothing could be fetched (the start page refused at robots.txt or as a private
// address, unreachable, or every page an error). Also the crawler bench's command (crawl and
// link extraction, no rules).
#include <cstdio>
#include <iostream>

#include "audit/crawl_outcome.h"
#include "cli/commands.h"
#include "cli/crawl_progress.h"
#include "engine/terminal_text.h"

namespace plainsight::cli {

int RunCrawl(int argc, char** argv) {
  CrawlCliOptions options;
  options.progress = CrawlCliOptions::Progress::kNone;  // stdout is the listing
  bool quiet = false;
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--quiet" || arg == "-q") {
      quiet = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << "usage: plainsight crawl URL... [--quiet] [crawl options]\n" << CrawlFlagsHelp();
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::string error;
      int consumed = ParseCrawlFlag(argc, argv, i, options, &error);
      if (consumed < 0) {
        return UsageError(error);
      }
      if (consumed == 0) {
        return UsageError("unknown option " + std::string(arg));
      }
    } else {
      seeds.emplace_back(arg);
    }
  }
  if (seeds.empty()) {
    return UsageError("usage: plainsight crawl URL... [crawl options]");
  }
  options.crawl.seeds = seeds;
  size_t fetched = 0;
  size_t skipped = 0;
  audit::CrawlTally tally;  // why nothing could be fetched, if so
  options.on_skip = [&](const crawler::SkippedUrl& s) {
    ++skipped;
    tally.Skip(s);
    if (!quiet) {
      // URLs and robots.txt lines come from servers: escaped for the terminal.
      std::printf("skipped %s %s: %s\n", crawler::SkipReasonName(s.reason),
                  engine::TerminalSafe(s.url).c_str(), engine::TerminalSafe(s.detail).c_str());
    }
  };
  options.on_warning = [&](const engine::Error& e) { tally.Warning(e); };
  int status = CrawlWithProgress(options, [&](const crawler::FetchedResource& r) {
    ++fetched;
    tally.Resource(r);
    if (!quiet) {
      std::printf("fetched %d %s %s%s%s\n", r.status, crawler::ResourceKindName(r.kind),
                  engine::TerminalSafe(r.final_url).c_str(), r.error ? ": " : "",
                  r.error ? engine::TerminalSafe(r.error->message).c_str() : "");
    }
  });
  if (status == 0) {
    std::printf("total: %zu fetched, %zu skipped\n", fetched, skipped);
  }
  if (status == 0 && tally.fetched() == tally.errors()) {
    // Not a clean crawl: a site refused at robots.txt, unreachable or answering only errors.
    std::fflush(stdout);
    std::string why = tally.NothingAuditedReason().value_or("nothing was fetched");
    std::fprintf(stderr, "plainsight: nothing could be fetched: %s\n",
                 engine::TerminalSafe(why).c_str());
    return 2;
  }
  return status;
}

}  // namespace plainsight::cli
