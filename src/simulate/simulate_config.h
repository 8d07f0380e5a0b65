// Every parameter of `reckon simulate`, its JSON form, and how a profile, a
// config file and command-line flags combine into one configuration.
//
// Precedence: profile defaults < config file < command-line flags. The JSON
// keys are listed once, in the Visit* functions of simulate_config.cc, and
// serve both directions: ConfigToJson writes every key (summary.json records
// it as "parameters"), and a config file may set any subset of them. Unknown
// keys are errors, so a typo cannot silently fall back to a default.
// docs/simulate.md documents every key.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace reckon::simulate {

class Gazetteer;

enum class Profile { kClean, kRealistic, kHard, kHeldout };
enum class Script { kArabic, kLatin, kMixed };
enum class NameFormat { kChain, kChainNoGrandfather, kFullName };
enum class SexFormat { kNone, kCode, kEnglish, kArabic };
// kBand5: five-year bands (35-39); kLifeStage: every age as a word
// (child/adult/elderly, طفل/بالغ/مسن).
enum class AgeFormat { kNone, kExact, kBand, kWords, kBand5, kLifeStage };
// kDayMonthYearDots: day first with dots, 08.03.2025.
enum class DateFormat { kNone, kIso, kDayMonthYear, kDayMonthYearDots };
enum class NameTableSet { kStandard, kExtended };
enum class PlaceLevel { kNone, kDistrict, kLocality };
enum class RecordOrder { kRandom, kPlaceDate };

// Per-record (or per-name-part, where stated) probabilities of each error.
struct NoiseRates {
  double typo = 0.0;              // per name part: one typing/handwriting error
  double orthographic = 0.0;      // per name part: Arabic orthography or Latin spelling variant
  double translit_variant = 0.0;  // per name part, Latin script: a less common transliteration
  double article = 0.0;           // per record: family name article dropped or re-styled
  double compound = 0.0;          // per compound name part: joined or split differently
  double drop_part = 0.0;         // per record: father's or grandfather's name left out
  double swap_parts = 0.0;        // per record: family name first / father and grandfather swapped
  double kunya = 0.0;             // per adult record: "Abu X" / "Umm X" instead of the given name
  double date_shift = 0.0;        // per record: death date off by 1-2 days
  double date_month_only = 0.0;   // per record: death date given as YYYY-MM
  double age_shift = 0.0;         // per record: age off by 1-3 years
  double age_heaping = 0.0;       // per record: age rounded to a multiple of 5
  double place_district_only = 0.0;  // per record: locality left blank, district given
  double place_variant = 0.0;        // per record: a place name spelled differently
  // Added with the held-out profile (all 0 elsewhere; written to the config
  // JSON only when non-zero or under that profile, so older outputs are
  // unchanged).
  double given_father_swap = 0.0;  // per record: given and father's names swapped
  double kunya_alone = 0.0;        // per adult record: only "Abu X" + family name
  double husband_family = 0.0;     // per married woman: her husband's family name
  double wife_of = 0.0;            // per married woman: "wife of <husband>" + his family name
  double all_caps = 0.0;           // per Latin record: names and places in capitals
  double place_region = 0.0;       // per record: "countryside of X" / "X area" instead of the place
};

// Per-record probabilities that a field is left blank.
struct MissingRates {
  double sex = 0.0;
  double age = 0.0;
  double death_date = 0.0;
  double place = 0.0;
  double mother_name = 0.0;
};

