// The PostgreSQL backend of the scan store (Debian's libpq), for a fleet of workers sharing one
// database (docs/fleet.md). The same tables and schema versions as the SQLite store (schema.h);
// the store lives in the connection's current schema (the first of search_path), so one
// database can hold several stores in schemas of their own.
//
// - Migrations run in one transaction under an advisory lock: workers starting together do not
//   collide, and a half-migrated store is never seen.
// - A page, its findings, rule outcomes and text figures are written by one statement (rows
//   passed as arrays and inserted with unnest()): one round trip and one transaction per page.
// - Leases take a body with SELECT ... FOR UPDATE SKIP LOCKED, on the database's clock (workers'
//   clocks may differ), and never a body whose host another live lease is crawling.
// - Times are the database server's (UTC), so bodies finished by different machines compare.
// A Store object is used from one thread at a time; each holds its own connection.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/result.h"
#include "store/schema.h"
#include "store/store.h"

namespace plainsight::store {

// Opens the PostgreSQL store at `uri` (postgresql://user:password@host:port/database?...),
// creating its tables in an empty database or schema, migrating an older one (see OpenStore for
// the errors). kNetwork means the server could not be reached: a worker tries again later.
engine::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                         const OpenOptions& options);

// For tests of the migration machinery: applies those of `migrations` the database has not had
// yet, in one transaction under the migration lock. Returns the version it had before (0 for an
// empty database). Fails like OpenStore, and with kUnsupported when the database is newer than
// the last of `migrations`.
engine::Result<int> MigratePostgres(const std::string& uri, std::span<const Migration> migrations);

}  // namespace plainsight::store
