// plainsight report --db FILE --out DIR [--scan ID] [--compare ID] [--title TEXT]
// Writes a scan of a store as accessible HTML and open data (reports/scan_report.h).
#include <charconv>
#include <iostream>

#include "cli/commands.h"
#include "engine/terminal_text.h"
#include "reports/scan_report.h"
#include "store/store.h"

namespace plainsight::cli {
namespace {

constexpr const char* kUsage =
    "usage: plainsight report --db FILE --out DIR [--scan ID] [--compare ID] [--title TEXT]\n"
    "Writes DIR/index.html (the sector overview), a page per body and per rule, bodies.csv,\n"
    "pages.csv, findings.csv, report.json, datapackage.json and earl.jsonld.\n"
    "--scan ID: the scan to report (default: the latest); --compare ID: an earlier scan to\n"
    "compare with (what got better or worse, new and fixed failures).\n"
    "The scoring method is in docs/scoring.md.\n";

bool ParseId(const char* text, int64_t& out) {
  std::string_view s = text;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && out > 0;
}

}  // namespace

int RunReportCommand(int argc, char** argv) {
  std::string db_path;
  reports::ScanReportOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg != "--db" && arg != "--out" && arg != "--scan" && arg != "--compare" &&
        arg != "--title") {
      return UsageError("unknown argument '" + std::string(arg) + "'\n" + kUsage);
    }
    if (value == nullptr) {
      return UsageError(std::string(arg) + " needs a value\n" + kUsage);
    }
    ++i;
    if (arg == "--db") {
      db_path = value;
    } else if (arg == "--out") {
      options.out_dir = value;
    } else if (arg == "--title") {
      options.title = value;
    } else if (!ParseId(value, arg == "--scan" ? options.scan_id : options.compare_id)) {
      return UsageError(std::string(arg) +
                        " needs a scan id (a positive number; plainsight "
                        "scan --db FILE --status lists them), not '" +
                        value + "'");
    }
  }
  if (db_path.empty() || options.out_dir.empty()) {
    return UsageError(std::string("--db and --out are needed\n") + kUsage);
  }
  if (options.scan_id != 0 && options.scan_id == options.compare_id) {
    return UsageError("--compare needs another scan than --scan");
  }
  store::OpenOptions open;
  open.read_only = true;
  open.upgrade_older = true;  // a store of an earlier plainsight is upgraded, then read
  auto db = store::OpenStore(db_path, open);
  if (!db) {
    return UsageError(db.error().ToString());
  }
  auto written = reports::WriteScanReport(**db, options);
  if (!written) {
    return UsageError(engine::TerminalSafe(written.error().ToString()));
  }
  std::cerr << "report of scan " << written->scan_id << ": " << written->bodies << " bodies, "
            << written->pages << " pages, " << written->findings << " findings\n"
            << "open " << engine::TerminalSafe(written->index_path) << "\n";
  return 0;
}

}  // namespace plainsight::cli
