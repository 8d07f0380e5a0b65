// The SQLite ImportWriter: buffers records and inserts them 64 rows per
// statement, because per-statement overhead (opening and closing cursors on
// the table, its indexes and foreign-key parents) dominated single-row inserts.
//
// Must be created inside an open transaction (SqliteStore::BeginImport); rolls
// it back when destroyed uncommitted. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace reckon {

class SqliteImportWriter final : public ImportWriter {
 public:
  static constexpr size_t kBatchRows = 64;

  static Result<std::unique_ptr<SqliteImportWriter>> Create(SqliteDatabase* db, int64_t import_id,
                                                            int64_t source_id);
  ~SqliteImportWriter() override;

  Status Add(const NewRecord& record) override;
  Status Commit(const std::string& file_sha256, int64_t file_size) override;
  int64_t import_id() const override { return import_id_; }
  int64_t source_id() const override { return source_id_; }

 private:
  SqliteImportWriter(SqliteDatabase* db, int64_t import_id, int64_t source_id)
      : db_(db), import_id_(import_id), source_id_(source_id), batch_(kBatchRows) {}

  // Inserts the buffered records (and their flags).
  Status Flush();
  // After a uniqueness failure: the error naming both lines. Rows of the
  // batch before `first_unstored` are already in the table.
  Status DescribeDuplicate(size_t first_unstored);
  // Binds record `record` of the batch to parameters starting at `first`.
  void BindRecord(SqliteStatement& statement, int first, const NewRecord& record, int64_t pk);

  SqliteDatabase* db_;
  int64_t import_id_;
  int64_t source_id_;
  SqliteStatement insert_batch_;   // kBatchRows rows per execution
  SqliteStatement insert_single_;  // for the remainder
  SqliteStatement insert_flag_;
  std::vector<NewRecord> batch_;
  size_t batch_size_ = 0;
  int64_t next_pk_ = 1;  // record_pk values are assigned here so flags can refer to them
  int64_t row_count_ = 0;
  bool committed_ = false;
};

}  // namespace reckon