// One list (source) and its behaviour.
struct ListSpec {
  std::string name;         // shown in truth.csv and summary.json
  std::string description;  // what kind of source it imitates
  // Capture: P(listed) = logistic(logit(capture) + effects), where effects
  // are the log-odds terms below for the person's sex, age and place, plus
  // visibility_loading * the person's visibility (shared by all lists).
  double capture = 0.4;
  double female_log_odds = 0.0;
  double child_log_odds = 0.0;                                 // age < 18
  double elderly_log_odds = 0.0;                               // age >= 60
  std::vector<std::pair<std::string, double>> place_log_odds;  // P-code (any level) -> term
  double visibility_loading = 1.0;
  // Dependence on an earlier list (1-based number; 0 = independent): people on
  // that list are copied verbatim with probability copy_fraction, and their
  // own capture gets dependence_log_odds added (negative = less likely).
  int depends_on = 0;
  double copy_fraction = 0.0;
  double dependence_log_odds = 0.0;
  // Presentation.
  Script script = Script::kArabic;
  double latin_share = 0.0;  // for kMixed: share of records written in Latin script
  NameFormat name_format = NameFormat::kChain;
  bool mother_name = false;
  SexFormat sex_format = SexFormat::kCode;
  AgeFormat age_format = AgeFormat::kExact;
  DateFormat date_format = DateFormat::kIso;
  double arabic_digits = 0.0;  // share of Arabic-script records with Arabic-Indic digits
  PlaceLevel place_level = PlaceLevel::kLocality;
  bool cause = false;
  RecordOrder order = RecordOrder::kRandom;
  double duplicate_rate = 0.0;  // P(a listed person is reported a second time)
  MissingRates missing;
  NoiseRates noise;
};

struct PopulationSpec {
  double household_size_mean = 2.0;         // mean people killed per household (>= 1)
  double father_share = 0.45;               // P(the father is among a household's dead)
  double mother_share = 0.2;                // P(the mother is among them)
  double son_share = 0.75;                  // P(a child among the dead is a son)
  double single_male_share = 0.85;          // sex ratio of people killed alone
  double grandfather_namesake_share = 0.3;  // P(eldest son named after his grandfather)
  double given_name_zipf = 1.0;
  double family_name_zipf = 0.8;
  double place_zipf = 1.0;  // concentration over localities (in a seeded random order)
  std::vector<std::pair<std::string, double>> place_weights;  // P-code -> weight multiplier
  std::string death_window_start = "2025-03-06";
  std::string death_window_end = "2025-03-12";
  std::vector<std::string> peak_days = {"2025-03-07", "2025-03-08", "2025-03-09"};
  double background_share = 0.15;  // deaths spread uniformly over the window
  double visibility_sd = 0.0;      // sd of the latent visibility shared by all lists
  // Share of the visibility variance common to a household: families tend to
  // be reported together (0 = members independent, 1 = identical).
  double household_visibility_share = 0.0;
  // Added with the held-out profile (off elsewhere).
  int clans_per_village = 0;  // family names that form each locality's clans (0 = none)
  double clan_share = 0.0;    // P(a household's family name is one of its village's clans)
  double extended_household_share = 0.0;  // P(a household of 3+ is a three-generation family)
  NameTableSet name_tables = NameTableSet::kStandard;  // extended: longer name tables
};

struct SimulateConfig {
  uint64_t seed = 1;
  int64_t people = 10000;
  Profile profile = Profile::kRealistic;
  PopulationSpec population;
  std::vector<ListSpec> lists;
};

// Limits checked by Validate.
inline constexpr int64_t kMaxPeople = 50'000'000;
inline constexpr int kMaxLists = 16;

std::string_view ProfileName(Profile profile);
std::optional<Profile> ParseProfileName(std::string_view name);

// What the command line said; unset fields fall back to the file, then the profile.
struct CommandLineOverrides {
  std::optional<int64_t> people;
  std::optional<uint64_t> seed;
  std::optional<int> lists;
  std::optional<Profile> profile;
};

// Builds the effective configuration from an optional config file's text
// (`file_name` is used only in messages) and the command line, then checks it
// with Validate. Errors are InvalidArgument and name the file and the key
// ("sim.json: lists[2].capture: must be between 0 and 1").
Result<SimulateConfig> BuildConfig(const CommandLineOverrides& overrides,
                                   const std::optional<std::string>& config_text,
                                   const std::string& file_name);

// Checks ranges and cross-references (dependence on an earlier list, dates
// inside the window, P-codes known to the gazetteer).
Status Validate(const SimulateConfig& config, const Gazetteer& gazetteer);

// The complete configuration as JSON; BuildConfig on its dump reproduces it.
nlohmann::ordered_json ConfigToJson(const SimulateConfig& config);

}  // namespace reckon::simulate
