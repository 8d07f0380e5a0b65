// Comparison vectors: how two records agree, field by field, as small levels.
//
// Level 0 of every field is "missing" (one side does not give it) and is
// neutral in the score. Levels, strongest first:
//   names (given, father, grandfather, family, mother):
//           1 the same name (exactly, as an orthographic or known variant, or
//           the same sound across scripts), 2 close (a likely typo),
//           3 different, 4 different across scripts (a Latin name that no
//           reading ties to the Arabic one: a weaker contradiction than two
//           spellings in one script, since transliterations are noisy).
//           Exact and cross-script agreement share a level on purpose: the
//           script of a pair is shared by all its name fields, and separate
//           levels let EM mistake "both Arabic" for "a match".
//   sex:    1 same, 2 different
//   age:    1 the same age, 2 within 3 years, 3 within 6 years, 4 different
//           (7-15 years apart), 5 far apart (more than 15 years: different
//           generations), 6 in the other's band, 7 within 3 years of it
//   date:   1 same day, 2 within 2 days, 3 within a week, 4 different,
//           5 compatible (a month, or a range, and a date in or next to it)
//   place:  1 same locality, 2 same district, 3 same governorate (the finer
//           level unknown on one side), 4 different, 5 same district but
//           another locality, 6 same governorate but another district (both
//           sides name the finer place and the names differ: for one person
//           that is rare, for namesakes of one district it is the rule)
//   cause:  1 the same (category, or wording), 2 different categories
//           (gunshot / shelling), 3 other wordings (not known words: weak)
// The name chain is aligned by text::CompareChains, which tolerates a dropped
// grandfather and reads household relations (brothers, father and son).
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "link/link_record.h"
#include "text/chain_compare.h"
#include "text/token_table.h"

namespace reckon::link {

enum Field : uint8_t {
  kGiven,
  kFather,
  kGrandfather,
  kFamily,
  kMother,
  kSex,
  kAge,
  kDate,
  kPlace,
  kCause,
};
inline constexpr size_t kFieldCount = 10;
// Name fields: 0 missing, 1 same, 2 close, 3 different, 4 different across
// scripts, 5 similar (different, but alike), 6 a dot apart (two known
// Arabic names, ديب / ذيب).
inline constexpr uint8_t kSimilarLevel = 5;
inline constexpr uint8_t kDotApartLevel = 6;
inline constexpr std::array<uint8_t, kFieldCount> kLevelCount = {7, 7, 7, 7, 7, 3, 8, 6, 7, 4};
// Age level 6: an exact age inside the other record's band.
inline constexpr uint8_t kAgeInBandLevel = 6;
// Date level 1: the same exact day; place level 1: the same locality.
inline constexpr uint8_t kSameDayLevel = 1;
inline constexpr uint8_t kSameLocalityLevel = 1;
// Levels fit in 3 bits (ComparisonVector::Pattern).
inline constexpr size_t kMaxLevels = 8;

std::string_view FieldName(size_t field);
std::string_view LevelName(size_t field, uint8_t level);

struct ComparisonVector {
  std::array<uint8_t, kFieldCount> level{};
  text::ChainRelation relation = text::ChainRelation::kInsufficient;
  text::AlignmentKind alignment = text::AlignmentKind::kPositional;
  // The agreeing tokens of a, for term-frequency adjustment (kNoToken if none).
  text::TokenId given_token = text::kNoToken;
  text::TokenId family_token = text::kNoToken;

  // Packs the levels into one integer (3 bits a field) for pattern counting.
  uint32_t Pattern() const;
  // True for a household relation that forbids a match (brothers; a father
  // and his son): such records are different people whatever else agrees.
  bool IsHousehold() const {
    return relation == text::ChainRelation::kSiblings ||
           relation == text::ChainRelation::kParentChild ||
           relation == text::ChainRelation::kChildParent;
  }
};

ComparisonVector CompareRecords(const text::TokenTable& tokens, const LinkRecord& a,
                                const LinkRecord& b);

// The readings of the two name chains that CompareRecords compares: the
// chains as parsed, unless they read as one person only
//  - with a record whose name order was guessed read family name first
//    ("Darwish Fatima Nabil Riad"), or
//  - with a record's father and grandfather in each other's place (columns
//    swapped by a clerk: فاطمة حسين محمد العمران / Fatima Mohammad Hussein Omran).
struct ChosenChains {
  text::ChainComparison comparison;
  bool a_reread = false;  // a was read as `reading`
  bool b_reread = false;
  bool ancestors_swapped = false;  // the reading swaps a's father and grandfather
  text::NameChain reading;         // the other reading, when used
  const text::NameChain& ChainA(const LinkRecord& a) const { return a_reread ? reading : a.chain; }
  const text::NameChain& ChainB(const LinkRecord& b) const { return b_reread ? reading : b.chain; }
};
ChosenChains ChooseChains(const text::TokenTable& tokens, const LinkRecord& a, const LinkRecord& b);
// CompareRecords with the readings already chosen (an explanation shows both).
ComparisonVector CompareRecords(const text::TokenTable& tokens, const LinkRecord& a,
                                const LinkRecord& b, const ChosenChains& chosen);

// Unpacks a pattern into levels.
std::array<uint8_t, kFieldCount> LevelsOfPattern(uint32_t pattern);

}  // namespace reckon::link
