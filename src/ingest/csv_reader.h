// A streaming CSV reader (RFC 4180) over UTF-8 text.
//
// Quoted fields may contain delimiters, newlines and doubled quotes. A quote
// inside an unquoted field is kept literally (spreadsheets write such files).
// Structural errors — an unterminated quote, text after a closing quote, a
// field longer than kMaxFieldBytes — stop the reader with a Status naming the
// line. Blank lines are skipped. Memory is bounded by the longest record.
//
// Thread-compatible: one reader per file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/text_source.h"

namespace reckon {

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next call to Next
  int64_t line = 0;                      // physical line where the record starts (1-based)
};

class CsvReader {
 public:
  static constexpr size_t kMaxFieldBytes = 1 << 20;

  // With no delimiter given, it is detected from the first record: the one of
  // ',', ';' and '\t' that occurs most often outside quotes (',' on a tie).
  static Result<CsvReader> Create(TextSource* source, std::optional<char> delimiter);

  // Reads the next non-blank record. Returns false at the end of the input.
  Result<bool> Next(CsvRecord& record);

  char delimiter() const { return delimiter_; }

 private:
  explicit CsvReader(TextSource* source) : source_(source) {}
  // Makes at least one unread byte available; false at end of input.
  Result<bool> Fill();
  Status Error(int64_t line, const std::string& problem) const;

  TextSource* source_;
  char delimiter_ = ',';
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  int64_t line_ = 1;
  std::string field_data_;          // the current record's unescaped field bytes
  std::vector<size_t> field_ends_;  // end offset of each field in field_data_
};

// The delimiter that splits `first_line_text` best; exposed for tests.
char DetectDelimiter(std::string_view text);

}  // namespace reckon
