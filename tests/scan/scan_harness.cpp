// The scan and fleet tests' shared harness (scan_harness.h).
#include "tests/scan/scan_harness.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace plainsight::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Forks and execs the plainsight binary with stdout and stderr to files.
pid_t Start(std::vector<std::string>& args, std::vector<std::string>& env,
            const std::string& out_path, const std::string& err_path) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out, 1);
    dup2(err, 2);
    for (std::string& e : env) {
      putenv(e.data());
    }
    std::vector<char*> argv;
    std::string bin = PLAINSIGHT_BINARY;
    argv.push_back(bin.data());
    for (std::string& a : args) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

Run Finish(int status, const std::string& out_path, const std::string& err_path) {
  Run run;
  if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    run.signal = WTERMSIG(status);
  }
  run.err = ReadAll(err_path);
  run.out = ReadAll(out_path);
  return run;
}

}  // namespace

void ServeSector(const TestRequest& r, TestConnection& c) {
  std::string host = r.headers.count("host") ? r.headers.at("host") : "";
  host = host.substr(0, host.find(':'));
  int body = 0;
  if (host.size() > 11 && host[0] == 'b') {
    body = std::atoi(host.c_str() + 1);
  }
  std::string path = r.target.substr(0, r.target.find('?'));
  if (body == 90 && path == "/robots.txt") {
    c.Respond(200, "text/plain", "User-agent: *\nDisallow: /\n");
    return;
  }
  if (body == 91 && path == "/") {
    c.Respond(404, "text/html", "<p>not found</p>");
    return;
  }
  auto content = SectorResource(kScanSector, body == 0 ? 1 : body, path);
  if (!content) {
    c.Respond(404, "text/html", "<p>not found</p>");
    return;
  }
  std::string type = path.size() > 4 && path.substr(path.size() - 4) == ".pdf"   ? "application/pdf"
                     : path.size() > 4 && path.substr(path.size() - 4) == ".txt" ? "text/plain"
                     : path.size() > 4 && path.substr(path.size() - 4) == ".css"
                         ? "text/css"
                         : "text/html; charset=utf-8";
  c.Respond(200, type, *content);
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/plainsight-scan-XXXXXX";
  path = mkdtemp(tmpl);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path, fs::perms::owner_all, ec);
  for (auto& e : fs::recursive_directory_iterator(path, ec)) {
    fs::permissions(e.path(), fs::perms::owner_all, ec);
  }
  fs::remove_all(path, ec);
}

std::string WriteBodies(const TempDir& dir, int port, bool with_bad) {
  std::ostringstream csv;
  csv << "id,name,url,sector,lang\n";
  for (int b = 1; b <= kScanSector.bodies; ++b) {
    csv << "b" << b << ",Body " << b << ",http://" << SectorHost(b) << ":" << port
        << "/,local,en\n";
  }
  if (with_bad) {
    csv << "robots,Robots says no,http://" << SectorHost(90) << ":" << port << "/,local,en\n";
    csv << "gone,Start page missing,http://" << SectorHost(91) << ":" << port << "/,local,en\n";
    csv << "closed,Nobody listening,http://127.0.0.1:1/,local,en\n";
  }
  std::string path = dir.File("bodies.csv");
  std::ofstream(path) << csv.str();
  return path;
}

Run Plainsight(std::vector<std::string> args, std::vector<std::string> env, int kill_after_ms,
               int signal_to_send) {
  TempDir io;
  std::string out_path = io.File("out");
  std::string err_path = io.File("err");
  pid_t pid = Start(args, env, out_path, err_path);
  int status = 0;
  if (kill_after_ms > 0) {
    auto started = [&] { return ReadAll(err_path).find("scan #") != std::string::npos; };
    while (!started()) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        return Finish(status, out_path, err_path);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kill_after_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        return Finish(status, out_path, err_path);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, signal_to_send);
  }
  waitpid(pid, &status, 0);
  return Finish(status, out_path, err_path);
}

