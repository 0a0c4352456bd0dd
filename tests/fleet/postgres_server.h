// A throw-away PostgreSQL server for tests, from Debian's packages (postgresql-NN): initdb into
// a temporary folder, the server on a free port of 127.0.0.1 with its unix socket in that folder,
// trust authentication for the user "plainsight", stopped and removed at the end.
//
// PostgreSQL refuses to run as root: when the tests run as root, the server runs as the
// unprivileged user "nobody", which owns the folder. When no server can be started (no
// packages, no such user), available() is false and why() says why: the tests skip with that
// message.
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace plainsight::testing {

class PostgresServer {
 public:
  // `fsync`: false for speed in tests (data survives the server process, not a machine crash).
  explicit PostgresServer(bool fsync = false);
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool available() const { return available_; }

  const std::string& why() const { return why_; }

  int port() const { return port_; }

  // A connection URI for database `db` as the user "plainsight".
  std::string Uri(const std::string& db = "postgres") const;
  // Creates a new, empty database and returns its URI (empty on failure, with why() set).
  std::string CreateDatabase(const std::string& name);

  // Stops the server (fast shutdown: clients are disconnected) and starts it again on the same
  // port: the "database goes away" of the fleet tests. Return false on failure (why()).
  bool Stop();
  bool Start();

  // The server's log, for failure messages.
  std::string Log() const;

 private:
  // Runs a program as the server's user and waits; returns its exit status (-1 on failure).
  int RunAs(const std::vector<std::string>& argv, const std::string& log);

  bool available_ = false;
  std::string why_;
  std::string dir_;
  std::string bin_;
  int port_ = 0;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  bool fsync_ = false;
  pid_t pid_ = -1;
};

}  // namespace plainsight::testing
