#include "simulate/profiles.h"

#include <algorithm>

namespace reckon::simulate {
namespace {

// The five source archetypes lists cycle through.
enum class Archetype { kNgo, kMorgue, kMedia, kField, kInternational };

// Local P-codes (data/gazetteer/coastal.csv).
constexpr const char* kLatakiaDistrict = "RK-LA-01";
constexpr const char* kJablehDistrict = "RK-LA-02";
constexpr const char* kBaniyasDistrict = "RK-TA-02";
constexpr const char* kLatakiaCity = "RK-LA-01-01-001";
constexpr const char* kJablehCity = "RK-LA-02-01-001";
constexpr const char* kTartusCity = "RK-TA-01-01-001";
constexpr const char* kBaniyasCity = "RK-TA-02-01-001";

NoiseRates CleanNoise() {
  NoiseRates n;
  n.typo = 0.002;
  n.orthographic = 0.01;
  n.translit_variant = 0.05;
  n.article = 0.02;
  n.compound = 0.05;
  n.drop_part = 0.01;
  n.date_shift = 0.01;
  n.age_shift = 0.01;
  n.age_heaping = 0.02;
  n.place_variant = 0.01;
  return n;
}

NoiseRates RealisticNoise() {
  NoiseRates n;
  n.typo = 0.03;
  n.orthographic = 0.10;
  n.translit_variant = 0.35;
  n.article = 0.15;
  n.compound = 0.30;
  n.drop_part = 0.10;
  n.swap_parts = 0.03;
  n.kunya = 0.03;
  n.date_shift = 0.08;
  n.date_month_only = 0.02;
  n.age_shift = 0.10;
  n.age_heaping = 0.15;
  n.place_district_only = 0.05;
  n.place_variant = 0.10;
  return n;
}

NoiseRates HardNoise() {
  NoiseRates n;
  n.typo = 0.08;
  n.orthographic = 0.25;
  n.translit_variant = 0.60;
  n.article = 0.35;
  n.compound = 0.50;
  n.drop_part = 0.25;
  n.swap_parts = 0.08;
  n.kunya = 0.08;
  n.date_shift = 0.20;
  n.date_month_only = 0.08;
  n.age_shift = 0.25;
  n.age_heaping = 0.30;
  n.place_district_only = 0.20;
  n.place_variant = 0.25;
  return n;
}

// The archetype's presentation, shared by the realistic and hard profiles.
ListSpec ArchetypeShape(Archetype archetype) {
  ListSpec list;
  switch (archetype) {
    case Archetype::kNgo:
      list.description = "NGO register (Arabic, full chain, ordered by place and date)";
      list.script = Script::kArabic;
      list.name_format = NameFormat::kChain;
      list.mother_name = true;
      list.sex_format = SexFormat::kArabic;
      list.age_format = AgeFormat::kExact;
      list.date_format = DateFormat::kIso;
      list.arabic_digits = 0.15;
      list.place_level = PlaceLevel::kLocality;
      list.cause = true;
      list.order = RecordOrder::kPlaceDate;
      break;
    case Archetype::kMorgue:
      list.description = "hospital and morgue list (Arabic, chain without grandfather)";
      list.script = Script::kArabic;
      list.name_format = NameFormat::kChainNoGrandfather;
      list.sex_format = SexFormat::kCode;
      list.age_format = AgeFormat::kExact;
      list.date_format = DateFormat::kDayMonthYear;
      list.arabic_digits = 0.3;
      list.place_level = PlaceLevel::kLocality;
      list.cause = true;
      break;
    case Archetype::kMedia:
      list.description = "media monitoring (Latin script, full name only, age bands)";
      list.script = Script::kLatin;
      list.name_format = NameFormat::kFullName;
      list.sex_format = SexFormat::kEnglish;
      list.age_format = AgeFormat::kBand;
      list.date_format = DateFormat::kIso;
      list.place_level = PlaceLevel::kDistrict;
      break;
    case Archetype::kField:
      list.description = "field interviews (mixed script, local focus on Baniyas)";
      list.script = Script::kMixed;
      list.latin_share = 0.3;
      list.name_format = NameFormat::kChain;
      list.mother_name = true;
      list.sex_format = SexFormat::kArabic;
      list.age_format = AgeFormat::kWords;
      list.date_format = DateFormat::kDayMonthYear;
      list.arabic_digits = 0.2;
      list.place_level = PlaceLevel::kLocality;
      break;
    case Archetype::kInternational:
      list.description = "international compilation (Latin script, copies media reports)";
      list.script = Script::kLatin;
      list.name_format = NameFormat::kFullName;
      list.sex_format = SexFormat::kCode;
      list.age_format = AgeFormat::kExact;
      list.date_format = DateFormat::kIso;
      list.place_level = PlaceLevel::kLocality;
      list.cause = true;
      break;
  }
  return list;
}

ListSpec CleanList(Archetype archetype) {
  ListSpec list = ArchetypeShape(archetype);
  list.script = Script::kArabic;
  list.latin_share = 0.0;
  list.name_format = NameFormat::kChain;
  list.mother_name = true;
  list.sex_format = SexFormat::kCode;
  list.age_format = AgeFormat::kExact;
  list.date_format = DateFormat::kIso;
  list.arabic_digits = 0.0;
  list.place_level = PlaceLevel::kLocality;
  list.capture = 0.5;
  list.visibility_loading = 0.0;
  list.duplicate_rate = 0.005;
  list.noise = CleanNoise();
  return list;
}

// `cycle_base` is the 0-based index of the cycle's first list: dependences
// point inside the cycle (field interviews copy its NGO list, the compilation
// copies its media list).
ListSpec RealisticList(Archetype archetype, int cycle_base) {
  ListSpec list = ArchetypeShape(archetype);
  list.noise = RealisticNoise();
  list.duplicate_rate = 0.02;
  list.missing = {0.02, 0.08, 0.05, 0.02, 0.3};
  switch (archetype) {
    case Archetype::kNgo:
      list.capture = 0.4;
      list.child_log_odds = -0.3;
      list.female_log_odds = -0.2;
      break;
    case Archetype::kMorgue:
      list.capture = 0.3;
      list.place_log_odds = {
          {kLatakiaCity, 1.0}, {kJablehCity, 1.0}, {kBaniyasCity, 1.0}, {kTartusCity, 1.0}};
      break;
    case Archetype::kMedia:
      list.capture = 0.15;
      list.female_log_odds = 0.5;
      list.child_log_odds = 0.7;
      list.elderly_log_odds = 0.2;
      break;
    case Archetype::kField:
      list.capture = 0.25;
      list.place_log_odds = {{kBaniyasDistrict, 1.5}};
      list.depends_on = cycle_base + 1;
      list.copy_fraction = 0.3;
      break;
    case Archetype::kInternational:
      list.capture = 0.15;
      list.depends_on = cycle_base + 3;
      list.copy_fraction = 0.25;
      break;
  }
  return list;
}

ListSpec HardList(Archetype archetype, int cycle_base) {
  ListSpec list = ArchetypeShape(archetype);
  list.noise = HardNoise();
  list.duplicate_rate = 0.05;
  list.missing = {0.1, 0.3, 0.2, 0.1, 0.6};
  switch (archetype) {
    case Archetype::kNgo:
      list.script = Script::kMixed;
      list.latin_share = 0.4;
      list.name_format = NameFormat::kChainNoGrandfather;
      list.age_format = AgeFormat::kBand;
      list.capture = 0.25;
      list.child_log_odds = -0.8;
      list.female_log_odds = -0.5;
      break;
    case Archetype::kMorgue:
      list.name_format = NameFormat::kFullName;
      list.capture = 0.15;
      list.place_log_odds = {
          {kLatakiaCity, 1.8}, {kJablehCity, 1.8}, {kBaniyasCity, 1.8}, {kTartusCity, 1.8}};
      list.depends_on = cycle_base + 1;  // referrals from the NGO
      list.dependence_log_odds = 1.5;
      break;
    case Archetype::kMedia:
      list.capture = 0.1;
      list.female_log_odds = 1.0;
      list.child_log_odds = 1.2;
      list.elderly_log_odds = 0.4;
      break;
    case Archetype::kField:
      list.script = Script::kLatin;
      list.name_format = NameFormat::kChainNoGrandfather;
      list.capture = 0.15;
      list.place_log_odds = {{kBaniyasDistrict, 2.5}, {kLatakiaDistrict, -1.0}};
      list.depends_on = cycle_base + 1;
      list.copy_fraction = 0.6;
      list.dependence_log_odds = 1.0;
      break;
    case Archetype::kInternational:
      list.capture = 0.1;
      list.depends_on = cycle_base + 3;
      list.copy_fraction = 0.5;
      list.dependence_log_odds = 1.5;
      break;
  }
  return list;
}

// The held-out profile: five organisations whose habits no other profile has,
// kept out of all linker tuning (docs/simulate.md, "Held-out style").
NoiseRates HeldoutNoise() {
  NoiseRates n = RealisticNoise();
  n.typo = 0.05;
  n.compound = 0.5;
  n.kunya = 0.02;
  n.kunya_alone = 0.04;
  n.given_father_swap = 0.03;
  n.husband_family = 0.3;
  n.wife_of = 0.1;
  n.date_shift = 0.12;
  return n;
}

ListSpec HeldoutList(Archetype archetype, int cycle_base) {
  ListSpec list;
  list.noise = HeldoutNoise();
  list.duplicate_rate = 0.02;
  list.missing = {0.02, 0.08, 0.05, 0.02, 0.3};
  switch (archetype) {
    case Archetype::kNgo:
      list.description =
          "local committee (Arabic chain, no sex column, ages as words, day-first dates with dots)";
      list.script = Script::kArabic;
      list.name_format = NameFormat::kChain;
      list.sex_format = SexFormat::kNone;
      list.age_format = AgeFormat::kLifeStage;
      list.date_format = DateFormat::kDayMonthYearDots;
      list.place_level = PlaceLevel::kLocality;
      list.order = RecordOrder::kPlaceDate;
      list.noise.wife_of = 0.3;
      list.capture = 0.35;
      list.child_log_odds = -0.2;
      break;
    case Archetype::kMorgue:
      list.description =
          "regional hospital (Arabic full name, often family name first, 5-year bands, regions)";
      list.script = Script::kArabic;
      list.name_format = NameFormat::kFullName;
      list.sex_format = SexFormat::kArabic;
      list.age_format = AgeFormat::kBand5;
      list.date_format = DateFormat::kDayMonthYear;
      list.arabic_digits = 0.4;
      list.place_level = PlaceLevel::kDistrict;
      list.noise.swap_parts = 0.4;
      list.noise.place_region = 0.5;
      list.capture = 0.3;
      list.place_log_odds = {{kJablehDistrict, 0.8}};
      break;
    case Archetype::kMedia:
      list.description = "diaspora media (Latin capitals, full name, kunyas)";
      list.script = Script::kLatin;
      list.name_format = NameFormat::kFullName;
      list.sex_format = SexFormat::kEnglish;
      list.age_format = AgeFormat::kExact;
      list.date_format = DateFormat::kIso;
      list.place_level = PlaceLevel::kLocality;
      list.noise.all_caps = 1.0;
      list.noise.translit_variant = 0.5;
      list.noise.kunya_alone = 0.08;
      list.capture = 0.15;
      list.female_log_odds = 0.4;
      list.child_log_odds = 0.6;
      break;
    case Archetype::kField:
      list.description = "village survey (mixed script, no grandfather, regions, copies list 1)";
      list.script = Script::kMixed;
      list.latin_share = 0.5;
      list.name_format = NameFormat::kChainNoGrandfather;
      list.sex_format = SexFormat::kCode;
      list.age_format = AgeFormat::kExact;
      list.date_format = DateFormat::kDayMonthYear;
      list.place_level = PlaceLevel::kLocality;
      list.noise.place_region = 0.15;
      list.capture = 0.25;
      list.place_log_odds = {{kLatakiaDistrict, 1.0}};
      list.depends_on = cycle_base + 1;
      list.copy_fraction = 0.2;
      break;
    case Archetype::kInternational:
      list.description = "rights compilation (Latin chain, 5-year bands, district only)";
      list.script = Script::kLatin;
      list.name_format = NameFormat::kChain;
      list.sex_format = SexFormat::kCode;
      list.age_format = AgeFormat::kBand5;
      list.date_format = DateFormat::kIso;
      list.place_level = PlaceLevel::kDistrict;
      list.capture = 0.15;
      list.depends_on = cycle_base + 3;
      list.copy_fraction = 0.2;
      break;
  }
  return list;
}

}  // namespace

SimulateConfig ProfileDefaults(Profile profile, int list_count) {
  SimulateConfig config;
  config.profile = profile;
  PopulationSpec& population = config.population;
  switch (profile) {
    case Profile::kClean:
      population.visibility_sd = 0.0;
      population.place_zipf = 0.5;
      break;
    case Profile::kRealistic:
      population.visibility_sd = 0.7;
      population.household_visibility_share = 0.5;
      population.place_weights = {{kBaniyasDistrict, 4.0}, {kJablehDistrict, 2.5}};
      break;
    case Profile::kHard:
      population.visibility_sd = 1.4;
      population.household_visibility_share = 0.7;
      population.place_zipf = 1.3;
      population.place_weights = {{kBaniyasDistrict, 6.0}, {kJablehDistrict, 3.0}};
      population.background_share = 0.3;
      break;
    case Profile::kHeldout:
      population.visibility_sd = 0.8;
      population.household_visibility_share = 0.5;
      population.household_size_mean = 2.6;
      population.grandfather_namesake_share = 0.7;
      population.family_name_zipf = 0.9;
      population.place_weights = {{kJablehDistrict, 3.0}, {kLatakiaDistrict, 2.0}};
      population.clans_per_village = 4;
      population.clan_share = 0.75;
      population.extended_household_share = 0.5;
      population.name_tables = NameTableSet::kExtended;
      break;
  }
  const int count = std::clamp(list_count, 1, kMaxLists);
  for (int list_idx = 0; list_idx < count; ++list_idx) {
    const auto archetype = static_cast<Archetype>(list_idx % 5);
    const int cycle_base = list_idx - list_idx % 5;
    ListSpec list;
    switch (profile) {
      case Profile::kClean:
        list = CleanList(archetype);
        break;
      case Profile::kRealistic:
        list = RealisticList(archetype, cycle_base);
        break;
      case Profile::kHard:
        list = HardList(archetype, cycle_base);
        break;
      case Profile::kHeldout:
        list = HeldoutList(archetype, cycle_base);
        break;
    }
    list.name = "list_" + std::to_string(list_idx + 1);
    config.lists.push_back(std::move(list));
  }
  return config;
}

}  // namespace reckon::simulate
