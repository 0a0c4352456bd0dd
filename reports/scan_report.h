// `plainsight report`: a scan of a store as a folder of accessible HTML pages and open data.
//
//   index.html            the sector overview: ranking, distributions and trends (inline SVG
//                         charts with tables of the same numbers), the most common failures
//   bodies/<id>.html      a page per body: scores and how they were worked out, site-level
//                         checks, plain language, findings by WCAG criterion and by page
//   rules/<id>.html       a page per rule that failed somewhere: why, how to fix, where
//   bodies.csv, pages.csv, findings.csv, report.json, datapackage.json, earl.jsonld
//
// The HTML works offline and without JavaScript and uses no external resources. Every string
// that came from a page is escaped; CSV cells are neutralised against formula injection. Only
// one body's pages are in memory at a time.
#pragma once

#include <cstdint>
#include <string>

#include "engine/result.h"
#include "reports/scoring.h"
#include "store/store.h"

namespace plainsight::reports {

struct ScanReportOptions {
  std::string out_dir;
  int64_t scan_id = 0;     // 0: the latest scan
  int64_t compare_id = 0;  // 0: no comparison
  std::string title;       // "" : from the scan ("Sector scan #3")
  ScoringOptions scoring;
  size_t max_trend_scans = 6;  // earlier scans scored for the trend chart
};

struct ScanReportSummary {
  int64_t scan_id = 0;
  size_t bodies = 0;
  size_t pages = 0;
  size_t findings = 0;
  std::string index_path;
};

// Writes the report. Fails with kNotFound (no such scan, or no scan at all), kIo (the folder
// cannot be written) or the store's error.
engine::Result<ScanReportSummary> WriteScanReport(store::Store& store,
                                                  const ScanReportOptions& options);

}  // namespace plainsight::reports
