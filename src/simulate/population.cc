#include "simulate/population.h"

#include <algorithm>
#include <cmath>

#include "simulate/civil_date.h"
#include "simulate/rng.h"

namespace reckon::simulate {
namespace {

// Locality weights: Zipf over a seeded random order of localities (which
// places were hit hardest varies by seed), times the configured multipliers
// for every P-code level a locality belongs to.
std::vector<double> LocalityWeights(const SimulateConfig& config, const Gazetteer& gazetteer) {
  const std::vector<GazetteerLocality>& localities = gazetteer.localities();
  std::vector<size_t> order(localities.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  Rng rng(StreamKey(config.seed, kStreamPlaceOrder));
  rng.Shuffle(order);
  const std::vector<double> zipf = ZipfWeights(order.size(), config.population.place_zipf);
  std::vector<double> weights(localities.size());
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const GazetteerLocality& place = localities[order[rank]];
    double weight = zipf[rank];
    for (const auto& [pcode, multiplier] : config.population.place_weights) {
      if (pcode == place.governorate.pcode || pcode == place.district.pcode ||
          pcode == place.subdistrict.pcode || pcode == place.locality.pcode) {
        weight *= multiplier;
      }
    }
    weights[order[rank]] = weight;
  }
  return weights;
}

// The day on which each locality's killings peaked.
std::vector<int> LocalityPeaks(const SimulateConfig& config, size_t locality_count, int start,
                               int end) {
  std::vector<int> peak_days;
  for (const std::string& day : config.population.peak_days) {
    peak_days.push_back(ParseIsoDay(day).value_or(start));
  }
  std::vector<int> peaks(locality_count);
  for (size_t locality = 0; locality < locality_count; ++locality) {
    Rng rng(StreamKey(config.seed, kStreamPlacePeak, locality));
    peaks[locality] = peak_days.empty()
                          ? static_cast<int>(rng.Between(start, end))
                          : peak_days[static_cast<size_t>(rng.Below(peak_days.size()))];
  }
  return peaks;
}

int DrawDeathDay(int peak, int start, int end, double background_share, Rng& rng) {
  if (rng.Bernoulli(background_share)) return static_cast<int>(rng.Between(start, end));
  // Offsets 0, +-1, +-2 with probabilities .6, .15 each, .05 each.
  const double u = rng.Uniform();
  int offset = 0;
  if (u < 0.15)
    offset = -1;
  else if (u < 0.30)
    offset = 1;
  else if (u < 0.35)
    offset = -2;
  else if (u < 0.40)
    offset = 2;
  return std::clamp(peak + offset, start, end);
}

uint8_t AdultAge(Rng& rng) {
  const double age = std::round(38.0 + 15.0 * rng.Normal());
  return static_cast<uint8_t>(std::clamp(age, 16.0, 90.0));
}

// A name from `table` that none of `taken` already has (a few tries, then
// whatever comes: real families do repeat names, rarely).
uint16_t DistinctName(const NameTable& table, const std::vector<uint16_t>& taken, Rng& rng) {
  uint16_t name = table.Sample(rng);
  for (int attempt = 0; attempt < 20; ++attempt) {
    if (std::find(taken.begin(), taken.end(), name) == taken.end()) break;
    name = table.Sample(rng);
  }
  return name;
}

// Each locality's clans: `count` distinct family names, the first the largest.
std::vector<std::vector<uint16_t>> VillageClans(const SimulateConfig& config, size_t locality_count,
                                                const NameTable& family) {
  std::vector<std::vector<uint16_t>> clans(locality_count);
  const int count = config.population.clans_per_village;
  if (count <= 0) return clans;
  for (size_t locality = 0; locality < locality_count; ++locality) {
    Rng rng(StreamKey(config.seed, kStreamVillageClans, locality));
    for (int clan = 0; clan < count; ++clan) {
      clans[locality].push_back(DistinctName(family, clans[locality], rng));
    }
  }
  return clans;
}

// A family name in a village: one of its clans (Zipf 1 over them) with
// clan_share, else any name from the table.
uint16_t VillageFamily(const PopulationSpec& spec, const std::vector<uint16_t>& clans,
                       const NameTable& family, Rng& rng) {
  if (clans.empty() || !rng.Bernoulli(spec.clan_share)) return family.Sample(rng);
  double total = 0.0;
  for (size_t rank = 0; rank < clans.size(); ++rank) total += 1.0 / static_cast<double>(rank + 1);
  double u = rng.Uniform() * total;
  for (size_t rank = 0; rank < clans.size(); ++rank) {
    u -= 1.0 / static_cast<double>(rank + 1);
    if (u < 0.0) return clans[rank];
  }
  return clans.back();
}

// A three-generation household: the patriarch, his wife, an unmarried
// daughter, his married sons with their wives and children. Returns the whole
// family in order (eldest generation first, each son followed by his wife and
// children); the caller keeps a random subset of `size`. Draws only from `rng`.
std::vector<Person> ExtendedFamily(const PopulationSpec& spec, const Person& base,
                                   const std::vector<uint16_t>& clans, const NameTables& names,
                                   Rng& rng) {
  const NameTable& male = names.male();
  const NameTable& female = names.female();
  const NameTable& family = names.family();
  std::vector<Person> roster;
  const uint16_t great_great = male.Sample(rng);                  // the patriarch's grandfather
  const uint16_t great = DistinctName(male, {great_great}, rng);  // his father
  const uint16_t head = rng.Bernoulli(spec.grandfather_namesake_share)
                            ? great_great
                            : DistinctName(male, {great}, rng);
  const auto head_age = static_cast<int>(rng.Between(62, 88));

  // Sons, eldest first; the eldest may carry his grandfather's name.
  const auto son_count = static_cast<int>(rng.Between(2, 4));
  std::vector<uint16_t> sons;
  std::vector<int> son_ages;
  for (int son = 0; son < son_count; ++son) {
    sons.push_back(son == 0 && rng.Bernoulli(spec.grandfather_namesake_share)
                       ? great
                       : DistinctName(male, sons, rng));
    son_ages.push_back(std::max(18, head_age - static_cast<int>(rng.Between(22, 40))));
  }
  std::sort(son_ages.rbegin(), son_ages.rend());
  const uint16_t head_wife = female.Sample(rng);

  Person patriarch = base;
  patriarch.relation = Relation::kGrandfather;
  patriarch.sex = Sex::kMale;
  patriarch.age = static_cast<uint8_t>(head_age);
  patriarch.given = head;
  patriarch.father = great;
  patriarch.grandfather = great_great;
  patriarch.mother = female.Sample(rng);
  patriarch.kunya_son = sons.front();
  roster.push_back(patriarch);

  Person matriarch = base;
  matriarch.relation = Relation::kGrandmother;
  matriarch.sex = Sex::kFemale;
  matriarch.age =
      static_cast<uint8_t>(std::max(40, head_age - static_cast<int>(rng.Between(0, 10))));
  matriarch.given = head_wife;
  matriarch.father = male.Sample(rng);
  matriarch.grandfather = male.Sample(rng);
  matriarch.family = VillageFamily(spec, clans, family, rng);
  matriarch.mother = female.Sample(rng);
  matriarch.kunya_son = sons.front();
  matriarch.husband = head;
  matriarch.husband_family = base.family;
  roster.push_back(matriarch);

  if (rng.Bernoulli(0.3)) {
    Person daughter = base;
    daughter.relation = Relation::kDaughter;
    daughter.sex = Sex::kFemale;
    daughter.age =
        static_cast<uint8_t>(std::max(16, head_age - static_cast<int>(rng.Between(20, 38))));
    daughter.given = female.Sample(rng);
    daughter.father = head;
    daughter.grandfather = great;
    daughter.mother = head_wife;
    roster.push_back(daughter);
  }

  for (size_t son_idx = 0; son_idx < sons.size(); ++son_idx) {
    const int son_age = son_ages[son_idx];
    const uint16_t wife_name = female.Sample(rng);
    // His children, eldest first: the eldest son may carry his grandfather's
    // (the patriarch's) name, so cousins' chains differ only in the father.
    std::vector<Person> children;
    std::vector<uint16_t> grandsons;
    std::vector<uint16_t> granddaughters;
    const int child_count = son_age >= 20 ? static_cast<int>(rng.Between(1, 4)) : 0;
    std::vector<int> child_ages;
    for (int child = 0; child < child_count; ++child) {
      child_ages.push_back(std::max(0, son_age - static_cast<int>(rng.Between(19, 35))));
    }
    std::sort(child_ages.rbegin(), child_ages.rend());
    for (int age : child_ages) {
      Person child = base;
      child.age = static_cast<uint8_t>(age);
      child.father = sons[son_idx];
      child.grandfather = head;
      child.mother = wife_name;
      if (rng.Bernoulli(spec.son_share)) {
        child.sex = Sex::kMale;
        child.relation = Relation::kGrandson;
        child.given = grandsons.empty() && rng.Bernoulli(spec.grandfather_namesake_share)
                          ? head
                          : DistinctName(male, grandsons, rng);
        grandsons.push_back(child.given);
      } else {
        child.sex = Sex::kFemale;
        child.relation = Relation::kGranddaughter;
        child.given = DistinctName(female, granddaughters, rng);
        granddaughters.push_back(child.given);
      }
      if (age >= 25) child.kunya_son = male.Sample(rng);
      children.push_back(child);
    }
    const uint16_t eldest = grandsons.empty() ? male.Sample(rng) : grandsons.front();

    Person son = base;
    son.relation = Relation::kSon;
    son.sex = Sex::kMale;
    son.age = static_cast<uint8_t>(son_age);
    son.given = sons[son_idx];
    son.father = head;
    son.grandfather = great;
    son.mother = head_wife;
    son.kunya_son = eldest;
    roster.push_back(son);

    Person wife = base;
    wife.relation = Relation::kDaughterInLaw;
    wife.sex = Sex::kFemale;
    wife.age = static_cast<uint8_t>(std::max(16, son_age - static_cast<int>(rng.Between(0, 8))));
    wife.given = wife_name;
    wife.father = male.Sample(rng);
    wife.grandfather = male.Sample(rng);
    wife.family = VillageFamily(spec, clans, family, rng);
    wife.mother = female.Sample(rng);
    wife.kunya_son = eldest;
    wife.husband = sons[son_idx];
    wife.husband_family = base.family;
    roster.push_back(wife);
    for (const Person& child : children) roster.push_back(child);
  }
  return roster;
}

}  // namespace

std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kAlone:
      return "alone";
    case Relation::kFather:
      return "father";
    case Relation::kMother:
      return "mother";
    case Relation::kSon:
      return "son";
    case Relation::kDaughter:
      return "daughter";
    case Relation::kGrandfather:
      return "grandfather";
    case Relation::kGrandmother:
      return "grandmother";
    case Relation::kDaughterInLaw:
      return "daughter_in_law";
    case Relation::kGrandson:
      return "grandson";
    case Relation::kGranddaughter:
      return "granddaughter";
  }
  return "?";
}

