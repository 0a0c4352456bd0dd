// plainsight scan BODIES.csv --db scan.db [--resume] [--sample eu|--max-pages N]
//                 [--concurrency N] [--threads N] [--allow-private] [crawl options]
// plainsight scan BODIES.csv --db postgresql://... --enqueue [options]
// plainsight scan --db scan.db --status
// Scans every public body listed in BODIES.csv into a store (audit/scan.h), queues the scan for
// fleet workers (plainsight worker), or shows where the scans in a store stand.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <ranges>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "audit/bodies_csv.h"
#include "audit/local_files.h"
#include "audit/scan.h"
#include "audit/settings.h"
#include "cli/commands.h"
#include "cli/crawl_options.h"
#include "cli/scan_settings.h"
#include "engine/terminal_text.h"
#include "store/store.h"

namespace plainsight::cli {
namespace {

constexpr const char* kUsage =
    "usage: plainsight scan BODIES.csv --db FILE [--resume] [--sample eu | --max-pages N]\n"
    "                       [--concurrency N] [--threads N] [--level A|AA|AAA] [--rules ID,...]\n"
    "                       [--no-text] [--allow-private] [crawl options]\n"
    "       plainsight scan BODIES.csv --db URI --enqueue [options]   queue the scan for fleet\n"
    "                       workers (plainsight worker --db URI) and return\n"
    "       plainsight scan --db FILE --resume     carry on the latest unfinished scan\n"
    "       plainsight scan --db FILE --status     the scans in the store, and the latest in "
    "detail\n"
    "BODIES.csv: a header line and the columns id,name,url[,sector][,lang] (UTF-8 CSV).\n"
    "--db FILE: the scan store (SQLite; created when missing), or a PostgreSQL connection URI\n"
    "           (postgresql://user:password@host:port/database). Each scan is kept; a new scan\n"
    "           of the same store gets a new id.\n"
    "--concurrency N: bodies crawled at once (default 8; never two on the same host).\n"
    "--threads N: audit threads (default: one per core).\n"
    "Exit status: 0 the scan finished (bodies that could not be reached are recorded as\n"
    "failed), 2 bad usage or the store could not be used, 130 interrupted (--resume carries on).\n";

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) {
  g_interrupted = true;
  // A second Ctrl-C ends at once (what is committed stays).
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace

int RunScanCommand(int argc, char** argv) {
  std::string bodies_path;
  std::string db_path;
  bool resume = false;
  bool status = false;
  bool enqueue = false;
  std::string level = "AA";
  std::string only_rules;
  bool text = true;
  bool level_given = false;
  int concurrency = 8;
  int threads = 0;
  CrawlCliOptions crawl;
  std::vector<std::string> crawl_flags;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](const char* what) -> const char* {
      if (i + 1 >= argc) {
        return nullptr;
      }
      (void)what;
      return argv[++i];
    };
    auto positive = [&](const char* flag, int& out) -> bool {
      const char* v = value(flag);
      char* end = nullptr;
      long n = v != nullptr ? std::strtol(v, &end, 10) : 0;
      if (v == nullptr || *end != '\0' || n < 1 || n > 1024) {
        return false;
      }
      out = static_cast<int>(n);
      return true;
    };
    if (arg == "--db") {
      const char* v = value("--db");
      if (v == nullptr) {
        return UsageError("--db needs a file path");
      }
      db_path = v;
    } else if (arg == "--resume") {
      resume = true;
    } else if (arg == "--status") {
      status = true;
    } else if (arg == "--enqueue") {
      enqueue = true;
    } else if (arg == "--level") {
      const char* v = value("--level");
      if (v == nullptr) {
        return UsageError("--level needs A, AA or AAA");
      }
      level = v;
      level_given = true;
    } else if (arg == "--rules") {
      const char* v = value("--rules");
      if (v == nullptr) {
        return UsageError("--rules needs a comma-separated list of rule ids");
      }
      only_rules = v;
      level_given = true;
    } else if (arg == "--no-text") {
      text = false;
      level_given = true;
    } else if (arg == "--concurrency") {
      if (!positive("--concurrency", concurrency)) {
        return UsageError("--concurrency needs a number of bodies from 1 to 1024");
      }
    } else if (arg == "--threads") {
      if (!positive("--threads", threads)) {
        return UsageError("--threads needs a number from 1 to 1024");
      }
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage << "\ncrawl options (per body):\n" << CrawlFlagsHelp();
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      int start = i;
      std::string error;
      int consumed = ParseCrawlFlag(argc, argv, i, crawl, &error);
      if (consumed < 0) {
        return UsageError(error);
      }
      if (consumed == 0) {
        return UsageError("unknown option " + std::string(arg) + "\n" + kUsage);
      }
      // Display flags are not part of the scan's settings.
      if (arg != "--progress") {
        for (int k = start; k <= i; ++k) {
          crawl_flags.emplace_back(argv[k]);
        }
      }
    } else if (bodies_path.empty()) {
      bodies_path = std::string(arg);
    } else {
      return UsageError("one bodies file at a time, not also '" + std::string(arg) + "'\n" +
                        kUsage);
    }
  }
  if (db_path.empty()) {
    return UsageError(std::string("--db FILE is needed: where the scan is stored\n") + kUsage);
  }
  std::string shown_db = store::DisplayLocation(db_path);
  store::OpenOptions open;
  if (status) {
    if (enqueue || resume) {
      return UsageError("--status shows the scans; it cannot be used with --enqueue or --resume");
    }
    open.read_only = true;
    open.upgrade_older = true;  // a store of an earlier plainsight is upgraded, then read
    auto db = store::OpenStore(db_path, open);
    if (!db) {
      return UsageError(db.error().ToString());
    }
    return PrintScanStatus(**db, db_path);
  }
  if (enqueue && resume) {
    return UsageError(
        "--enqueue queues a new scan; a queued scan is carried on by the workers, not --resume");
  }
  if (bodies_path.empty() && !resume) {
    return UsageError(std::string("no bodies file: give BODIES.csv, or --resume to carry on the "
                                  "latest unfinished scan\n") +
                      kUsage);
  }

