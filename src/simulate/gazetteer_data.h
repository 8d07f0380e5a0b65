// The gazetteer of the coastal governorates (Latakia, Tartus) that ships with
// Reckon: data/gazetteer/coastal.csv and variants.csv, compiled into the binary.
//
// One row per locality with its subdistrict, district and governorate, each
// with English and Arabic names and a P-code (local codes, see
// data/gazetteer/README.md). Variants are other spellings keyed by the P-code
// of any level.
//
// coastal.csv is parsed by place::Gazetteer (the one gazetteer parser);
// variants.csv, the simulator's spelling noise, stays here: the place resolver
// must not know it, or linkage tests on simulated lists would be circular.
//
// Thread-safety: immutable after Parse; safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "place/gazetteer.h"

namespace reckon::simulate {

struct AdminUnit {
  std::string name_en;
  std::string name_ar;
  std::string pcode;
};

struct GazetteerLocality {
  AdminUnit governorate;  // admin1
  AdminUnit district;     // admin2 (mantiqa)
  AdminUnit subdistrict;  // admin3 (nahiya)
  AdminUnit locality;     // admin4 (town or village)
};

class Gazetteer {
 public:
  // Parses the two files' text. Errors (DataError) name the file, the line and
  // the problem: wrong header, wrong column count, empty name, duplicate
  // locality P-code, a P-code used with two different names, a variant for an
  // unknown P-code, fewer than four levels. variants.csv may not quote fields.
  static Result<Gazetteer> Parse(std::string_view coastal_csv, std::string_view variants_csv);

  const std::vector<GazetteerLocality>& localities() const { return localities_; }

  // Other spellings of the place with this P-code (any level), in file order;
  // empty when there are none or the code is unknown.
  const std::vector<std::string>& Variants(std::string_view pcode) const;

  // True when some locality has this P-code at any level.
  bool HasPcode(std::string_view pcode) const;

 private:
  std::vector<GazetteerLocality> localities_;
  std::map<std::string, std::vector<std::string>, std::less<>> variants_;
  place::Gazetteer tree_;  // every unit of coastal.csv, parsed by reckon_place
};

// The gazetteer compiled into the binary. The shipped files are checked by a
// unit test, so an error here means a broken build, but it is still reported
// as a Status rather than an abort.
Result<Gazetteer> LoadEmbeddedGazetteer();

// The raw text of the embedded files, e.g. to write them out for inspection.
std::string_view EmbeddedCoastalCsv();
std::string_view EmbeddedVariantsCsv();

}  // namespace reckon::simulate
