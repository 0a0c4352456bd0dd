// The store's schema and its versions. Both backends hold the same tables and columns; each has
// its own DDL (types and key syntax differ). A version is a list of statements that takes a store
// from the version before it to this one; a store records its version in meta.schema_version.
//
// Rules for changing the schema: never edit a released version's statements; add a version
// with ALTER TABLE / CREATE TABLE statements, for both backends, and bump kSchemaVersion.
#pragma once

#include <span>
#include <string_view>

namespace plainsight::store {

struct Migration {
  int version;                                 // the version this migration leads to
  std::span<const std::string_view> sqlite;    // statements, run in one transaction
  std::span<const std::string_view> postgres;  // the same for PostgreSQL
};

// Every version, oldest first; the last one is kSchemaVersion.
std::span<const Migration> Migrations();

// The schema version this build writes and reads.
inline constexpr int kSchemaVersion = 2;

}  // namespace plainsight::store
