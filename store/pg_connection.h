// One libpq connection for the PostgreSQL store (postgres_store.h), private to store/: every
// libpq result, SQLSTATE and connection failure becomes an engine::Error here, in the one place
// that calls the C API (STYLE.md section 4). Parameters go as text (libpq's text format), arrays
// as PostgreSQL array literals, so that one statement can carry a page and all its rows.
//
// A connection that breaks (the server restarted, the network dropped) is re-opened by the next
// statement, at most once a second: the statement that met the break fails with kNetwork, so
// the caller always learns that something in flight may not have been committed.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/result.h"

struct pg_conn;
struct pg_result;

namespace plainsight::store::pg {

// Text made safe for a PostgreSQL text value: invalid UTF-8 sequences and NUL bytes (which a
// text value cannot hold) become U+FFFD. Valid text is returned unchanged.
std::string CleanText(std::string_view text);

// A PostgreSQL array literal ("{"a","b",NULL}"), built element by element.
class ArrayLiteral {
 public:
  ArrayLiteral& Text(std::string_view v);
  ArrayLiteral& Int(int64_t v);
  ArrayLiteral& Real(const std::optional<double>& v);

  std::string Finish() const { return out_ + "}"; }

 private:
  void Separator();
  std::string out_ = "{";
  bool first_ = true;
};

// The parameters of one statement, $1 upwards, in the order added.
class Params {
 public:
  Params& Text(std::string_view v);
  Params& Raw(std::string v);  // already a valid literal (arrays, numbers)
  Params& Int(int64_t v);
  Params& Real(double v);
  Params& Real(const std::optional<double>& v);
  Params& Bool(bool v);
  Params& Null();

  int size() const { return static_cast<int>(values_.size()); }

  // Pointers for libpq, valid until the next change.
  std::vector<const char*> Pointers() const;

 private:
  std::vector<std::string> values_;
  std::vector<bool> null_;
};

// A statement's result rows (text values).
class Rows {
 public:
  Rows() = default;

  explicit Rows(pg_result* r) : r_(r) {}

  Rows(Rows&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }

  Rows& operator=(Rows&& o) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows();

  int size() const;
  bool IsNull(int row, int col) const;
  std::string Text(int row, int col) const;
  int64_t Int(int row, int col) const;  // 0 for NULL
  std::optional<double> Real(int row, int col) const;
  bool Bool(int row, int col) const;  // "t"
  // Rows changed by an INSERT/UPDATE/DELETE without RETURNING.
  int64_t Affected() const;

 private:
  pg_result* r_ = nullptr;
};

// A statement prepared once per connection (re-prepared after a reconnect).
struct Statement {
  const char* name;
  std::string_view sql;
};

struct ConnectionOptions {
  bool read_only = false;
  int lock_timeout_ms = 10'000;
};

class Connection {
 public:
  // Connects to `uri` (a postgresql:// or postgres:// URI, libpq's syntax: user, password, host,
  // port, database and parameters such as sslmode or options=-csearch_path%3Dname). Fails with
  // kInvalidArgument (malformed URI, login refused), kNotFound (no such database), kUnsupported
  // (a database encoding other than UTF8) or kNetwork (the server cannot be reached now: try
  // again later).
  static engine::Result<std::unique_ptr<Connection>> Open(const std::string& uri,
                                                          const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL text without parameters (several statements allowed).
  engine::Result<Rows> Exec(std::string_view sql, std::string_view what);
  // Runs one statement with parameters, unprepared.
  engine::Result<Rows> Exec(std::string_view sql, const Params& params, std::string_view what);
  // Runs a prepared statement (prepared on first use on this connection).
  engine::Result<Rows> Run(const Statement& statement, const Params& params, std::string_view what);
  // Sends a prepared statement and does not wait for its result: for the fault-injection
  // tests, which kill the process right after (the server may or may not commit it).
  void SendOnly(const Statement& statement, const Params& params);

  engine::Result<void> Begin(std::string_view what);
  engine::Result<void> Commit(std::string_view what);
  // Rolls back an open transaction; does nothing on a broken connection.
  void Rollback();

  // The URI with its password hidden, for messages.
  const std::string& where() const { return where_; }

 private:
  Connection(std::string uri, const ConnectionOptions& options);
  engine::Result<void> Connect();
  engine::Result<void> Setup();
  engine::Result<void> EnsureConnected(std::string_view what);
  engine::Result<Rows> Check(pg_result* r, std::string_view what);

  std::string uri_;
  std::string where_;
  ConnectionOptions options_;
  pg_conn* conn_ = nullptr;
  std::unordered_set<std::string> prepared_;
  std::chrono::steady_clock::time_point last_attempt_{};
  std::string last_error_;
};

}  // namespace plainsight::store::pg
