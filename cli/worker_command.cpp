// plainsight worker --db URI [--allow-private] [--threads N] [--wait] [--lease-s N] [--id NAME]
// A fleet worker (docs/fleet.md): takes one body at a time from the queued scans of a shared
// store, crawls and audits it with the scan's own settings, and commits each page as it goes.
//
// - The lease on the body is renewed every third of its length from a second connection, so that
//   a backlog of page writes never delays it. A worker that stops renewing (killed, cut off) loses
//   the body when the lease runs out, and another worker carries on from the pages stored.
// - A lost lease (taken by another worker after it ran out) stops the crawl of that body at once.
// - When the database goes away, the worker keeps what it has, waits with exponential backoff
//   (0.5 s doubling to 30 s, with jitter so that a fleet does not come back in step) and carries
//   on when the database is back; errors that waiting cannot cure (a login refused, a store of a
//   newer plainsight) end it with exit status 2.
// - SIGTERM or SIGINT: the crawl stops, pages already fetched are audited and stored, the lease
//   is released (the body goes back to the queue) and the worker exits 0. A second signal ends
//   it at once.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

#include "audit/scan.h"
#include "cli/commands.h"
#include "cli/scan_settings.h"
#include "engine/terminal_text.h"
#include "store/store.h"
#include "store/timed_store.h"

namespace plainsight::cli {
namespace {

constexpr const char* kUsage =
    "usage: plainsight worker --db URI [--allow-private] [--threads N] [--wait] [--lease-s N]\n"
    "                         [--id NAME]\n"
    "Takes bodies of queued scans (plainsight scan BODIES.csv --db URI --enqueue) one at a time,\n"
    "crawls and audits each with the scan's settings and stores its pages as it goes.\n"
    "  --db URI         the shared store: postgresql://user:password@host:port/database (an\n"
    "                   SQLite file works too, for workers on one machine)\n"
    "  --allow-private  let this worker crawl loopback and private addresses, for scans queued\n"
    "                   with --allow-private (without it, they are refused)\n"
    "  --threads N      audit threads (default: one per core)\n"
    "  --wait           when no body is left, wait for new scans instead of exiting\n"
    "  --lease-s N      how long a body stays this worker's without a renewal (default 60;\n"
    "                   renewed every N/3 s); after it, another worker may take the body\n"
    "  --id NAME        the worker's name in the store (default: host name and process id)\n"
    "Exit status: 0 no body left (or stopped by SIGTERM/SIGINT, lease released), 2 bad usage or\n"
    "a store that cannot be used (it waits and retries while the database is unreachable).\n";

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) {
  g_stop = true;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

// Sleeps up to `seconds`, waking early when a stop signal comes. Returns false when stopped.
bool SleepUnlessStopped(double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (g_stop) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return !g_stop;
}

// Exponential backoff with jitter for a database that went away.
class Backoff {
 public:
  // The next wait, in seconds: 0.5, 1, 2, ... 30, each +-25%.
  double Next() {
    double base = std::min(30.0, 0.5 * static_cast<double>(1u << std::min(failures_, 6)));
    ++failures_;
    std::uniform_real_distribution<double> jitter(0.75, 1.25);
    return base * jitter(rng_);
  }

  void Reset() { failures_ = 0; }

  int failures() const { return failures_; }

 private:
  int failures_ = 0;
  std::mt19937 rng_{std::random_device{}()};
};

void Log(const char* format, const std::string& a = {}, const std::string& b = {},
         const std::string& c = {}) {
  std::fprintf(stderr, format, engine::TerminalSafe(a).c_str(), engine::TerminalSafe(b).c_str(),
               engine::TerminalSafe(c).c_str());
  std::fflush(stderr);
}

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::string DefaultWorkerId() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') {
    std::snprintf(host, sizeof host, "worker");
  }
  return std::string(host) + "-" + std::to_string(getpid());
}

// What is left for workers in the queued and running scans: bodies pending or under a fleet
// lease (live or run out). Scans with no unfinished body are marked done on the way. Bodies
// running without a lease belong to a `plainsight scan` on one machine and are not counted.
engine::Result<size_t> WorkLeft(store::Store& db) {
  auto scans = db.OpenScans();
  if (!scans) {
    return scans.error();
  }
  size_t left = 0;
  for (const store::Store::OpenScan& s : *scans) {
    left += s.to_do;
    if (s.unfinished == 0) {
      if (auto done = db.SetScanStatus(s.scan_id, store::ScanStatus::kDone); !done) {
        return done.error();
      }
    }
  }
  return left;
}

