// A scan read back from the store for reporting, one body at a time: the rules' metadata of the
// scan, each body's pages with their findings and site facts, and the tallies its scores come
// from. Only one body's pages are held at once, so a report's memory does not grow with the
// sector.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/result.h"
#include "reports/scoring.h"
#include "store/store.h"

namespace plainsight::reports {

struct RuleMeta {
  store::RuleInfo info;
  std::vector<std::string> wcag;      // split from info.wcag
  std::vector<std::string> en301549;  // split from info.en301549
  std::vector<std::string> act;
};

// The rules a scan ran, by id (from the store's snapshot, so reports show the help text of the
// rules that produced the findings).
class RuleIndex {
 public:
  static engine::Result<RuleIndex> Load(store::Store& store, int64_t scan_id);

  // nullptr for an id the scan did not record.
  const RuleMeta* Find(const std::string& id) const;

  const std::map<std::string, RuleMeta>& all() const { return rules_; }

 private:
  std::map<std::string, RuleMeta> rules_;
};

// One site-level check as stored (site_facts: name = check id, value = JSON).
struct SiteCheck {
  std::string id;
  std::string outcome;  // "passed", "failed", "cantTell" ("" when the value has none)
  std::string message;
  std::string value;  // the whole JSON value
};

struct BodyData {
  store::ScanBody body;
  std::vector<store::PageRecord> pages;  // in the order they were stored
  std::vector<SiteCheck> site_checks;
};

engine::Result<BodyData> LoadBody(store::Store& store, int64_t scan_id,
                                  const store::ScanBody& body);

// Whether a stored page is a document (PDF, office) rather than an HTML page.
bool IsDocument(const store::PageRecord& page);

// How a body's documents fared: those with a failed check, those with only checks to review,
// and those that could not be read (fetch or parse errors).
struct DocumentTally {
  size_t documents = 0;
  size_t with_failures = 0;
  size_t to_review = 0;
  size_t unreadable = 0;
};

DocumentTally TallyDocuments(const BodyData& body);
// "3 documents found: 2 with failed checks, 0 with checks to review only, 1 with nothing found,
// 0 that could not be read."
std::string DocumentsSummary(const DocumentTally& tally);
// The rules that failed on a page or document, each once, in the order of its findings.
std::vector<std::string> FailedRules(const store::PageRecord& page);

// The tallies of scoring.h for a body.
BodyTally Tally(const BodyData& body, const RuleIndex& rules, const ScoringOptions& options);

// The body's failures as "rule|page URL|selector" keys, for comparing scans.
std::set<std::string> FailureKeys(const BodyData& body);

// Splits "1.1.1, 4.1.2" into its items.
std::vector<std::string> SplitList(const std::string& joined);

}  // namespace plainsight::reports
