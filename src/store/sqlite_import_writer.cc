#include "store/sqlite_import_writer.h"

namespace reckon {
namespace {

constexpr int kColumnsPerRow = 27;

std::string InsertSql(size_t rows) {
  std::string sql =
      "INSERT INTO records (record_pk, import_id, source_id, row_number, line_number, record_id, "
      "raw_json, full_name, given_name, father_name, grandfather_name, family_name, mother_name, "
      "sex, age, age_min, age_max, birth_date, birth_date_precision, death_date, "
      "death_date_precision, locality, district, governorate, cause, notes, flag_count) VALUES ";
  for (size_t row = 0; row < rows; ++row) {
    sql += row ? ",(" : "(";
    for (int column = 0; column < kColumnsPerRow; ++column) sql += column ? ",?" : "?";
    sql += ")";
  }
  return sql;
}

}  // namespace

Result<std::unique_ptr<SqliteImportWriter>> SqliteImportWriter::Create(SqliteDatabase* db,
                                                                       int64_t import_id,
                                                                       int64_t source_id) {
  std::unique_ptr<SqliteImportWriter> writer(new SqliteImportWriter(db, import_id, source_id));
  RECKON_ASSIGN_OR_RETURN(writer->insert_batch_, db->Prepare(InsertSql(kBatchRows)));
  RECKON_ASSIGN_OR_RETURN(writer->insert_single_, db->Prepare(InsertSql(1)));
  RECKON_ASSIGN_OR_RETURN(
      writer->insert_flag_,
      db->Prepare("INSERT INTO record_flags (record_pk, field, raw_value, problem) "
                  "VALUES (?, ?, ?, ?)"));
  RECKON_ASSIGN_OR_RETURN(writer->next_pk_,
                          db->QueryInt("SELECT coalesce(max(record_pk), 0) + 1 FROM records"));
  return writer;
}

SqliteImportWriter::~SqliteImportWriter() {
  if (!committed_) (void)db_->Exec("ROLLBACK");
  (void)db_->Exec("PRAGMA foreign_keys = ON");
}

Status SqliteImportWriter::Add(const NewRecord& record) {
  batch_[batch_size_++] = record;  // copy-assignment reuses the strings' buffers
  if (batch_size_ == kBatchRows) return Flush();
  return Status::Ok();
}

void SqliteImportWriter::BindRecord(SqliteStatement& s, int first, const NewRecord& record,
                                    int64_t pk) {
  const RecordFields& f = record.fields;
  int i = first;
  s.BindInt(i++, pk);
  s.BindInt(i++, import_id_);
  s.BindInt(i++, source_id_);
  s.BindInt(i++, record.row_number);
  s.BindInt(i++, record.line_number);
  s.BindTextNoCopy(i++, f.record_id);
  s.BindTextNoCopy(i++, record.raw_json);
  for (const std::string* text : {&f.full_name, &f.given_name, &f.father_name, &f.grandfather_name,
                                  &f.family_name, &f.mother_name, &f.sex}) {
    s.BindTextNoCopy(i++, *text, /*empty_is_null=*/true);
  }
  s.BindOptionalInt(i++, f.age);
  s.BindOptionalInt(i++, f.age_min);
  s.BindOptionalInt(i++, f.age_max);
  for (const std::string* text :
       {&f.birth_date, &f.birth_date_precision, &f.death_date, &f.death_date_precision, &f.locality,
        &f.district, &f.governorate, &f.cause, &f.notes}) {
    s.BindTextNoCopy(i++, *text, /*empty_is_null=*/true);
  }
  s.BindInt(i, static_cast<int64_t>(record.flags.size()));
}

Status SqliteImportWriter::Flush() {
  if (batch_size_ == 0) return Status::Ok();
  const int64_t first_pk = next_pk_;
  if (batch_size_ == kBatchRows) {
    for (size_t row = 0; row < batch_size_; ++row) {
      BindRecord(insert_batch_, static_cast<int>(row) * kColumnsPerRow + 1, batch_[row],
                 first_pk + static_cast<int64_t>(row));
    }
    Status status = insert_batch_.Run();
    if (status.code() == StatusCode::kAlreadyExists) return DescribeDuplicate(0);
    if (!status.ok()) {
      return status.WithContext("storing rows " + std::to_string(batch_[0].row_number) + "-" +
                                std::to_string(batch_[batch_size_ - 1].row_number));
    }
  } else {
    for (size_t row = 0; row < batch_size_; ++row) {
      BindRecord(insert_single_, 1, batch_[row], first_pk + static_cast<int64_t>(row));
      Status status = insert_single_.Run();
      if (status.code() == StatusCode::kAlreadyExists) return DescribeDuplicate(row);
      if (!status.ok()) {
        return status.WithContext("storing row " + std::to_string(batch_[row].row_number));
      }
    }
  }
  for (size_t row = 0; row < batch_size_; ++row) {
    for (const FieldFlag& flag : batch_[row].flags) {
      insert_flag_.BindInt(1, first_pk + static_cast<int64_t>(row));
      insert_flag_.BindText(2, flag.field);
      insert_flag_.BindText(3, flag.raw_value);
      insert_flag_.BindText(4, flag.problem);
      RECKON_RETURN_IF_ERROR(insert_flag_.Run());
    }
  }
  next_pk_ += static_cast<int64_t>(batch_size_);
  row_count_ += static_cast<int64_t>(batch_size_);
  batch_size_ = 0;
  return Status::Ok();
}

Status SqliteImportWriter::DescribeDuplicate(size_t first_unstored) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement lookup,
      db_->Prepare("SELECT line_number FROM records WHERE import_id = ? AND record_id = ?"));
  for (size_t row = first_unstored; row < batch_size_; ++row) {
    const NewRecord& record = batch_[row];
    std::optional<int64_t> earlier_line;
    for (size_t before = first_unstored; before < row && !earlier_line; ++before) {
      if (batch_[before].fields.record_id == record.fields.record_id) {
        earlier_line = batch_[before].line_number;
      }
    }
    if (!earlier_line) {
      lookup.BindInt(1, import_id_);
      lookup.BindText(2, record.fields.record_id);
      RECKON_ASSIGN_OR_RETURN(bool found, lookup.Step());
      if (found) earlier_line = lookup.ColumnInt(0);
      lookup.Reset();
    }
    if (earlier_line) {
      return Status::DataError("line " + std::to_string(record.line_number) + ": record_id '" +
                               record.fields.record_id + "' is already used on line " +
                               std::to_string(*earlier_line) +
                               "; record ids must be unique within a list");
    }
  }
  return Status::Internal("a uniqueness constraint failed but no duplicate record_id was found");
}

Status SqliteImportWriter::Commit(const std::string& file_sha256, int64_t file_size) {
  RECKON_RETURN_IF_ERROR(Flush());
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement update,
      db_->Prepare("UPDATE imports SET file_sha256 = ?, file_size = ?, row_count = ? "
                   "WHERE import_id = ?"));
  update.BindText(1, file_sha256);
  update.BindInt(2, file_size);
  update.BindInt(3, row_count_);
  update.BindInt(4, import_id_);
  RECKON_RETURN_IF_ERROR(update.Run());
  RECKON_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  committed_ = true;
  return Status::Ok();
}

}  // namespace reckon
