// plainsight audit FILE|DIR|URL... [--format text|jsonl|json|html|junit|sarif] [--out PATH]
//                  [--report DIR] [--fail-on error|warning|never] [--ignore FILE]
//                  [--rules ID,...] [--passes] [--strict] [--no-text] [crawl options]
// Audits local HTML, XHTML and SVG files and PDF, DOCX and ODT documents (a DIR: every
// .html/.htm/.xhtml/.svg/.pdf/.docx/.odt below it), or crawls a site from an http(s) URL and
// audits every page and document fetched. Each page and document also gets the plain-language
// analysis of its text ("text" in the JSON) unless --no-text. Pages are audited on the worker pool
// (audit/pipeline.h) and each one's findings written out as soon as it is done, in input order
// (audit/output_sink.h): memory is bounded by the pages in flight (docs/performance.md). This file
// parses the flags into an audit::AuditJob and shows the crawl's progress; the run itself, from
// inputs to exit status, is audit::RunAuditJob (audit/audit_job.h).
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_job.h"
#include "audit/ignore.h"
#include "audit/local_files.h"
#include "audit/output_sink.h"
#include "audit/settings.h"
#include "cli/commands.h"
#include "cli/crawl_progress.h"

namespace plainsight::cli {
namespace {

constexpr const char* kUsage =
    "usage: plainsight audit FILE|DIR|URL... [--format text|jsonl|json|html|junit|sarif]\n"
    "                        [--out PATH] [--report DIR] [--fail-on error|warning|never]\n"
    "                        [--ignore FILE] [--level A|AA|AAA] [--rules ID,...] [--passes]\n"
    "                        [--review] [--strict] [--no-text] [--state FILE] [--threads N]\n"
    "                        [--root DIR] [crawl options]\n"
    "--format jsonl: JSON Lines, a line per page as soon as it is audited, then a summary\n"
    "line; junit: JUnit XML, a testsuite per page; sarif: SARIF 2.1.0.\n"
    "--report DIR: also write the HTML report and open data that `plainsight report` writes\n"
    "for a sector, for this one site (DIR/index.html).\n"
    "--fail-on: exit 1 when a failure of this severity or worse is found: error (the\n"
    "default), warning (errors and very likely failures), never (exit 0 whatever failed).\n"
    "--ignore FILE: reviewed false positives to leave out (TOML, or JSON when FILE ends in\n"
    ".json): [[ignore]] entries with rule, selector and/or url, each with a reason. Without\n"
    "--ignore, .plainsight.toml or .plainsight.json in the current folder is read if present.\n"
    "Exit status: 0 nothing failed at --fail-on, 1 something did, 2 unusable input or options.\n"
    "--threads N: audit threads (default: one per core). Text and JSON Lines are written\n"
    "page by page as pages are done, in input order.\n"
    "--root DIR: let local pages read the stylesheets and iframes they link to below DIR too\n"
    "(repeatable). By default they are read only below the folders audited (for a FILE, its\n"
    "folder), only if they are regular files of at most 2 MiB. --max-page-bytes N (default\n"
    "10 MiB) limits the pages themselves, local or crawled: a larger page is skipped, and the\n"
    "report says so.\n"
    "--state FILE: keep ETag/Last-Modified and page bodies between crawls, so pages that have\n"
    "not changed are requested conditionally (304 Not Modified) and audited from the copy.\n"
    "--level: the WCAG conformance level to check (default AA, what EN 301 549 requires).\n"
    "A URL (http or https) is crawled; see the crawl options below.\n";

}  // namespace

int RunAudit(int argc, char** argv) {
  audit::AuditJob job;
  std::string format = "text";
  std::string only_rules;
  std::string fail_on = "error";
  std::string ignore_path;
  CrawlCliOptions crawl;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--format") {
      const char* v = value();
      if (!v) {
        return UsageError("--format needs a value: text, jsonl, json, html, junit or sarif");
      }
      format = v;
    } else if (arg.rfind("--format=", 0) == 0) {
      format = std::string(arg.substr(9));
    } else if (arg == "--out") {
      const char* v = value();
      if (!v) {
        return UsageError("--out needs a path");
      }
      job.out_path = v;
    } else if (arg == "--report") {
      const char* v = value();
      if (!v) {
        return UsageError("--report needs a folder to write the report in");
      }
      job.report_dir = v;
    } else if (arg == "--fail-on") {
      const char* v = value();
      if (!v) {
        return UsageError("--fail-on needs error, warning or never");
      }
      fail_on = v;
    } else if (arg == "--ignore") {
      const char* v = value();
      if (!v) {
        return UsageError("--ignore needs a file of reviewed findings to leave out");
      }
      ignore_path = v;
    } else if (arg == "--rules") {
      const char* v = value();
      if (!v) {
        return UsageError("--rules needs a comma-separated list of rule ids");
      }
      only_rules = v;
    } else if (arg == "--level") {
      const char* v = value();
      if (!v) {
        return UsageError("--level needs A, AA or AAA");
      }
      job.settings.level = v;
    } else if (arg == "--passes") {
      job.report.include_passed = true;
      job.settings.run.locate_passed = true;
    } else if (arg == "--review") {
      job.report.list_review_in_text = true;
    } else if (arg == "--strict") {
      job.settings.run.strict = true;
    } else if (arg == "--state") {
      const char* v = value();
      if (!v) {
        return UsageError("--state needs a file path");
      }
      job.state_path = v;
    } else if (arg == "--root") {
      const char* v = value();
      if (!v) {
        return UsageError("--root needs a folder");
      }
      auto root = audit::CanonicalFolder(v);
      if (!root) {
        return UsageError("--root: " + root.error().ToString());
      }
      job.extra_roots.push_back(*root);
    } else if (arg == "--no-text") {
      job.settings.text = false;
    } else if (arg == "--threads") {
      const char* v = value();
      char* end = nullptr;
      long n = v != nullptr ? std::strtol(v, &end, 10) : 0;
      if (v == nullptr || *end != '\0' || n < 1 || n > 1024) {
        return UsageError("--threads needs a number from 1 to 1024");
      }
      job.threads = static_cast<int>(n);
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage << "\ncrawl options:\n" << CrawlFlagsHelp();
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::string error;
      int consumed = ParseCrawlFlag(argc, argv, i, crawl, &error);
      if (consumed < 0) {
        return UsageError(error);
      }
      if (consumed == 0) {
        return UsageError("unknown option " + std::string(arg) + "\n" + kUsage);
      }
    } else {
      job.inputs.emplace_back(arg);
    }
  }
  std::optional<audit::OutputFormat> output_format = audit::ParseOutputFormat(format);
  if (!output_format) {
    return UsageError("--format must be text, jsonl, json, html, junit or sarif, not '" + format +
                      "'");
  }
  job.format = *output_format;
  if (fail_on == "error") {
    job.fail_threshold = engine::Severity::kError;
  } else if (fail_on == "warning") {
    job.fail_threshold = engine::Severity::kWarning;
  } else if (fail_on != "never") {
    return UsageError("--fail-on must be error, warning or never, not '" + fail_on + "'");
  }
  audit::IgnoreList ignore;
  job.ignore_source = ignore_path.empty() ? audit::IgnoreList::FindConfig(".") : ignore_path;
  if (!job.ignore_source.empty()) {
    auto loaded = audit::IgnoreList::Load(job.ignore_source);
    if (!loaded) {
      return UsageError(loaded.error().ToString());
    }
    ignore = std::move(*loaded);
  }
  if (job.inputs.empty()) {
    return UsageError(std::string("nothing to audit\n") + kUsage);
  }

  auto rules = audit::SelectRules(job.settings.level, only_rules);
  if (!rules) {
    return UsageError(rules.error().message);
  }
  job.settings.rules = *rules;
  job.settings.ignore = &ignore;
  if (only_rules.empty()) {
    job.report.level = job.settings.level;  // rules chosen by level: the report says which
  }
  job.crawl = std::move(crawl.crawl);
  // The crawl's progress is shown here, on stderr, as `plainsight crawl` shows it.
  job.run_crawl = [progress = crawl.progress](const crawler::CrawlOptions& options,
                                              const crawler::CrawlCallbacks& hooks) {
    return CrawlWithProgress(options, progress, hooks);
  };
  return audit::RunAuditJob(job, std::cout, std::cerr);
}

}  // namespace plainsight::cli
