#include "common/csv_writer.h"

namespace reckon {

void CsvWriter::WriteField(std::string_view field) {
  const bool needs_quotes =
      field.find_first_of(std::string{'"', '\r', '\n', delimiter_}) != std::string_view::npos;
  if (!needs_quotes) {
    out_ << field;
    return;
  }
  out_ << '"';
  for (const char c : field) {
    if (c == '"') out_ << '"';
    out_ << c;
  }
  out_ << '"';
}

void CsvWriter::WriteRow(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out_ << delimiter_;
    WriteField(fields[i]);
  }
  out_ << '\n';
}

void CsvWriter::WriteRow(const std::vector<std::string_view>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out_ << delimiter_;
    WriteField(fields[i]);
  }
  out_ << '\n';
}

}  // namespace reckon
