#include "estimate/capture_table.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "common/strings.h"

namespace reckon::estimate {

CaptureTable::CaptureTable(std::vector<std::string> lists)
    : lists_(std::move(lists)), counts_(size_t{1} << lists_.size(), 0) {
  assert(!lists_.empty() && lists_.size() <= static_cast<size_t>(kMaxLists));
}

void CaptureTable::Add(uint32_t pattern, int64_t n) {
  assert(pattern > 0 && pattern < num_cells() && n >= 0);
  counts_[pattern] += n;
}

int64_t CaptureTable::Observed() const {
  int64_t total = 0;
  for (const int64_t c : counts_) total += c;
  return total;
}

int64_t CaptureTable::ListTotal(int list) const {
  int64_t total = 0;
  for (uint32_t pattern = 1; pattern < num_cells(); ++pattern) {
    if (pattern >> list & 1u) total += counts_[pattern];
  }
  return total;
}

int64_t CaptureTable::OnSeveralLists() const {
  int64_t total = 0;
  for (uint32_t pattern = 1; pattern < num_cells(); ++pattern) {
    if ((pattern & (pattern - 1)) != 0) total += counts_[pattern];
  }
  return total;
}

int64_t CaptureTable::Overlap(int a, int b) const {
  const uint32_t both = (1u << a) | (1u << b);
  int64_t total = 0;
  for (uint32_t pattern = 1; pattern < num_cells(); ++pattern) {
    if ((pattern & both) == both) total += counts_[pattern];
  }
  return total;
}

CaptureTable CaptureTable::Select(const std::vector<int>& keep) const {
  std::vector<std::string> names;
  for (const int list : keep) names.push_back(lists_[static_cast<size_t>(list)]);
  CaptureTable out(std::move(names));
  for (uint32_t pattern = 1; pattern < num_cells(); ++pattern) {
    uint32_t reduced = 0;
    for (size_t idx = 0; idx < keep.size(); ++idx) {
      if (pattern >> keep[idx] & 1u) reduced |= 1u << idx;
    }
    if (reduced != 0) out.Add(reduced, counts_[pattern]);
  }
  return out;
}

CaptureTable CaptureTable::Merge(int from, int into) const {
  assert(from != into);
  std::vector<int> keep;
  for (int list = 0; list < num_lists(); ++list) {
    if (list != from) keep.push_back(list);
  }
  std::vector<std::string> names;
  for (const int list : keep) {
    names.push_back(list == into ? lists_[static_cast<size_t>(into)] + "+" +
                                       lists_[static_cast<size_t>(from)]
                                 : lists_[static_cast<size_t>(list)]);
  }
  CaptureTable out(std::move(names));
  for (uint32_t pattern = 1; pattern < num_cells(); ++pattern) {
    uint32_t merged = pattern;
    if (merged >> from & 1u) merged |= 1u << into;
    uint32_t reduced = 0;
    for (size_t idx = 0; idx < keep.size(); ++idx) {
      if (merged >> keep[idx] & 1u) reduced |= 1u << idx;
    }
    out.Add(reduced, counts_[pattern]);
  }
  return out;
}

std::vector<int> CaptureTable::NonEmptyLists() const {
  std::vector<int> out;
  for (int list = 0; list < num_lists(); ++list) {
    if (ListTotal(list) > 0) out.push_back(list);
  }
  return out;
}

Result<CaptureTable> FromHistories(std::vector<std::string> lists,
                                   const std::vector<uint32_t>& patterns) {
  if (lists.empty() || lists.size() > static_cast<size_t>(kMaxLists)) {
    return Status::InvalidArgument("capture histories need 1 to " + std::to_string(kMaxLists) +
                                   " lists, not " + std::to_string(lists.size()));
  }
  CaptureTable table(std::move(lists));
  for (const uint32_t pattern : patterns) {
    if (pattern >= table.num_cells()) {
      return Status::InvalidArgument("capture pattern " + std::to_string(pattern) +
                                     " names a list beyond the " +
                                     std::to_string(table.num_lists()) + " given");
    }
    if (pattern != 0) table.Add(pattern, 1);
  }
  return table;
}

std::string PatternString(uint32_t pattern, int num_lists) {
  std::string out;
  for (int list = 0; list < num_lists; ++list) out.push_back((pattern >> list & 1u) ? '1' : '0');
  return out;
}

namespace {

// Splits one CSV line into fields, removing quotes (doubled quotes inside a
// quoted field become one). Counts files never need embedded newlines.
Result<std::vector<std::string>> SplitCsvLine(std::string_view line, char delimiter,
                                              const std::string& where) {
  std::vector<std::string> fields;
  std::string field;
  size_t pos = 0;
  while (true) {
    field.clear();
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < line.size()) {
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            field.push_back('"');
            pos += 2;
            continue;
          }
          closed = true;
          ++pos;
          break;
        }
        field.push_back(line[pos++]);
      }
      if (!closed) return Status::DataError(where + ": unterminated quote");
      if (pos < line.size() && line[pos] != delimiter) {
        return Status::DataError(where + ": text after a closing quote");
      }
    } else {
      while (pos < line.size() && line[pos] != delimiter) field.push_back(line[pos++]);
    }
    fields.push_back(std::string(Trim(field)));
    if (pos >= line.size()) break;
    ++pos;  // the delimiter
  }
  return fields;
}

