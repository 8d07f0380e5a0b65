#include "simulate/gazetteer_data.h"

#include "common/strings.h"
#include "simulate/gazetteer_embedded.h"

namespace reckon::simulate {
namespace {

// Splits text into lines (LF or CRLF) and lines into comma-separated fields,
// skipping blank lines. Rejects quotes, which this simple reader cannot parse.
// Used for variants.csv only: coastal.csv goes through place::Gazetteer.
struct Line {
  int number = 0;  // 1-based
  std::vector<std::string_view> fields;
};

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

  // One gazetteer parser in the repository: place::Gazetteer checks the OCHA
  // layout, names and nesting; the simulator additionally needs all four
  // levels with both names, to render places in either script at any level.
  RECKON_ASSIGN_OR_RETURN(gazetteer.tree_, place::Gazetteer::Parse(coastal_csv, kCoastal));
  const place::Gazetteer& tree = gazetteer.tree_;
  if (tree.levels() != std::vector<int>{1, 2, 3, 4}) {
    return LineError(kCoastal, 1, "the simulator needs all four levels admin1..admin4");
  }
  auto unit_of = [](const place::AdminUnit& unit) {
    return AdminUnit{unit.name_en, unit.name_ar, unit.pcode};
  };
  for (const place::AdminUnit& unit : tree.units()) {
    if (unit.name_en.empty() || unit.name_ar.empty()) {
      return LineError(kCoastal, unit.line,
                       "admin" + std::to_string(unit.level) + " " + unit.pcode +
                           " needs an English and an Arabic name");
    }
    if (unit.level != place::kLocalityLevel) continue;
    GazetteerLocality row;
    row.locality = unit_of(unit);
    row.subdistrict = unit_of(*tree.AncestorAt(unit, place::kSubdistrictLevel));
    row.district = unit_of(*tree.AncestorAt(unit, place::kDistrictLevel));
    row.governorate = unit_of(*tree.AncestorAt(unit, place::kGovernorateLevel));
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

bool Gazetteer::HasPcode(std::string_view pcode) const { return tree_.Find(pcode) != nullptr; }

Result<Gazetteer> LoadEmbeddedGazetteer() {
  Result<Gazetteer> gazetteer =
      Gazetteer::Parse(place::EmbeddedCoastalCsv(), embedded::kVariantsCsv);
  if (!gazetteer.ok()) return gazetteer.status().WithContext("embedded gazetteer");
  return gazetteer;
}

std::string_view EmbeddedCoastalCsv() { return place::EmbeddedCoastalCsv(); }
std::string_view EmbeddedVariantsCsv() { return embedded::kVariantsCsv; }

}  // namespace reckon::simulate
