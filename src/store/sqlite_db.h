// Thin RAII wrappers over the SQLite C API: a connection and prepared statements.
//
// Errors become Status values whose message names the case file, never the
// bound values (which may be sensitive). Not thread-safe.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace reckon {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

class SqliteStatement {
 public:
  SqliteStatement() = default;
  explicit SqliteStatement(sqlite3_stmt* stmt) : stmt_(stmt) {}

  // Binding: index is 1-based as in SQLite. Empty strings bind as NULL when
  // `empty_is_null` so that "not given" is one thing in the database.
  void BindText(int index, std::string_view value, bool empty_is_null = false);
  // Like BindText, but SQLite does not copy: `value` must outlive the next
  // Step/Run. For the import hot path.
  void BindTextNoCopy(int index, std::string_view value, bool empty_is_null = false);
  void BindInt(int index, int64_t value);
  void BindOptionalInt(int index, std::optional<int64_t> value);
  void BindNull(int index);

  // Steps once: returns true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();
  void Reset();

  std::string ColumnText(int column) const;
  int64_t ColumnInt(int column) const;
  bool ColumnIsNull(int column) const;
  std::optional<int> ColumnOptionalInt(int column) const;

  sqlite3_stmt* get() const { return stmt_.get(); }

 private:
  std::unique_ptr<sqlite3_stmt, SqliteFinalizer> stmt_;
};

class SqliteDatabase {
 public:
  // Opens `path`. With `create` the file is created if missing; without it a
  // missing file is NotFound.
  static Result<SqliteDatabase> Open(const std::string& path, bool create);

  Status Exec(const std::string& sql);

  // Runs `body` (returning Status) inside BEGIN IMMEDIATE ... COMMIT, rolling
  // back when it or the commit fails: every multi-step change is one transaction.
  template <typename Body>
  // Inside an open transaction the body runs in a savepoint, so that a step
  // that is itself a transaction can be part of a larger one.
  Status InTransaction(Body body) {
    if (sqlite3_get_autocommit(db_.get()) == 0) {
      RECKON_RETURN_IF_ERROR(Exec("SAVEPOINT nested_change"));
      Status status = body();
      if (status.ok()) return Exec("RELEASE nested_change");
      (void)Exec("ROLLBACK TO nested_change");
      (void)Exec("RELEASE nested_change");
      return status;
    }
    RECKON_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status status = body();
    if (status.ok()) status = Exec("COMMIT");
    if (!status.ok()) (void)Exec("ROLLBACK");
    return status;
  }
  Result<SqliteStatement> Prepare(std::string_view sql);
  // Runs a query that yields one integer.
  Result<int64_t> QueryInt(const std::string& sql);
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }

  // A Status for the connection's last error, prefixed with `what`.
  Status Error(std::string_view what) const;

  const std::string& path() const { return path_; }
  sqlite3* get() const { return db_.get(); }

 private:
  std::unique_ptr<sqlite3, SqliteCloser> db_;
  std::string path_;
};

}  // namespace reckon
