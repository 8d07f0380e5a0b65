// The register's tables (persons, person_records, link runs, review pairs and
// decisions) and gazetteers on SQLite. Free functions used by SqliteStore; see
// store.h for the contracts. Not thread-safe (one connection).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/sqlite_db.h"

namespace reckon {

Result<int64_t> SqliteSaveLinkRun(SqliteDatabase& db, const LinkRunResult& run,
                                  const std::string& now);
Result<std::optional<LinkRunInfo>> SqliteLatestLinkRun(SqliteDatabase& db);
Result<std::vector<std::pair<int64_t, int64_t>>> SqlitePersonAssignments(SqliteDatabase& db);
Result<std::vector<ClusterAssignment>> SqliteClusterAssignments(SqliteDatabase& db);
Result<std::vector<LinkRunResult::Pair>> SqliteReviewPairs(SqliteDatabase& db);
Status SqliteSaveReviewDecision(SqliteDatabase& db, const ReviewDecision& decision);
Result<std::vector<ReviewDecision>> SqliteReviewDecisions(SqliteDatabase& db);
Status SqliteAddGazetteer(SqliteDatabase& db, const StoredGazetteer& gazetteer);
Result<std::optional<StoredGazetteer>> SqliteLatestGazetteer(SqliteDatabase& db);

}  // namespace reckon
