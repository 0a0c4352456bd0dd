// The SQLite connection of the SQLite store (sqlite_connection.h).
#include "store/sqlite_connection.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "engine/url.h"

namespace plainsight::store::sqlite {
namespace {

using engine::ErrorCode;
using engine::Fail;
using engine::Result;

// The schema version recorded in the file: 0 for an empty database, -1 for a database that has
// tables but no plainsight meta table (someone else's database).
Result<int> ReadVersion(sqlite3* db, const std::string& path) {
  Stmt s;
  if (auto p = s.Prepare(db,
                         "SELECT count(*), sum(name = 'meta') FROM sqlite_master WHERE "
                         "type = 'table'");
      !p) {
    // Preparing reads the schema: a file that is not a database fails here.
    return SqlError(db, sqlite3_errcode(db), "reading the store", path);
  }
  int rc = s.Step();
  if (rc != SQLITE_ROW) {
    return SqlError(db, rc, "reading the store", path);
  }
  int64_t tables = s.ColInt(0);
  int64_t meta = s.ColInt(1);
  s.Reset();
  if (tables == 0) {
    return 0;
  }
  if (meta == 0) {
    return -1;
  }
  Stmt v;
  if (auto p = v.Prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'"); !p) {
    return SqlError(db, sqlite3_errcode(db), "reading the store", path);
  }
  rc = v.Step();
  if (rc != SQLITE_ROW) {
    return -1;
  }
  int version = std::atoi(v.ColText(0).c_str());
  v.Reset();
  return version <= 0 ? -1 : version;
}

// plainsight_host(url): the host of a body's URL (the whole URL when it has none), so that a
// lease is not given on a host another live lease is crawling.
void HostFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  std::string url = text == nullptr ? "" : reinterpret_cast<const char*>(text);
  auto parsed = engine::ParseUrl(url);
  std::string host = parsed && parsed->host ? *parsed->host : url;
  sqlite3_result_text(ctx, host.c_str(), static_cast<int>(host.size()), SQLITE_TRANSIENT);
}

}  // namespace

// What a SQLite result code means for the person running plainsight.
engine::Error SqlError(sqlite3* db, int rc, std::string_view what, const std::string& path) {
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  // SQLite reports ENOSPC as SQLITE_FULL but a quota or file-size limit as an I/O error.
  int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
  if (primary == SQLITE_IOERR &&
      (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG)) {
    primary = SQLITE_FULL;
    detail = std::strerror(system_errno);
  }
  switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return {ErrorCode::kParse, "not a plainsight store, or the file is corrupt (" + detail + ")",
              path};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kTimeout,
              "the store is locked by another process (" + detail +
                  "); wait for it to finish or use another --db",
              path};
    case SQLITE_READONLY:
      return {ErrorCode::kIo,
              "the store is read-only (" + detail +
                  "): check the permissions of the file and its folder",
              path};
    case SQLITE_FULL:
      return {ErrorCode::kIo, "the disk is full: cannot write the store (" + detail + ")", path};
    case SQLITE_CANTOPEN:
      return {ErrorCode::kIo,
              "cannot open the store (" + detail +
                  "): check that the folder exists and can be "
                  "written",
              path};
    case SQLITE_IOERR:
      return {ErrorCode::kIo, "reading or writing the store failed (" + detail + ")", path};
    default:
      return {ErrorCode::kIo, std::string(what) + ": " + detail, path};
  }
}

// Runs SQL text without results.
int Exec(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

Result<int> Migrate(sqlite3* db, const std::string& path, std::span<const Migration> migrations,
                    bool read_only) {
  auto found = ReadVersion(db, path);
  if (!found) {
    return found.error();
  }
  int version = *found;
  int newest = migrations.empty() ? 0 : migrations.back().version;
  if (version < 0) {
    return Fail(ErrorCode::kParse,
                "not a plainsight store: the file is an SQLite database of something else", path);
  }
  if (version > newest) {
    return Fail(ErrorCode::kUnsupported,
                "this store was written by a newer plainsight (schema version " +
                    std::to_string(version) +
                    "); this plainsight (" PLAINSIGHT_VERSION ") reads schema versions up to " +
                    std::to_string(newest) + ": upgrade plainsight to read it",
                path);
  }
  if (version == newest) {
    return version;
  }
  if (read_only) {
    return Fail(ErrorCode::kUnsupported,
                version == 0 ? "not a plainsight store (an empty database)"
                             : "this store has schema version " + std::to_string(version) +
                                   " and must be upgraded to " + std::to_string(newest) +
                                   ", which writes to it: plainsight scan --status, report and "
                                   "serve upgrade it when the file and its folder can be "
                                   "written",
                path);
  }
  for (const Migration& m : migrations) {
    if (m.version <= version) {
      continue;
    }
    int rc = Exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
      return SqlError(db, rc, "upgrading the store", path);
    }
    for (std::string_view statement : m.sqlite) {
      rc = Exec(db, std::string(statement));
      if (rc != SQLITE_OK) {
        engine::Error e = SqlError(
            db, rc, "upgrading the store to schema version " + std::to_string(m.version), path);
        Exec(db, "ROLLBACK");
        return e;
      }
    }
    rc = Exec(db, "INSERT INTO meta(key, value) VALUES('schema_version', '" +
                      std::to_string(m.version) +
                      "') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (rc == SQLITE_OK && version == 0) {
      rc = Exec(db,
                "INSERT OR IGNORE INTO meta(key, value) VALUES('created_by', "
                "'plainsight " PLAINSIGHT_VERSION "')");
    }
    if (rc == SQLITE_OK) {
      rc = Exec(db, "COMMIT");
    }
    if (rc != SQLITE_OK) {
      engine::Error e = SqlError(db, rc, "upgrading the store", path);
      Exec(db, "ROLLBACK");
      return e;
    }
  }
  return version;
}

// Opens the file with the connection settings every use shares.
Result<void> OpenConnection(Db& conn, const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (!exists && (options.read_only || !options.create)) {
    return Fail(ErrorCode::kNotFound, "no store at this path", path);
  }
  if (exists && std::filesystem::is_directory(path, ec)) {
    return Fail(ErrorCode::kIo, "this is a folder, not a store file", path);
  }
  int flags =
      options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &conn.db, flags, nullptr);
  if (rc != SQLITE_OK) {
    return SqlError(conn.db, rc, "opening the store", path);
  }
  sqlite3_extended_result_codes(conn.db, 1);
  sqlite3_busy_timeout(conn.db, options.busy_timeout_ms);
  if (!options.read_only && sqlite3_db_readonly(conn.db, "main") == 1) {
    return Fail(ErrorCode::kIo,
                "the store is read-only: check the permissions of the file and its folder", path);
  }
  // The journal mode is kept in the file; read-only connections use whatever it says.
  if (!options.read_only) {
    rc = Exec(conn.db, "PRAGMA journal_mode = WAL");
    if (rc != SQLITE_OK) {
      return SqlError(conn.db, rc, "opening the store", path);
    }
  }
  rc = Exec(conn.db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL");
  if (rc != SQLITE_OK) {
    return SqlError(conn.db, rc, "opening the store", path);
  }
  rc = sqlite3_create_function_v2(conn.db, "plainsight_host", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                  &HostFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return SqlError(conn.db, rc, "opening the store", path);
  }
  return {};
}

}  // namespace plainsight::store::sqlite
