#include "link/fellegi_sunter.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace reckon::link {
namespace {

constexpr double kFloor = 1e-5;  // no level is impossible: keeps weights finite
// m of a chain name that disagrees within one script (capped) and of a
// likely typo (floored). Measured on simulated realistic lists (5,000 people,
// seeds 7 and 11): a cap of 0.005 instead of 0.02 raised pairwise F1 from
// 0.926 to 0.931, since EM's sessions hold namesakes whose other fields agree.
// Disagreement across scripts has its own level and is capped as before.
constexpr double kMaxChainDisagreementM = 0.005;
constexpr double kMaxCrossDisagreementM = 0.02;
// EM finds typos too rare to learn (m near 0, so a typo in a given name
// counted as a strong disagreement); a typo is weak evidence of a match.
constexpr double kMinCloseM = 0.005;
constexpr double kTfClamp = 5.0;
// Share of the term-frequency adjustment counted. A rare given name and a
// rare family name are not independent evidence (a clan's names run in it),
// and the name levels' own u already holds part of the frequency: counted in
// full, two rare names outweighed a generation between two ages (a kunya
// record and his father). 0.7: F1 +0.0012 to +0.0025 from 10,000 people up,
// registers +0.001, 5,000 people -0.0001 / -0.0012 (0.55 and 0.85 a little
// below 0.7; 0.4 lost recall).
constexpr double kTfWeight = 0.7;
// Session B (pairs sharing day, place, sex and exact age) holds so many
// different people that EM gave m of a given name that disagrees 0.0005
// within a script and 0.00001 across scripts, i.e. -10 and -15 bits: one
// transliteration that no reading ties to the Arabic name vetoed a match
// whatever else agreed. Matches do disagree this way (a misspelling beyond
// one edit, a nickname, a third party's transliteration).
constexpr double kMinGivenDifferentM = 0.002;
constexpr double kMinGivenCrossDifferentM = 0.01;
// Ages more than 6 (level 4) or 15 years (level 5) apart are rare for one
// person, but session A (pairs agreeing on given, father and family name)
// holds namesakes of other generations, and EM learned m of 0.004 and 0.009
// from them, so a 30-year gap cost less than the names gained.
constexpr double kMaxAgeDifferentM = 0.003;
constexpr double kMaxAgeFarApartM = 0.001;
// Another locality (or district) for one person: lists give the place of
// death or of residence, a village or the town nearby. Simulated lists never
// do, and EM then learns m near 0, a veto no field could outweigh.
constexpr double kMinOtherPlaceM = 0.002;
// Two lists may file one death under different causes (an execution by
// shooting; shelling or an airstrike). Simulated lists never do.
constexpr double kMinOtherCauseM = 0.05;

// Initial m: agreement likely among matches, disagreement unlikely. A field
// no session learns keeps them, so a disagreeing or merely similar name is
// set near what EM learns when it can (-7 and -2 bits; with 0.03, a similar
// family name counted +4 bits on two lists without dates: F1 0.927 -> 0.932).
constexpr std::array<double, 7> kInitialNameM = {0, 0.85, 0.1, 0.005, 0.02, 0.003, 0.005};
constexpr std::array<double, 3> kInitialSexM = {0, 0.97, 0.03};
constexpr std::array<double, 6> kInitialDateM = {0, 0.6, 0.2, 0.05, 0.01, 0.1};
constexpr std::array<double, 7> kInitialPlaceM = {0, 0.6, 0.2, 0.1, 0.01, 0.05, 0.02};
constexpr std::array<double, 4> kInitialCauseM = {0, 0.9, 0.05, 0.05};
constexpr std::array<double, 8> kInitialAgeM = {0, 0.5, 0.3, 0.04, 0.01, 0.005, 0.5, 0.05};

void Normalise(std::array<double, kMaxLevels>& probabilities, size_t levels) {
  double total = 0;
  for (size_t level = 1; level < levels; ++level) {
    probabilities[level] = std::max(probabilities[level], kFloor);
    total += probabilities[level];
  }
  for (size_t level = 1; level < levels; ++level) probabilities[level] /= total;
}

}  // namespace

