// Runs a crawl and shows its progress on stderr (see crawl_progress.h).
#include "cli/crawl_progress.h"

#include <cstdio>
#include <utility>

#include <unistd.h>

#include "engine/terminal_text.h"

namespace plainsight::cli {

int CrawlWithProgress(const CrawlCliOptions& options,
                      std::function<void(const crawler::FetchedResource&)> audit_page) {
  crawler::CrawlCallbacks hooks;
  hooks.on_resource = std::move(audit_page);
  hooks.on_skip = options.on_skip;
  hooks.on_warning = options.on_warning;
  return CrawlWithProgress(options.crawl, options.progress, hooks);
}

int CrawlWithProgress(const crawler::CrawlOptions& crawl, CrawlCliOptions::Progress progress,
                      const crawler::CrawlCallbacks& hooks) {
  auto mode = progress;
  if (mode == CrawlCliOptions::Progress::kAuto) {
    mode = isatty(STDERR_FILENO) ? CrawlCliOptions::Progress::kTerminal
                                 : CrawlCliOptions::Progress::kPlain;
  }
  bool terminal = mode == CrawlCliOptions::Progress::kTerminal;
  bool plain = mode == CrawlCliOptions::Progress::kPlain;
  crawler::CrawlCallbacks callbacks;
  callbacks.on_resource = [&](const crawler::FetchedResource& r) {
    if (plain) {
      // URLs, errors and robots.txt lines come from servers: escaped for the terminal.
      std::fprintf(stderr, "fetched %d %s %s (%zu bytes, %.0f ms)%s%s\n", r.status,
                   crawler::ResourceKindName(r.kind), engine::TerminalSafe(r.final_url).c_str(),
                   r.size, r.fetch_ms, r.error ? ": " : "",
                   r.error ? engine::TerminalSafe(r.error->ToString()).c_str() : "");
    }
    if (hooks.on_resource) {
      hooks.on_resource(r);
    }
  };
  callbacks.on_skip = [&](const crawler::SkippedUrl& s) {
    if (plain) {
      std::fprintf(stderr, "skipped %s %s: %s\n", crawler::SkipReasonName(s.reason),
                   engine::TerminalSafe(s.url).c_str(), engine::TerminalSafe(s.detail).c_str());
    }
    if (hooks.on_skip) {
      hooks.on_skip(s);
    }
  };
  callbacks.on_warning = [&](const engine::Error& e) {
    if (plain || terminal) {
      std::fprintf(stderr, "%swarning: %s\n", terminal ? "\r\033[K" : "",
                   engine::TerminalSafe(e.ToString()).c_str());
    }
    if (hooks.on_warning) {
      hooks.on_warning(e);
    }
  };
  callbacks.on_progress = [&](const crawler::CrawlStats& s) {
    if (terminal) {
      double rate = s.elapsed_s > 0 ? static_cast<double>(s.fetched) / s.elapsed_s : 0;
      std::fprintf(stderr, "\r\033[K%zu done, %zu queued, %.1f pages/s, %zu errors, %zu skipped",
                   s.fetched, s.queued, rate, s.errors, s.skipped);
      std::fflush(stderr);
    }
  };
  auto summary = crawler::Crawl(crawl, callbacks);
  if (terminal) {
    std::fputs("\n", stderr);
  }
  if (!summary) {
    std::fprintf(stderr, "plainsight: %s\n",
                 engine::TerminalSafe(summary.error().ToString()).c_str());
    return 2;
  }
  if (mode != CrawlCliOptions::Progress::kNone) {
    const auto& s = summary->stats;
    std::fprintf(stderr,
                 "crawl: %zu fetched (%zu documents, %zu errors), %zu skipped, %.2f s, "
                 "%.1f pages/s\n",
                 s.fetched, s.documents, s.errors, s.skipped, s.elapsed_s,
                 s.elapsed_s > 0 ? static_cast<double>(s.fetched) / s.elapsed_s : 0.0);
  }
  return 0;
}

}  // namespace plainsight::cli
