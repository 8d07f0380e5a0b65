// Writes RFC 4180 CSV: fields containing the delimiter, a quote, CR or LF are
// quoted and quotes doubled. Output is UTF-8 with "\n" line endings.
// Thread-compatible.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  void WriteRow(const std::vector<std::string>& fields);
  void WriteRow(const std::vector<std::string_view>& fields);

 private:
  void WriteField(std::string_view field);

  std::ostream& out_;
  char delimiter_;
};

}  // namespace reckon
