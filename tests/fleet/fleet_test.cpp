// A fleet of `plainsight worker` processes on a PostgreSQL server started for the test, over
// the generated sector served on loopback: the pages and findings they store are exactly those
// of a single-machine SQLite scan, whether the workers run side by side, one is killed with
// SIGKILL in the middle of a body, the database goes away and comes back, or one is stopped
// with SIGTERM.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <random>
#include <thread>

#include <libpq-fe.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/fleet/postgres_server.h"
#include "tests/scan/scan_harness.h"

using namespace plainsight::testing;

namespace {

PostgresServer& Server() {
  static PostgresServer server;
  return server;
}

#define PLAINSIGHT_NEED_POSTGRES()                                                \
  do {                                                                            \
    if (!Server().available()) {                                                  \
      WARN("skipped: no PostgreSQL server could be started: " << Server().why()); \
      return;                                                                     \
    }                                                                             \
  } while (false)

std::string NewDatabase() {
  static int n = 0;
  std::string uri =
      Server().CreateDatabase("f" + std::to_string(getpid()) + "_" + std::to_string(++n));
  INFO(Server().why());
  REQUIRE(!uri.empty());
  return uri;
}

// The first column of the first row of a query ("" when none; "error: ..." on failure).
std::string Sql(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  std::string out;
  if (PQstatus(c) != CONNECTION_OK) {
    out = std::string("error: ") + PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
      out = PQgetvalue(r, 0, 0);
    } else if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) {
      out = std::string("error: ") + PQresultErrorMessage(r);
    }
    PQclear(r);
  }
  PQfinish(c);
  return out;
}

int SqlInt(const std::string& uri, const std::string& sql) {
  return std::atoi(Sql(uri, sql).c_str());
}

// The snapshot rows of a PostgreSQL store: the same statements as for SQLite.
std::vector<std::string> PgSnapshot(const std::string& uri, int64_t scan = 1) {
  PGconn* c = PQconnectdb(uri.c_str());
  REQUIRE(PQstatus(c) == CONNECTION_OK);
  std::vector<std::string> rows;
  std::string id = std::to_string(scan);
  for (const SnapshotQuery& q : SnapshotQueries()) {
    std::string sql = q.sql;
    sql.replace(sql.find("?1"), 2, "$1");
    const char* params[] = {id.c_str()};
    PGresult* r = PQexecParams(c, sql.c_str(), 1, nullptr, params, nullptr, nullptr, 0);
    INFO(PQresultErrorMessage(r));
    REQUIRE(PQresultStatus(r) == PGRES_TUPLES_OK);
    for (int i = 0; i < PQntuples(r); ++i) {
      std::string row = q.tag;
      for (int j = 0; j < PQnfields(r); ++j) {
        row += '|';
        row += PQgetisnull(r, i, j) ? "NULL" : PQgetvalue(r, i, j);
      }
      rows.push_back(std::move(row));
    }
    PQclear(r);
  }
  PQfinish(c);
  std::sort(rows.begin(), rows.end());
  return rows;
}

// An uninterrupted single-machine scan into SQLite, made once per process.
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

// Queues the sector's scan with the baseline's settings (and a crawl delay, to make the scan
// last long enough to be interrupted).
void Enqueue(const std::string& bodies, const std::string& uri, int delay_ms = 0) {
  Run run = Plainsight({"scan", bodies, "--db", uri, "--enqueue", "--allow-private", "--delay-ms",
                        std::to_string(delay_ms), "--per-host", "1"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("scan #1 of 8 bodies queued") != std::string::npos);
  CHECK(run.err.find("plainsight worker") != std::string::npos);
}

std::vector<std::string> WorkerArgs(const std::string& uri, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"worker", "--db", uri, "--allow-private", "--threads", "1"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) {
    ++n;
  }
  return n;
}

// Waits until `done` holds, at most timeout_s seconds.
template <typename F>
bool WaitFor(F done, int timeout_s = 120) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace

