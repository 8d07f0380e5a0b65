#include "place/place_resolver.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <utility>

#include "text/arabic_fold.h"
#include "text/cross_script_key.h"
#include "text/latin_fold.h"
#include "text/similarity.h"
#include "text/unicode_normalize.h"

namespace reckon::place {
namespace {

constexpr size_t kMinSkeletonLength = 2;  // one consonant matches far too much
constexpr size_t kMinEditLength = 5;      // short names are one typo from another place
constexpr size_t kLongEditLength = 9;     // from here two edits are allowed
constexpr size_t kMaxSkeletonReadings = 4;

// Detached Latin articles, including the assimilated forms (as-Sawda, ash-Shir).
bool IsLatinArticle(std::string_view word) {
  static constexpr std::array<std::string_view, 18> kArticles = {
      "al",  "el", "il", "ul", "as", "ash", "at", "ath", "ad",
      "adh", "ar", "az", "an", "es", "ed",  "et", "er",  "ez"};
  return std::find(kArticles.begin(), kArticles.end(), word) != kArticles.end();
}

bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }

// Appends `piece` to `skeleton`, collapsing equal classes across the join so
// that "Qastal Maaf" and "Qastalmaaf" give the same key.
void AppendSkeleton(std::string& skeleton, std::string_view piece) {
  for (const char c : piece) {
    if (skeleton.empty() || skeleton.back() != c) skeleton.push_back(c);
  }
}

// Latin words (lower-case ASCII letters) of FoldLatin output, articles removed
// when another word follows them.
std::vector<std::string> LatinWords(std::string_view folded) {
  std::vector<std::string> words;
  std::string current;
  for (const char c : folded) {
    if (IsAsciiLetter(c)) {
      current.push_back(c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  std::vector<std::string> kept;
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    if (word_idx + 1 < words.size() && IsLatinArticle(words[word_idx])) continue;
    kept.push_back(std::move(words[word_idx]));
  }
  return kept;
}

// Arabic words of folded text, the article ال removed from words that keep two
// letters or more after it.
std::vector<std::u32string> ArabicWords(std::u32string_view folded) {
  std::vector<std::u32string> words;
  std::u32string current;
  auto flush = [&] {
    if (current.size() >= 4 && current[0] == U'\u0627' && current[1] == U'\u0644') {
      current.erase(0, 2);
    }
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (const char32_t c : folded) {
    if (text::IsArabicLetter(c)) {
      current.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

struct PlaceResolver::TextKeys {
  std::u32string arabic;
  std::vector<std::string> latin;  // the plain reading, then one without a glued "al"
  std::vector<std::string> skeletons;
  std::vector<std::string> alt_skeletons;  // of the reading without a glued "al"
};

namespace {

std::vector<std::string> LatinSkeletons(const std::vector<std::string>& words) {
  std::vector<std::string> skeletons = {std::string()};
  for (const std::string& word : words) {
    std::vector<std::string> next;
    for (const text::PhoneticForm& form : text::LatinPhoneticForms(word)) {
      for (const std::string& prefix : skeletons) {
        if (next.size() >= kMaxSkeletonReadings) break;
        std::string joined = prefix;
        AppendSkeleton(joined, form.skeleton);
        next.push_back(std::move(joined));
      }
    }
    if (!next.empty()) skeletons = std::move(next);
  }
  std::sort(skeletons.begin(), skeletons.end());
  skeletons.erase(std::unique(skeletons.begin(), skeletons.end()), skeletons.end());
  std::erase_if(skeletons, [](const std::string& s) { return s.size() < kMinSkeletonLength; });
  return skeletons;
}

std::string LatinKey(const std::vector<std::string>& words) {
  std::string key;
  for (const std::string& word : words) key += text::LatinCanonical(word);
  return key;
}

template <typename Map, typename Key>
void AppendMatches(const Map& map, const Key& key, std::vector<size_t>& out) {
  if (key.empty()) return;
  const auto found = map.find(key);
  if (found != map.end()) out.insert(out.end(), found->second.begin(), found->second.end());
}

void SortUnique(std::vector<size_t>& units) {
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
}

// Units at the smallest bounded edit distance from `key` among `keys`.
template <typename String>
void NearestByEdits(const String& key, const std::vector<std::pair<String, size_t>>& keys,
                    std::vector<size_t>& out) {
  if (key.size() < kMinEditLength) return;
  const int max_distance = key.size() >= kLongEditLength ? 2 : 1;
  int best = max_distance + 1;
  for (const auto& [candidate, unit_idx] : keys) {
    if (candidate.size() < kMinEditLength) continue;
    const size_t longer = std::max(candidate.size(), key.size());
    const size_t shorter = std::min(candidate.size(), key.size());
    if (longer - shorter > static_cast<size_t>(max_distance)) continue;
    const int distance = text::BoundedDamerauLevenshtein(key, candidate, max_distance);
    if (distance < best) {
      best = distance;
      out.clear();
    }
    if (distance == best && distance <= max_distance) out.push_back(unit_idx);
  }
}

}  // namespace

PlaceResolver::TextKeys PlaceResolver::ComputeKeys(std::string_view text) {
  TextKeys keys;
  Result<std::u32string> strict = text::NormalizeStrict(text);
  if (!strict.ok()) return keys;
  text::RepairPdfArtefacts(*strict);

  const std::vector<std::u32string> arabic_words = ArabicWords(text::FoldArabic(*strict));
  std::string arabic_skeleton;
  for (const std::u32string& word : arabic_words) {
    keys.arabic += word;
    AppendSkeleton(arabic_skeleton, text::ArabicPhoneticForm(word).skeleton);
  }
  if (arabic_skeleton.size() >= kMinSkeletonLength) keys.skeletons.push_back(arabic_skeleton);

  std::vector<std::string> latin_words = LatinWords(text::FoldLatin(*strict));
  if (!latin_words.empty()) {
    keys.latin.push_back(LatinKey(latin_words));
    for (std::string& skeleton : LatinSkeletons(latin_words)) {
      keys.skeletons.push_back(std::move(skeleton));
    }
    // "Alqadmus", "Elhaffah": an article written onto the name.
    std::string& first = latin_words.front();
    if (first.size() >= 6 && (first.rfind("al", 0) == 0 || first.rfind("el", 0) == 0)) {
      first.erase(0, 2);
      keys.latin.push_back(LatinKey(latin_words));
      keys.alt_skeletons = LatinSkeletons(latin_words);
    }
  }
  return keys;
}

const std::string& ResolvedPlace::pcode() const {
  static const std::string kEmpty;
  switch (level) {
    case kLocalityLevel:
      return locality_pcode;
    case kSubdistrictLevel:
      return subdistrict_pcode;
    case kDistrictLevel:
      return district_pcode;
    case kGovernorateLevel:
      return governorate_pcode;
    default:
      return kEmpty;
  }
}

PlaceResolver::PlaceResolver(Gazetteer gazetteer) : gazetteer_(std::move(gazetteer)) {
  const std::vector<AdminUnit>& units = gazetteer_.units();
  parent_idx_.assign(units.size(), kNone);
  for (size_t unit_idx = 0; unit_idx < units.size(); ++unit_idx) {
    const AdminUnit& unit = units[unit_idx];
    if (const AdminUnit* parent = gazetteer_.Find(unit.parent_pcode)) {
      parent_idx_[unit_idx] = static_cast<size_t>(parent - units.data());
    }
    AddIndexKeys(unit.name_en, unit_idx);
    AddIndexKeys(unit.name_ar, unit_idx);
  }
}

void PlaceResolver::AddIndexKeys(std::string_view name, size_t unit_idx) {
  if (name.empty()) return;
  const TextKeys keys = ComputeKeys(name);
  unit_keys_.resize(gazetteer_.units().size());
  auto add = [unit_idx](auto& map, const auto& key) {
    std::vector<size_t>& list = map[key];
    if (list.empty() || list.back() != unit_idx) list.push_back(unit_idx);
  };
  if (!keys.arabic.empty()) {
    add(by_arabic_, keys.arabic);
    arabic_keys_.emplace_back(keys.arabic, unit_idx);
    unit_keys_[unit_idx].arabic.push_back(keys.arabic);
  }
  if (!keys.latin.empty() && !keys.latin.front().empty()) {
    add(by_latin_, keys.latin.front());
    latin_keys_.emplace_back(keys.latin.front(), unit_idx);
    unit_keys_[unit_idx].latin.push_back(keys.latin.front());
  }
  for (const std::string& skeleton : keys.skeletons) add(by_skeleton_, skeleton);
}

std::vector<size_t> PlaceResolver::Candidates(std::string_view text) const {
  std::vector<size_t> out;
  const TextKeys keys = ComputeKeys(text);
  // Stage 1: folded forms.
  AppendMatches(by_arabic_, keys.arabic, out);
  for (const std::string& latin : keys.latin) {
    if (!out.empty()) break;
    AppendMatches(by_latin_, latin, out);
  }
  // Stage 2: consonant skeletons; short skeletons collide ("SN": Siyano and
  // Sisiniyah), so several hits keep only the nearest in spelling.
  if (out.empty()) {
    for (const std::string& skeleton : keys.skeletons) AppendMatches(by_skeleton_, skeleton, out);
    if (out.empty()) {
      for (const std::string& skeleton : keys.alt_skeletons) {
        AppendMatches(by_skeleton_, skeleton, out);
      }
    }
    SortUnique(out);
    if (out.size() > 1) KeepNearestInSpelling(keys, out);
  }
  // Stage 3: a typo or two in a long name.
  if (out.empty()) {
    NearestByEdits(keys.arabic, arabic_keys_, out);
    if (out.empty() && !keys.latin.empty()) NearestByEdits(keys.latin.front(), latin_keys_, out);
  }
  SortUnique(out);
  return out;
}

void PlaceResolver::KeepNearestInSpelling(const TextKeys& keys, std::vector<size_t>& units) const {
  constexpr int kFar = 8;
  std::vector<int> distances;
  for (const size_t unit_idx : units) {
    int best = kFar + 1;
    for (const std::u32string& key : unit_keys_[unit_idx].arabic) {
      if (!keys.arabic.empty()) {
        best = std::min(best, text::BoundedDamerauLevenshtein(keys.arabic, key, kFar));
      }
    }
    for (const std::string& key : unit_keys_[unit_idx].latin) {
      for (const std::string& latin : keys.latin) {
        best = std::min(best, text::BoundedDamerauLevenshtein(latin, key, kFar));
      }
    }
    distances.push_back(best);
  }
  const int nearest = *std::min_element(distances.begin(), distances.end());
  std::vector<size_t> kept;
  for (size_t candidate_idx = 0; candidate_idx < units.size(); ++candidate_idx) {
    if (distances[candidate_idx] == nearest) kept.push_back(units[candidate_idx]);
  }
  units = std::move(kept);
}

std::vector<size_t> PlaceResolver::FieldCandidates(std::string_view text, FieldKind kind) const {
  if (text.empty()) return {};
  std::vector<size_t> all = Candidates(text);
  if (kind == FieldKind::kLocality) return all;
  const std::vector<int> preference =
      kind == FieldKind::kGovernorate
          ? std::vector<int>{kGovernorateLevel, kDistrictLevel}
          : std::vector<int>{kDistrictLevel, kSubdistrictLevel, kGovernorateLevel};
  const std::vector<AdminUnit>& units = gazetteer_.units();
  for (const int level : preference) {
    std::vector<size_t> at_level;
    for (const size_t unit_idx : all) {
      if (units[unit_idx].level == level) at_level.push_back(unit_idx);
    }
    if (!at_level.empty()) return at_level;
  }
  return {};
}

bool PlaceResolver::IsWithin(size_t unit_idx, size_t ancestor_idx) const {
  for (size_t current = unit_idx; current != kNone; current = parent_idx_[current]) {
    if (current == ancestor_idx) return true;
  }
  return false;
}

size_t PlaceResolver::CommonAncestor(const std::vector<size_t>& units) const {
  if (units.empty()) return kNone;
  for (size_t ancestor = units.front(); ancestor != kNone; ancestor = parent_idx_[ancestor]) {
    if (std::all_of(units.begin(), units.end(),
                    [&](size_t unit_idx) { return IsWithin(unit_idx, ancestor); })) {
      return ancestor;
    }
  }
  return kNone;
}

ResolvedPlace PlaceResolver::FromUnit(size_t unit_idx, bool ambiguous) const {
  ResolvedPlace place;
  place.ambiguous = ambiguous;
  if (unit_idx == kNone) return place;
  const std::vector<AdminUnit>& units = gazetteer_.units();
  place.level = units[unit_idx].level;
  for (size_t current = unit_idx; current != kNone; current = parent_idx_[current]) {
    const AdminUnit& unit = units[current];
    switch (unit.level) {
      case kLocalityLevel:
        place.locality_pcode = unit.pcode;
        break;
      case kSubdistrictLevel:
        place.subdistrict_pcode = unit.pcode;
        break;
      case kDistrictLevel:
        place.district_pcode = unit.pcode;
        break;
      case kGovernorateLevel:
        place.governorate_pcode = unit.pcode;
        break;
      default:
        break;
    }
  }
  return place;
}

ResolvedPlace PlaceResolver::Compute(std::string_view locality, std::string_view district,
                                     std::string_view governorate) const {
  const std::vector<AdminUnit>& units = gazetteer_.units();
  size_t scope = kNone;  // the unit resolved so far, from the broader fields
  bool ambiguous = false;
  bool conflict = false;
  // Narrows `scope` by one field's candidates (see the header for the rules).
  auto narrow = [&](std::vector<size_t> candidates) {
    if (candidates.empty()) return;
    if (scope != kNone) {
      std::vector<size_t> inside;
      for (const size_t unit_idx : candidates) {
        if (IsWithin(unit_idx, scope)) inside.push_back(unit_idx);
      }
      if (inside.empty()) {
        conflict = true;
      } else {
        candidates = std::move(inside);
      }
    }
    const size_t deepest =
        *std::max_element(candidates.begin(), candidates.end(),
                          [&](size_t a, size_t b) { return units[a].level < units[b].level; });
    if (std::all_of(candidates.begin(), candidates.end(),
                    [&](size_t unit_idx) { return IsWithin(deepest, unit_idx); })) {
      scope = deepest;
      ambiguous = false;
      return;
    }
    ambiguous = true;
    const size_t common = CommonAncestor(candidates);
    // Keep the broader fields' unit when it says more than the common ancestor.
    if (common != kNone && (scope == kNone || conflict || IsWithin(common, scope))) scope = common;
  };
  narrow(FieldCandidates(governorate, FieldKind::kGovernorate));
  narrow(FieldCandidates(district, FieldKind::kDistrict));
  narrow(FieldCandidates(locality, FieldKind::kLocality));
  return FromUnit(scope, ambiguous || conflict);
}

ResolvedPlace PlaceResolver::Resolve(std::string_view locality, std::string_view district,
                                     std::string_view governorate) const {
  std::string key;
  key.reserve(locality.size() + district.size() + governorate.size() + 24);
  for (const std::string_view field : {locality, district, governorate}) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
  }
  {
    std::shared_lock lock(cache_mutex_);
    const auto found = cache_.find(key);
    if (found != cache_.end()) return found->second;
  }
  ResolvedPlace place = Compute(locality, district, governorate);
  std::unique_lock lock(cache_mutex_);
  cache_.emplace(std::move(key), place);
  return place;
}

size_t PlaceResolver::cache_size() const {
  std::shared_lock lock(cache_mutex_);
  return cache_.size();
}

PlaceAgreement CompareResolvedPlaces(const ResolvedPlace& a, const ResolvedPlace& b) {
  bool compared = false;
  auto same = [&](const std::string& x, const std::string& y) {
    if (x.empty() || y.empty()) return false;
    compared = true;
    return x == y;
  };
  if (same(a.locality_pcode, b.locality_pcode)) return PlaceAgreement::kSameLocality;
  if (same(a.subdistrict_pcode, b.subdistrict_pcode)) return PlaceAgreement::kSameDistrict;
  if (same(a.district_pcode, b.district_pcode)) return PlaceAgreement::kSameDistrict;
  if (same(a.governorate_pcode, b.governorate_pcode)) return PlaceAgreement::kSameGovernorate;
  return compared ? PlaceAgreement::kDifferent : PlaceAgreement::kUnknown;
}

std::string_view PlaceAgreementName(PlaceAgreement agreement) {
  switch (agreement) {
    case PlaceAgreement::kSameLocality:
      return "same_locality";
    case PlaceAgreement::kSameDistrict:
      return "same_district";
    case PlaceAgreement::kSameGovernorate:
      return "same_governorate";
    case PlaceAgreement::kDifferent:
      return "different";
    case PlaceAgreement::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace reckon::place
