// Causes of death as keys the linker can compare.
//
// Lists write the cause in their own words and languages ("إطلاق نار",
// "gunshot", "shot by a sniper"): known words map to a few categories, so two
// lists agree or disagree on the category; any other wording is kept as its
// folded text, equal only to the same text.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

namespace reckon::link {

enum class CauseCategory : uint32_t {
  kNone = 0,  // no cause given
  kAirstrike,
  kExecution,
  kStabbing,
  kTorture,
  kBurning,
  kExplosion,
  kShelling,
  kGunshot,
};

// 0 for no cause; a CauseCategory for known words; else the folded text's
// hash with the top bit set (kUnrecognisedCause).
uint32_t CauseKey(std::string_view raw);
inline constexpr uint32_t kUnrecognisedCause = 1u << 31;
inline bool IsCategory(uint32_t key) { return key != 0 && (key & kUnrecognisedCause) == 0; }

}  // namespace reckon::link