FellegiSunterModel::FellegiSunterModel() {
  for (size_t field = 0; field < kFieldCount; ++field) {
    const size_t levels = kLevelCount[field];
    for (size_t level = 1; level < levels; ++level) {
      m_[field][level] = field == kSex      ? kInitialSexM[level]
                         : field <= kMother ? kInitialNameM[level]
                         : field == kPlace  ? kInitialPlaceM[level]
                         : field == kAge    ? kInitialAgeM[level]
                         : field == kCause  ? kInitialCauseM[level]
                                            : kInitialDateM[level];
      u_[field][level] = 1.0 / static_cast<double>(levels - 1);
    }
    Normalise(m_[field], levels);
    population_u_[field] = u_[field];
  }
}

void FellegiSunterModel::SetUFromRandomPairs(const std::vector<PatternCount>& random_patterns) {
  Levels counts{};
  for (const PatternCount& p : random_patterns) {
    const auto levels = LevelsOfPattern(p.pattern);
    for (size_t field = 0; field < kFieldCount; ++field) {
      counts[field][levels[field]] += static_cast<double>(p.count);
    }
  }
  for (size_t field = 0; field < kFieldCount; ++field) {
    // Add-one smoothing: a level never seen among random pairs is rare, not impossible.
    for (size_t level = 1; level < kLevelCount[field]; ++level) {
      u_[field][level] = counts[field][level] + 1.0;
    }
    Normalise(u_[field], kLevelCount[field]);
    population_u_[field] = u_[field];
  }
}

int FellegiSunterModel::RunEm(const std::vector<PatternCount>& patterns,
                              const std::array<bool, kFieldCount>& learn, bool ignore_unlearned,
                              int max_iterations, double tolerance) {
  if (patterns.empty()) return 0;
  std::vector<std::array<uint8_t, kFieldCount>> levels;
  levels.reserve(patterns.size());
  double total = 0;
  for (const PatternCount& p : patterns) {
    levels.push_back(LevelsOfPattern(p.pattern));
    total += static_cast<double>(p.count);
  }
  int iteration = 0;
  for (; iteration < max_iterations; ++iteration) {
    Levels m_counts{};
    double matched = 0;
    // Each level's log(m / u), once per iteration instead of once per pattern.
    Levels level_log_ratio{};
    for (size_t field = 0; field < kFieldCount; ++field) {
      for (size_t level = 1; level < kLevelCount[field]; ++level) {
        level_log_ratio[field][level] = std::log(m_[field][level]) - std::log(u_[field][level]);
      }
    }
    const double prior_log_ratio = std::log(prior_) - std::log1p(-prior_);
    for (size_t i = 0; i < patterns.size(); ++i) {
      double log_ratio = prior_log_ratio;
      for (size_t field = 0; field < kFieldCount; ++field) {
        const uint8_t level = levels[i][field];
        if (level == 0 || (ignore_unlearned && !learn[field])) continue;
        log_ratio += level_log_ratio[field][level];
      }
      const double g = 1.0 / (1.0 + std::exp(-log_ratio));  // P(match | pattern)
      const double weight = g * static_cast<double>(patterns[i].count);
      matched += weight;
      for (size_t field = 0; field < kFieldCount; ++field) {
        m_counts[field][levels[i][field]] += weight;
      }
    }
    double change = 0;
    const double new_prior = std::clamp(matched / total, 1e-6, 1 - 1e-6);
    change = std::max(change, std::abs(new_prior - prior_));
    prior_ = new_prior;
    for (size_t field = 0; field < kFieldCount; ++field) {
      if (!learn[field]) continue;
      std::array<double, kMaxLevels> updated = m_counts[field];
      double present = 0;
      for (size_t level = 1; level < kLevelCount[field]; ++level) present += updated[level];
      if (present <= 0) continue;  // never given among these pairs: keep the guess
      Normalise(updated, kLevelCount[field]);
      for (size_t level = 1; level < kLevelCount[field]; ++level) {
        change = std::max(change, std::abs(updated[level] - m_[field][level]));
        m_[field][level] = updated[level];
      }
    }
    if (change < tolerance) break;
  }
  return iteration + 1;
}