bool IsCountColumn(const std::string& name) {
  const std::string lower = AsciiLower(name);
  return lower == "count" || lower == "freq" || lower == "frequency";
}

bool IsStrataColumn(const std::string& name) {
  const std::string lower = AsciiLower(name);
  return lower == "stratum" || lower == "strata";
}

}  // namespace

Result<CountsCsv> ParseCountsCsv(std::string_view text, const std::string& file_name,
                                 const CountsCsvOptions& options) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> lines = Split(text, '\n');
  size_t line_idx = 0;
  auto next_line = [&](std::string_view& out) {
    while (line_idx < lines.size()) {
      std::string_view line = lines[line_idx++];
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!Trim(line).empty()) {
        out = line;
        return true;
      }
    }
    return false;
  };
  auto where = [&](const std::string& column) {
    std::string w = file_name + " line " + std::to_string(line_idx);
    if (!column.empty()) w += ", column '" + column + "'";
    return w;
  };

  std::string_view header_line;
  if (!next_line(header_line)) return Status::DataError(file_name + ": the file is empty");
  char delimiter = ',';
  if (header_line.find(',') == std::string_view::npos) {
    if (header_line.find(';') != std::string_view::npos) delimiter = ';';
    if (header_line.find('\t') != std::string_view::npos) delimiter = '\t';
  }
  RECKON_ASSIGN_OR_RETURN(std::vector<std::string> header,
                          SplitCsvLine(header_line, delimiter, where("")));

  int count_column = -1;
  int strata_column = -1;
  std::vector<int> list_columns;
  for (size_t col = 0; col < header.size(); ++col) {
    const std::string& name = header[col];
    const int column = static_cast<int>(col);
    if (name.empty()) {
      return Status::DataError(where("") + ": column " + std::to_string(col + 1) + " has no name");
    }
    for (size_t other = 0; other < col; ++other) {
      if (header[other] == name) {
        return Status::DataError(where(name) + ": the column name appears twice");
      }
    }
    if (!options.strata_column.empty() ? name == options.strata_column : IsStrataColumn(name)) {
      strata_column = column;
    } else if (IsCountColumn(name) && count_column < 0) {
      count_column = column;
    } else {
      list_columns.push_back(column);
    }
  }
  if (!options.strata_column.empty() && strata_column < 0) {
    return Status::InvalidArgument(file_name + ": no column named '" + options.strata_column +
                                   "' for strata");
  }
  if (list_columns.size() < 2) {
    return Status::DataError(file_name + ": need at least 2 list columns (0/1) besides " +
                             (count_column >= 0
                                  ? "'" + header[static_cast<size_t>(count_column)] + "'"
                                  : std::string("the count column")) +
                             "; found " + std::to_string(list_columns.size()));
  }
  if (list_columns.size() > static_cast<size_t>(kMaxLists)) {
    return Status::DataError(file_name + ": " + std::to_string(list_columns.size()) +
                             " list columns; at most " + std::to_string(kMaxLists) +
                             " are supported");
  }
  std::vector<std::string> list_names;
  for (const int col : list_columns) list_names.push_back(header[static_cast<size_t>(col)]);

  CountsCsv out;
  std::map<std::string, size_t> stratum_index;
  std::string_view line;
  int64_t ignored_all_zero = 0;
  while (next_line(line)) {
    RECKON_ASSIGN_OR_RETURN(std::vector<std::string> fields,
                            SplitCsvLine(line, delimiter, where("")));
    if (fields.size() != header.size()) {
      return Status::DataError(where("") + ": " + std::to_string(fields.size()) +
                               " fields, the header has " + std::to_string(header.size()));
    }
    uint32_t pattern = 0;
    for (size_t idx = 0; idx < list_columns.size(); ++idx) {
      const std::string& value = fields[static_cast<size_t>(list_columns[idx])];
      if (value == "1") {
        pattern |= 1u << idx;
      } else if (value != "0") {
        return Status::DataError(where(list_names[idx]) + ": expected 0 or 1, found '" + value +
                                 "'");
      }
    }
    int64_t count = 1;
    if (count_column >= 0) {
      const std::string& value = fields[static_cast<size_t>(count_column)];
      const std::string& column = header[static_cast<size_t>(count_column)];
      int64_t parsed = 0;
      const char* end = value.data() + value.size();
      auto [ptr, ec] = std::from_chars(value.data(), end, parsed);
      if (ec != std::errc() || ptr != end || value.empty()) {
        // Accept integral values written as decimals ("12.0"), as some tools do.
        double as_double = 0;
        auto [dptr, dec] = std::from_chars(value.data(), end, as_double);
        if (dec != std::errc() || dptr != end || value.empty() || as_double != as_double ||
            as_double < -9e15 || as_double > 9e15 ||
            as_double != static_cast<double>(static_cast<int64_t>(as_double))) {
          return Status::DataError(where(column) + ": expected a whole number, found '" + value +
                                   "'");
        }
        parsed = static_cast<int64_t>(as_double);
      }
      if (parsed < 0) {
        return Status::DataError(where(column) + ": counts cannot be negative (" + value + ")");
      }
      count = parsed;
    }
    std::string stratum;
    if (strata_column >= 0) {
      stratum = fields[static_cast<size_t>(strata_column)];
      if (stratum.empty()) {
        return Status::DataError(where(header[static_cast<size_t>(strata_column)]) +
                                 ": empty stratum");
      }
    }
    auto [it, inserted] = stratum_index.emplace(stratum, out.strata.size());
    if (inserted) out.strata.push_back({stratum, CaptureTable(list_names)});
    if (pattern == 0) {
      ignored_all_zero += count;
      continue;
    }
    out.strata[it->second].table.Add(pattern, count);
  }
  if (out.strata.empty()) return Status::DataError(file_name + ": no data rows after the header");
  if (ignored_all_zero > 0) {
    out.notes.push_back("the all-zero pattern (" + std::to_string(ignored_all_zero) +
                        " people on no list) was ignored: it is what the estimators estimate");
  }
  return out;
}

Result<CountsCsv> ReadCountsCsv(const std::string& path, const CountsCsvOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + " does not exist or cannot be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError("reading " + path + " failed");
  return ParseCountsCsv(buffer.str(), path, options);
}

}  // namespace reckon::estimate
