// Stored scan settings and the --status display (scan_settings.h).
#include "cli/scan_settings.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "audit/settings.h"
#include "cli/commands.h"
#include "cli/crawl_options.h"
#include "engine/terminal_text.h"

namespace plainsight::cli {
namespace {

// Applies crawl flags to `crawl` (they were validated when the scan started).
engine::Result<void> ApplyCrawlFlags(const std::vector<std::string>& flags,
                                     CrawlCliOptions& crawl) {
  std::vector<std::string> args = {"scan"};
  args.insert(args.end(), flags.begin(), flags.end());
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  int argc = static_cast<int>(argv.size());
  for (int i = 1; i < argc; ++i) {
    std::string error;
    int consumed = ParseCrawlFlag(argc, argv.data(), i, crawl, &error);
    if (consumed <= 0) {
      return engine::Fail(engine::ErrorCode::kInvalidArgument,
                          error.empty() ? "unknown option " + std::string(argv[i]) : error);
    }
  }
  return {};
}

}  // namespace

std::string ToJson(const StoredScanOptions& o) {
  return nlohmann::json{
      {"level", o.level}, {"rules", o.rules}, {"text", o.text}, {"crawl_flags", o.crawl_flags}}
      .dump();
}

engine::Result<StoredScanOptions> StoredScanOptionsFromJson(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return engine::Fail(engine::ErrorCode::kParse, "the scan's stored settings are not JSON");
  }
  StoredScanOptions o;
  o.level = j.value("level", "AA");
  o.rules = j.value("rules", "");
  o.text = j.value("text", true);
  if (j.contains("crawl_flags") && j["crawl_flags"].is_array()) {
    for (const auto& f : j["crawl_flags"]) {
      if (f.is_string()) {
        o.crawl_flags.push_back(f.get<std::string>());
      }
    }
  }
  return o;
}

engine::Result<audit::ScanSettings> ScanSettingsFor(const StoredScanOptions& options) {
  auto rules = audit::SelectRules(options.level, options.rules);
  if (!rules) {
    return rules.error();
  }
  audit::ScanSettings settings;
  settings.audit.level = options.level;
  settings.audit.rules = *rules;
  settings.audit.text = options.text;
  CrawlCliOptions crawl;
  if (auto applied = ApplyCrawlFlags(options.crawl_flags, crawl); !applied) {
    return applied.error();
  }
  settings.crawl = crawl.crawl;
  return settings;
}

std::string Duration(double seconds) {
  if (seconds < 0) {
    return "?";
  }
  long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lds", s);
  }
  return buf;
}

int PrintScanStatus(store::Store& db, const std::string& location) {
  std::string shown = engine::TerminalSafe(store::DisplayLocation(location));
  auto scans = db.Scans();
  if (!scans) {
    return UsageError(scans.error().ToString());
  }
  if (scans->empty()) {
    std::printf("%s: no scans yet (plainsight scan BODIES.csv --db %s)\n", shown.c_str(),
                shown.c_str());
    return 0;
  }
  std::printf("scans in %s:\n", shown.c_str());
  for (const store::ScanInfo& s : *scans) {
    std::printf("  #%-4lld %s  %-11s %4zu bodies  %s%s\n", static_cast<long long>(s.id),
                s.started_at.c_str(), store::ScanStatusName(s.status), s.bodies,
                s.finished_at.empty() ? "" : "finished ", s.finished_at.c_str());
  }
  const store::ScanInfo& latest = scans->back();
  auto progress = db.Progress(latest.id);
  auto bodies = db.Bodies(latest.id);
  if (!progress || !bodies) {
    return UsageError((!progress ? progress.error() : bodies.error()).ToString());
  }
  std::printf("\nscan #%lld (%s): %zu of %zu bodies finished, %zu failed; %zu pages, %zu errors\n",
              static_cast<long long>(latest.id), store::ScanStatusName(latest.status),
              progress->bodies_done, progress->bodies, progress->bodies_failed, progress->pages,
              progress->errors);
  if (progress->bodies_leased > 0) {
    std::printf("  %zu bodies held by fleet workers now\n", progress->bodies_leased);
  }
  std::printf("  %-16s %-8s %6s %6s %8s  %s\n", "body", "state", "pages", "errors", "failures",
              "name (why it failed)");
  for (const store::ScanBody& b : *bodies) {
    bool finished = b.state == store::BodyState::kDone || b.state == store::BodyState::kFailed;
    std::string pages = finished ? std::to_string(b.pages) : "-";
    std::string errors = finished ? std::to_string(b.errors) : "-";
    std::string failures = finished ? std::to_string(b.failures) : "-";
    std::string name = b.body.name;
    if (b.state == store::BodyState::kFailed) {
      name += ": " + b.reason;
    } else if (b.state == store::BodyState::kRunning && !b.lease_owner.empty()) {
      name += " [worker " + b.lease_owner + ", lease until " + b.lease_until + "]";
    }
    std::printf("  %-16s %-8s %6s %6s %8s  %s\n", engine::TerminalSafe(b.body.id).c_str(),
                store::BodyStateName(b.state), pages.c_str(), errors.c_str(), failures.c_str(),
                engine::TerminalSafe(name).c_str());
  }
  return 0;
}

}  // namespace plainsight::cli
