// Resolves the place fields of a record (locality, district, governorate) to
// units of a gazetteer, and compares two resolved places.
//
// Each field may be empty, Arabic or Latin, and spelled any of the ways lists
// spell places (Banias / Baniyas / Banyas / بانياس, Jableh / Jabla / Jebleh,
// Lattakia / Latakia / اللاذقية, al- / el- / Al prefixes, ة / ه, hamza forms).
// A field's text is matched against the English and Arabic names of the
// gazetteer's units in three stages; the first stage that finds anything wins:
//  1. exact match of folded forms: Arabic folding (text/arabic_fold.h) or
//     Latin folding + LatinCanonical (text/latin_fold.h), with articles
//     ("ال", "al-", "el ", "as-", ...) removed from each word;
//  2. equal consonant skeletons (text/cross_script_key.h), which also match a
//     Latin spelling to an Arabic name (Al-Ladhiqiyah ~ اللاذقية); only for
//     skeletons of two or more consonants; when several units share the
//     skeleton, those nearest in edit distance of folded forms are kept;
//  3. the smallest Damerau-Levenshtein distance between folded forms of the
//     same script, at most 1 (2 for 9 letters or more), only for folded forms
//     of 5 letters or more.
// Nothing here knows the simulator's table of spelling variants
// (data/gazetteer/variants.csv): resolution works from the gazetteer's own
// names, so tests of linkage on simulated lists are not circular.
//
// Combining the fields: the governorate field is matched against admin1 units
// (then admin2), the district field against admin2 (then admin3, admin1), the
// locality field against units of any level. Candidates that lie outside the
// unit the broader fields resolved to are set aside if any candidate lies
// inside it (so a village name found in two districts is settled by the
// district or governorate field). When candidates lie on one line of descent
// (Jableh the city, subdistrict and district) the deepest wins. When they
// remain on different branches the result is their deepest common ancestor
// (or the broader fields' unit) with `ambiguous` set. A locality that cannot
// be resolved leaves the district's (or governorate's) unit. Fields that
// contradict each other (a locality outside the named district) resolve to
// the most specific field's unit, with `ambiguous` set.
//
// Thread-safety: Resolve is thread-safe after construction (the linker calls
// it from several threads); results are cached per distinct input triple
// under `cache_mutex_`. The gazetteer and indexes are immutable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "place/gazetteer.h"

namespace reckon::place {

// A record's place as gazetteer P-codes. Every ancestor of the resolved unit
// is filled (a resolved locality also names its subdistrict, district and
// governorate); P-codes below the resolved level are empty. `level` is the
// level of the resolved unit (1..4), 0 when nothing resolved (all P-codes
// empty: the caller falls back to comparing the text).
struct ResolvedPlace {
  std::string locality_pcode;     // admin4
  std::string subdistrict_pcode;  // admin3
  std::string district_pcode;     // admin2
  std::string governorate_pcode;  // admin1
  int level = 0;
  bool ambiguous = false;  // several units fit, or the fields contradict each other
  bool operator==(const ResolvedPlace&) const = default;
  // The P-code of the resolved unit itself ("" when level is 0).
  const std::string& pcode() const;
};

class PlaceResolver {
 public:
  explicit PlaceResolver(Gazetteer gazetteer);
  PlaceResolver(const PlaceResolver&) = delete;
  PlaceResolver& operator=(const PlaceResolver&) = delete;

  // See the file comment. Never fails: text that is not valid UTF-8 or matches
  // nothing leaves that field unresolved. Thread-safe.
  ResolvedPlace Resolve(std::string_view locality, std::string_view district,
                        std::string_view governorate) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

  // Distinct input triples cached so far. Thread-safe.
  size_t cache_size() const;

 private:
  // The folded forms of a piece of text (place_resolver.cc).
  struct TextKeys;
  static TextKeys ComputeKeys(std::string_view text);
  enum class FieldKind { kLocality, kDistrict, kGovernorate };
  struct UnitKeys {
    std::vector<std::u32string> arabic;
    std::vector<std::string> latin;
  };

  void AddIndexKeys(std::string_view name, size_t unit_idx);
  // Units whose names match `text`, by the first stage that finds any.
  std::vector<size_t> Candidates(std::string_view text) const;
  // Keeps the units whose folded names are nearest to `keys` in edit distance.
  void KeepNearestInSpelling(const TextKeys& keys, std::vector<size_t>& units) const;
  // Candidates of the preferred levels for a field kind.
  std::vector<size_t> FieldCandidates(std::string_view text, FieldKind kind) const;
  ResolvedPlace Compute(std::string_view locality, std::string_view district,
                        std::string_view governorate) const;
  ResolvedPlace FromUnit(size_t unit_idx, bool ambiguous) const;
  bool IsWithin(size_t unit_idx, size_t ancestor_idx) const;
  size_t CommonAncestor(const std::vector<size_t>& units) const;  // kNone if none

  static constexpr size_t kNone = static_cast<size_t>(-1);

  const Gazetteer gazetteer_;
  std::vector<size_t> parent_idx_;  // per unit; kNone at the top
  std::unordered_map<std::u32string, std::vector<size_t>> by_arabic_;
  std::unordered_map<std::string, std::vector<size_t>> by_latin_;
  std::unordered_map<std::string, std::vector<size_t>> by_skeleton_;
  // For the edit-distance stage: every distinct key with its units.
  std::vector<std::pair<std::u32string, size_t>> arabic_keys_;
  std::vector<std::pair<std::string, size_t>> latin_keys_;
  std::vector<UnitKeys> unit_keys_;  // per unit, its folded names

  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::string, ResolvedPlace> cache_;  // GUARDED_BY(cache_mutex_)
};

// How far two resolved places agree: the deepest level at which both have a
// P-code and the P-codes are equal (a shared subdistrict counts as
// kSameDistrict). kDifferent when they are resolved at some common level but
// agree at none; kUnknown when there is no level at which both are resolved
// (either side unresolved at every level).
enum class PlaceAgreement { kSameLocality, kSameDistrict, kSameGovernorate, kDifferent, kUnknown };

PlaceAgreement CompareResolvedPlaces(const ResolvedPlace& a, const ResolvedPlace& b);

// "same_locality", "same_district", "same_governorate", "different", "unknown".
std::string_view PlaceAgreementName(PlaceAgreement agreement);

}  // namespace reckon::place
