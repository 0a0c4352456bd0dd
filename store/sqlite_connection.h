// One SQLite connection for the SQLite store (sqlite_store.h), private to store/: the statement
// wrapper, the mapping of SQLite result codes to engine::Errors (STYLE.md section 4), opening a
// file with the settings every connection shares, and applying the schema's migrations
// (schema.h). The store's statements live in sqlite_store.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "engine/result.h"
#include "store/schema.h"
#include "store/store.h"

namespace plainsight::store::sqlite {

// What a SQLite result code means for the person running plainsight.
engine::Error SqlError(sqlite3* db, int rc, std::string_view what, const std::string& path);

// A prepared statement, reset after each use.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  ~Stmt() { sqlite3_finalize(stmt_); }

  engine::Result<void> Prepare(sqlite3* db, std::string_view sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
      return engine::Fail(engine::ErrorCode::kInternal,
                          std::string("cannot prepare a statement: ") + sqlite3_errmsg(db));
    }
    return {};
  }

  sqlite3_stmt* get() const { return stmt_; }

  void Text(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }

  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }

  void Real(int i, double v) { sqlite3_bind_double(stmt_, i, v); }

  void Real(int i, const std::optional<double>& v) {
    if (v) {
      sqlite3_bind_double(stmt_, i, *v);
    } else {
      sqlite3_bind_null(stmt_, i);
    }
  }

  // Runs to completion (a statement without rows). Resets afterwards.
  int Run() {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc == SQLITE_ROW ? SQLITE_DONE : rc;
  }

  // Steps once: SQLITE_ROW or SQLITE_DONE (or an error). Call Reset() when done.
  int Step() { return sqlite3_step(stmt_); }

  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::string ColText(int i) const {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(p),
                                      static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
  }

  int64_t ColInt(int i) const { return sqlite3_column_int64(stmt_, i); }

  std::optional<double> ColReal(int i) const {
    if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) {
      return std::nullopt;
    }
    return sqlite3_column_double(stmt_, i);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs SQL text without results.
int Exec(sqlite3* db, const std::string& sql);

// An open connection, closed with the object.
struct Db {
  sqlite3* db = nullptr;

  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  ~Db() { sqlite3_close_v2(db); }
};

// Opens the file with the connection settings every use shares (write-ahead log, foreign keys,
// synchronous=NORMAL, the busy timeout, the plainsight_host() SQL function).
engine::Result<void> OpenConnection(Db& conn, const std::string& path, const OpenOptions& options);

// Brings the file to the last of `migrations`, each in its own transaction; returns the version
// it had before (0 for a new file). A read-only connection that is behind fails with
// kUnsupported, as does a file written by a newer plainsight.
engine::Result<int> Migrate(sqlite3* db, const std::string& path,
                            std::span<const Migration> migrations, bool read_only);

}  // namespace plainsight::store::sqlite