int FellegiSunterModel::TrainSessions(const std::vector<std::vector<PatternCount>>& sessions,
                                      const std::vector<std::vector<uint8_t>>& ignored,
                                      const std::vector<PatternCount>& all_candidates,
                                      int max_iterations, double tolerance) {
  const Levels initial_m = m_;
  Levels sum{};
  std::array<int, kFieldCount> learned_in{};
  int iterations = 0;
  for (size_t r = 0; r < sessions.size(); ++r) {
    if (sessions[r].empty()) continue;
    std::array<bool, kFieldCount> learn;
    learn.fill(true);
    for (const uint8_t field : ignored[r]) learn[field] = false;
    if (ignored[r].empty()) continue;  // a rule on no comparison field teaches nothing safely
    m_ = initial_m;
    prior_ = 0.1;
    iterations += RunEm(sessions[r], learn, /*ignore_unlearned=*/true, max_iterations, tolerance);
    for (size_t field = 0; field < kFieldCount; ++field) {
      if (!learn[field]) continue;
      ++learned_in[field];
      for (size_t level = 1; level < kLevelCount[field]; ++level)
        sum[field][level] += m_[field][level];
    }
  }
  for (size_t field = 0; field < kFieldCount; ++field) {
    m_[field] = initial_m[field];
    if (learned_in[field] == 0) continue;
    for (size_t level = 1; level < kLevelCount[field]; ++level) {
      m_[field][level] = sum[field][level] / learned_in[field];
    }
    // A father's or family name that really differs is rare for one person,
    // but EM learns it from sessions that also hold cousins (named after the
    // same grandfather, same family): cap it so cousins stay apart.
    if (field == kFather || field == kFamily || field == kGrandfather) {
      m_[field][3] = std::min(m_[field][3], kMaxChainDisagreementM);
      m_[field][4] = std::min(m_[field][4], kMaxCrossDisagreementM);
    }
    if (field <= kMother) m_[field][2] = std::max(m_[field][2], kMinCloseM);
    if (field == kGiven) {
      m_[field][3] = std::max(m_[field][3], kMinGivenDifferentM);
      m_[field][4] = std::max(m_[field][4], kMinGivenCrossDifferentM);
    }
    if (field == kAge) {
      m_[field][4] = std::min(m_[field][4], kMaxAgeDifferentM);
      m_[field][5] = std::min(m_[field][5], kMaxAgeFarApartM);
    }
    if (field == kCause) m_[field][2] = std::max(m_[field][2], kMinOtherCauseM);
    if (field == kPlace) {
      m_[field][5] = std::max(m_[field][5], kMinOtherPlaceM);
      m_[field][6] = std::max(m_[field][6], kMinOtherPlaceM);
    }
    Normalise(m_[field], kLevelCount[field]);
  }
  // With m and u fixed, fit the share of matches among all candidates.
  std::array<bool, kFieldCount> none{};
  prior_ = 0.1;
  iterations += RunEm(all_candidates, none, /*ignore_unlearned=*/false, max_iterations, tolerance);
  return iterations;
}

