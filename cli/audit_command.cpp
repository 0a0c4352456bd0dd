// plainsight audit FILE|DIR|URL... [--format text|jsonl|json|html|junit|sarif] [--out PATH]
//                  [--report DIR] [--fail-on error|warning|never] [--ignore FILE]
//                  [--rules ID,...] [--passes] [--strict] [--no-text] [crawl options]
// Audits local HTML, XHTML and SVG files and PDF, DOCX and ODT documents (a DIR: every
// .html/.htm/.xhtml/.svg/.pdf/.docx/.odt below it), or crawls a site from an http(s) URL and
// audits every page and document fetched. Each page and document also gets the plain-language
// analysis of its text ("text" in the JSON) unless --no-text. Pages are audited on the worker pool
// (audit/pipeline.h) and each one's findings written out as soon as it is done, in input order
// (audit/output_sink.h): memory is bounded by the pages in flight (docs/performance.md).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "audit/ignore.h"
#include "audit/local_files.h"
#include "audit/output_sink.h"
#include "audit/pipeline.h"
#include "audit/settings.h"
#include "audit/site_report.h"
#include "cli/commands.h"
#include "cli/crawl_progress.h"
#include "crawler/subresources.h"
#include "engine/documents/document_audit.h"
#include "engine/terminal_text.h"
#include "reports/audit_report.h"

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

bool IsWebUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

}  // namespace

