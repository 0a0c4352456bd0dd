// `plainsight audit URL|DIR --report DIR`: one site's audit written as the same report that
// `plainsight report` writes for a sector (reports/scan_report.h), through a store of its own:
// the audit's pages become a one-body scan in a temporary SQLite store, which the report reads
// and which is removed afterwards.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/result.h"
#include "reports/audit_report.h"
#include "reports/scan_report.h"
#include "store/records.h"

namespace plainsight::audit {

struct SiteReportInput {
  std::vector<std::string> inputs;         // the URLs, files and folders audited
  std::vector<const engine::Rule*> rules;  // the rules that ran
  std::string options_json = "{}";         // the audit's settings, for the record
  const std::vector<reports::AuditedInput>* pages = nullptr;
  const nlohmann::json* documents = nullptr;    // the audit JSON's "documents" (may be null)
  const nlohmann::json* unreachable = nullptr;  // the audit JSON's "unreachable"
  std::vector<store::SiteFact> site_facts;      // body_id and scan_id are filled in here
  std::string title;                            // "" : "Accessibility report: <site>"
};

// True for an http:// or https:// URL: an input that is crawled, not read from disk.
bool IsWebUrl(std::string_view s);

// The body the report is about: the first URL's host, or the first folder's or file's name.
store::Body SiteBody(const std::vector<std::string>& inputs);

engine::Result<reports::ScanReportSummary> WriteSiteReport(const SiteReportInput& input,
                                                           const std::string& out_dir);

// WriteSiteReport page by page, for an audit that does not keep its pages: the temporary store
// is opened first, each page goes into it as it is audited, and the report is written from it at
// the end. Pages are added one at a time (not thread-safe).
class SiteReportStore {
 public:
  // `input.pages` is not read (pages come through AddPage). Fails when the temporary store
  // cannot be created.
  static engine::Result<std::unique_ptr<SiteReportStore>> Open(const SiteReportInput& input);
  ~SiteReportStore();
  SiteReportStore(const SiteReportStore&) = delete;
  SiteReportStore& operator=(const SiteReportStore&) = delete;

  // Fails when the store refuses the page.
  engine::Result<void> AddPage(const reports::AuditedInput& page);
  // Adds `documents` and `unreachable` (the audit JSON's lists, may be null) and the input's
  // site facts, and writes the report into `out_dir`.
  engine::Result<reports::ScanReportSummary> Write(const nlohmann::json* documents,
                                                   const nlohmann::json* unreachable,
                                                   const std::string& out_dir);

 private:
  struct State;
  explicit SiteReportStore(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace plainsight::audit
