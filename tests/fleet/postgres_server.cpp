// A throw-away PostgreSQL server for tests (postgres_server.h).
#include "tests/fleet/postgres_server.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace plainsight::testing {
namespace {

// The bin folder of the newest PostgreSQL server installed (Debian: /usr/lib/postgresql/NN/bin).
std::string FindServerBin() {
  std::error_code ec;
  int best = 0;
  std::string bin;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    int version = std::atoi(e.path().filename().c_str());
    if (version > best && fs::exists(e.path() / "bin" / "initdb", ec) &&
        fs::exists(e.path() / "bin" / "postgres", ec)) {
      best = version;
      bin = (e.path() / "bin").string();
    }
  }
  return bin;
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

// In a forked child: become the server's user, go to `dir`, send output to `log`, and exec.
[[noreturn]] void ExecAs(uid_t uid, gid_t gid, const std::string& dir, const std::string& log,
                         const std::vector<std::string>& argv) {
  if (getuid() == 0) {
    if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
      _exit(126);
    }
  }
  if (chdir(dir.c_str()) != 0) {
    _exit(126);
  }
  int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
  }
  std::vector<std::string> args = argv;
  std::vector<char*> raw;
  raw.reserve(args.size());
  for (std::string& a : args) {
    raw.push_back(a.data());
  }
  raw.push_back(nullptr);
  execv(raw[0], raw.data());
  _exit(127);
}

}  // namespace

PostgresServer::PostgresServer(bool fsync) : fsync_(fsync) {
  bin_ = FindServerBin();
  if (bin_.empty()) {
    why_ =
        "no PostgreSQL server is installed (/usr/lib/postgresql/NN/bin/initdb): "
        "scripts/install-deps.sh installs the postgresql package";
    return;
  }
  char tmpl[] = "/tmp/plainsight-pg-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    why_ = "cannot create a temporary folder for the server";
    return;
  }
  dir_ = tmpl;
  uid_ = getuid();
  gid_ = getgid();
  if (uid_ == 0) {
    // PostgreSQL refuses to run as root (src/backend/main/main.c): run it as nobody.
    passwd* pw = getpwnam("nobody");
    if (pw == nullptr) {
      why_ = "running as root and there is no user 'nobody' to run PostgreSQL as";
      return;
    }
    uid_ = pw->pw_uid;
    gid_ = pw->pw_gid;
    if (chown(dir_.c_str(), uid_, gid_) != 0) {
      why_ = "cannot give the server's folder to the user 'nobody'";
      return;
    }
  }
  int rc = RunAs({bin_ + "/initdb", "-D", dir_ + "/data", "-U", "plainsight", "-A", "trust", "-E",
                  "UTF8", "--locale=C", "-N"},
                 dir_ + "/initdb.log");
  if (rc != 0) {
    std::ifstream in(dir_ + "/initdb.log");
    why_ = "initdb failed (exit " + std::to_string(rc) +
           "): " + std::string((std::istreambuf_iterator<char>(in)), {});
    return;
  }
  port_ = FreePort();
  if (port_ == 0) {
    why_ = "no free port on 127.0.0.1";
    return;
  }
  available_ = Start();
}

PostgresServer::~PostgresServer() {
  if (pid_ > 0) {
    // Immediate shutdown: nothing to keep.
    kill(pid_, SIGQUIT);
    int status = 0;
    for (int i = 0; i < 200 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

int PostgresServer::RunAs(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = fork();
  if (pid < 0) {
    return -1;
  }
  if (pid == 0) {
    ExecAs(uid_, gid_, dir_, log, argv);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string PostgresServer::Uri(const std::string& db) const {
  return "postgresql://plainsight@127.0.0.1:" + std::to_string(port_) + "/" + db;
}

bool PostgresServer::Start() {
  std::vector<std::string> argv = {bin_ + "/postgres",
                                   "-D",
                                   dir_ + "/data",
                                   "-p",
                                   std::to_string(port_),
                                   "-k",
                                   dir_,
                                   "-c",
                                   "listen_addresses=127.0.0.1",
                                   "-c",
                                   std::string("fsync=") + (fsync_ ? "on" : "off"),
                                   "-c",
                                   "max_connections=60"};
  pid_ = fork();
  if (pid_ < 0) {
    why_ = "fork failed";
    return false;
  }
  if (pid_ == 0) {
    ExecAs(uid_, gid_, dir_, dir_ + "/server.log", argv);
  }
  std::string uri = Uri();
  for (int i = 0; i < 1200; ++i) {
    if (PQping(uri.c_str()) == PQPING_OK) {
      return true;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      why_ = "the PostgreSQL server stopped at start-up: " + Log();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  why_ = "the PostgreSQL server did not answer within 60 s: " + Log();
  return false;
}

bool PostgresServer::Stop() {
  if (pid_ <= 0) {
    return true;
  }
  kill(pid_, SIGINT);  // fast shutdown: roll back open transactions, disconnect, checkpoint
  int status = 0;
  for (int i = 0; i < 1200; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  why_ = "the server did not stop within 60 s";
  return false;
}

std::string PostgresServer::CreateDatabase(const std::string& name) {
  PGconn* c = PQconnectdb(Uri().c_str());
  std::string out;
  if (PQstatus(c) == CONNECTION_OK) {
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
    if (PQresultStatus(r) == PGRES_COMMAND_OK) {
      out = Uri(name);
    } else {
      why_ = PQresultErrorMessage(r);
    }
    PQclear(r);
  } else {
    why_ = PQerrorMessage(c);
  }
  PQfinish(c);
  return out;
}

std::string PostgresServer::Log() const {
  std::ifstream in(dir_ + "/server.log");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
}

}  // namespace plainsight::testing