  // The bodies, when a file is given.
  std::vector<store::Body> bodies;
  if (!bodies_path.empty()) {
    auto bytes = audit::ReadFile(bodies_path, 64u << 20);
    if (!bytes) {
      return UsageError(bytes.error().ToString());
    }
    auto list = audit::ParseBodiesCsv(*bytes);
    if (!list) {
      engine::Error e = list.error();
      return UsageError(bodies_path + (e.where.empty() ? "" : ":" + e.where.substr(5)) + ": " +
                        e.message);
    }
    for (const audit::BodiesProblem& p : list->problems) {
      std::fprintf(stderr, "%s:%d: %s\n", engine::TerminalSafe(bodies_path).c_str(), p.line,
                   engine::TerminalSafe(p.message).c_str());
    }
    if (list->bodies.empty()) {
      return UsageError(bodies_path + ": no body to scan: every row was left out");
    }
    bodies = std::move(list->bodies);
  }

  auto db = store::OpenStore(db_path, open);
  if (!db) {
    return UsageError(db.error().ToString());
  }
  store::Store& st = **db;

  // Which scan: the latest unfinished one (--resume) or a new one.
  int64_t scan_id = 0;
  StoredScanOptions options;
  if (resume) {
    auto scans = st.Scans();
    if (!scans) {
      return UsageError(scans.error().ToString());
    }
    const store::ScanInfo* open_scan = nullptr;
    for (auto it = scans->rbegin(); it != scans->rend(); ++it) {
      if (it->status != store::ScanStatus::kDone) {
        open_scan = &*it;
        break;
      }
    }
    if (open_scan == nullptr) {
      return UsageError(scans->empty() ? "nothing to resume: there is no scan in " + shown_db +
                                             " yet (leave out --resume to start one)"
                                       : "nothing to resume: every scan in " + shown_db +
                                             " is done (leave out --resume to start a new scan)");
    }
    scan_id = open_scan->id;
    auto stored = StoredScanOptionsFromJson(open_scan->options);
    if (!stored) {
      return UsageError(stored.error().ToString());
    }
    options = *stored;
    if (!bodies.empty()) {
      auto in_store = st.Bodies(scan_id);
      if (!in_store) {
        return UsageError(in_store.error().ToString());
      }
      bool same = in_store->size() == bodies.size();
      for (size_t i = 0; same && i < bodies.size(); ++i) {
        same = (*in_store)[i].body.id == bodies[i].id && (*in_store)[i].body.url == bodies[i].url;
      }
      if (!same) {
        return UsageError("scan #" + std::to_string(scan_id) +
                          " was started with other bodies than " + bodies_path +
                          ": leave out --resume to start a new scan, or resume without the file");
      }
    }
    if (!crawl_flags.empty() || level_given) {
      std::fprintf(stderr,
                   "plainsight: resuming scan #%lld with the settings it started with; the "
                   "crawl and rule options given now are ignored\n",
                   static_cast<long long>(scan_id));
    }
    std::fprintf(stderr, "plainsight: resuming scan #%lld (started %s)\n",
                 static_cast<long long>(scan_id), open_scan->started_at.c_str());
  } else {
    options.level = level;
    options.rules = only_rules;
    options.text = text;
    options.crawl_flags = crawl_flags;
  }

