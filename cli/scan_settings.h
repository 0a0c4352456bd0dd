// What `plainsight scan` and `plainsight worker` share: the settings a scan keeps in its store
// (so that --resume and every fleet worker run it as it was started or queued), and the
// --status display.
#pragma once

#include <string>
#include <vector>

#include "audit/scan.h"
#include "engine/result.h"
#include "store/store.h"

namespace plainsight::cli {

// The settings a scan was started with, kept as JSON in the store (scans.options).
struct StoredScanOptions {
  std::string level = "AA";
  std::string rules;  // comma-separated ids, "" for the level's rules
  bool text = true;
  std::vector<std::string> crawl_flags;  // as given, re-read by --resume and workers
};

std::string ToJson(const StoredScanOptions& options);

// Fails with kParse when `text` is not a JSON object.
engine::Result<StoredScanOptions> StoredScanOptionsFromJson(const std::string& text);

// The scan settings (rules, text analysis, crawl options) that stored options describe; threads,
// concurrency and the cancel flag are left to the caller. Fails with kInvalidArgument when a rule
// or crawl flag is not one this plainsight knows (a store written by another version).
engine::Result<audit::ScanSettings> ScanSettingsFor(const StoredScanOptions& options);

// "1h02m", "3m05s", "12s"; "?" for a negative time.
std::string Duration(double seconds);

// `plainsight scan --db LOCATION --status`: the scans in the store and the latest in detail
// (per body: state, pages, errors, failures, why it failed, which worker holds it). Returns the
// exit status (2 when the store cannot be read).
int PrintScanStatus(store::Store& db, const std::string& location);

}  // namespace plainsight::cli
