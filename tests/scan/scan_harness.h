// What the scan and fleet tests share: the generated sector served on loopback, a bodies file
// for it, the plainsight binary run as a separate process (waited for, killed at a moment, or
// left running beside others), and the store's contents as sorted rows to compare.
#pragma once

#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

#include "tests/crawler/test_server.h"
#include "tests/sector/sector.h"

namespace plainsight::testing {

// 5 bodies x 12 pages.
inline constexpr SectorOptions kScanSector{5, 12};

// Serves kScanSector by Host header; body 90's robots.txt disallows everything and body 91's
// start page is missing.
void ServeSector(const TestRequest& r, TestConnection& c);

struct TempDir {
  std::filesystem::path path;

  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string File(const std::string& name) const { return (path / name).string(); }
};

// Writes dir/bodies.csv: the sector's bodies, and with `with_bad` three that fail (robots.txt
// disallows all, start page missing, nobody listening). Returns its path.
std::string WriteBodies(const TempDir& dir, int port, bool with_bad = true);

struct Run {
  int exit_code = -1;  // when exited
  int signal = 0;      // when killed
  std::string err;
  std::string out;
};

// Runs the plainsight binary with `args` and extra environment `env`. With kill_after_ms > 0,
// sends `signal_to_send` that long after its stderr first shows "scan #" (the scan is in the
// store: killing earlier would test only process start-up).
Run Plainsight(std::vector<std::string> args, std::vector<std::string> env = {},
               int kill_after_ms = 0, int signal_to_send = SIGKILL);

// A plainsight process left running (several workers at once).
class Process {
 public:
  Process(std::vector<std::string> args, std::vector<std::string> env = {});
  ~Process();  // kills it if still running
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }

  // Whether it still runs (reaps it when it has ended).
  bool Running();
  // Sends a signal.
  void Kill(int signal);
  // Waits for it to end, at most timeout_s seconds (then kills it with SIGKILL and fails the
  // run with signal set).
  Run Wait(int timeout_s = 300);
  // Its stderr so far.
  std::string Err() const;

 private:
  TempDir io_;
  pid_t pid_ = -1;
  bool ended_ = false;
  int status_ = 0;
};

// One request at a time per host: the crawl order, and so each page's referrer and depth, is
// then the same in every run (with more, whichever link is fetched first is the referrer).
std::vector<std::string> ScanArgs(const std::string& bodies, const std::string& db);

// The statements that list everything a scan stored that does not depend on timing, each with
// its tag; $1 / ?1 is the scan id. Portable between SQLite and PostgreSQL.
struct SnapshotQuery {
  const char* tag;
  const char* sql;
};

const std::vector<SnapshotQuery>& SnapshotQueries();

// Those rows of an SQLite store, one line per row ("tag|col|col..."), sorted.
std::vector<std::string> Snapshot(const std::string& db_path, int64_t scan = 1);

size_t Count(const std::vector<std::string>& rows, const std::string& tag);

// The first row each side has that the other lacks ("" when the two are equal).
std::string FirstDifference(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace plainsight::testing