  auto scan_settings = ScanSettingsFor(options);
  if (!scan_settings) {
    return UsageError(scan_settings.error().message);
  }
  audit::ScanSettings settings = std::move(*scan_settings);
  settings.concurrency = concurrency;
  settings.threads = threads;

  if (!resume) {
    auto scans = st.Scans();
    if (scans) {
      for (const store::ScanInfo& s : *scans) {
        if (s.status == store::ScanStatus::kInterrupted ||
            s.status == store::ScanStatus::kRunning) {
          std::fprintf(stderr,
                       "plainsight: note: scan #%lld did not finish; --resume carries it on\n",
                       static_cast<long long>(s.id));
        }
      }
    }
    store::NewScan scan;
    scan.tool_version = PLAINSIGHT_VERSION;
    scan.options = ToJson(options);
    scan.source = bodies_path;
    scan.bodies = bodies;
    scan.rules = audit::RuleInfos(settings.audit.rules);
    scan.status = enqueue ? store::ScanStatus::kQueued : store::ScanStatus::kRunning;
    auto created = st.CreateScan(scan);
    if (!created) {
      return UsageError(created.error().ToString());
    }
    scan_id = *created;
    if (enqueue) {
      std::fprintf(stderr,
                   "plainsight: scan #%lld of %zu bodies queued in %s\nStart workers to carry "
                   "it out: plainsight worker --db URI (see docs/fleet.md); plainsight scan --db "
                   "URI --status shows progress.\n",
                   static_cast<long long>(scan_id), bodies.size(),
                   engine::TerminalSafe(shown_db).c_str());
      return 0;
    }
    std::fprintf(stderr, "plainsight: scan #%lld of %zu bodies into %s\n",
                 static_cast<long long>(scan_id), bodies.size(),
                 engine::TerminalSafe(shown_db).c_str());
  }

