// One run of `plainsight audit` once its flags are parsed (issue 21): the job owns everything
// between the inputs and the exit status. It opens the output and the --report store, queues the
// local files on the pipeline with a loader confined to their folders, crawls the URLs (loading
// and saving the --state file around the crawl, with a subresource loader of the crawl's own
// settings), runs the site checks, finishes the sink, writes the report, says on stderr what was
// left out or could not be read, and picks the exit status. The CLI parses flags into an
// AuditJob, reports usage errors, and shows the crawl's progress through AuditJob::run_crawl, so
// that nothing here depends on it.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "audit/output_sink.h"
#include "audit/settings.h"
#include "crawler/crawler.h"
#include "engine/rule.h"
#include "reports/audit_report.h"

namespace plainsight::audit {

// Crawls options.seeds, calling hooks.on_resource for every page and document fetched (failures
// included), hooks.on_skip for every URL skipped and hooks.on_warning for every warning (the CLI
// shows its progress around them). Returns 0 when the crawl ran, or the exit status to end the
// audit with when it could not (its message already written).
using CrawlRunner =
    std::function<int(const crawler::CrawlOptions& options, const crawler::CrawlCallbacks& hooks)>;

struct AuditJob {
  // Files, folders and http(s) URLs, as given; URLs are crawled, the rest read from disk.
  std::vector<std::string> inputs;
  // The rules, runner options and ignore list (Settings::ignore must outlive the run).
  Settings settings;
  OutputFormat format = OutputFormat::kText;
  reports::ReportOptions report;
  std::optional<engine::Severity> fail_threshold;  // --fail-on (nullopt: never)
  std::string out_path;                            // --out; empty: the `out` stream
  std::string report_dir;                          // --report; empty: no site report
  std::string state_path;                          // --state; empty: no crawl state kept
  std::string ignore_source;  // the ignore file read (named when findings are left out)
  int threads = 0;            // audit threads (0: one per core)
  // --root: more folders (real paths) that local pages may read what they link to from.
  std::vector<std::string> extra_roots;
  // The crawl's settings; seeds, validators and the subresource loader are filled in here.
  crawler::CrawlOptions crawl;
  // Runs the crawl; when empty, crawler::Crawl runs it without showing progress.
  CrawlRunner run_crawl;
};

// Runs the audit: the report goes to `out` (or job.out_path), warnings and closing messages to
// `err`. Returns the exit status: 0 when nothing failed at job.fail_threshold, 1 when something
// did, 2 when the output, report, state file or crawl could not be used, an input could not be
// read, or a crawl audited no page (each said on `err`).
int RunAuditJob(const AuditJob& job, std::ostream& out, std::ostream& err);

}  // namespace plainsight::audit
