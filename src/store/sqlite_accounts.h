// Accounts (users, sessions) and register edits from the web application on
// SQLite. Free functions used by SqliteStore; see store.h
// for the contracts. Not thread-safe (one connection).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/sqlite_db.h"

namespace reckon {

Result<int64_t> SqliteAddUser(SqliteDatabase& db, const User& user, const std::string& actor,
                              const std::string& now);
Result<std::optional<User>> SqliteFindUser(SqliteDatabase& db, const std::string& name);
Result<std::vector<User>> SqliteListUsers(SqliteDatabase& db);
Status SqliteSaveSession(SqliteDatabase& db, const UserSession& session);
Result<std::optional<std::pair<UserSession, User>>> SqliteFindSession(
    SqliteDatabase& db, const std::string& token_sha256, const std::string& now);
Status SqliteDeleteSession(SqliteDatabase& db, const std::string& token_sha256);
Result<int64_t> SqliteDeleteExpiredSessions(SqliteDatabase& db, const std::string& now);
Result<RegisterChange> SqliteApplyReviewDecision(SqliteDatabase& db, const ReviewDecision& decision,
                                                 const std::string& actor, const std::string& now);

}  // namespace reckon
