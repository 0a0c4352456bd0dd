// `plainsight robots` and the crawl half of `plainsight audit URL` (see crawl_commands.h).
#include "cli/crawl_commands.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <unistd.h>

#include "crawler/fetcher.h"
#include "crawler/robots.h"
#include "engine/terminal_text.h"
#include "engine/url.h"

namespace plainsight::cli {
namespace {

bool ParseNumber(std::string_view text, long long& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && out >= 0;
}

}  // namespace

std::string CrawlFlagsHelp() {
  return "  --max-pages N          stop after N pages and documents (default 1000)\n"
         "  --max-depth N          follow links at most N steps from the start (default 10)\n"
         "  --scope site|host|prefix  what counts as the site (default site: registrable domain)\n"
         "  --include RE2          crawl only URLs matching (repeatable)\n"
         "  --exclude RE2          never crawl URLs matching (repeatable)\n"
         "  --sample eu            EU monitoring sample (Decision (EU) 2018/1524) instead of all\n"
         "  --sample-seed N        seed for the random part of the sample (default 1)\n"
         "  --allow-private        allow loopback/private/link-local addresses (tests, intranets)\n"
         "  --delay-ms N           minimum delay between requests to one host (default 1000)\n"
         "  --per-host N           concurrent requests per host (default 2)\n"
         "  --concurrency N        concurrent requests overall (default 16)\n"
         "  --user-agent S         User-Agent (must name plainsight and a contact URL)\n"
         "  --timeout-ms N         total time per request (default 30000)\n"
         "  --max-page-bytes N     decoded size limit for pages (default 10 MiB)\n"
         "  --max-document-bytes N decoded size limit for PDF/Office documents (default 50 MiB)\n"
         "  --max-duration-s N     stop the whole crawl after N seconds\n"
         "  --no-sitemaps          do not read robots.txt Sitemap: lines or /sitemap.xml\n"
         "  --progress auto|terminal|plain|none\n";
}

int ParseCrawlFlag(int argc, char** argv, int& i, CrawlCliOptions& options, std::string* error) {
  std::string_view flag = argv[i];
  crawler::CrawlOptions& c = options.crawl;
  auto value = [&](std::string_view& out) {
    if (i + 1 >= argc) {
      *error = std::string(flag) + " needs a value";
      return false;
    }
    out = argv[++i];
    return true;
  };
  auto number = [&](long long& out) {
    std::string_view v;
    if (!value(v)) {
      return false;
    }
    if (!ParseNumber(v, out)) {
      *error = std::string(flag) + " needs a non-negative number, not '" + std::string(v) + "'";
      return false;
    }
    return true;
  };
  long long n = 0;
  std::string_view v;
  if (flag == "--allow-private") {
    c.allow_private = true;
  } else if (flag == "--no-sitemaps") {
    c.use_sitemaps = false;
  } else if (flag == "--max-pages") {
    if (!number(n)) {
      return -1;
    }
    c.max_pages = static_cast<size_t>(n);
  } else if (flag == "--max-depth") {
    if (!number(n)) {
      return -1;
    }
    c.max_depth = static_cast<int>(std::min(n, 1000LL));
  } else if (flag == "--delay-ms") {
    if (!number(n)) {
      return -1;
    }
    c.delay_ms = static_cast<int>(std::min(n, 3'600'000LL));
  } else if (flag == "--per-host") {
    if (!number(n) || n < 1) {
      *error = error->empty() ? "--per-host needs a number of at least 1" : *error;
      return -1;
    }
    c.per_host_concurrency = static_cast<int>(std::min(n, 64LL));
  } else if (flag == "--concurrency") {
    if (!number(n) || n < 1) {
      *error = error->empty() ? "--concurrency needs a number of at least 1" : *error;
      return -1;
    }
    c.global_concurrency = static_cast<int>(std::min(n, 256LL));
  } else if (flag == "--timeout-ms") {
    if (!number(n)) {
      return -1;
    }
    c.timeout_ms = static_cast<int>(std::min(n, 3'600'000LL));
  } else if (flag == "--max-page-bytes") {
    if (!number(n)) {
      return -1;
    }
    c.max_page_bytes = static_cast<size_t>(n);
  } else if (flag == "--max-document-bytes") {
    if (!number(n)) {
      return -1;
    }
    c.max_document_bytes = static_cast<size_t>(n);
  } else if (flag == "--max-duration-s") {
    if (!number(n)) {
      return -1;
    }
    c.max_duration_ms = static_cast<int>(std::min(n, 86'400LL) * 1000);
  } else if (flag == "--sample-seed") {
    if (!number(n)) {
      return -1;
    }
    c.sample_seed = static_cast<uint64_t>(n);
  } else if (flag == "--user-agent") {
    if (!value(v)) {
      return -1;
    }
    c.user_agent = std::string(v);
  } else if (flag == "--include" || flag == "--exclude") {
    if (!value(v)) {
      return -1;
    }
    (flag == "--include" ? c.scope.include : c.scope.exclude).emplace_back(v);
  } else if (flag == "--sample") {
    if (!value(v)) {
      return -1;
    }
    if (v != "eu") {
      *error = "--sample knows only 'eu', not '" + std::string(v) + "'";
      return -1;
    }
    c.sample = crawler::SampleMode::kEu;
  } else if (flag == "--scope") {
    if (!value(v)) {
      return -1;
    }
    if (v == "site") {
      c.scope.mode = crawler::ScopeMode::kSite;
    } else if (v == "host") {
      c.scope.mode = crawler::ScopeMode::kHost;
    } else if (v == "prefix") {
      c.scope.mode = crawler::ScopeMode::kPrefix;
    } else {
      *error = "--scope is site, host or prefix, not '" + std::string(v) + "'";
      return -1;
    }
  } else if (flag == "--progress") {
    if (!value(v)) {
      return -1;
    }
    if (v == "auto") {
      options.progress = CrawlCliOptions::Progress::kAuto;
    } else if (v == "terminal") {
      options.progress = CrawlCliOptions::Progress::kTerminal;
    } else if (v == "plain") {
      options.progress = CrawlCliOptions::Progress::kPlain;
    } else if (v == "none") {
      options.progress = CrawlCliOptions::Progress::kNone;
    } else {
      *error = "--progress is auto, terminal, plain or none";
      return -1;
    }
  } else {
    return 0;
  }
  return 1;
}

int RunCrawlAudit(const CrawlCliOptions& options,
                  std::function<void(const crawler::FetchedResource&)> audit_page) {
  auto mode = options.progress;
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
    if (audit_page) {
      audit_page(r);
    }
  };
  callbacks.on_skip = [&](const crawler::SkippedUrl& s) {
    if (plain) {
      std::fprintf(stderr, "skipped %s %s: %s\n", crawler::SkipReasonName(s.reason),
                   engine::TerminalSafe(s.url).c_str(), engine::TerminalSafe(s.detail).c_str());
    }
    if (options.on_skip) {
      options.on_skip(s);
    }
  };
  callbacks.on_warning = [&](const engine::Error& e) {
    if (plain || terminal) {
      std::fprintf(stderr, "%swarning: %s\n", terminal ? "\r\033[K" : "",
                   engine::TerminalSafe(e.ToString()).c_str());
    }
    if (options.on_warning) {
      options.on_warning(e);
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
  auto summary = crawler::Crawl(options.crawl, callbacks);
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

int RunRobotsCommand(int argc, char** argv) {
  const char* usage =
      "usage: plainsight robots URL [--robots FILE] [--agent NAME] [--allow-private]\n";
  std::optional<std::string> url_arg;
  std::string robots_file;
  std::string agent = "plainsight";
  bool allow_private = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if ((a == "--robots" || a == "--agent") && i + 1 < argc) {
      (a == "--robots" ? robots_file : agent) = argv[++i];
    } else if (a == "--allow-private") {
      allow_private = true;
    } else if (a == "--help" || a == "-h") {
      std::fputs(usage, stdout);
      return 0;
    } else if ((a.empty() || a[0] != '-') && !url_arg) {
      url_arg = std::string(a);  // "" is a URL too: its path is "/"
    } else {
      std::fputs(usage, stderr);
      return 2;
    }
  }
  if (!url_arg) {
    std::fputs(usage, stderr);
    return 2;
  }
  const std::string& url_text = *url_arg;
  auto url = engine::ParseUrl(url_text);
  bool absolute = url && (url->scheme == "http" || url->scheme == "https");
  if (!absolute && robots_file.empty()) {
    std::fprintf(stderr, "plainsight robots: not an absolute http(s) URL: %s\n", url_text.c_str());
    return 2;
  }
  // With --robots FILE nothing is fetched, so any URL gets an answer: one that is not an
  // absolute http(s) URL ("", "/a/b", "example.ie/a") is matched by its path (as Google's
  // robots.txt parser reads it).
  std::string path = absolute ? url->PathAndQuery() : crawler::RobotsPathFromUrl(url_text);
  crawler::RobotsTxt robots = crawler::RobotsTxt::AllowAll("");
  if (!robots_file.empty()) {
    std::ifstream in(robots_file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "plainsight robots: cannot read %s\n", robots_file.c_str());
      return 2;
    }
    std::string content(crawler::kRobotsMaxBytes, '\0');
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<size_t>(in.gcount()));
    robots = crawler::RobotsTxt::Parse(content);
  } else {
    crawler::CurlFetcherOptions fo;
    fo.user_agent = "plainsight/" PLAINSIGHT_VERSION " (+https://plainsight.eu/crawler)";
    fo.allow_private = allow_private;
    fo.total_timeout_ms = 30'000;
    auto fetcher = crawler::MakeCurlFetcher(fo);
    if (!fetcher) {
      std::fprintf(stderr, "plainsight robots: %s\n",
                   engine::TerminalSafe(fetcher.error().ToString()).c_str());
      return 2;
    }
    std::string target = url->Origin() + "/robots.txt";
    int redirects = 0;
    while (true) {
      crawler::FetchRequest request;
      request.id = 1;
      request.url = target;
      request.max_bytes = crawler::kRobotsMaxBytes;
      request.max_document_bytes = crawler::kRobotsMaxBytes;
      request.keep_truncated = true;
      crawler::FetchResponse r = crawler::FetchNow(**fetcher, request);
      if (r.error) {
        robots = crawler::RobotsTxt::DisallowAll(target + " unreachable (" + r.error->message +
                                                 "): disallow all (RFC 9309 2.3.1.4)");
      } else if (r.status >= 200 && r.status < 300) {
        robots = crawler::RobotsTxt::Parse(r.body);
      } else if (r.status >= 300 && r.status < 400 && !r.location.empty() && redirects < 5) {
        auto next = engine::ResolveUrlString(target, r.location);
        if (next) {
          target = *next;
          ++redirects;
          continue;
        }
        robots = crawler::RobotsTxt::AllowAll(target + ": invalid redirect: allow all");
      } else if ((r.status >= 300 && r.status < 500)) {
        robots =
            crawler::RobotsTxt::AllowAll(target + ": HTTP " + std::to_string(r.status) +
                                         (r.status < 400 ? " (more than five redirects)" : "") +
                                         ": allow all (RFC 9309 2.3.1.3)");
      } else {
        robots = crawler::RobotsTxt::DisallowAll(target + ": HTTP " + std::to_string(r.status) +
                                                 ": disallow all (RFC 9309 2.3.1.4)");
      }
      break;
    }
  }
  crawler::RobotsDecision d = robots.Decide(agent, path);
  std::printf("%s\n", d.allowed ? "allowed" : "disallowed");
  // The deciding line is the server's text (or names the URL and its error): escaped.
  if (d.line > 0) {
    std::printf("line %d: %s\n", d.line, engine::TerminalSafe(d.line_text).c_str());
  } else {
    std::printf("%s\n", engine::TerminalSafe(d.line_text).c_str());
  }
  return d.allowed ? 0 : 1;
}

}  // namespace plainsight::cli
