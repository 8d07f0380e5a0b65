// The investigation's tables (incidents, burial sites, testimony, links to
// persons, verification decisions) on SQLite. Free functions used by
// SqliteStore; see store.h for the contracts. Every change appends its
// audit_log entry inside the same transaction. Not thread-safe (one connection).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/sqlite_db.h"

namespace reckon {

Result<std::vector<std::pair<int64_t, int64_t>>> SqlitePersonSources(SqliteDatabase& db);
Result<Incident> SqliteAddIncident(SqliteDatabase& db, const Incident& incident,
                                   const std::string& now);
Result<std::vector<Incident>> SqliteListIncidents(SqliteDatabase& db);
Result<BurialSite> SqliteAddBurialSite(SqliteDatabase& db, const BurialSite& site,
                                       const std::string& now);
Result<std::vector<BurialSite>> SqliteListBurialSites(SqliteDatabase& db);
Result<Testimony> SqliteAddTestimony(SqliteDatabase& db, const Testimony& testimony,
                                     const std::string& now);
Result<std::vector<Testimony>> SqliteListTestimonies(SqliteDatabase& db);
Status SqliteAddLink(SqliteDatabase& db, const EntityLink& link, const std::string& actor,
                     const std::string& now);
// SqliteAddLink's work inside the caller's transaction.
Status InsertLinkInTransaction(SqliteDatabase& db, const EntityLink& link, const std::string& actor,
                               const std::string& now);
Result<std::vector<EntityLink>> SqliteLinksOf(SqliteDatabase& db, const std::string& entity,
                                              int64_t id);
Result<VerificationDecision> SqliteSaveVerificationDecision(SqliteDatabase& db,
                                                            const VerificationDecision& decision,
                                                            const std::string& now);
Result<std::vector<VerificationDecision>> SqliteVerificationDecisions(
    SqliteDatabase& db, std::optional<int64_t> person_id);

}  // namespace reckon