int RunAudit(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string out_path;
  std::string only_rules;
  bool text = true;
  std::string level = "AA";
  std::string state_path;
  std::string report_dir;
  std::string fail_on = "error";
  std::string ignore_path;
  int threads = 0;
  std::vector<std::string> extra_roots;
  reports::ReportOptions report_options;
  engine::RunOptions run_options;
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
      out_path = v;
    } else if (arg == "--report") {
      const char* v = value();
      if (!v) {
        return UsageError("--report needs a folder to write the report in");
      }
      report_dir = v;
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
      level = v;
    } else if (arg == "--passes") {
      report_options.include_passed = true;
      run_options.locate_passed = true;
    } else if (arg == "--review") {
      report_options.list_review_in_text = true;
    } else if (arg == "--strict") {
      run_options.strict = true;
    } else if (arg == "--state") {
      const char* v = value();
      if (!v) {
        return UsageError("--state needs a file path");
      }
      state_path = v;
    } else if (arg == "--root") {
      const char* v = value();
      if (!v) {
        return UsageError("--root needs a folder");
      }
      auto root = audit::CanonicalFolder(v);
      if (!root) {
        return UsageError("--root: " + root.error().ToString());
      }
      extra_roots.push_back(*root);
    } else if (arg == "--no-text") {
      text = false;
    } else if (arg == "--threads") {
      const char* v = value();
      char* end = nullptr;
      long n = v != nullptr ? std::strtol(v, &end, 10) : 0;
      if (v == nullptr || *end != '\0' || n < 1 || n > 1024) {
        return UsageError("--threads needs a number from 1 to 1024");
      }
      threads = static_cast<int>(n);
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
      inputs.emplace_back(arg);
    }
  }
  std::optional<audit::OutputFormat> output_format = audit::ParseOutputFormat(format);
  if (!output_format) {
    return UsageError("--format must be text, jsonl, json, html, junit or sarif, not '" + format +
                      "'");
  }
  std::optional<engine::Severity> fail_threshold;
  if (fail_on == "error") {
    fail_threshold = engine::Severity::kError;
  } else if (fail_on == "warning") {
    fail_threshold = engine::Severity::kWarning;
  } else if (fail_on != "never") {
    return UsageError("--fail-on must be error, warning or never, not '" + fail_on + "'");
  }
  audit::IgnoreList ignore;
  std::string ignore_source =
      ignore_path.empty() ? audit::IgnoreList::FindConfig(".") : ignore_path;
  if (!ignore_source.empty()) {
    auto loaded = audit::IgnoreList::Load(ignore_source);
    if (!loaded) {
      return UsageError(loaded.error().ToString());
    }
    ignore = std::move(*loaded);
  }
  if (inputs.empty()) {
    return UsageError(std::string("nothing to audit\n") + kUsage);
  }

  auto rules = audit::SelectRules(level, only_rules);
  if (!rules) {
    return UsageError(rules.error().message);
  }
  audit::Settings settings;
  settings.level = level;
  settings.rules = *rules;
  settings.run = run_options;
  settings.text = text;
  settings.ignore = &ignore;
  if (only_rules.empty()) {
    report_options.level = level;  // rules chosen by level: the report says which
  }

  std::vector<std::string> paths;
  std::vector<std::string> urls;
  // Pages read what they link to only below these folders: each folder audited, each file's own
  // folder, and --root (see LocalLoaderOptions).
  audit::LocalLoaderOptions local;
  local.roots = extra_roots;
  local.on_refused = [](const engine::Error& e) {
    std::cerr << "plainsight: warning: " << engine::TerminalSafe(e.ToString()) << "\n";
  };
  for (const std::string& input : inputs) {
    (IsWebUrl(input) ? urls : paths).push_back(input);
  }
  // Every root is known before the first page is queued: the loader is shared by the pool.
  std::vector<audit::FileInput> files = audit::ResolveLocalInputs(paths, extra_roots, local.roots);

  // The output is opened before the first page is audited: pages are written as they are done.
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!out_path.empty()) {
    file_out.open(out_path, std::ios::binary);
    if (!file_out) {
      return UsageError("cannot write " + out_path);
    }
    out = &file_out;
  }
  std::unique_ptr<audit::SiteReportStore> report_store;
  if (!report_dir.empty()) {
    audit::SiteReportInput site;
    site.inputs = inputs;
    site.rules = settings.rules;
    site.options_json = nlohmann::json{{"level", level}, {"inputs", inputs}}.dump();
    auto opened = audit::SiteReportStore::Open(site);
    if (!opened) {
      std::cerr << "plainsight: the report cannot be written: "
                << engine::TerminalSafe(opened.error().ToString()) << "\n";
      return 2;
    }
    report_store = std::move(*opened);
  }
  audit::OutputOptions output;
  output.format = *output_format;
  output.report = report_options;
  output.rules = settings.rules;
  output.crawled = !urls.empty();
  output.fail_threshold = fail_threshold;
  auto made_sink = audit::OutputSink::Create(output, *out, report_store.get());
  if (!made_sink) {
    std::cerr << "plainsight: " << engine::TerminalSafe(made_sink.error().ToString()) << "\n";
    return 2;
  }
  audit::OutputSink& sink = **made_sink;
  const size_t max_page_bytes = crawl.crawl.max_page_bytes;
  audit::AuditPipeline pipeline(
      settings, threads, sink,
      [max_page_bytes](const std::string& path) -> engine::Result<std::string> {
        auto bytes = audit::ReadFile(path, max_page_bytes);
        if (!bytes && bytes.error().code == engine::ErrorCode::kTooLarge) {
          engine::Error e = bytes.error();
          e.message = "skipped: " + e.message + " (--max-page-bytes N changes it)";
          return e;
        }
        return bytes;
      });
  // Documents: read up to the readers' own size limit, refused by size before reading.
  pipeline.ReadDocumentsWith([](const std::string& path) {
    return audit::ReadFile(path, engine::pdf::PdfLimits{}.max_input_bytes);
  });
  if (!pipeline.text_off_reason().empty()) {
    std::cerr << "plainsight: plain-language analysis is off: " << pipeline.text_off_reason()
              << "\n";
  }
  engine::ResourceLoader loader = audit::LocalLoader(local);
  for (audit::FileInput& file : files) {
    // Moved out, so that each path is freed once queued: a site's list of paths is not kept for
    // the whole audit (a few MB at 50,000 pages).
    audit::FileInput queued = std::move(file);
    pipeline.AddFile(queued, &loader);
  }

  // Crawled sites: every HTML page fetched is audited; documents and failures are listed.
  std::unique_ptr<crawler::SubresourceLoader> subresources;
  audit::CrawlState previous_state;
  if (!urls.empty() && !state_path.empty()) {
    auto loaded = audit::LoadCrawlState(state_path);
    if (!loaded) {
      return UsageError(loaded.error().ToString());
    }
    previous_state = std::move(*loaded);
    crawl.crawl.validators = previous_state;
    pipeline.KeepCrawlState(&previous_state);
  }
  if (!urls.empty()) {
    crawl.crawl.seeds = urls;
    // Stylesheets and iframes of crawled pages, fetched with the crawl's own safety settings.
    auto made = crawler::SubresourceLoader::Create(crawler::SubresourceOptionsFor(crawl.crawl));
    if (!made) {
      return UsageError(made.error().ToString());
    }
    subresources = std::move(*made);
    crawl.crawl.subresource_loader = &subresources->loader();
    crawl.on_skip = [&](const crawler::SkippedUrl& s) { pipeline.NoteSkip(s); };
    crawl.on_warning = [&](const engine::Error& e) { pipeline.NoteWarning(e); };
    int status = CrawlWithProgress(
        crawl, [&](const crawler::FetchedResource& r) { pipeline.AddCrawled(r); });
    if (status != 0) {
      return status;
    }
  }
  pipeline.Finish();
  if (!urls.empty() && !state_path.empty()) {
    if (auto saved = audit::SaveCrawlState(state_path, pipeline.next_crawl_state()); !saved) {
      std::cerr << "plainsight: " << saved.error().ToString() << "\n";
    }
  }
  // A crawl that audited nothing is not a clean pass: say why, and exit 2 after the report.
  std::optional<std::string> nothing_audited;
  if (!urls.empty()) {
    nothing_audited = pipeline.tally().NothingAuditedReason();
  }
  // Site-level checks of the crawled site (audit/site_checks.h).
  std::vector<audit::SiteCheck> site_checks;
  if (!urls.empty() && !nothing_audited) {
    site_checks = pipeline.SiteChecks(crawl.crawl);
  }
  nlohmann::json site_json;
  if (!urls.empty() && (*output_format == audit::OutputFormat::kJson ||
                        *output_format == audit::OutputFormat::kJsonl)) {
    site_json = audit::SiteReportJson(pipeline.site(), site_checks);
  }
  if (auto finished = sink.Finish(site_json, site_checks); !finished) {
    std::cerr << "plainsight: the output is incomplete: "
              << engine::TerminalSafe(finished.error().ToString()) << "\n";
    return 2;
  }
  if (report_store) {
    auto written = report_store->Write(&sink.documents(), &sink.unreachable(), report_dir);
    if (!written) {
      std::cerr << "plainsight: the report was not written: "
                << engine::TerminalSafe(written.error().ToString()) << "\n";
      return 2;
    }
    std::cerr << "report: " << engine::TerminalSafe(written->index_path) << "\n";
  }
  const audit::OutputTally& tally = sink.tally();
  const size_t ignored = tally.ignored;
  if (ignored > 0 && format == "text") {
    std::cerr << "plainsight: " << ignored << (ignored == 1 ? " finding" : " findings")
              << " left out as reviewed (" << engine::TerminalSafe(ignore_source) << ")\n";
  }
  if (!tally.unreadable.empty() || nothing_audited) {
    // The report already says which inputs could not be read; say it on stderr too.
    for (const auto& [source, error] : tally.unreadable) {
      std::cerr << "plainsight: " << engine::TerminalSafe(source) << ": "
                << engine::TerminalSafe(error) << "\n";
    }
    if (nothing_audited) {
      std::cerr << "plainsight: no page could be audited: "
                << engine::TerminalSafe(*nothing_audited) << "\n";
    }
    return 2;
  }
  return tally.failed_at_threshold ? 1 : 0;
}

}  // namespace plainsight::cli
