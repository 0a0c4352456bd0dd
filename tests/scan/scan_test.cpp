// `plainsight scan` end to end, as a separate process against a generated sector served on
// loopback: the store's contents, failed bodies and their reasons, --status, SIGKILL at many
// moments (mid-transaction too) then --resume, Ctrl-C, bad bodies files and unusable stores.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/scan/scan_harness.h"

namespace fs = std::filesystem;
using namespace plainsight::testing;

namespace {

// An uninterrupted scan of the sector, made once and compared against.
const std::vector<std::string>& Baseline(int port) {
  static std::vector<std::string> rows;
  static int for_port = 0;
  if (for_port != port) {
    TempDir dir;
    std::string bodies = WriteBodies(dir, port);
    Run run = Plainsight(ScanArgs(bodies, dir.File("base.db")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    rows = Snapshot(dir.File("base.db"));
    for_port = port;
  }
  return rows;
}

// The sample sector served on loopback, its uninterrupted scan, and a fresh store to scan into.
struct SampleScan {
  TestServer server{&ServeSector};
  const std::vector<std::string>& baseline = Baseline(server.port());
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());
  std::string db = dir.File("scan.db");
};

}  // namespace

TEST_CASE(
    "scan: every body is stored with its pages and findings, and unreachable bodies fail "
    "with their reason",
    "[scan][cli]") {
  TestServer server(&ServeSector);
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());
  std::string db = dir.File("scan.db");
  Run run = Plainsight(ScanArgs(bodies, db));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  auto rows = Snapshot(db);
  // 5 bodies x (12 pages, the PDF, broken links) and the missing start page.
  CHECK(Count(rows, "page") > 5 * 13);
  CHECK(Count(rows, "finding") > 50);
  CHECK(Count(rows, "metrics") == 5 * 12);
  CHECK(std::find(rows.begin(), rows.end(), "scan|done") != rows.end());
  auto body_row = [&](const std::string& id) {
    for (const std::string& r : rows) {
      if (r.rfind("body|" + id + "|", 0) == 0) {
        return r;
      }
    }
    return std::string();
  };
  CHECK(body_row("b1").rfind("body|b1|done||", 0) == 0);
  CHECK(body_row("robots").find("failed|the start page was not fetched") != std::string::npos);
  CHECK(body_row("robots").find("robots.txt disallows it") != std::string::npos);
  CHECK(body_row("gone").find("failed|the start page could not be fetched") != std::string::npos);
  CHECK(body_row("gone").find("404") != std::string::npos);
  CHECK(body_row("closed").find("failed|") != std::string::npos);
  CHECK(run.err.find("failed closed") != std::string::npos);

  Run status = Plainsight({"scan", "--db", db, "--status"});
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("scan #1 (done): 8 of 8 bodies finished, 3 failed") != std::string::npos);
  CHECK(status.out.find("b3 ") != std::string::npos);
  CHECK(status.out.find("Robots says no: the start page was not fetched") != std::string::npos);

  // A second scan is a new scan; the first stays.
  Run again = Plainsight(ScanArgs(bodies, db));
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("scan #2") != std::string::npos);
  CHECK(FirstDifference(rows, Snapshot(db, 2)) == "");
  CHECK(FirstDifference(rows, Snapshot(db, 1)) == "");
}

