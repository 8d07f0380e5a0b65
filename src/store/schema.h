// The case file's schema as an ordered list of migrations.
//
// Migration i (0-based) upgrades a case file from version i to version i + 1.
// Migrations are append-only: never edit one that has shipped. The version is
// kept in PRAGMA user_version; PRAGMA application_id marks the file as ours.
// docs/schema.md describes the resulting tables.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/sqlite_db.h"

namespace reckon {

// 'RCKN' — lets us tell a Reckon case file from any other SQLite database.
inline constexpr int32_t kCaseFileApplicationId = 0x52434B4E;

const std::vector<std::string_view>& SchemaMigrations();
int LatestSchemaVersion();

// Brings `db` to the latest version in one transaction. Refuses a file with a
// newer version than this build knows, or one that is not a case file.
Status MigrateToLatest(SqliteDatabase& db);

}  // namespace reckon
