// Where `plainsight audit` writes each page's findings as the pipeline hands them on (issue 17):
// text and JSON Lines go out page by page as soon as each page is done; JSON, HTML, JUnit and
// SARIF open with totals that are known only at the end, so their per-page parts go to a
// temporary file (an on-disk spill, removed when the sink goes) and are copied into the report
// when the audit is over. The bytes are the same as the whole-report writers in reports/ make
// from every page at once (tests/audit_output_test.cpp holds them to it), but memory stays
// bounded by the pages in flight, not by the site.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/pipeline.h"
#include "audit/site_checks.h"
#include "audit/site_report.h"
#include "engine/result.h"
#include "reports/audit_report.h"
#include "reports/ci_formats.h"

namespace plainsight::audit {

enum class OutputFormat { kText, kJsonl, kJson, kHtml, kJunit, kSarif };

// "text", "jsonl", "json", "html", "junit", "sarif"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

// A temporary file that text is appended to and later copied out once; removed when closed.
// Used for the per-page parts of reports that cannot be written until the end.
class Spill : private std::streambuf {
 public:
  Spill();
  ~Spill() override;
  Spill(const Spill&) = delete;
  Spill& operator=(const Spill&) = delete;

  // False when no temporary file could be created (then nothing can be spilled).
  bool ok() const { return file_ != nullptr; }

  void Append(std::string_view text);

  // A stream that appends (for writers that take a std::ostream).
  std::ostream& stream() { return stream_; }

  // Copies everything appended so far to `out`, writing `indent` before each line (used to
  // nest JSON values dumped on their own into a larger document). False on a read error.
  bool CopyTo(std::ostream& out, std::string_view indent = {});

  size_t bytes() const { return bytes_; }

  bool failed() const { return failed_; }

 private:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

  std::FILE* file_ = nullptr;
  size_t bytes_ = 0;
  bool failed_ = false;
  std::ostream stream_{this};
};

struct OutputOptions {
  OutputFormat format = OutputFormat::kText;
  reports::ReportOptions report;
  std::vector<const engine::Rule*> rules;  // the rules that ran (SARIF lists them)
  bool crawled = false;  // a URL was crawled: JSON also has "documents", "unreachable", "site"
  std::optional<engine::Severity> fail_threshold;  // --fail-on (nullopt: never)
};

// What went by, for the exit status and the messages on stderr.
struct OutputTally {
  reports::AuditTotals totals;
  size_t ignored = 0;                // findings left out as reviewed (--ignore)
  bool failed_at_threshold = false;  // a target failed at --fail-on or worse
  std::vector<std::pair<std::string, std::string>> unreadable;  // source, why
};

class OutputSink : public AuditSink {
 public:
  // Pages with more findings than this are not rendered ahead (see Render): about 0.7 MB of
  // JSON at most per page waiting in the window.
  static constexpr size_t kMaxRenderedFindings = 1000;

  // `out` and `report` (the --report store, may be null) must outlive the sink. Fails (kIo)
  // when a temporary spill file cannot be created for a format that needs one.
  static engine::Result<std::unique_ptr<OutputSink>> Create(const OutputOptions& options,
                                                            std::ostream& out,
                                                            SiteReportStore* report = nullptr);
  ~OutputSink() override;

  void Page(reports::AuditedInput&& page) override;
  // Text, JSON Lines and JSON: a page of at most kMaxRenderedFindings findings is rendered on
  // its audit thread; a larger one is written finding by finding in Page (never held whole).
  std::optional<std::string> Render(const reports::AuditedInput& page) const override;
  void RenderedPage(reports::AuditedInput&& page, std::string&& rendered) override;
  void Document(const CrawledEntry& entry) override;
  void Unreachable(const CrawledEntry& entry) override;

  // After the last page: writes the rest of the report (the totals, the spilled pages, and for a
  // crawl the documents, unreachable URLs and `site` (SiteReportJson) or `site_checks`). Fails
  // (kIo) when a spill could not be written or read back, or the --report store refused a page.
  engine::Result<void> Finish(const nlohmann::json& site,
                              const std::vector<SiteCheck>& site_checks);

  const OutputTally& tally() const { return tally_; }

  // The crawl's documents and unreachable URLs as the JSON report lists them.
  const nlohmann::json& documents() const { return documents_; }

  const nlohmann::json& unreachable() const { return unreachable_; }

 private:
  OutputSink(OutputOptions options, std::ostream& out, SiteReportStore* report);
  // What every page adds up to (the tally, the --report store), in input order.
  void Record(const reports::AuditedInput& page);
  engine::Result<void> FinishJson(const nlohmann::json& site);
  engine::Result<void> FinishSarif();

  OutputOptions options_;
  std::ostream& out_;
  SiteReportStore* report_;
  OutputTally tally_;
  std::optional<engine::Error> report_error_;  // the first page the --report store refused
  nlohmann::json documents_ = nlohmann::json::array();
  nlohmann::json unreachable_ = nlohmann::json::array();
  // Per-page parts waiting for the end: JSON pages, HTML table rows, JUnit suites, SARIF
  // results (first) and HTML sections, SARIF notifications (second).
  std::unique_ptr<Spill> first_;
  std::unique_ptr<Spill> second_;
  size_t first_count_ = 0;
  size_t second_count_ = 0;
  reports::JunitTotals junit_;
  std::unique_ptr<reports::SarifLog> sarif_;
};

}  // namespace plainsight::audit
