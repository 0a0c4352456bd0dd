// One run of `plainsight audit` from inputs to exit status (see audit_job.h).
#include "audit/audit_job.h"

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/crawl_state.h"
#include "audit/local_files.h"
#include "audit/local_inputs.h"
#include "audit/pipeline.h"
#include "audit/site_checks.h"
#include "audit/site_report.h"
#include "crawler/subresources.h"
#include "engine/pdf/pdf_document.h"
#include "engine/terminal_text.h"

namespace plainsight::audit {
namespace {

// Says "plainsight: <message>" on `err`; returns 2, the status of an unusable input or option.
int Fail(std::ostream& err, std::string_view message) {
  err << "plainsight: " << message << "\n";
  return 2;
}

// Reads local pages up to `max_page_bytes`; a larger one is skipped, and the report says how to
// raise the limit.
AuditPipeline::PageReader PageReader(size_t max_page_bytes) {
  return [max_page_bytes](const std::string& path) -> engine::Result<std::string> {
    auto bytes = ReadFile(path, max_page_bytes);
    if (!bytes && bytes.error().code == engine::ErrorCode::kTooLarge) {
      engine::Error e = bytes.error();
      e.message = "skipped: " + e.message + " (--max-page-bytes N changes it)";
      return e;
    }
    return bytes;
  };
}

// What the report store records about the audit.
SiteReportInput SiteReportFor(const AuditJob& job) {
  SiteReportInput site;
  site.inputs = job.inputs;
  site.rules = job.settings.rules;
  site.options_json = nlohmann::json{{"level", job.settings.level}, {"inputs", job.inputs}}.dump();
  return site;
}

// What a crawl leaves for the end of the report.
struct CrawlEnd {
  // Why a crawl audited no page, if it did not: not a clean pass.
  std::optional<std::string> nothing_audited;
  std::vector<SiteCheck> site_checks;  // the crawled site's (audit/site_checks.h)
};

// Crawls `urls` into `pipeline`, with validators from and to job.state_path, then finishes the
// pipeline and runs the site checks. Returns 0, or 2 (said on `err`) when the state file or the
// crawl options cannot be used, or what job.run_crawl returned when it failed.
int CrawlSites(const AuditJob& job, const std::vector<std::string>& urls, AuditPipeline& pipeline,
               CrawlState& previous_state, std::ostream& err, CrawlEnd& end) {
  crawler::CrawlOptions crawl = job.crawl;
  if (!job.state_path.empty()) {
    auto loaded = LoadCrawlState(job.state_path);
    if (!loaded) {
      return Fail(err, loaded.error().ToString());
    }
    previous_state = std::move(*loaded);
    crawl.validators = previous_state;
    pipeline.KeepCrawlState(&previous_state);
  }
  crawl.seeds = urls;
  // Stylesheets and iframes of crawled pages, fetched with the crawl's own safety settings.
  auto made = crawler::SubresourceLoader::Create(crawler::SubresourceOptionsFor(crawl));
  if (!made) {
    return Fail(err, made.error().ToString());
  }
  std::unique_ptr<crawler::SubresourceLoader> subresources = std::move(*made);
  crawl.subresource_loader = &subresources->loader();
  crawler::CrawlCallbacks hooks;
  hooks.on_resource = [&](const crawler::FetchedResource& r) { pipeline.AddCrawled(r); };
  hooks.on_skip = [&](const crawler::SkippedUrl& s) { pipeline.NoteSkip(s); };
  hooks.on_warning = [&](const engine::Error& e) { pipeline.NoteWarning(e); };
  int status = 0;
  if (job.run_crawl) {
    status = job.run_crawl(crawl, hooks);
  } else if (auto summary = crawler::Crawl(crawl, hooks); !summary) {
    status = Fail(err, engine::TerminalSafe(summary.error().ToString()));
  }
  if (status != 0) {
    return status;
  }
  pipeline.Finish();
  if (!job.state_path.empty()) {
    if (auto saved = SaveCrawlState(job.state_path, pipeline.next_crawl_state()); !saved) {
      err << "plainsight: " << saved.error().ToString() << "\n";
    }
  }
  end.nothing_audited = pipeline.tally().NothingAuditedReason();
  if (!end.nothing_audited) {
    end.site_checks = pipeline.SiteChecks(crawl);
  }
  return 0;
}

// After the last page: finishes the output and the --report, says on `err` what was left out or
// could not be read, and returns the exit status.
int Close(const AuditJob& job, OutputSink& sink, SiteReportStore* report_store,
          const nlohmann::json& site_json, const CrawlEnd& end, std::ostream& err) {
  if (auto finished = sink.Finish(site_json, end.site_checks); !finished) {
    err << "plainsight: the output is incomplete: "
        << engine::TerminalSafe(finished.error().ToString()) << "\n";
    return 2;
  }
  if (report_store != nullptr) {
    auto written = report_store->Write(&sink.documents(), &sink.unreachable(), job.report_dir);
    if (!written) {
      err << "plainsight: the report was not written: "
          << engine::TerminalSafe(written.error().ToString()) << "\n";
      return 2;
    }
    err << "report: " << engine::TerminalSafe(written->index_path) << "\n";
  }
  const OutputTally& tally = sink.tally();
  const size_t ignored = tally.ignored;
  if (ignored > 0 && job.format == OutputFormat::kText) {
    err << "plainsight: " << ignored << (ignored == 1 ? " finding" : " findings")
        << " left out as reviewed (" << engine::TerminalSafe(job.ignore_source) << ")\n";
  }
  if (!tally.unreadable.empty() || end.nothing_audited) {
    // The report already says which inputs could not be read; say it on stderr too.
    for (const auto& [source, error] : tally.unreadable) {
      err << "plainsight: " << engine::TerminalSafe(source) << ": " << engine::TerminalSafe(error)
          << "\n";
    }
    if (end.nothing_audited) {
      err << "plainsight: no page could be audited: " << engine::TerminalSafe(*end.nothing_audited)
          << "\n";
    }
    return 2;
  }
  return tally.failed_at_threshold ? 1 : 0;
}

}  // namespace

int RunAuditJob(const AuditJob& job, std::ostream& out, std::ostream& err) {
  std::vector<std::string> paths;
  std::vector<std::string> urls;
  for (const std::string& input : job.inputs) {
    (IsWebUrl(input) ? urls : paths).push_back(input);
  }
  // Pages read what they link to only below these folders: each folder audited, each file's own
  // folder, and --root (see LocalLoaderOptions).
  LocalLoaderOptions local;
  local.roots = job.extra_roots;
  local.on_refused = [&err](const engine::Error& e) {
    err << "plainsight: warning: " << engine::TerminalSafe(e.ToString()) << "\n";
  };
  // Every root is known before the first page is queued: the loader is shared by the pool.
  // The files themselves are listed as the folders are walked, each queued as it is found.
  LocalInputs files(std::move(paths), job.extra_roots);
  local.roots.insert(local.roots.end(), files.roots().begin(), files.roots().end());

  // The output is opened before the first page is audited: pages are written as they are done.
  std::ofstream file_out;
  std::ostream* report_out = &out;
  if (!job.out_path.empty()) {
    file_out.open(job.out_path, std::ios::binary);
    if (!file_out) {
      return Fail(err, "cannot write " + job.out_path);
    }
    report_out = &file_out;
  }
  std::unique_ptr<SiteReportStore> report_store;
  if (!job.report_dir.empty()) {
    auto opened = SiteReportStore::Open(SiteReportFor(job));
    if (!opened) {
      err << "plainsight: the report cannot be written: "
          << engine::TerminalSafe(opened.error().ToString()) << "\n";
      return 2;
    }
    report_store = std::move(*opened);
  }
  OutputOptions output;
  output.format = job.format;
  output.report = job.report;
  output.rules = job.settings.rules;
  output.crawled = !urls.empty();
  output.fail_threshold = job.fail_threshold;
  auto made_sink = OutputSink::Create(output, *report_out, report_store.get());
  if (!made_sink) {
    return Fail(err, engine::TerminalSafe(made_sink.error().ToString()));
  }
  OutputSink& sink = **made_sink;
  CrawlState previous_state;  // declared before the pipeline, which may read it to the end
  AuditPipeline pipeline(job.settings, job.threads, sink, PageReader(job.crawl.max_page_bytes));
  // Documents: read up to the readers' own size limit, refused by size before reading.
  pipeline.ReadDocumentsWith([](const std::string& path) {
    return ReadFile(path, engine::pdf::PdfLimits{}.max_input_bytes);
  });
  if (!pipeline.text_off_reason().empty()) {
    err << "plainsight: plain-language analysis is off: " << pipeline.text_off_reason() << "\n";
  }
  engine::ResourceLoader loader = LocalLoader(local);
  while (std::optional<FileInput> file = files.Next()) {
    pipeline.AddFile(*file, &loader);
  }

  // Crawled sites: every HTML page fetched is audited; documents and failures are listed.
  CrawlEnd end;
  if (urls.empty()) {
    pipeline.Finish();
  } else if (int status = CrawlSites(job, urls, pipeline, previous_state, err, end); status != 0) {
    return status;
  }
  nlohmann::json site_json;
  if (!urls.empty() && (job.format == OutputFormat::kJson || job.format == OutputFormat::kJsonl)) {
    site_json = SiteReportJson(pipeline.site(), end.site_checks);
  }
  return Close(job, sink, report_store.get(), site_json, end, err);
}

}  // namespace plainsight::audit