TEST_CASE(
    "fleet: three workers store exactly the pages and findings of a single-machine SQLite "
    "scan, and so does scan --db postgresql:// on one machine",
    "[fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  TestServer server(&ServeSector);
  const auto& baseline = Baseline(server.port());
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());

  std::string uri = NewDatabase();
  Enqueue(bodies, uri);
  Run queued = Plainsight({"scan", "--db", uri, "--status"});
  CHECK(queued.exit_code == 0);
  CHECK(queued.out.find("scan #1 (queued): 0 of 8 bodies finished") != std::string::npos);

  std::vector<std::unique_ptr<Process>> workers;
  workers.reserve(3);
  for (int i = 0; i < 3; ++i) {
    workers.push_back(std::make_unique<Process>(
        WorkerArgs(uri, {"--id", "w" + std::to_string(i), "--lease-s", "30"})));
  }
  size_t scanned = 0;
  for (auto& w : workers) {
    Run run = w->Wait();
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("no body left in the queue") != std::string::npos);
    scanned += Occurrences(run.err, ": scanning ");
  }
  // Each body crawled once, by one worker.
  CHECK(scanned == 8);
  CHECK(SqlInt(uri, "SELECT max(attempts) FROM scan_bodies") == 1);
  CHECK(FirstDifference(baseline, PgSnapshot(uri)) == "");

  Run status = Plainsight({"scan", "--db", uri, "--status"});
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("scan #1 (done): 8 of 8 bodies finished, 3 failed") != std::string::npos);
  CHECK(status.out.find("Robots says no: the start page was not fetched") != std::string::npos);

  // A worker with nothing to do says so and exits 0.
  Run idle = Plainsight(WorkerArgs(uri));
  CHECK(idle.exit_code == 0);
  CHECK(idle.err.find("no body left") != std::string::npos);

  // The single-machine scan, into PostgreSQL.
  std::string single = NewDatabase();
  Run run = Plainsight(ScanArgs(bodies, single));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("postgresql://plainsight@127.0.0.1") != std::string::npos);
  CHECK(FirstDifference(baseline, PgSnapshot(single)) == "");
}

TEST_CASE(
    "fleet: a worker killed with SIGKILL in the middle of a body loses and duplicates nothing: "
    "its lease runs out and another worker carries on from the pages stored",
    "[fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  TestServer server(&ServeSector);
  const auto& baseline = Baseline(server.port());
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());

  SECTION("killed at its 5th page write (fault injection: the write sent, its result unread)") {
    std::string uri = NewDatabase();
    Enqueue(bodies, uri);
    Run killed = Plainsight(WorkerArgs(uri, {"--id", "doomed", "--lease-s", "2"}),
                            {"PLAINSIGHT_FAULT_KILL_AFTER_WRITES=5"});
    INFO(killed.err);
    REQUIRE(killed.signal == SIGKILL);
    // The body it held is still its own, part-stored.
    CHECK(Sql(uri, "SELECT body_id FROM scan_bodies WHERE lease_owner = 'doomed'") == "b1");
    int stored = SqlInt(uri, "SELECT count(*) FROM pages WHERE body_id = 'b1'");
    CHECK(stored >= 4);
    CHECK(stored <= 5);
    Run rescue = Plainsight(WorkerArgs(uri, {"--id", "rescue", "--lease-s", "2"}));
    INFO(rescue.err);
    CHECK(rescue.exit_code == 0);
    CHECK(FirstDifference(baseline, PgSnapshot(uri)) == "");
    CHECK(Sql(uri, "SELECT attempts FROM scan_bodies WHERE body_id = 'b1'") == "2");
  }
  SECTION("killed from outside at a random moment while another worker goes on") {
    std::mt19937 rng(20261206);
    for (int round = 0; round < 2; ++round) {
      std::string uri = NewDatabase();
      Enqueue(bodies, uri, 20);
      Process doomed(WorkerArgs(uri, {"--id", "doomed", "--lease-s", "2"}));
      Process survivor(WorkerArgs(uri, {"--id", "survivor", "--lease-s", "2"}));
      REQUIRE(WaitFor([&] { return doomed.Err().find(": scanning ") != std::string::npos; }));
      std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 1500));
      doomed.Kill(SIGKILL);
      Run d = doomed.Wait();
      // The survivor waits for the dead worker's lease to run out, takes the body, and only
      // then finds the queue empty.
      Run s = survivor.Wait();
      INFO(d.err << "\n---\n" << s.err);
      CHECK(d.signal == SIGKILL);
      CHECK(s.exit_code == 0);
      CHECK(FirstDifference(baseline, PgSnapshot(uri)) == "");
      CHECK(SqlInt(uri, "SELECT count(*) FROM scan_bodies WHERE state NOT IN ('done', 'failed')") ==
            0);
    }
  }
}

