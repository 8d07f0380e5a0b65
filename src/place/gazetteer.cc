#include "place/gazetteer.h"

#include <array>
#include <optional>
#include <set>
#include <utility>

#include "common/strings.h"
#include "ingest/csv_reader.h"
#include "ingest/text_source.h"
#include "place/gazetteer_embedded.h"

// The CSV is split by ingest/csv_reader (RFC 4180: quoted fields, embedded
// delimiters, CRLF) rather than a second splitter here: one CSV parser in the
// repository. reckon_ingest depends only on reckon_common and reckon_store, so
// reckon_place -> reckon_ingest creates no cycle; places are resolved after
// import in the pipeline, so the arrow points forwards.

namespace reckon::place {
namespace {

enum class Field { kNameEn, kNameAr, kPcode };

// The columns of one level: index into the row, or nullopt when absent.
struct LevelColumns {
  std::optional<size_t> name_en;
  std::optional<size_t> name_ar;
  std::optional<size_t> pcode;
  bool Present() const { return name_en || name_ar || pcode; }
};

std::string CanonicalColumnName(int level, Field field) {
  const std::string n = std::to_string(level);
  switch (field) {
    case Field::kNameEn:
      return "admin" + n + "Name_en";
    case Field::kNameAr:
      return "admin" + n + "Name_ar";
    case Field::kPcode:
      return "admin" + n + "Pcode";
  }
  return {};
}

// Recognises "admin<N>Name_en" / "ADM<N>_EN" and the like; level 0..9.
bool ParseColumnName(std::string_view raw, int& level, Field& field) {
  const std::string name = AsciiLower(Trim(raw));
  std::string_view rest;
  bool ocha_table = false;
  if (name.rfind("admin", 0) == 0) {
    rest = std::string_view(name).substr(5);
    ocha_table = true;
  } else if (name.rfind("adm", 0) == 0) {
    rest = std::string_view(name).substr(3);
  } else {
    return false;
  }
  if (rest.empty() || rest[0] < '0' || rest[0] > '9') return false;
  level = rest[0] - '0';
  rest.remove_prefix(1);
  if (ocha_table) {
    if (rest == "name_en") {
      field = Field::kNameEn;
    } else if (rest == "name_ar") {
      field = Field::kNameAr;
    } else if (rest == "pcode") {
      field = Field::kPcode;
    } else {
      return false;
    }
  } else if (rest == "_en") {
    field = Field::kNameEn;
  } else if (rest == "_ar") {
    field = Field::kNameAr;
  } else if (rest == "_pcode") {
    field = Field::kPcode;
  } else {
    return false;
  }
  return true;
}

Status At(std::string_view file_name, int64_t line, size_t column_idx, const std::string& problem) {
  return Status::DataError(std::string(file_name) + ":" + std::to_string(line) + ":" +
                           std::to_string(column_idx + 1) + ": " + problem);
}

Status AtLine(std::string_view file_name, int64_t line, const std::string& problem) {
  return Status::DataError(std::string(file_name) + ":" + std::to_string(line) + ": " + problem);
}

}  // namespace

Result<Gazetteer> Gazetteer::Parse(std::string_view csv_text, std::string_view file_name) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (csv_text.substr(0, kBom.size()) == kBom) csv_text.remove_prefix(kBom.size());
  StringTextSource source{std::string(csv_text)};
  const std::string file(file_name);
  Result<CsvReader> created = CsvReader::Create(&source, std::nullopt);
  if (!created.ok()) return created.status().WithContext(file);
  CsvReader reader = std::move(created).value();

  CsvRecord record;
  Result<bool> has_header = reader.Next(record);
  if (!has_header.ok()) return has_header.status().WithContext(file);
  if (!*has_header) return Status::DataError(file + ": empty file");

  // Header: find each level's columns.
  std::array<LevelColumns, kMaxLevel + 1> columns{};
  const int64_t header_line = record.line;
  const size_t field_count = record.fields.size();
  for (size_t column_idx = 0; column_idx < field_count; ++column_idx) {
    int level = 0;
    Field field = Field::kPcode;
    if (!ParseColumnName(record.fields[column_idx], level, field)) continue;
    if (level < kGovernorateLevel || level > kMaxLevel) continue;  // admin0, admin5+
    std::optional<size_t>& slot = field == Field::kNameEn   ? columns[size_t(level)].name_en
                                  : field == Field::kNameAr ? columns[size_t(level)].name_ar
                                                            : columns[size_t(level)].pcode;
    if (slot) {
      return At(file, header_line, column_idx,
                "column " + CanonicalColumnName(level, field) + " appears twice (also column " +
                    std::to_string(*slot + 1) + ")");
    }
    slot = column_idx;
  }
  Gazetteer gazetteer;
  for (int level = kGovernorateLevel; level <= kMaxLevel; ++level) {
    const LevelColumns& level_columns = columns[size_t(level)];
    if (!level_columns.Present()) continue;
    if (!level_columns.pcode) {
      return AtLine(file, header_line,
                    "missing column " + CanonicalColumnName(level, Field::kPcode) +
                        " (the file has other admin" + std::to_string(level) + " columns)");
    }
    if (!level_columns.name_en && !level_columns.name_ar) {
      return AtLine(file, header_line,
                    "missing column " + CanonicalColumnName(level, Field::kNameEn) + " or " +
                        CanonicalColumnName(level, Field::kNameAr));
    }
    gazetteer.levels_.push_back(level);
  }
  if (gazetteer.levels_.empty()) {
    return AtLine(file, header_line,
                  "no administrative columns: expected the OCHA layout admin1Name_en, "
                  "admin1Name_ar, admin1Pcode, admin2Name_en, ... (any of levels 1-4)");
  }

