// `plainsight audit URL|DIR --report DIR`: one site's audit written as the same report that
// `plainsight report` writes for a sector (reports/scan_report.h), through a store of its own:
// the audit's pages become a one-body scan in a temporary SQLite store, which the report reads
// and which is removed afterwards.
#pragma once

#include <string>
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

// The body the report is about: the first URL's host, or the first folder's or file's name.
store::Body SiteBody(const std::vector<std::string>& inputs);

engine::Result<reports::ScanReportSummary> WriteSiteReport(const SiteReportInput& input,
                                                           const std::string& out_dir);

}  // namespace plainsight::audit
