// The HTML pages of a scan report (scan_report.h): what the writer knows about each body and
// rule once a body has been read, and the functions that turn it into pages.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "reports/charts.h"
#include "reports/scan_data.h"
#include "reports/scoring.h"
#include "store/records.h"

namespace plainsight::reports {

// The same body in the scan compared with.
struct BodyComparison {
  bool present = false;  // the body was in that scan
  BodyScores before;
  CriterionMap criteria_before;
  std::vector<std::string> new_failures;  // "rule|url|selector"
  std::vector<std::string> fixed_failures;
};

// One body, kept for the overview after its own page is written.
struct BodySummary {
  store::ScanBody body;
  std::string file;  // "bodies/<safe id>.html"
  BodyTally tally;
  BodyScores scores;
  std::optional<BodyComparison> comparison;  // with --compare
};

struct FindingExample {
  std::string body_id;
  std::string body_name;
  std::string body_file;
  std::string page_url;
  std::string selector;
  std::string snippet;
  std::string message;
};

// A rule across the sector.
struct RuleAggregate {
  const RuleMeta* meta = nullptr;
  size_t bodies_failed = 0;
  size_t pages_failed = 0;
  uint64_t failed_error = 0;
  uint64_t failed_warning = 0;
  uint64_t cant_tell = 0;

  struct BodyCount {
    std::string name;
    std::string file;  // "bodies/<id>.html"
    size_t pages = 0;
  };

  std::vector<BodyCount> pages_by_body;
  std::vector<FindingExample> examples;  // at most a few
};

struct ReportContext {
  std::string title;
  store::ScanInfo scan;
  std::optional<store::ScanInfo> compare;
  std::vector<ChartPoint> trend;  // scans oldest first: "#3", median index
  std::string generated_at;
};

// The file a rule's page is written to ("rules/html.image-name.html").
std::string RuleFile(const std::string& rule_id);

void WriteBodyPage(std::ostream& out, const ReportContext& context, const BodySummary& summary,
                   const BodyData& data, const RuleIndex& rules);

void WriteRulePage(std::ostream& out, const ReportContext& context, const RuleAggregate& rule);

void WriteIndexPage(std::ostream& out, const ReportContext& context,
                    const std::vector<BodySummary>& bodies,
                    const std::vector<const RuleAggregate*>& common_failures, size_t pages,
                    size_t findings);

}  // namespace plainsight::reports