TEST_CASE(
    "scan: killed with SIGKILL at many moments, mid-transaction too, then resumed, the "
    "store holds exactly the pages and findings of an uninterrupted scan",
    "[scan][cli][resume]") {
  TestServer server(&ServeSector);
  const auto& baseline = Baseline(server.port());
  // Kill points: inside the N-th statement of the page transactions (fault injection), and
  // at random times from outside (a fixed seed, so a failure can be replayed). A page's
  // transaction is one statement, its pages row: the last point is the scan's last page.
  const size_t total_writes = Count(baseline, "page");
  REQUIRE(total_writes > 20);
  std::vector<std::pair<std::string, int>> points;
  for (size_t n :
       {size_t{1}, size_t{2}, size_t{3}, total_writes / 3, total_writes / 2 + 1, total_writes}) {
    points.emplace_back(std::to_string(n), 0);
  }
  std::mt19937 rng(20261206);
  for (int i = 0; i < 4; ++i) {
    points.emplace_back("", 1 + static_cast<int>(rng() % 900));
  }
  for (const auto& [writes, ms] : points) {
    TempDir dir;
    std::string bodies = WriteBodies(dir, server.port());
    std::string db = dir.File("scan.db");
    std::vector<std::string> env;
    if (!writes.empty()) {
      env.push_back("PLAINSIGHT_FAULT_KILL_AFTER_WRITES=" + writes);
    }
    Run first = Plainsight(ScanArgs(bodies, db), env, writes.empty() ? ms : 0);
    INFO("kill point: writes=" << writes << " ms=" << ms << "\n" << first.err);
    // Killed (or, for a late timed kill, finished first: then the resume has nothing to do).
    if (!writes.empty()) {
      CHECK(first.signal == SIGKILL);
    } else {
      CHECK((first.signal == SIGKILL || first.exit_code == 0));
    }
    // Resume, killed once more at a random moment, then resumed to the end.
    Run second =
        Plainsight({"scan", "--db", db, "--resume", "--allow-private", "--progress", "plain"}, {},
                   20 + static_cast<int>(rng() % 200));
    Run last = Plainsight({"scan", "--db", db, "--resume", "--progress", "plain"});
    INFO("exits: " << first.exit_code << "/" << first.signal << ", " << second.exit_code << "/"
                   << second.signal << ", " << last.exit_code << "\n"
                   << second.err << "\n"
                   << last.err);
    // One of the runs finished the scan; any resume after that had nothing to do. A run can
    // be killed after it committed the scan as done but before it exited (while it prints the
    // summary and closes the store): then no run exits 0, the resumes find nothing to do, and
    // the snapshot below still shows that the scan is done and whole.
    bool exited_done = first.exit_code == 0 || second.exit_code == 0 || last.exit_code == 0;
    bool nothing_left = last.err.find("nothing to resume") != std::string::npos;
    CHECK((exited_done || nothing_left));
    if (last.exit_code != 0) {
      CHECK(nothing_left);
    }
    CHECK(FirstDifference(baseline, Snapshot(db)) == "");
  }
}

TEST_CASE("scan: Ctrl-C stops cleanly with exit 130, and --resume carries on to the same result",
          "[scan][cli][resume]") {
  SampleScan scan;
  const std::string& bodies = scan.bodies;
  const std::string& db = scan.db;
  // 40 ms after the scan is in the store: well inside a scan of the sample sector, which takes
  // about 150 ms on the fastest machine seen.
  Run first = Plainsight(ScanArgs(bodies, db), {}, 40, SIGINT);
  INFO(first.err);
  if (first.exit_code == 0) {
    WARN("the scan finished within 40 ms; the interruption was not exercised");
    return;
  }
  CHECK(first.exit_code == 130);
  CHECK(first.err.find("--resume") != std::string::npos);
  Run status = Plainsight({"scan", "--db", db, "--status"});
  CHECK(status.out.find("interrupted") != std::string::npos);
  Run resumed = Plainsight({"scan", "--db", db, "--resume", "--progress", "none"});
  INFO(resumed.err);
  CHECK(resumed.exit_code == 0);
  CHECK(FirstDifference(scan.baseline, Snapshot(db)) == "");
}

TEST_CASE("scan: a Ctrl-C after the scan is done changes nothing: exit 0, the scan done",
          "[scan][cli][resume]") {
  SampleScan scan;
  // The scan sends itself SIGINT once it has returned, while the summary is still to come.
  Run run = Plainsight(ScanArgs(scan.bodies, scan.db), {"PLAINSIGHT_FAULT_INTERRUPT_AFTER_SCAN=1"});
  INFO(run.err);
  CHECK(run.signal == 0);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("--status shows each body") != std::string::npos);
  Run status = Plainsight({"scan", "--db", scan.db, "--status"});
  CHECK(status.out.find("interrupted") == std::string::npos);
  CHECK(FirstDifference(scan.baseline, Snapshot(scan.db)) == "");
}

TEST_CASE(
    "scan: bad rows are reported with their line and skipped, and empty and binary files and "
    "bad usage exit 2",
    "[scan][cli]") {
  TestServer server(&ServeSector);
  TempDir dir;
  std::string db = dir.File("scan.db");
  SECTION("bad rows, CRLF and a BOM") {
    std::string path = dir.File("bodies.csv");
    std::ofstream(path) << "\xEF\xBB\xBFid,name,url\r\n"
                        << "b1,One,http://" << plainsight::testing::SectorHost(1) << ":"
                        << server.port() << "/\r\n"
                        << "b2,Two,not a url\r\n"
                        << "b1,Again,http://x.example/\r\n";
    Run run = Plainsight(ScanArgs(path, db));
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("bodies.csv:3: body 'b2'") != std::string::npos);
    CHECK(run.err.find("bodies.csv:4: id 'b1' is used by an earlier row") != std::string::npos);
    Run status = Plainsight({"scan", "--db", db, "--status"});
    CHECK(status.out.find("1 of 1 bodies finished, 0 failed") != std::string::npos);
  }
  SECTION("an empty file") {
    std::string path = dir.File("empty.csv");
    std::ofstream(path) << "";
    Run run = Plainsight(ScanArgs(path, db));
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("empty") != std::string::npos);
    CHECK_FALSE(fs::exists(db));
  }
  SECTION("a binary file") {
    std::string path = dir.File("image.csv");
    std::ofstream(path, std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    Run run = Plainsight(ScanArgs(path, db));
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("not") != std::string::npos);
  }
  SECTION("no --db, a missing file, resume with nothing to resume") {
    CHECK(Plainsight({"scan", "bodies.csv"}).exit_code == 2);
    Run missing = Plainsight({"scan", dir.File("missing.csv"), "--db", db});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no such file") != std::string::npos);
    Run nothing = Plainsight({"scan", "--db", db, "--status"});
    CHECK(nothing.exit_code == 2);
    CHECK(nothing.err.find("no store") != std::string::npos);
  }
}