struct WorkerFlags {
  std::string db;
  bool allow_private = false;
  int threads = 0;
  bool wait = false;
  int lease_s = 60;
  std::string id;
};

// The scan settings of a scan, for this worker.
struct ScanPlan {
  audit::ScanSettings settings;
  std::string refused_note;  // why the worker runs it with less than it asked for
};

engine::Result<ScanPlan> PlanFor(store::Store& db, int64_t scan_id, const WorkerFlags& flags) {
  auto scan = db.Scan(scan_id);
  if (!scan) {
    return scan.error();
  }
  if (!*scan) {
    return engine::Fail(engine::ErrorCode::kNotFound,
                        "scan #" + std::to_string(scan_id) + " is not in the store");
  }
  auto options = StoredScanOptionsFromJson((*scan)->options);
  if (!options) {
    return options.error();
  }
  auto settings = ScanSettingsFor(*options);
  if (!settings) {
    return engine::Fail(settings.error().code,
                        "scan #" + std::to_string(scan_id) + " was queued by plainsight " +
                            (*scan)->tool_version + " with settings this plainsight (" +
                            PLAINSIGHT_VERSION ") cannot run: " + settings.error().message);
  }
  ScanPlan plan;
  plan.settings = std::move(*settings);
  plan.settings.threads = flags.threads;
  // Interpretation: loopback and private addresses are crawled only when both the scan asked for
  // it and the worker's operator allowed it: a queued scan cannot point a fleet at the internal
  // network it runs in.
  if (plan.settings.crawl.allow_private && !flags.allow_private) {
    plan.settings.crawl.allow_private = false;
    plan.refused_note = "scan #" + std::to_string(scan_id) +
                        " was queued with --allow-private, but this worker was not started with "
                        "--allow-private: private and loopback addresses are refused";
  }
  return plan;
}

}  // namespace

