// Stored estimates (the estimate_runs table) on SQLite. Free functions used by
// SqliteStore; see store.h for the contracts. Not thread-safe (one connection).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/sqlite_db.h"

namespace reckon {

Result<int64_t> SqliteSaveEstimateRun(SqliteDatabase& db, const EstimateRun& run);
Result<std::vector<EstimateRun>> SqliteEstimateRuns(SqliteDatabase& db);
Result<std::optional<EstimateRun>> SqliteFindEstimateRun(SqliteDatabase& db,
                                                         int64_t estimate_run_id);

}  // namespace reckon
