// Prints rows as aligned text columns for the terminal. Widths count Unicode
// code points, not bytes, so Arabic values line up. Not thread-safe.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace reckon::cli {

class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Cells longer than `max_width` code points are cut with an ellipsis.
  void Print(std::ostream& out, size_t max_width = 40) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of code points in a UTF-8 string.
size_t DisplayWidth(const std::string& text);

}  // namespace reckon::cli
