// The crawl flags shared by `plainsight crawl`, `plainsight audit URL` and `plainsight scan`
// (see crawl_options.h).
#include "cli/crawl_options.h"

#include <charconv>
#include <string_view>

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

}  // namespace plainsight::cli