int RunWorkerCommand(int argc, char** argv) {
  WorkerFlags flags;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto number = [&](int low, int high, int& out) {
      if (i + 1 >= argc) {
        return false;
      }
      char* end = nullptr;
      long n = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || n < low || n > high) {
        return false;
      }
      out = static_cast<int>(n);
      return true;
    };
    if (arg == "--db") {
      if (i + 1 >= argc) {
        return UsageError("--db needs a connection URI");
      }
      flags.db = argv[++i];
    } else if (arg == "--allow-private") {
      flags.allow_private = true;
    } else if (arg == "--wait") {
      flags.wait = true;
    } else if (arg == "--threads") {
      if (!number(1, 1024, flags.threads)) {
        return UsageError("--threads needs a number from 1 to 1024");
      }
    } else if (arg == "--lease-s") {
      if (!number(2, 86400, flags.lease_s)) {
        return UsageError("--lease-s needs a number of seconds from 2 to 86400");
      }
    } else if (arg == "--id") {
      if (i + 1 >= argc || argv[i + 1][0] == '\0') {
        return UsageError("--id needs a name");
      }
      flags.id = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else {
      return UsageError("unknown option " + std::string(arg) + "\n" + kUsage);
    }
  }
  if (flags.db.empty()) {
    return UsageError(std::string("--db URI is needed: the store the scans are queued in\n") +
                      kUsage);
  }
  if (flags.id.empty()) {
    flags.id = DefaultWorkerId();
  }
  const std::string shown_db = store::DisplayLocation(flags.db);
  const std::string& owner = flags.id;

  g_stop = false;
  auto old_int = std::signal(SIGINT, OnStopSignal);
  auto old_term = std::signal(SIGTERM, OnStopSignal);

  struct RestoreSignals {
    decltype(old_int) i, t;

    ~RestoreSignals() {
      std::signal(SIGINT, i);
      std::signal(SIGTERM, t);
    }
  } restore{old_int, old_term};

  auto started = std::chrono::steady_clock::now();
  double cpu_at_start = CpuSeconds();
  Backoff backoff;
  // Two connections: `data` for the scanner's writer thread (pages, skips, body state), and
  // `control` for leases, renewals and the queue, so that renewals never wait behind pages.
  std::unique_ptr<store::Store> data_store, control;
  auto open_both = [&]() -> engine::Result<void> {
    for (auto* s : {&data_store, &control}) {
      if (*s) {
        continue;
      }
      auto db = store::OpenStore(flags.db);
      if (!db) {
        return db.error();
      }
      *s = std::move(*db);
    }
    return {};
  };
  while (true) {
    auto opened = open_both();
    if (opened) {
      break;
    }
    if (!store::IsRetryable(opened.error())) {
      return UsageError(opened.error().ToString());
    }
    double wait = backoff.Next();
    std::fprintf(stderr, "worker %s: %s; trying again in %.1f s\n",
                 engine::TerminalSafe(owner).c_str(),
                 engine::TerminalSafe(opened.error().ToString()).c_str(), wait);
    if (!SleepUnlessStopped(wait)) {
      return 0;
    }
  }
  backoff.Reset();
  store::TimedStore data(*data_store);
  Log("worker %s: taking bodies from %s\n", owner, shown_db);

  audit::ScanCounters counters;
  audit::ScanEvents events;
  std::mutex log_mutex;
  events.on_body = [&](const store::Body& body, store::BodyState state, const std::string& reason,
                       size_t pages) {
    std::lock_guard<std::mutex> lock(log_mutex);
    if (state == store::BodyState::kFailed) {
      Log("failed %s (%s): %s\n", body.id, body.name, reason);
    } else {
      std::fprintf(stderr, "done %s (%s): %zu pages\n", engine::TerminalSafe(body.id).c_str(),
                   engine::TerminalSafe(body.name).c_str(), pages);
    }
  };
  events.on_warning = [&](const std::string& body_id, const std::string& message) {
    std::lock_guard<std::mutex> lock(log_mutex);
    Log("warning: %s: %s\n", body_id, message);
  };

  std::unique_ptr<audit::Scanner> scanner;
  int64_t scanner_scan = 0;
  std::map<int64_t, bool> noted;
  size_t bodies = 0;
  int exit_code = 0;
  // With --wait and nothing queued, how often to look for new scans.
  const double poll_s = std::clamp(flags.lease_s / 4.0, 0.5, 5.0);
  // With bodies still held by other workers, how often to look again: soon, so that the last
  // worker standing exits as soon as the scan is done, and a body whose holder died is taken
  // up as soon as its lease runs out. OpenScans reads body states only, so this stays cheap.
  const double others_poll_s = std::min(poll_s, 0.5);
  // Waits after a retryable error; false when stopped meanwhile.
  auto wait_after = [&](const engine::Error& e) {
    double wait = backoff.Next();
    std::fprintf(stderr, "worker %s: %s; trying again in %.1f s\n",
                 engine::TerminalSafe(owner).c_str(), engine::TerminalSafe(e.ToString()).c_str(),
                 wait);
    return SleepUnlessStopped(wait);
  };

  while (!g_stop) {
    auto leased = control->LeaseBody(owner, flags.lease_s);
    if (!leased) {
      if (!store::IsRetryable(leased.error())) {
        UsageError(leased.error().ToString());
        exit_code = 2;
        break;
      }
      wait_after(leased.error());
      continue;
    }
    if (!*leased) {
      auto left = WorkLeft(*control);
      if (!left) {
        if (!store::IsRetryable(left.error())) {
          UsageError(left.error().ToString());
          exit_code = 2;
          break;
        }
        wait_after(left.error());
        continue;
      }
      backoff.Reset();
      if (*left == 0 && !flags.wait) {
        Log("worker %s: no body left in the queue\n", owner);
        break;
      }
      // Bodies others hold (their leases may run out), or none yet with --wait.
      SleepUnlessStopped(*left > 0 ? others_poll_s : poll_s);
      continue;
    }
    backoff.Reset();
    const store::Store::Lease lease = std::move(**leased);
    if (scanner == nullptr || scanner_scan != lease.scan_id) {
      scanner.reset();
      auto plan = PlanFor(*control, lease.scan_id, flags);
      if (!plan) {
        (void)control->ReleaseLease(lease, owner);
        if (store::IsRetryable(plan.error())) {
          wait_after(plan.error());
          continue;
        }
        UsageError(plan.error().ToString());
        exit_code = 2;
        break;
      }
      if (!plan->refused_note.empty() && !noted[lease.scan_id]) {
        noted[lease.scan_id] = true;
        Log("worker %s: note: %s\n", owner, plan->refused_note);
      }
      scanner = std::make_unique<audit::Scanner>(data, plan->settings, events, &counters);
      scanner_scan = lease.scan_id;
      if (std::string why = scanner->text_off_reason(); !why.empty()) {
        Log("worker %s: note: the plain-language analysis is off: %s\n", owner, why);
      }
    }
    {
      auto scan = control->Scan(lease.scan_id);
      if (scan && *scan && (*scan)->status == store::ScanStatus::kQueued) {
        (void)control->SetScanStatus(lease.scan_id, store::ScanStatus::kRunning);
      }
    }
    Log("worker %s: scanning %s (%s)\n", owner, lease.body.id, lease.body.url);

    // The renewer: keeps the lease, and stops the crawl on a lost lease or a stop signal.
    std::atomic<bool> lost{false};
    std::atomic<bool> body_over{false};
    std::mutex renew_mutex;
    std::condition_variable renew_cv;
    std::thread renewer([&] {
      auto interval = std::chrono::milliseconds(flags.lease_s * 1000 / 3);
      auto next = std::chrono::steady_clock::now() + interval;
      bool reported = false;
      std::unique_lock<std::mutex> lock(renew_mutex);
      while (!body_over) {
        renew_cv.wait_for(lock, std::chrono::milliseconds(100));
        if (body_over) {
          break;
        }
        if (g_stop) {
          scanner->Stop();
        }
        if (std::chrono::steady_clock::now() < next) {
          continue;
        }
        auto renewed = control->RenewLease(lease, owner, flags.lease_s);
        if (renewed) {
          next = std::chrono::steady_clock::now() + interval;
          if (reported) {
            Log("worker %s: lease on %s renewed again\n", owner, lease.body.id);
            reported = false;
          }
        } else if (renewed.error().code == engine::ErrorCode::kNotFound) {
          lost = true;
          scanner->Stop();
          break;
        } else {
          // The database is away: try again soon; if the lease runs out meanwhile, another
          // worker may take the body and the next renewal says so.
          if (!reported) {
            Log("worker %s: cannot renew the lease on %s: %s\n", owner, lease.body.id,
                renewed.error().ToString());
            reported = true;
          }
          next = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        }
      }
    });
    auto state = scanner->ScanBody(lease.scan_id, lease.body);
    {
      std::lock_guard<std::mutex> lock(renew_mutex);
      body_over = true;
    }
    renew_cv.notify_all();
    renewer.join();

    if (state && *state != store::BodyState::kRunning) {
      ++bodies;
      // The last body of a scan marks it done.
      if (auto open = control->OpenScans(); open) {
        for (const store::Store::OpenScan& s : *open) {
          if (s.scan_id == lease.scan_id && s.unfinished == 0) {
            (void)control->SetScanStatus(lease.scan_id, store::ScanStatus::kDone);
            Log("worker %s: scan #%s done\n", owner, std::to_string(lease.scan_id));
          }
        }
      }
      continue;
    }
    // Stopped part-way: a stop signal, a lost lease, or a store error.
    std::optional<engine::Error> error;
    if (!state) {
      error = state.error();
    } else if (auto w = scanner->write_error()) {
      error = *w;
    }
    // The scanner stays stopped: the next body gets a new one.
    scanner.reset();
    scanner_scan = 0;
    if (lost) {
      Log("worker %s: the lease on %s ran out and another worker took the body; leaving it to "
          "them\n",
          owner, lease.body.id);
      continue;
    }
    // Give the body back at once (if the database is away, the lease runs out instead).
    (void)control->ReleaseLease(lease, owner);
    if (g_stop) {
      Log("worker %s: stopped; %s goes back to the queue\n", owner, lease.body.id);
      break;
    }
    if (error) {
      if (!store::IsRetryable(*error)) {
        UsageError(error->ToString());
        exit_code = 2;
        break;
      }
      wait_after(*error);
    }
  }
  scanner.reset();
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double cpu = CpuSeconds() - cpu_at_start;
  double store_s = static_cast<double>(data.micros()) / 1e6;
  std::fprintf(stderr,
               "worker %s: %zu bodies, %zu pages stored in %.2f s (%.2f s CPU); store writes "
               "%.2f s in %llu calls (%.1f%% of the time)\n",
               engine::TerminalSafe(owner).c_str(), bodies, static_cast<size_t>(counters.pages),
               wall, cpu, store_s, static_cast<unsigned long long>(data.calls()),
               wall > 0 ? 100.0 * store_s / wall : 0.0);
  return exit_code;
}

}  // namespace plainsight::cli
