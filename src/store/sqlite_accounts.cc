#include "store/sqlite_accounts.h"

#include <algorithm>

#include "store/audit_chain.h"
#include "store/sqlite_casework.h"
#include "store/sqlite_register.h"

namespace reckon {
namespace {

constexpr std::string_view kUserColumns =
    "user_id, name, role, password_hash, disabled, created_at";

User ReadUser(const SqliteStatement& q, int first = 0) {
  User u;
  u.user_id = q.ColumnInt(first + 0);
  u.name = q.ColumnText(first + 1);
  u.role = q.ColumnText(first + 2);
  u.password_hash = q.ColumnText(first + 3);
  u.disabled = q.ColumnInt(first + 4) != 0;
  u.created_at = q.ColumnText(first + 5);
  return u;
}

// The person a record belongs to, or NotFound.
Result<int64_t> PersonOf(SqliteDatabase& db, int64_t record_pk) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("SELECT person_id FROM person_records WHERE record_pk = ?"));
  q.BindInt(1, record_pk);
  RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
  if (!has_row) {
    return Status::NotFound("record " + std::to_string(record_pk) + " is not in the register");
  }
  return q.ColumnInt(0);
}

}  // namespace

Result<int64_t> SqliteAddUser(SqliteDatabase& db, const User& user, const std::string& actor,
                              const std::string& now) {
  if (user.name.empty()) return Status::InvalidArgument("a user needs a name");
  if (user.password_hash.empty()) return Status::InvalidArgument("a user needs a password");
  int64_t user_id = 0;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(SqliteStatement find,
                            db.Prepare("SELECT count(*) FROM users WHERE name = ?"));
    find.BindText(1, user.name);
    RECKON_ASSIGN_OR_RETURN(bool has_row, find.Step());
    if (has_row && find.ColumnInt(0) > 0) {
      return Status::AlreadyExists("user '" + user.name + "' already exists");
    }
    RECKON_ASSIGN_OR_RETURN(SqliteStatement insert,
                            db.Prepare("INSERT INTO users (name, role, password_hash, disabled, "
                                       "created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.BindText(1, user.name);
    insert.BindText(2, user.role);
    insert.BindText(3, user.password_hash);
    insert.BindInt(4, user.disabled ? 1 : 0);
    insert.BindText(5, user.created_at.empty() ? now : user.created_at);
    RECKON_RETURN_IF_ERROR(insert.Run());
    user_id = db.LastInsertRowId();
    return AppendAuditInTransaction(
        db, {0, now, actor, "user.add", "user", user_id,
             AuditDetailsJson({{"name", user.name}, {"role", user.role}}), "", ""});
  });
  if (!status.ok()) return status;
  return user_id;
}

Result<std::optional<User>> SqliteFindUser(SqliteDatabase& db, const std::string& name) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare("SELECT " + std::string(kUserColumns) +
                                                        " FROM users WHERE name = ?"));
  q.BindText(1, name);
  RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
  if (!has_row) return std::optional<User>();
  return std::optional<User>(ReadUser(q));
}

Result<std::vector<User>> SqliteListUsers(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare("SELECT " + std::string(kUserColumns) +
                                                        " FROM users ORDER BY name"));
  std::vector<User> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    out.push_back(ReadUser(q));
  }
  return out;
}

Status SqliteSaveSession(SqliteDatabase& db, const UserSession& s) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      db.Prepare("INSERT INTO user_sessions (token_sha256, user_id, csrf_token, created_at, "
                 "expires_at) VALUES (?, ?, ?, ?, ?)"));
  insert.BindText(1, s.token_sha256);
  insert.BindInt(2, s.user_id);
  insert.BindText(3, s.csrf_token);
  insert.BindText(4, s.created_at);
  insert.BindText(5, s.expires_at);
  return insert.Run();
}