TEST_CASE(
    "fleet: workers retry with backoff while the database is away, and finish the scan when it "
    "is back",
    "[fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  TestServer server(&ServeSector);
  const auto& baseline = Baseline(server.port());
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());
  std::string uri = NewDatabase();
  Enqueue(bodies, uri, 100);

  Process a(WorkerArgs(uri, {"--id", "a", "--lease-s", "4"}));
  Process b(WorkerArgs(uri, {"--id", "b", "--lease-s", "4"}));
  REQUIRE(WaitFor([&] { return SqlInt(uri, "SELECT count(*) FROM pages") >= 5; }));
  REQUIRE(Server().Stop());
  // A third worker started while the database is down waits for it too.
  Process c(WorkerArgs(uri, {"--id", "c", "--lease-s", "4"}));
  bool retried = WaitFor(
      [&] {
        return a.Err().find("trying again in") != std::string::npos &&
               b.Err().find("trying again in") != std::string::npos &&
               c.Err().find("trying again in") != std::string::npos;
      },
      60);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  CHECK(retried);
  CHECK(a.Running());
  CHECK(b.Running());
  CHECK(c.Running());
  INFO(Server().why());
  REQUIRE(Server().Start());
  Run ra = a.Wait();
  Run rb = b.Wait();
  Run rc = c.Wait();
  INFO(ra.err << "\n---\n" << rb.err << "\n---\n" << rc.err);
  CHECK(ra.exit_code == 0);
  CHECK(rb.exit_code == 0);
  CHECK(rc.exit_code == 0);
  // The waits grew: 0.5 s, 1 s, 2 s ... (each +-25%).
  CHECK(c.Err().find("cannot reach the PostgreSQL store") != std::string::npos);
  CHECK(FirstDifference(baseline, PgSnapshot(uri)) == "");
}

TEST_CASE(
    "fleet: SIGTERM stops a worker cleanly: what it fetched is stored, its lease is released and "
    "it exits 0, and another worker finishes the scan",
    "[fleet][postgres]") {
  PLAINSIGHT_NEED_POSTGRES();
  TestServer server(&ServeSector);
  const auto& baseline = Baseline(server.port());
  TempDir dir;
  std::string bodies = WriteBodies(dir, server.port());
  std::string uri = NewDatabase();
  Enqueue(bodies, uri, 200);

  Process w(WorkerArgs(uri, {"--id", "stopping"}));
  REQUIRE(WaitFor([&] { return SqlInt(uri, "SELECT count(*) FROM pages") >= 2; }));
  w.Kill(SIGTERM);
  Run run = w.Wait(60);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("goes back to the queue") != std::string::npos);
  CHECK(SqlInt(uri, "SELECT count(*) FROM scan_bodies WHERE lease_owner <> ''") == 0);
  CHECK(Sql(uri, "SELECT state FROM scan_bodies WHERE body_id = 'b1'") == "pending");

  Run rest = Plainsight(WorkerArgs(uri));
  INFO(rest.err);
  CHECK(rest.exit_code == 0);
  CHECK(FirstDifference(baseline, PgSnapshot(uri)) == "");
}

TEST_CASE("fleet: bad usage and an unreachable database give clear messages", "[fleet]") {
  Run no_db = Plainsight({"worker"});
  CHECK(no_db.exit_code == 2);
  CHECK(no_db.err.find("--db URI is needed") != std::string::npos);
  Run bad_flag = Plainsight({"worker", "--db", "x.db", "--lease-s", "1"});
  CHECK(bad_flag.exit_code == 2);
  Run both = Plainsight({"scan", "--db", "x.db", "--enqueue", "--resume"});
  CHECK(both.exit_code == 2);

  // Nobody listens on port 1: --status fails at once; a worker waits and retries until told to
  // stop.
  std::string closed = "postgresql://plainsight:secret@127.0.0.1:1/scan";
  Run status = Plainsight({"scan", "--db", closed, "--status"});
  CHECK(status.exit_code == 2);
  CHECK(status.err.find("cannot reach the PostgreSQL store") != std::string::npos);
  CHECK(status.err.find("secret") == std::string::npos);
  CHECK(status.err.find("plainsight:***@127.0.0.1:1") != std::string::npos);
  Process w({"worker", "--db", closed});
  REQUIRE(WaitFor([&] { return Occurrences(w.Err(), "trying again in") >= 2; }, 60));
  w.Kill(SIGTERM);
  Run run = w.Wait(30);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("secret") == std::string::npos);
}