int FellegiSunterModel::SetMFromLabels(const std::vector<PatternCount>& labelled_matches,
                                       uint64_t min_pairs) {
  Levels counts{};
  for (const PatternCount& p : labelled_matches) {
    const auto levels = LevelsOfPattern(p.pattern);
    for (size_t field = 0; field < kFieldCount; ++field) {
      counts[field][levels[field]] += static_cast<double>(p.count);
    }
  }
  int retrained = 0;
  for (size_t field = 0; field < kFieldCount; ++field) {
    double given = 0;
    for (size_t level = 1; level < kLevelCount[field]; ++level) given += counts[field][level];
    if (given < static_cast<double>(min_pairs)) continue;
    for (size_t level = 1; level < kLevelCount[field]; ++level) {
      m_[field][level] = counts[field][level] + 1.0;
    }
    Normalise(m_[field], kLevelCount[field]);
    ++retrained;
  }
  return retrained;
}

double FellegiSunterModel::LevelWeight(size_t field, uint8_t level) const {
  if (level == 0) return 0;
  return std::log2(m_[field][level] / u_[field][level]);
}

double FellegiSunterModel::PatternWeight(const std::array<uint8_t, kFieldCount>& levels) const {
  double weight = 0;
  for (size_t field = 0; field < kFieldCount; ++field) weight += LevelWeight(field, levels[field]);
  return weight;
}

double FellegiSunterModel::PriorWeight() const { return std::log2(prior_ / (1 - prior_)); }

double FellegiSunterModel::Probability(double total_weight) {
  return 1.0 / (1.0 + std::exp2(-total_weight));
}

std::string FellegiSunterModel::ToJson() const {
  nlohmann::ordered_json j;
  j["prior"] = prior_;
  for (size_t field = 0; field < kFieldCount; ++field) {
    nlohmann::ordered_json f;
    for (size_t level = 1; level < kLevelCount[field]; ++level) {
      f[std::string(LevelName(field, static_cast<uint8_t>(level)))] = {
          {"m", m_[field][level]},
          {"u", u_[field][level]},
          {"population_u", population_u_[field][level]}};
    }
    j["fields"][std::string(FieldName(field))] = f;
  }
  return j.dump();
}

Result<FellegiSunterModel> FellegiSunterModel::FromJson(const std::string& json) {
  try {
    const auto j = nlohmann::json::parse(json);
    FellegiSunterModel model;
    model.prior_ = j.at("prior").get<double>();
    const auto& fields = j.at("fields");
    for (size_t field = 0; field < kFieldCount; ++field) {
      const std::string field_name(FieldName(field));
      const auto* f = fields.contains(field_name) ? &fields.at(field_name) : nullptr;
      for (size_t level = 1; level < kLevelCount[field]; ++level) {
        const std::string name(LevelName(field, static_cast<uint8_t>(level)));
        if (f == nullptr || !f->contains(name)) {  // a field or level added since: neutral
          model.m_[field][level] = model.u_[field][level] = kFloor;
          model.population_u_[field][level] = kFloor;
          continue;
        }
        const auto& entry = f->at(name);
        model.m_[field][level] = entry.at("m").get<double>();
        model.u_[field][level] = entry.at("u").get<double>();
        model.population_u_[field][level] = entry.at("population_u").get<double>();
      }
    }
    return model;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("stored linkage model is unreadable: ") + e.what());
  }
}

void TermFrequencies::Add(uint32_t name_key) {
  ++counts_[name_key];
  ++total_;
}

double TermFrequencies::Frequency(uint32_t name_key) const {
  const auto it = counts_.find(name_key);
  if (it == counts_.end() || total_ == 0) return 0;
  return static_cast<double>(it->second) / static_cast<double>(total_);
}

double TermFrequencies::Adjustment(uint32_t name_key, double level_u) const {
  const double frequency = Frequency(name_key);
  if (frequency <= 0) return 0;
  return kTfWeight * std::clamp(std::log2(level_u / frequency), -kTfClamp, kTfClamp);
}

uint32_t NameKey(const text::TokenTable& tokens, text::TokenId token) {
  const text::TokenInfo& info = tokens.Info(token);
  if (!info.groups.empty()) return 0x80000000u | info.groups.front();
  return info.folded_id & 0x7FFFFFFFu;
}

}  // namespace reckon::link
