#include "ingest/column_mapping.h"

#include <array>
#include <fstream>
#include <sstream>

#include "common/strings.h"

namespace reckon {
namespace {

constexpr std::array<std::string_view, kCanonicalFieldCount> kFieldNames = {
    "record_id",   "full_name",   "given_name", "father_name", "grandfather_name", "family_name",
    "mother_name", "sex",         "age",        "birth_date",  "death_date",       "locality",
    "district",    "governorate", "cause",      "notes"};

std::string NormaliseFieldName(std::string_view name) {
  std::string out = AsciiLower(Trim(name));
  for (char& c : out) {
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

std::string QuoteList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += "'" + item + "'";
  }
  return out;
}

}  // namespace

std::string_view CanonicalFieldName(CanonicalField field) {
  return kFieldNames[static_cast<size_t>(field)];
}

std::optional<CanonicalField> ParseCanonicalField(std::string_view name) {
  const std::string normalised = NormaliseFieldName(name);
  for (size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == normalised) return static_cast<CanonicalField>(i);
  }
  return std::nullopt;
}

Result<ColumnMapping> LoadColumnMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read mapping file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return ParseColumnMapping(text.str(), path);
}

Result<ColumnMapping> ParseColumnMapping(std::string_view text, const std::string& path) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!IsValidUtf8(text)) return Status::DataError("mapping file " + path + " is not valid UTF-8");
  ColumnMapping mapping;
  mapping.path = path;
  int line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "mapping file " + path + ", line " + std::to_string(line_number);
    const size_t eq = line.rfind('=');
    if (eq == std::string_view::npos) {
      return Status::DataError(where + ": expected 'column = field', got '" + std::string(line) +
                               "'");
    }
    const std::string_view left = Trim(line.substr(0, eq));
    const std::string_view right = Trim(line.substr(eq + 1));
    if (left.empty()) return Status::DataError(where + ": the column name is empty");
    if (left.front() == '@') {
      if (left != "@date_order") {
        return Status::DataError(where + ": unknown setting '" + std::string(left) +
                                 "' (known: @date_order)");
      }
      const std::string order = AsciiLower(right);
      if (order == "dmy") {
        mapping.date_order = DateOrder::kDayMonthYear;
      } else if (order == "mdy") {
        mapping.date_order = DateOrder::kMonthDayYear;
      } else if (order == "ymd") {
        mapping.date_order = DateOrder::kYearMonthDay;
      } else {
        return Status::DataError(where + ": @date_order must be dmy, mdy or ymd, not '" +
                                 std::string(right) + "'");
      }
      continue;
    }
    const auto field = ParseCanonicalField(right);
    if (!field) {
      std::string known;
      for (auto name : kFieldNames) known += (known.empty() ? "" : ", ") + std::string(name);
      return Status::DataError(where + ": '" + std::string(right) +
                               "' is not a canonical field (known: " + known + ")");
    }
    for (const MappingEntry& entry : mapping.entries) {
      if (entry.column == left) {
        return Status::DataError(where + ": column '" + std::string(left) +
                                 "' is already mapped on line " + std::to_string(entry.line));
      }
    }
    mapping.entries.push_back({std::string(left), *field, line_number});
  }
  return mapping;
}

Result<ResolvedColumns> ResolveColumns(const std::vector<std::string>& header,
                                       const std::optional<ColumnMapping>& mapping,
                                       const std::string& file_label) {
  ResolvedColumns resolved;
  std::vector<bool> used(header.size(), false);
  std::vector<bool> mapped_fields(kCanonicalFieldCount, false);
  auto assign = [&](CanonicalField field, size_t column, const std::string& why) -> Status {
    auto& slot = resolved.column_of_field[static_cast<size_t>(field)];
    if (slot && *slot != column) {
      return Status::DataError(why + ": field " + std::string(CanonicalFieldName(field)) +
                               " would come from both column '" + header[*slot] + "' and column '" +
                               header[column] + "' of " + file_label);
    }
    slot = column;
    used[column] = true;
    return Status::Ok();
  };
  if (mapping) {
    resolved.date_order = mapping->date_order;
    for (const MappingEntry& entry : mapping->entries) {
      std::optional<size_t> column;
      for (size_t i = 0; i < header.size(); ++i) {
        if (Trim(header[i]) == entry.column) {
          column = i;
          break;
        }
      }
      const std::string where =
          "mapping file " + mapping->path + ", line " + std::to_string(entry.line);
      if (!column) {
        return Status::DataError(where + ": column '" + entry.column +
                                 "' is not in the header of " + file_label +
                                 " (its columns are: " + QuoteList(header) + ")");
      }
      RECKON_RETURN_IF_ERROR(assign(entry.field, *column, where));
      mapped_fields[static_cast<size_t>(entry.field)] = true;
    }
  }
  for (size_t i = 0; i < header.size(); ++i) {
    if (used[i]) continue;
    const auto field = ParseCanonicalField(header[i]);
    if (!field) continue;
    // A mapping overrides a header that happens to use a canonical name.
    if (mapped_fields[static_cast<size_t>(*field)]) continue;
    RECKON_RETURN_IF_ERROR(assign(*field, i, file_label + ", header"));
  }
  bool any = false;
  for (size_t i = 0; i < header.size(); ++i) {
    if (used[i]) {
      any = true;
    } else {
      resolved.unmapped_columns.push_back(header[i]);
    }
  }
  if (!any) {
    return Status::DataError("none of the columns of " + file_label + " (" + QuoteList(header) +
                             ") is a canonical field; pass --mapping FILE to say which column "
                             "holds what (see docs/import.md)");
  }
  return resolved;
}

}  // namespace reckon
