// The SQLite backend of the scan store (Debian's libsqlite3): one file, write-ahead log, foreign
// keys on, a busy timeout for concurrent processes, synchronous=NORMAL (a committed page survives
// the process being killed at any moment; only a power cut may lose the last commits).
// A Store object is used from one thread at a time.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/result.h"
#include "store/schema.h"
#include "store/store.h"

namespace plainsight::store {

// Opens or creates the SQLite store at `path` (see OpenStore for the errors).
engine::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                       const OpenOptions& options);

// For tests of the migration machinery: opens (creating if needed) the SQLite file at `path`
// and applies those of `migrations` it has not had yet, each in its own transaction. Returns the
// version the file had before (0 for a new file). Fails like OpenStore, and with kUnsupported
// when the file is newer than the last of `migrations`.
engine::Result<int> MigrateSqliteFile(const std::string& path,
                                      std::span<const Migration> migrations);

}  // namespace plainsight::store