  // Rows.
  std::set<std::string, std::less<>> row_leaves;  // deepest unit of each row so far
  while (true) {
    Result<bool> has_row = reader.Next(record);
    if (!has_row.ok()) return has_row.status().WithContext(file);
    if (!*has_row) break;
    const int64_t line = record.line;
    if (record.fields.size() != field_count) {
      return AtLine(file, line,
                    "expected " + std::to_string(field_count) + " fields as in the header, found " +
                        std::to_string(record.fields.size()));
    }
    auto value = [&](std::optional<size_t> column_idx) -> std::string_view {
      return column_idx ? Trim(record.fields[*column_idx]) : std::string_view();
    };
    std::string parent;
    std::optional<int> empty_level;  // the first level this row leaves empty
    for (const int level : gazetteer.levels_) {
      const LevelColumns& level_columns = columns[size_t(level)];
      const std::string_view pcode = value(level_columns.pcode);
      const std::string_view name_en = value(level_columns.name_en);
      const std::string_view name_ar = value(level_columns.name_ar);
      const std::string admin = "admin" + std::to_string(level);
      if (pcode.empty() && name_en.empty() && name_ar.empty()) {
        if (!empty_level) empty_level = level;
        continue;
      }
      if (empty_level) {
        return At(
            file, line, *level_columns.pcode,
            admin + " is given but admin" + std::to_string(*empty_level) + " above it is empty");
      }
      if (pcode.empty()) return At(file, line, *level_columns.pcode, admin + " has no P-code");
      if (level_columns.name_en && name_en.empty()) {
        return At(file, line, *level_columns.name_en,
                  admin + " " + std::string(pcode) + " has an empty English name");
      }
      if (level_columns.name_ar && name_ar.empty()) {
        return At(file, line, *level_columns.name_ar,
                  admin + " " + std::string(pcode) + " has an empty Arabic name");
      }
      const auto found = gazetteer.index_by_pcode_.find(pcode);
      if (found == gazetteer.index_by_pcode_.end()) {
        gazetteer.index_by_pcode_.emplace(std::string(pcode), gazetteer.units_.size());
        gazetteer.units_.push_back({std::string(pcode), level, std::string(name_en),
                                    std::string(name_ar), parent, static_cast<int>(line)});
      } else {
        const AdminUnit& seen = gazetteer.units_[found->second];
        const std::string first = " on line " + std::to_string(seen.line);
        if (seen.level != level) {
          return At(file, line, *level_columns.pcode,
                    "P-code " + seen.pcode + " is admin" + std::to_string(seen.level) + first +
                        " but " + admin + " here");
        }
        if (seen.name_en != name_en) {
          return At(file, line, *level_columns.name_en,
                    "P-code " + seen.pcode + " is named '" + seen.name_en + "'" + first + " but '" +
                        std::string(name_en) + "' here");
        }
        if (seen.name_ar != name_ar) {
          return At(file, line, *level_columns.name_ar,
                    "P-code " + seen.pcode + " is named '" + seen.name_ar + "'" + first + " but '" +
                        std::string(name_ar) + "' here");
        }
        if (seen.parent_pcode != parent) {
          return At(file, line, *level_columns.pcode,
                    "P-code " + seen.pcode + " lies in '" + seen.parent_pcode + "'" + first +
                        " but in '" + parent + "' here");
        }
      }
      parent = std::string(pcode);
    }
    if (parent.empty()) return AtLine(file, line, "the row names no administrative unit");
    if (!row_leaves.insert(parent).second) {
      return AtLine(file, line,
                    "a second row for P-code " + parent + " (first on line " +
                        std::to_string(gazetteer.units_[gazetteer.index_by_pcode_[parent]].line) +
                        ")");
    }
  }
  if (gazetteer.units_.empty()) return Status::DataError(file + ": no administrative units");
  return gazetteer;
}

const AdminUnit* Gazetteer::Find(std::string_view pcode) const {
  const auto found = index_by_pcode_.find(pcode);
  return found == index_by_pcode_.end() ? nullptr : &units_[found->second];
}

const AdminUnit* Gazetteer::AncestorAt(const AdminUnit& unit, int level) const {
  const AdminUnit* current = &unit;
  while (current != nullptr && current->level > level) {
    current = current->parent_pcode.empty() ? nullptr : Find(current->parent_pcode);
  }
  return current != nullptr && current->level == level ? current : nullptr;
}

size_t Gazetteer::CountAtLevel(int level) const {
  size_t count = 0;
  for (const AdminUnit& unit : units_) count += unit.level == level ? 1 : 0;
  return count;
}

std::string_view EmbeddedCoastalCsv() { return embedded::kCoastalCsv; }

Result<Gazetteer> LoadDefaultGazetteer() {
  Result<Gazetteer> gazetteer = Gazetteer::Parse(embedded::kCoastalCsv, "coastal.csv");
  if (!gazetteer.ok()) return gazetteer.status().WithContext("embedded gazetteer");
  return gazetteer;
}

}  // namespace reckon::place