TEST_CASE("scan: a corrupt, read-only, locked or full store gives a clear error and exit 2",
          "[scan][cli][store]") {
  TestServer server(&ServeSector);
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port(), false);
  SECTION("corrupt") {
    std::string db = dir.File("corrupt.db");
    std::ofstream(db, std::ios::binary) << std::string(10000, '\x42');
    Run run = Plainsight(ScanArgs(bodies, db));
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("not a plainsight store") != std::string::npos);
  }
  SECTION("read-only") {
    std::string folder = dir.File("ro");
    fs::create_directory(folder);
    std::string db = folder + "/scan.db";
    REQUIRE(Plainsight(ScanArgs(bodies, db)).exit_code == 0);
    std::vector<std::string> args = ScanArgs(bodies, db);
    if (geteuid() == 0) {
      // root ignores permissions: the shell's own read-only mount does not.
      args.insert(args.begin(), {PLAINSIGHT_BINARY});
      Run run = Plainsight({"scan", "--db", db, "--status"});
      CHECK(run.exit_code == 0);
      std::string script = "mount --bind -o ro '" + folder + "' '" + folder + "' && exec";
      for (const std::string& a : args) {
        script += " '" + a + "'";
      }
      pid_t pid = fork();
      if (pid == 0) {
        int err = open(dir.File("ro.err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(err, 2);
        execl("/usr/bin/unshare", "unshare", "-m", "sh", "-c", script.c_str(), nullptr);
        _exit(127);
      }
      int st = 0;
      waitpid(pid, &st, 0);
      std::ifstream e(dir.File("ro.err"));
      std::string err((std::istreambuf_iterator<char>(e)), {});
      INFO(err);
      CHECK(WIFEXITED(st));
      CHECK(WEXITSTATUS(st) == 2);
      CHECK(err.find("read-only") != std::string::npos);
    } else {
      fs::permissions(db, fs::perms::owner_read);
      fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
      Run run = Plainsight(args);
      CHECK(run.exit_code == 2);
      CHECK(run.err.find("read-only") != std::string::npos);
    }
  }
  SECTION("locked") {
    std::string db = dir.File("locked.db");
    REQUIRE(Plainsight(ScanArgs(bodies, db)).exit_code == 0);
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    auto args = ScanArgs(bodies, db);
    Run run = Plainsight(args);  // waits out the store's 10 s busy timeout
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("locked") != std::string::npos);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
  }
  SECTION("full") {
    std::string folder = dir.File("small");
    fs::create_directory(folder);
    std::string db = folder + "/scan.db";
    std::string script = "mount -t tmpfs -o size=160k tmpfs '" + folder + "' && exec '" +
                         std::string(PLAINSIGHT_BINARY) + "'";
    for (const std::string& a : ScanArgs(bodies, db)) {
      script += " '" + a + "'";
    }
    pid_t pid = fork();
    if (pid == 0) {
      int err = open(dir.File("full.err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(err, 2);
      // A private mount namespace: as root directly, otherwise inside a user namespace.
      if (geteuid() == 0) {
        execl("/usr/bin/unshare", "unshare", "-m", "sh", "-c", script.c_str(), nullptr);
      } else {
        execl("/usr/bin/unshare", "unshare", "-Urm", "sh", "-c", script.c_str(), nullptr);
      }
      _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    std::ifstream e(dir.File("full.err"));
    std::string err((std::istreambuf_iterator<char>(e)), {});
    if (WIFEXITED(st) && WEXITSTATUS(st) == 1 && err.find("mount") != std::string::npos) {
      WARN("no tmpfs could be mounted here (" << err
                                              << "); the full-disk case is covered by "
                                                 "store:store: a full disk ...");
      return;
    }
    INFO(err);
    REQUIRE(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 2);
    CHECK(err.find("disk is full") != std::string::npos);
  }
}