Population Population::Generate(const SimulateConfig& config, const Gazetteer& gazetteer,
                                const NameTables& names) {
  const PopulationSpec& spec = config.population;
  const int start = ParseIsoDay(spec.death_window_start).value_or(0);
  const int end = std::max(start, ParseIsoDay(spec.death_window_end).value_or(start));
  const DiscreteSampler places(LocalityWeights(config, gazetteer));
  const std::vector<int> peaks = LocalityPeaks(config, gazetteer.localities().size(), start, end);
  const NameTable& male = names.male();
  const NameTable& female = names.female();
  const NameTable& family = names.family();
  const std::vector<std::vector<uint16_t>> clans =
      VillageClans(config, gazetteer.localities().size(), family);
  const bool with_clans = spec.clans_per_village > 0 && spec.clan_share > 0.0;

  Population population;
  const auto target = static_cast<size_t>(config.people);
  population.persons_.reserve(target);
  uint32_t household = 0;
  while (population.persons_.size() < target) {
    ++household;
    Rng rng(StreamKey(config.seed, kStreamHousehold, household));
    const size_t remaining = target - population.persons_.size();
    const size_t size =
        std::min<size_t>({remaining, static_cast<size_t>(kMaxHouseholdSize),
                          1 + static_cast<size_t>(rng.Poisson(spec.household_size_mean - 1.0))});

    Person base;
    base.household = household;
    base.locality = static_cast<uint16_t>(places.Sample(rng));
    base.death_day = DrawDeathDay(peaks[base.locality], start, end, spec.background_share, rng);
    base.family = family.Sample(rng);
    // Held-out knobs draw from their own streams, so that with them off
    // nothing here changes.
    Rng clan_rng(StreamKey(config.seed, kStreamClan, household));
    if (with_clans) base.family = VillageFamily(spec, clans[base.locality], family, clan_rng);

    // Visibility = sd * (sqrt(s) * household part + sqrt(1 - s) * own part),
    // so its variance is sd^2 whatever the household share s.
    const double household_part = std::sqrt(spec.household_visibility_share) * rng.Normal();
    const double own_weight = std::sqrt(1.0 - spec.household_visibility_share);
    auto add = [&](Person person) {
      person.visibility =
          static_cast<float>(spec.visibility_sd * (household_part + own_weight * rng.Normal()));
      population.persons_.push_back(person);
    };

    if (size == 1) {
      Person person = base;
      person.relation = Relation::kAlone;
      person.sex = rng.Bernoulli(spec.single_male_share) ? Sex::kMale : Sex::kFemale;
      person.age = AdultAge(rng);
      person.given = person.sex == Sex::kMale ? male.Sample(rng) : female.Sample(rng);
      person.father = male.Sample(rng);
      person.grandfather = male.Sample(rng);
      person.mother = female.Sample(rng);
      if (person.age >= 25) person.kunya_son = male.Sample(rng);
      add(person);
      continue;
    }

    if (size >= 3 && spec.extended_household_share > 0.0) {
      Rng extended_rng(StreamKey(config.seed, kStreamExtended, household));
      if (extended_rng.Bernoulli(spec.extended_household_share)) {
        const std::vector<Person> roster =
            ExtendedFamily(spec, base, clans[base.locality], names, extended_rng);
        // The dead: a random subset of the family, kept in family order.
        std::vector<size_t> picked(roster.size());
        for (size_t idx = 0; idx < picked.size(); ++idx) picked[idx] = idx;
        extended_rng.Shuffle(picked);
        picked.resize(std::min(size, picked.size()));
        std::sort(picked.begin(), picked.end());
        for (size_t idx : picked) add(roster[idx]);
        continue;
      }
    }

    // The family's chain: the children's father F, his father G, and G's father.
    const uint16_t great_grandfather = male.Sample(rng);
    const uint16_t grandfather = male.Sample(rng);
    const uint16_t father = DistinctName(male, {grandfather}, rng);
    const uint16_t mother = female.Sample(rng);
    const auto father_age = static_cast<int>(rng.Between(38, 80));

    const bool with_father = rng.Bernoulli(spec.father_share);
    const bool with_mother = rng.Bernoulli(spec.mother_share);
    // size >= 2, so at most both parents use up every slot.
    const size_t children = size - (with_father ? 1 : 0) - (with_mother ? 1 : 0);

    // Children eldest first; the eldest son may carry his grandfather's name.
    std::vector<uint8_t> child_ages(children);
    for (uint8_t& age : child_ages) {
      age = static_cast<uint8_t>(std::max(0, father_age - static_cast<int>(rng.Between(20, 42))));
    }
    std::sort(child_ages.rbegin(), child_ages.rend());
    std::vector<uint16_t> sons;
    std::vector<uint16_t> daughters;
    std::vector<Person> child_records;
    for (uint8_t age : child_ages) {
      Person child = base;
      child.age = age;
      child.father = father;
      child.grandfather = grandfather;
      child.mother = mother;
      if (rng.Bernoulli(spec.son_share)) {
        child.sex = Sex::kMale;
        child.relation = Relation::kSon;
        child.given = sons.empty() && rng.Bernoulli(spec.grandfather_namesake_share)
                          ? grandfather
                          : DistinctName(male, sons, rng);
        sons.push_back(child.given);
        if (age >= 25) child.kunya_son = male.Sample(rng);
      } else {
        child.sex = Sex::kFemale;
        child.relation = Relation::kDaughter;
        child.given = DistinctName(female, daughters, rng);
        daughters.push_back(child.given);
        if (age >= 25) child.kunya_son = male.Sample(rng);
      }
      child_records.push_back(child);
    }
    // The parents' kunya names their eldest son, listed or not.
    const uint16_t eldest_son = sons.empty() ? male.Sample(rng) : sons.front();

    if (with_father) {
      Person person = base;
      person.relation = Relation::kFather;
      person.sex = Sex::kMale;
      person.age = static_cast<uint8_t>(father_age);
      person.given = father;
      person.father = grandfather;
      person.grandfather = great_grandfather;
      person.mother = female.Sample(rng);
      person.kunya_son = eldest_son;
      add(person);
    }
    if (with_mother) {
      Person person = base;
      person.relation = Relation::kMother;
      person.sex = Sex::kFemale;
      person.age =
          static_cast<uint8_t>(std::max(18, father_age - static_cast<int>(rng.Between(0, 12))));
      person.given = mother;
      person.father = male.Sample(rng);
      person.grandfather = male.Sample(rng);
      person.family = family.Sample(rng);  // a married woman keeps her own family name
      if (with_clans) {
        person.family = VillageFamily(spec, clans[base.locality], family, clan_rng);
      }
      person.husband = father;
      person.husband_family = base.family;
      person.mother = female.Sample(rng);
      person.kunya_son = eldest_son;
      add(person);
    }
    for (const Person& child : child_records) add(child);
  }
  population.household_count_ = household;
  return population;
}

}  // namespace reckon::simulate
