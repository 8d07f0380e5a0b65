#include "store/sqlite_db.h"

#include <sys/stat.h>

#include <mutex>

namespace reckon {

void SqliteStatement::BindText(int index, std::string_view value, bool empty_is_null) {
  if (empty_is_null && value.empty()) {
    sqlite3_bind_null(stmt_.get(), index);
    return;
  }
  sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

void SqliteStatement::BindTextNoCopy(int index, std::string_view value, bool empty_is_null) {
  if (empty_is_null && value.empty()) {
    sqlite3_bind_null(stmt_.get(), index);
    return;
  }
  sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                    SQLITE_STATIC);
}

void SqliteStatement::BindInt(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
}

void SqliteStatement::BindOptionalInt(int index, std::optional<int64_t> value) {
  if (value) {
    sqlite3_bind_int64(stmt_.get(), index, *value);
  } else {
    sqlite3_bind_null(stmt_.get(), index);
  }
}

void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_.get(), index); }

Result<bool> SqliteStatement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_.get());
  const int extended = sqlite3_extended_errcode(db);
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Status::AlreadyExists(std::string("database constraint: ") + sqlite3_errmsg(db));
  }
  return Status::IoError(std::string("database error: ") + sqlite3_errmsg(db));
}

Status SqliteStatement::Run() {
  while (true) {
    auto has_row = Step();
    if (!has_row.ok() || !*has_row) {
      Reset();  // also after an error, so the statement can run again
      return has_row.status();
    }
  }
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string SqliteStatement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column))};
}

int64_t SqliteStatement::ColumnInt(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

bool SqliteStatement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::optional<int> SqliteStatement::ColumnOptionalInt(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return sqlite3_column_int(stmt_.get(), column);
}

Result<SqliteDatabase> SqliteDatabase::Open(const std::string& path, bool create) {
  // Memory statistics take a global mutex on every allocation; we never read them.
  static std::once_flag configure_once;
  std::call_once(configure_once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  struct stat info {};
  if (!create && ::stat(path.c_str(), &info) != 0) {
    return Status::NotFound("case file " + path + " does not exist (create it with `reckon init " +
                            path + "`)");
  }
  sqlite3* raw = nullptr;
  // NOMUTEX: a connection is used by one thread only (see Store's contract).
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteDatabase db;
  db.db_.reset(raw);
  db.path_ = path;
  if (rc != SQLITE_OK) {
    return Status::IoError("cannot open case file " + path + ": " +
                           (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Status SqliteDatabase::Exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    return Status::IoError("case file " + path_ + ": " + message);
  }
  return Status::Ok();
}

Result<SqliteStatement> SqliteDatabase::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error("preparing a query");
  return SqliteStatement(stmt);
}

Result<int64_t> SqliteDatabase::QueryInt(const std::string& sql) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement stmt, Prepare(sql));
  RECKON_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
  if (!has_row) return Status::Internal("query returned no row: " + sql);
  return stmt.ColumnInt(0);
}

Status SqliteDatabase::Error(std::string_view what) const {
  return Status::IoError("case file " + path_ + ": " + std::string(what) + ": " +
                         sqlite3_errmsg(db_.get()));
}

}  // namespace reckon