Result<std::optional<std::pair<UserSession, User>>> SqliteFindSession(
    SqliteDatabase& db, const std::string& token_sha256, const std::string& now) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement q,
      db.Prepare("SELECT s.token_sha256, s.user_id, s.csrf_token, s.created_at, s.expires_at, "
                 "u.user_id, u.name, u.role, u.password_hash, u.disabled, u.created_at "
                 "FROM user_sessions s JOIN users u USING (user_id) "
                 "WHERE s.token_sha256 = ? AND s.expires_at > ?"));
  q.BindText(1, token_sha256);
  q.BindText(2, now);
  RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
  using Found = std::optional<std::pair<UserSession, User>>;
  if (!has_row) return Found();
  UserSession s{q.ColumnText(0), q.ColumnInt(1), q.ColumnText(2), q.ColumnText(3), q.ColumnText(4)};
  return Found(std::make_pair(std::move(s), ReadUser(q, 5)));
}

Status SqliteDeleteSession(SqliteDatabase& db, const std::string& token_sha256) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("DELETE FROM user_sessions WHERE token_sha256 = ?"));
  q.BindText(1, token_sha256);
  return q.Run();
}

Result<int64_t> SqliteDeleteExpiredSessions(SqliteDatabase& db, const std::string& now) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("DELETE FROM user_sessions WHERE expires_at <= ?"));
  q.BindText(1, now);
  RECKON_RETURN_IF_ERROR(q.Run());
  return static_cast<int64_t>(sqlite3_changes(db.get()));
}

Result<RegisterChange> SqliteApplyReviewDecision(SqliteDatabase& db, const ReviewDecision& decision,
                                                 const std::string& actor, const std::string& now) {
  RegisterChange change;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(int64_t person_a, PersonOf(db, decision.record_pk_a));
    RECKON_ASSIGN_OR_RETURN(int64_t person_b, PersonOf(db, decision.record_pk_b));
    ReviewDecision stamped = decision;
    if (stamped.decided_at.empty()) stamped.decided_at = now;
    RECKON_RETURN_IF_ERROR(SqliteSaveReviewDecision(db, stamped));
    if (decision.match && person_a != person_b) {
      change.changed = true;
      change.person_kept = std::min(person_a, person_b);
      change.person_removed = std::max(person_a, person_b);
      RECKON_ASSIGN_OR_RETURN(
          SqliteStatement move,
          db.Prepare("UPDATE person_records SET person_id = ? WHERE person_id = ?"));
      move.BindInt(1, change.person_kept);
      move.BindInt(2, change.person_removed);
      RECKON_RETURN_IF_ERROR(move.Run());
    } else if (!decision.match && person_a == person_b) {
      change.changed = true;
      change.person_kept = person_a;
      RECKON_ASSIGN_OR_RETURN(int64_t highest,
                              db.QueryInt("SELECT coalesce(max(person_id), 0) FROM persons"));
      RECKON_ASSIGN_OR_RETURN(int64_t run_id,
                              db.QueryInt("SELECT coalesce(max(run_id), 0) FROM link_runs"));
      change.person_created = highest + 1;
      RECKON_ASSIGN_OR_RETURN(
          SqliteStatement person,
          db.Prepare("INSERT INTO persons (person_id, first_run_id, last_run_id) "
                     "VALUES (?1, ?2, ?2)"));
      person.BindInt(1, change.person_created);
      person.BindInt(2, run_id);
      RECKON_RETURN_IF_ERROR(person.Run());
      RECKON_ASSIGN_OR_RETURN(
          SqliteStatement move,
          db.Prepare("UPDATE person_records SET person_id = ? WHERE record_pk = ?"));
      move.BindInt(1, change.person_created);
      move.BindInt(2, decision.record_pk_b);
      RECKON_RETURN_IF_ERROR(move.Run());
    }
    // The decision itself is audited by SqliteSaveReviewDecision ("review.decide").
    if (!change.changed) return Status::Ok();
    return AppendAuditInTransaction(
        db, {0, now, actor, "register.apply_review", "record", decision.record_pk_a,
             AuditDetailsJson({{"record_pk_b", std::to_string(decision.record_pk_b)},
                               {"decision", decision.match ? "match" : "nonmatch"},
                               {"person_kept", std::to_string(change.person_kept)},
                               {"person_removed", std::to_string(change.person_removed)},
                               {"person_created", std::to_string(change.person_created)}}),
             "", ""});
  });
  if (!status.ok()) return status;
  return change;
}

}  // namespace reckon
