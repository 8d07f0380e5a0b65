// Which column of a list file holds which canonical field.
//
// Headers that already use a canonical name (case-insensitive; spaces and
// hyphens count as underscores: "Full Name" = full_name) need no mapping. Other
// headers — Arabic ones, an organisation's own names — are mapped by a small
// mapping file (format in docs/import.md):
//
//   # comment
//   الاسم الكامل = full_name
//   اسم الأب = father_name
//   @date_order = dmy
//
// Columns that map to nothing are still kept in each record's raw row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reckon {

enum class CanonicalField {
  kRecordId,
  kFullName,
  kGivenName,
  kFatherName,
  kGrandfatherName,
  kFamilyName,
  kMotherName,
  kSex,
  kAge,
  kBirthDate,
  kDeathDate,
  kLocality,
  kDistrict,
  kGovernorate,
  kCause,
  kNotes,
};
inline constexpr size_t kCanonicalFieldCount = 16;

std::string_view CanonicalFieldName(CanonicalField field);
// Accepts canonical names case-insensitively, with spaces/hyphens as underscores.
std::optional<CanonicalField> ParseCanonicalField(std::string_view name);

// How numeric dates like 03/08/2025 are read.
enum class DateOrder { kDayMonthYear, kMonthDayYear, kYearMonthDay };

struct MappingEntry {
  std::string column;  // header text as it appears in the file (trimmed)
  CanonicalField field = CanonicalField::kNotes;
  int line = 0;  // line in the mapping file, for error messages
};

struct ColumnMapping {
  std::string path;
  std::vector<MappingEntry> entries;
  DateOrder date_order = DateOrder::kDayMonthYear;
};

// Reads a mapping file. Errors name the file, the line and the problem.
Result<ColumnMapping> LoadColumnMapping(const std::string& path);
// Parses mapping text; `path` is only used in messages.
Result<ColumnMapping> ParseColumnMapping(std::string_view text, const std::string& path);

// The outcome of matching a file's header against the canonical fields.
struct ResolvedColumns {
  // For each canonical field, the index of the column holding it, if any.
  std::vector<std::optional<size_t>> column_of_field =
      std::vector<std::optional<size_t>>(kCanonicalFieldCount);
  std::vector<std::string> unmapped_columns;  // kept only in the raw row
  DateOrder date_order = DateOrder::kDayMonthYear;
};

// Matches `header` (the file's first row) to canonical fields, applying
// `mapping` when given. Errors: a mapping entry naming a column the file does
// not have; two columns for one field; a header naming a field twice; no
// column recognised at all (the message suggests --mapping).
Result<ResolvedColumns> ResolveColumns(const std::vector<std::string>& header,
                                       const std::optional<ColumnMapping>& mapping,
                                       const std::string& file_label);

}  // namespace reckon
