#include "simulate/gazetteer_data.h"

#include <array>
#include <set>

#include "common/strings.h"
#include "simulate/gazetteer_embedded.h"

namespace reckon::simulate {
namespace {

constexpr std::array<std::string_view, 12> kCoastalHeader = {
    "admin1Name_en", "admin1Name_ar", "admin1Pcode",   "admin2Name_en",
    "admin2Name_ar", "admin2Pcode",   "admin3Name_en", "admin3Name_ar",
    "admin3Pcode",   "admin4Name_en", "admin4Name_ar", "admin4Pcode"};

struct Line {
  int number = 0;  // 1-based
  std::vector<std::string_view> fields;
};

// Splits text into lines (LF or CRLF) and lines into comma-separated fields,
// skipping blank lines. Rejects quotes, which this simple reader cannot parse.
Result<std::vector<Line>> SplitLines(std::string_view text, std::string_view file_name) {
  std::vector<Line> lines;
  int number = 0;
  for (std::string_view raw : Split(text, '\n')) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (Trim(raw).empty()) continue;
    if (raw.find('"') != std::string_view::npos) {
      return Status::DataError(std::string(file_name) + ":" + std::to_string(number) +
                               ": quoted fields are not supported in the gazetteer");
    }
    lines.push_back({number, Split(raw, ',')});
  }
  return lines;
}

Status LineError(std::string_view file_name, int line, const std::string& problem) {
  return Status::DataError(std::string(file_name) + ":" + std::to_string(line) + ": " + problem);
}

}  // namespace

Result<Gazetteer> Gazetteer::Parse(std::string_view coastal_csv, std::string_view variants_csv) {
  constexpr std::string_view kCoastal = "coastal.csv";
  constexpr std::string_view kVariants = "variants.csv";
  Gazetteer gazetteer;

  RECKON_ASSIGN_OR_RETURN(std::vector<Line> lines, SplitLines(coastal_csv, kCoastal));
  if (lines.empty()) return Status::DataError("coastal.csv: empty file");
  const Line& header = lines.front();
  if (header.fields.size() != kCoastalHeader.size() ||
      !std::equal(header.fields.begin(), header.fields.end(), kCoastalHeader.begin())) {
    return LineError(kCoastal, header.number,
                     "header must be the 12 OCHA columns admin1Name_en,...,admin4Pcode");
  }
  std::set<std::string, std::less<>> locality_pcodes;
  for (size_t line_idx = 1; line_idx < lines.size(); ++line_idx) {
    const Line& line = lines[line_idx];
    if (line.fields.size() != kCoastalHeader.size()) {
      return LineError(kCoastal, line.number,
                       "expected 12 fields, found " + std::to_string(line.fields.size()));
    }
    std::array<AdminUnit*, 4> units;
    GazetteerLocality row;
    units = {&row.governorate, &row.district, &row.subdistrict, &row.locality};
    for (size_t level = 0; level < 4; ++level) {
      AdminUnit& unit = *units[level];
      unit.name_en = std::string(Trim(line.fields[level * 3]));
      unit.name_ar = std::string(Trim(line.fields[level * 3 + 1]));
      unit.pcode = std::string(Trim(line.fields[level * 3 + 2]));
      if (unit.name_en.empty() || unit.name_ar.empty() || unit.pcode.empty()) {
        return LineError(kCoastal, line.number,
                         "admin" + std::to_string(level + 1) + " has an empty name or P-code");
      }
      const auto [it, inserted] = gazetteer.names_by_pcode_.emplace(unit.pcode, unit.name_en);
      if (!inserted && it->second != unit.name_en) {
        return LineError(
            kCoastal, line.number,
            "P-code " + unit.pcode + " names both " + it->second + " and " + unit.name_en);
      }
    }
    if (!locality_pcodes.insert(row.locality.pcode).second) {
      return LineError(kCoastal, line.number, "duplicate locality P-code " + row.locality.pcode);
    }
    gazetteer.localities_.push_back(std::move(row));
  }
  if (gazetteer.localities_.empty()) return Status::DataError("coastal.csv: no localities");

  RECKON_ASSIGN_OR_RETURN(std::vector<Line> variant_lines, SplitLines(variants_csv, kVariants));
  if (variant_lines.empty() || variant_lines.front().fields.size() != 2 ||
      variant_lines.front().fields[0] != "pcode" || variant_lines.front().fields[1] != "variant") {
    return Status::DataError("variants.csv: header must be pcode,variant");
  }
  for (size_t line_idx = 1; line_idx < variant_lines.size(); ++line_idx) {
    const Line& line = variant_lines[line_idx];
    if (line.fields.size() != 2) {
      return LineError(kVariants, line.number, "expected 2 fields");
    }
    const std::string_view pcode = Trim(line.fields[0]);
    const std::string_view variant = Trim(line.fields[1]);
    if (!gazetteer.HasPcode(pcode)) {
      return LineError(kVariants, line.number, "unknown P-code " + std::string(pcode));
    }
    if (variant.empty()) return LineError(kVariants, line.number, "empty variant");
    gazetteer.variants_[std::string(pcode)].emplace_back(variant);
  }
  return gazetteer;
}

const std::vector<std::string>& Gazetteer::Variants(std::string_view pcode) const {
  static const std::vector<std::string> kNone;
  const auto it = variants_.find(pcode);
  return it == variants_.end() ? kNone : it->second;
}

bool Gazetteer::HasPcode(std::string_view pcode) const {
  return names_by_pcode_.find(pcode) != names_by_pcode_.end();
}

Result<Gazetteer> LoadEmbeddedGazetteer() {
  Result<Gazetteer> gazetteer = Gazetteer::Parse(embedded::kCoastalCsv, embedded::kVariantsCsv);
  if (!gazetteer.ok()) return gazetteer.status().WithContext("embedded gazetteer");
  return gazetteer;
}

std::string_view EmbeddedCoastalCsv() { return embedded::kCoastalCsv; }
std::string_view EmbeddedVariantsCsv() { return embedded::kVariantsCsv; }

}  // namespace reckon::simulate
