// The invented population of the dead: people killed in households.
//
// Generative model (docs/simulate.md has the full description):
//  - Households are drawn one after another until N people exist. A
//    household's size is 1 + Poisson(household_size_mean - 1), at most 12.
//  - A household has one locality (Zipf over localities in a seeded random
//    order, times place_weights) and one death date (the locality's peak day
//    give or take two days, or uniform over the window for background_share).
//  - A household of one is a lone adult (single_male_share men). A larger one
//    is part of a family: the father (with father_share), the mother (with
//    mother_share) and children. Children share father, grandfather and family
//    names; the father's given name is their father name and his father name
//    their grandfather name; the mother's given name is their mother name. The
//    mother keeps her own father's chain and family name.
//  - Held-out knobs: each locality has clans_per_village clan family names
//    that a share clan_share of its households (and their wives) bear; a
//    share extended_household_share of households of 3+ are three-generation
//    families (patriarch, his wife, his sons and their wives, grandchildren:
//    brothers, cousins, in-laws), with the eldest son of each father named
//    after his grandfather with grandfather_namesake_share.
//  - Each person carries a latent visibility ~ Normal(0, visibility_sd) that
//    raises or lowers every list's capture odds (heterogeneity); a share
//    household_visibility_share of its variance is common to the household.
//
// Invariants: persons()[i] has person id i + 1; members of a household are
// contiguous; household ids count from 1 in order.
//
// Thread-safety: immutable after Generate; safe to share between threads.
#pragma once

#include <cstdint>
#include <vector>

#include "simulate/gazetteer_data.h"
#include "simulate/name_tables.h"
#include "simulate/simulate_config.h"

namespace reckon::simulate {

enum class Sex : uint8_t { kMale, kFemale };
// Relations are to the household's head: the father of a nuclear family, the
// grandfather (patriarch) of a three-generation one. kDaughterInLaw is a son's
// wife; grandchildren are the sons' children.
enum class Relation : uint8_t {
  kAlone,
  kFather,
  kMother,
  kSon,
  kDaughter,
  kGrandfather,
  kGrandmother,
  kDaughterInLaw,
  kGrandson,
  kGranddaughter,
};

inline constexpr uint16_t kNoName = 0xFFFF;
inline constexpr int kMaxHouseholdSize = 12;

// 32 bytes: a million people fit in about 32 MB.
struct Person {
  uint32_t household = 0;             // 1-based
  int32_t death_day = 0;              // days since 1970-01-01
  float visibility = 0.0f;            // latent log-odds shift shared by all lists
  uint16_t locality = 0;              // index into Gazetteer::localities()
  uint16_t given = 0;                 // male table for men, female table for women
  uint16_t father = 0;                // male table
  uint16_t grandfather = 0;           // male table
  uint16_t family = 0;                // family table
  uint16_t mother = 0;                // female table
  uint16_t kunya_son = kNoName;       // male table: the X of "Abu X" / "Umm X"
  uint16_t husband = kNoName;         // male table: a married woman's husband's given name
  uint16_t husband_family = kNoName;  // family table: his family name
  uint8_t age = 0;
  Sex sex = Sex::kMale;
  Relation relation = Relation::kAlone;
};

class Population {
 public:
  // Requires a validated config (death window and peak days parse).
  static Population Generate(const SimulateConfig& config, const Gazetteer& gazetteer,
                             const NameTables& names);

  const std::vector<Person>& persons() const { return persons_; }
  uint32_t household_count() const { return household_count_; }

 private:
  std::vector<Person> persons_;
  uint32_t household_count_ = 0;
};

std::string_view RelationName(Relation relation);

// Stream purposes for StreamKey(seed, purpose, ...): every random process of
// the simulator has its own, so adding draws to one never shifts another.
enum StreamPurpose : uint64_t {
  kStreamPlaceOrder = 1,
  kStreamPlacePeak,
  kStreamHousehold,
  kStreamCapture,
  kStreamDuplicate,
  kStreamOrder,
  kStreamRender,
  kStreamFormat,
  kStreamCause,
  // Added with the held-out profile; each draws only when its knob is on.
  kStreamVillageClans,
  kStreamClan,
  kStreamExtended,
  kStreamHeldoutRender,
};

}  // namespace reckon::simulate
