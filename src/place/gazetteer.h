// A gazetteer: the tree of administrative units (governorate, district,
// subdistrict, locality) that place names in records are resolved against.
//
// Input is a CSV in the layout of OCHA's common operational datasets for
// administrative boundaries (COD-AB): one row per unit of the deepest level,
// with columns admin<N>Name_en, admin<N>Name_ar and admin<N>Pcode for each
// level N present (any subset of 1..4; the shapefile spellings ADM<N>_EN,
// ADM<N>_AR, ADM<N>_PCODE are accepted too, case-insensitively). admin0
// columns and any other columns are ignored. A level needs its P-code column
// and at least one of the two name columns.
//
// Structure is strict: a row fills its levels from the top down (a level may
// be left wholly empty only if every deeper level is empty too); a unit needs a
// P-code and a name in every name column the file has; a P-code keeps one
// level, one set of names and one parent everywhere it appears; no two rows
// describe the same deepest unit. Errors are DataError naming
// "FILE:LINE:COLUMN" (column 1-based) or, for CSV structure, "FILE: line N".
//
// The parent of a unit is the unit of the nearest level above it that the file
// has (so a file without admin3 gives localities district parents).
//
// Thread-safety: immutable after Parse; safe to share between threads.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reckon::place {

inline constexpr int kGovernorateLevel = 1;  // admin1, muhafaza
inline constexpr int kDistrictLevel = 2;     // admin2, mantiqa
inline constexpr int kSubdistrictLevel = 3;  // admin3, nahiya
inline constexpr int kLocalityLevel = 4;     // admin4, town or village
inline constexpr int kMaxLevel = 4;

struct AdminUnit {
  std::string pcode;
  int level = 0;  // 1..4
  std::string name_en;
  std::string name_ar;
  std::string parent_pcode;  // empty for a unit of the file's top level
  int line = 0;              // line of the first row that names the unit
};

class Gazetteer {
 public:
  // Parses CSV text already decoded to UTF-8 (a leading BOM is skipped; the
  // delimiter is detected as in ingest/csv_reader.h). `file_name` only labels
  // errors.
  static Result<Gazetteer> Parse(std::string_view csv_text, std::string_view file_name);

  // Every unit, ordered by the line where it first appears, parents before
  // children. Indices into this vector are stable for the gazetteer's life.
  const std::vector<AdminUnit>& units() const { return units_; }

  // The unit with this P-code, or nullptr.
  const AdminUnit* Find(std::string_view pcode) const;

  // The ancestor of `unit` at `level` (the unit itself at its own level), or
  // nullptr when the file has no such level or `level` is below the unit's.
  const AdminUnit* AncestorAt(const AdminUnit& unit, int level) const;

  // The levels present in the file, ascending (e.g. {1, 2, 3, 4}).
  const std::vector<int>& levels() const { return levels_; }

  // Number of units at `level` (0 for an absent level).
  size_t CountAtLevel(int level) const;

 private:
  std::vector<AdminUnit> units_;
  std::map<std::string, size_t, std::less<>> index_by_pcode_;
  std::vector<int> levels_;
};

// The default gazetteer of the coastal governorates (data/gazetteer/coastal.csv),
// compiled into the binary. Its display name and raw text.
inline constexpr std::string_view kDefaultGazetteerName = "default (coastal governorates)";
std::string_view EmbeddedCoastalCsv();

// Parses the embedded default. A failure means a broken build (a unit test
// checks the file) but is still reported as a Status.
Result<Gazetteer> LoadDefaultGazetteer();

}  // namespace reckon::place
