// RowParser: fills a record's canonical fields from one CSV row, parsing sex,
// age and dates leniently and flagging what it cannot read. Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapping.h"
#include "store/model.h"

namespace reckon {

class RowParser {
 public:
  // `columns` must outlive the parser. `source_name` builds SOURCE:ROW ids for
  // rows that carry no record_id of their own.
  RowParser(const ResolvedColumns& columns, std::string source_name)
      : columns_(columns), source_name_(std::move(source_name)) {}

  // `row` has one value per header column. Overwrites every field of `record`
  // and its flags; row and line numbers and the raw row are the caller's.
  void Parse(const std::vector<std::string_view>& row, int64_t row_number, NewRecord& record) const;

 private:
  std::string_view Value(const std::vector<std::string_view>& row, CanonicalField field) const;
  void ParseDateField(const std::vector<std::string_view>& row, CanonicalField field,
                      NewRecord& record, std::string& iso, std::string& precision) const;

  const ResolvedColumns& columns_;
  std::string source_name_;
};

}  // namespace reckon