  // Progress: a live line on a terminal, log lines every few seconds elsewhere.
  auto mode = crawl.progress;
  if (mode == CrawlCliOptions::Progress::kAuto) {
    mode = isatty(STDERR_FILENO) ? CrawlCliOptions::Progress::kTerminal
                                 : CrawlCliOptions::Progress::kPlain;
  }
  bool terminal = mode == CrawlCliOptions::Progress::kTerminal;
  bool plain = mode == CrawlCliOptions::Progress::kPlain;
  auto started = std::chrono::steady_clock::now();
  size_t done_at_start = 0;
  bool first_progress = true;
  auto last_log = started;
  std::mutex print_mutex;
  audit::ScanEvents events;
  events.on_body = [&](const store::Body& body, store::BodyState state, const std::string& reason,
                       size_t pages) {
    std::lock_guard<std::mutex> lock(print_mutex);
    if (state == store::BodyState::kFailed) {
      std::fprintf(stderr, "%sfailed %s (%s): %s\n", terminal ? "\r\033[K" : "",
                   engine::TerminalSafe(body.id).c_str(), engine::TerminalSafe(body.name).c_str(),
                   engine::TerminalSafe(reason).c_str());
    } else if (plain) {
      std::fprintf(stderr, "done %s (%s): %zu pages\n", engine::TerminalSafe(body.id).c_str(),
                   engine::TerminalSafe(body.name).c_str(), pages);
    }
  };
  events.on_warning = [&](const std::string& body_id, const std::string& message) {
    if (!plain) {
      return;
    }
    std::lock_guard<std::mutex> lock(print_mutex);
    std::fprintf(stderr, "warning: %s: %s\n", engine::TerminalSafe(body_id).c_str(),
                 engine::TerminalSafe(message).c_str());
  };
  events.on_progress = [&](const audit::ScanCounters& c) {
    auto now = std::chrono::steady_clock::now();
    if (first_progress) {
      done_at_start = c.bodies_done;
      first_progress = false;
    }
    double elapsed = std::chrono::duration<double>(now - started).count();
    size_t done = c.bodies_done;
    size_t total = c.bodies_total;
    double rate = elapsed > 0 ? static_cast<double>(c.pages) / elapsed : 0;
    size_t done_now = done - std::min(done, done_at_start);
    double eta = done_now > 0
                     ? elapsed / static_cast<double>(done_now) * static_cast<double>(total - done)
                     : -1;
    std::lock_guard<std::mutex> lock(print_mutex);
    if (terminal) {
      std::fprintf(stderr,
                   "\r\033[Kbodies %zu/%zu, %zu pages, %.1f pages/s, %zu errors, %zu failed, "
                   "ETA %s",
                   done, total, static_cast<size_t>(c.pages), rate, static_cast<size_t>(c.errors),
                   static_cast<size_t>(c.bodies_failed), Duration(eta).c_str());
      std::fflush(stderr);
    } else if (plain && now - last_log >= std::chrono::seconds(5)) {
      last_log = now;
      std::fprintf(stderr,
                   "progress: bodies %zu/%zu, %zu pages, %.1f pages/s, %zu errors, ETA %s\n", done,
                   total, static_cast<size_t>(c.pages), rate, static_cast<size_t>(c.errors),
                   Duration(eta).c_str());
    }
  };

  g_interrupted = false;
  settings.cancel = &g_interrupted;

  // The handlers stay until this command returns: a Ctrl-C that comes after the scan was
  // committed as done, while the summary is written, changes nothing (the exit status stays 0)
  // instead of ending the process half-way through its last lines.
  struct HandlersInstalled {
    using Handler = void (*)(int);
    Handler old_int = std::signal(SIGINT, OnInterrupt);
    Handler old_term = std::signal(SIGTERM, OnInterrupt);
    HandlersInstalled() = default;
    HandlersInstalled(const HandlersInstalled&) = delete;
    HandlersInstalled& operator=(const HandlersInstalled&) = delete;

    ~HandlersInstalled() {
      std::signal(SIGINT, old_int);
      std::signal(SIGTERM, old_term);
    }
  } handlers;

  audit::ScanCounters counters;
  auto result = audit::RunScan(st, scan_id, settings, events, &counters);
  // Test-only fault injection: PLAINSIGHT_FAULT_INTERRUPT_AFTER_SCAN=1 sends this process a
  // Ctrl-C once the scan has returned, as a late one would arrive.
  if (const char* late = std::getenv("PLAINSIGHT_FAULT_INTERRUPT_AFTER_SCAN");
      late != nullptr && std::string_view(late) == "1") {
    std::raise(SIGINT);
  }
  if (terminal) {
    std::fputs("\r\033[K", stderr);
  }
  if (!result) {
    std::fprintf(stderr,
                 "plainsight: the scan stopped: %s\nWhat was committed is kept; fix the store "
                 "and run again with --resume.\n",
                 engine::TerminalSafe(result.error().ToString()).c_str());
    return 2;
  }
  auto progress = st.Progress(scan_id);
  std::fprintf(
      stderr,
      "scan #%lld %s: %zu of %zu bodies finished (%zu failed), %zu pages stored "
      "in this run in %s (%.1f pages/s)\n",
      static_cast<long long>(scan_id), result->cancelled ? "interrupted" : "done",
      progress ? progress->bodies_done : 0, result->bodies,
      progress ? progress->bodies_failed : result->bodies_failed, result->pages,
      Duration(result->elapsed_s).c_str(),
      result->elapsed_s > 0 ? static_cast<double>(result->pages) / result->elapsed_s : 0.0);
  if (result->cancelled) {
    std::fprintf(stderr, "plainsight: interrupted; run with --resume to carry on\n");
    return 130;
  }
  std::fprintf(stderr, "plainsight scan --db %s --status shows each body\n",
               engine::TerminalSafe(shown_db).c_str());
  return 0;
}

}  // namespace plainsight::cli