Process::Process(std::vector<std::string> args, std::vector<std::string> env) {
  pid_ = Start(args, env, io_.File("out"), io_.File("err"));
}

Process::~Process() {
  if (!ended_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
  }
}

bool Process::Running() {
  if (ended_) {
    return false;
  }
  if (waitpid(pid_, &status_, WNOHANG) == pid_) {
    ended_ = true;
  }
  return !ended_;
}

void Process::Kill(int signal) {
  if (!ended_) {
    kill(pid_, signal);
  }
}

Run Process::Wait(int timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (Running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status_, 0);
      ended_ = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Finish(status_, io_.File("out"), io_.File("err"));
}

std::string Process::Err() const {
  return ReadAll(io_.File("err"));
}

std::vector<std::string> ScanArgs(const std::string& bodies, const std::string& db) {
  return {"scan",       bodies, "--db",       db,     "--allow-private", "--delay-ms", "0",
          "--per-host", "1",    "--progress", "plain"};
}

const std::vector<SnapshotQuery>& SnapshotQueries() {
  static const std::vector<SnapshotQuery> kQueries = {
      {"page",
       "SELECT body_id, url, final_url, status, kind, size, depth, referrer, title, lang, error, "
       "redirects, warnings, text_json FROM pages WHERE scan_id = ?1"},
      {"finding",
       "SELECT p.body_id, p.url, f.seq, f.rule, f.outcome, f.severity, f.selector, f.line, "
       "f.col, f.snippet, f.message FROM findings f JOIN pages p ON p.id = f.page_id WHERE "
       "p.scan_id = ?1"},
      {"rule",
       "SELECT p.body_id, p.url, r.rule, r.outcome, r.passed, r.failed, r.cant_tell FROM "
       "page_rules r JOIN pages p ON p.id = r.page_id WHERE p.scan_id = ?1"},
      {"metrics",
       "SELECT p.body_id, p.url, m.lang, m.words, m.sentences, m.syllables, m.long_sentences "
       "FROM text_metrics m JOIN pages p ON p.id = m.page_id WHERE p.scan_id = ?1"},
      {"text",
       "SELECT p.body_id, p.url, t.seq, t.kind, t.span_start, t.span_end, t.message FROM "
       "text_findings t JOIN pages p ON p.id = t.page_id WHERE p.scan_id = ?1"},
      {"skip", "SELECT body_id, url, reason, detail FROM skips WHERE scan_id = ?1"},
      {"body",
       "SELECT body_id, state, reason, pages, errors, failures FROM scan_bodies WHERE scan_id "
       "= ?1"},
      {"scan", "SELECT status FROM scans WHERE id = ?1"},
  };
  return kQueries;
}

std::vector<std::string> Snapshot(const std::string& db_path, int64_t scan) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::vector<std::string> rows;
  for (const SnapshotQuery& q : SnapshotQueries()) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, q.sql, -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_int64(st, 1, scan);
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row = q.tag;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        row += '|';
        row += t ? reinterpret_cast<const char*>(t) : "NULL";
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  std::sort(rows.begin(), rows.end());
  return rows;
}

size_t Count(const std::vector<std::string>& rows, const std::string& tag) {
  return static_cast<size_t>(std::count_if(
      rows.begin(), rows.end(), [&](const std::string& r) { return r.rfind(tag + "|", 0) == 0; }));
}

std::string FirstDifference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> only_a, only_b;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
  if (only_a.empty() && only_b.empty()) {
    return {};
  }
  auto cut = [](const std::string& s) { return s.size() > 300 ? s.substr(0, 300) + "..." : s; };
  return std::to_string(only_a.size()) +
         " rows only on the left, first: " + (only_a.empty() ? "-" : cut(only_a[0])) + "\n" +
         std::to_string(only_b.size()) +
         " rows only on the right, first: " + (only_b.empty() ? "-" : cut(only_b[0]));
}

}  // namespace plainsight::testing
