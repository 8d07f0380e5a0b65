#include "link/linker.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <unordered_map>

#include "link/clustering.h"
#include "link/comparison.h"
#include "link/competition.h"
#include "link/huge_pages.h"
#include "link/parallel.h"
#include "link/place_keys.h"
#include "link/stable_ids.h"
#include "link/uninitialized.h"
#include "place/case_gazetteer.h"
#include "text/token_compare.h"

namespace reckon::link {
namespace {

using Clock = std::chrono::steady_clock;

// splitmix64: a small, fixed PRNG so a seed gives the same run everywhere.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(Next() % n); }

 private:
  uint64_t state_;
};

// Calls visit(k, a, b) for the candidate pairs k in [begin, end).
template <typename Visit>
void ForPairs(const CandidatePairs& pairs, size_t begin, size_t end, Visit visit) {
  if (begin >= end) return;
  uint32_t a = pairs.FirstOf(begin);
  for (size_t k = begin; k < end; ++k) {
    while (pairs.offset[a + 1] <= k) ++a;
    visit(k, a, pairs.second[k]);
  }
}

// Candidate pairs run in order of a, so each pair's b record, and the
// remembered comparisons of its names, are cache misses. The compare loop
// starts loading them ahead: the record kRecordAhead pairs ahead, and once
// it is in, the comparisons of its names with a's (a rarely changes
// between the two) kNamesAhead pairs ahead.
constexpr size_t kRecordAhead = 16;
constexpr size_t kNamesAhead = 8;

void PrefetchRecord(const LinkRecord& record) {
  const char* bytes = reinterpret_cast<const char*>(&record);
  for (size_t line = 0; line < sizeof(LinkRecord); line += 64) __builtin_prefetch(bytes + line);
}

void PrefetchNames(const text::TokenTable& tokens, const LinkRecord& a, const LinkRecord& b) {
  text::PrefetchComparison(tokens, a.chain.given, b.chain.given);
  text::PrefetchComparison(tokens, a.chain.father, b.chain.father);
  text::PrefetchComparison(tokens, a.chain.grandfather, b.chain.grandfather);
  text::PrefetchComparison(tokens, a.chain.family, b.chain.family);
  text::PrefetchComparison(tokens, a.mother, b.mother);
  // CompareChains asks next whether one is the other's child.
  text::PrefetchComparison(tokens, a.chain.father, b.chain.given);
  text::PrefetchComparison(tokens, b.chain.father, a.chain.given);
}

// An undecided pair the model is unsure of (a review candidate).
struct UncertainPair {
  uint32_t a = 0;
  uint32_t b = 0;
  double weight = 0;
};

// A compared candidate pair as kept until it is scored: 12 bytes. Trivial,
// so that the array of every pair's is not written before it is filled.
struct CompactComparison {
  uint32_t code;  // pattern, and the household flag in the top bit
  text::TokenId given_token;
  text::TokenId family_token;
};
constexpr uint32_t kHouseholdBit = 1u << 31;
static_assert(3 * kFieldCount < 31, "patterns leave the top bit free");

CompactComparison CompactOf(const ComparisonVector& v) {
  const uint32_t pattern = v.Pattern();
  return {v.IsHousehold() ? pattern | kHouseholdBit : pattern, v.given_token, v.family_token};
}

// Pattern counts in a small open-addressing table (a few thousand distinct
// patterns; stays in cache) instead of a node-based hash map: one increment
// per candidate pair.
class PatternCounter {
 public:
  PatternCounter() : slots_(1 << 12) {}
  void Add(uint32_t pattern) {
    const uint32_t key = pattern + 1;  // 0 marks an empty slot
    for (size_t i = Hash(key);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.key == key) {
        ++slot.count;
        return;
      }
      if (slot.key == 0) {
        slot = {key, 1};
        if (++used_ * 2 > slots_.size()) Grow();
        return;
      }
    }
  }
  // Starts loading the slot Add(pattern) will look at first (a large run
  // has a hundred thousand patterns: the table outgrows the cache).
  void Prefetch(uint32_t pattern) const { __builtin_prefetch(&slots_[Hash(pattern + 1)]); }
  void Merge(const PatternCounter& other) {
    for (const Slot& slot : other.slots_) {
      if (slot.key != 0) AddCount(slot.key, slot.count);
    }
  }
  // Sorted by pattern, as CountPatterns.
  std::vector<PatternCount> Counts() const {
    std::vector<PatternCount> out;
    for (const Slot& slot : slots_) {
      if (slot.key != 0) out.push_back({slot.key - 1, slot.count});
    }
    std::sort(out.begin(), out.end(),
              [](const PatternCount& x, const PatternCount& y) { return x.pattern < y.pattern; });
    return out;
  }

 private:
  struct Slot {
    uint32_t key = 0;
    uint64_t count = 0;
  };
  size_t Hash(uint32_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (slots_.size() - 1);
  }
  void AddCount(uint32_t key, uint64_t count) {
    for (size_t i = Hash(key);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.key == key) {
        slot.count += count;
        return;
      }
      if (slot.key == 0) {
        slot = {key, count};
        if (++used_ * 2 > slots_.size()) Grow();
        return;
      }
    }
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const Slot& slot : old) {
      if (slot.key != 0) AddCount(slot.key, slot.count);
    }
  }

  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// What is kept of a compared pair.
struct PairComparison {
  uint32_t pattern = 0;
  text::TokenId given_token = text::kNoToken;
  text::TokenId family_token = text::kNoToken;
  bool household = false;
};

std::vector<PatternCount> CountPatterns(const std::vector<PairComparison>& pairs) {
  std::unordered_map<uint32_t, uint64_t> counts;
  for (const PairComparison& pair : pairs) {
    if (!pair.household) ++counts[pair.pattern];
  }
  std::vector<PatternCount> out;
  out.reserve(counts.size());
  for (const auto& [pattern, count] : counts) out.push_back({pattern, count});
  std::sort(out.begin(), out.end(),
            [](const PatternCount& x, const PatternCount& y) { return x.pattern < y.pattern; });
  return out;
}

// A pair's total weight: prior + level weights + term-frequency adjustments
// (names and whole chains). With `tables`, the name-frequency adjustments of
// every token are computed once up front (a link run scores millions of
// pairs); without, each is computed when asked (an explanation).
class Scorer {
 public:
  Scorer(const LinkContext& context, bool term_frequency, bool tables = true)
      : context_(context), term_frequency_(term_frequency) {
    prior_weight_ = context.model.PriorWeight();
    for (size_t field = 0; field < kFieldCount; ++field) {
      for (uint8_t level = 0; level < kLevelCount[field]; ++level) {
        level_weight_[field][level] = context.model.LevelWeight(field, level);
      }
    }
    if (!tables) return;
    // Summed as Score would, field by field from 0, so the sum is the same.
    name_weight_.resize(size_t{1} << kNameBits);
    for (uint32_t names = 0; names < name_weight_.size(); ++names) {
      double weight = 0;
      for (size_t field = 0; field < kNameFields; ++field) {
        weight += level_weight_[field][(names >> (3 * field)) & 7u];
      }
      name_weight_[names] = weight;
    }
    if (!term_frequency) return;
    const auto& u = context.model.population_u();
    day_adjustment_.resize(context.records.size());
    locality_adjustment_.resize(context.records.size());
    for (size_t i = 0; i < context.records.size(); ++i) {
      day_adjustment_[i] = DayAdjustment(context, i);
      locality_adjustment_[i] = LocalityAdjustment(context, i);
    }
    const size_t token_count = context.tokens->size();
    given_adjustment_.resize(token_count);
    family_adjustment_.resize(token_count);
    for (text::TokenId token = 0; token < token_count; ++token) {
      const uint32_t key = NameKey(*context.tokens, token);
      given_adjustment_[token] = context.given_frequencies.Adjustment(key, u[kGiven][kSameName]);
      family_adjustment_[token] = context.family_frequencies.Adjustment(key, u[kFamily][kSameName]);
    }
  }

  // The pair's weight; -infinity for a household.
  double Score(const CompactComparison& c, uint32_t a, uint32_t b) const {
    if (c.code & kHouseholdBit) return -std::numeric_limits<double>::infinity();
    auto level = [&c](size_t field) { return (c.code >> (3 * field)) & 7u; };
    double pattern_weight = 0;
    size_t field = 0;
    if (!name_weight_.empty()) {
      pattern_weight = name_weight_[c.code & ((1u << kNameBits) - 1)];
      field = kNameFields;
    }
    for (; field < kFieldCount; ++field) pattern_weight += level_weight_[field][level(field)];
    double weight = prior_weight_ + pattern_weight;
    if (term_frequency_) {
      if (level(kGiven) == 1 && level(kFather) == 1 && level(kFamily) == 1) {
        weight -= ChainPenalty(context_, a, b);
      }
      if (c.given_token != text::kNoToken) {
        weight += Adjustment(given_adjustment_, context_.given_frequencies, c.given_token, kGiven);
      }
      if (c.family_token != text::kNoToken) {
        weight +=
            Adjustment(family_adjustment_, context_.family_frequencies, c.family_token, kFamily);
      }
      if (level(kDate) == kSameDayLevel) {
        weight += a < day_adjustment_.size() ? day_adjustment_[a] : DayAdjustment(context_, a);
      }
      if (level(kPlace) == kSameLocalityLevel) {
        weight += a < locality_adjustment_.size() ? locality_adjustment_[a]
                                                  : LocalityAdjustment(context_, a);
      }
    }
    return weight;
  }

 private:
  // A comparison carries a name's token only when the names agree
  // (ComparisonVector::given_token), so the adjustment is at that level.
  static constexpr uint8_t kSameName = 1;
  double Adjustment(const std::vector<double>& table, const TermFrequencies& frequencies,
                    text::TokenId token, size_t field) const {
    if (token < table.size()) return table[token];
    return frequencies.Adjustment(NameKey(*context_.tokens, token),
                                  context_.model.population_u()[field][kSameName]);
  }

  const LinkContext& context_;
  bool term_frequency_;
  double prior_weight_ = 0;
  std::array<std::array<double, kMaxLevels>, kFieldCount> level_weight_{};
  // With `tables`: the summed weight of the name fields (the first five, the
  // low 15 bits of a pattern) for every combination of their levels; half a
  // pattern's sum in one read (a link run scores hundreds of millions).
  static constexpr size_t kNameFields = kMother + 1;
  static constexpr uint32_t kNameBits = 3 * kNameFields;
  std::vector<double> name_weight_;
  std::vector<double> given_adjustment_;  // per token, at kSameName
  std::vector<double> family_adjustment_;
  // Per record, at the same-day and same-locality levels; doubles, as
  // explanations compute them, so that an explanation adds up exactly.
  std::vector<double> day_adjustment_;
  std::vector<double> locality_adjustment_;
};

// Pairs for training the name fields: records sharing the day of death, the
// most specific place, sex and exact age (or, `sex_and_age_only`, sex and
// exact age). Blocks are capped so a mass grave of one village on one day
// does not dominate.
std::vector<uint64_t> TrainingPairs(const std::vector<LinkRecord>& records, bool sex_and_age_only) {
  constexpr size_t kMaxTrainingBlock = 30;
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  for (uint32_t i = 0; i < records.size(); ++i) {
    const LinkRecord& r = records[i];
    if (r.sex == 0 || !r.age_exact) continue;
    uint64_t key = 0;
    if (!sex_and_age_only) {
      const uint32_t place = r.place[0] != 0 ? r.place[0] : r.place[1];
      if (r.death_precision != DatePrecision::kDay || place == 0) continue;
      key = static_cast<uint64_t>(place) * 1000003u + static_cast<uint64_t>(r.death_day);
    }
    key = key * 1000003u + static_cast<uint64_t>(r.sex);
    key = key * 1000003u + static_cast<uint64_t>(r.age_min);
    keyed.emplace_back(key, i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<uint64_t> pairs;
  for (size_t start = 0; start < keyed.size();) {
    size_t end = start;
    while (end < keyed.size() && keyed[end].first == keyed[start].first) ++end;
    const size_t last = std::min(end, start + kMaxTrainingBlock);
    for (size_t x = start; x < last; ++x) {
      for (size_t y = x + 1; y < last; ++y)
        pairs.push_back(MakePair(keyed[x].second, keyed[y].second));
    }
    start = end;
  }
  return pairs;
}

// The reviewers' decisions as a recalibration map (link/calibration.h). A
// decided pair's probability is the model's before the decision: its weight
// after competition when it is a strong pair (`strong` is in pair order; a
// match decision set its probability to 1, not its weight), else its score
// alone. Household pairs are kept apart by rule and left out.
CalibrationMap CalibrateFromDecisions(const LinkContext& context, const Scorer& scorer,
                                      const std::vector<ScoredPair>& strong,
                                      const std::unordered_map<uint64_t, bool>& decided) {
  std::vector<ScoredPairOutcome> reviewed;
  reviewed.reserve(decided.size());
  for (const auto& [key, match] : decided) {
    const uint32_t a = PairFirst(key);
    const uint32_t b = PairSecond(key);
    const auto it = std::lower_bound(strong.begin(), strong.end(), std::make_pair(a, b),
                                     [](const ScoredPair& pair, std::pair<uint32_t, uint32_t> ab) {
                                       return std::make_pair(pair.a, pair.b) < ab;
                                     });
    double probability = 0;
    if (it != strong.end() && it->a == a && it->b == b) {
      probability = FellegiSunterModel::Probability(it->weight);
    } else {
      const ComparisonVector v =
          CompareRecords(*context.tokens, context.records[a], context.records[b]);
      if (v.IsHousehold()) continue;
      probability = FellegiSunterModel::Probability(scorer.Score(CompactOf(v), a, b));
    }
    reviewed.push_back({probability, match});
  }
  // The decisions' order comes from a hash map: sort so the fit (a sum in
  // floating point) does not depend on it.
  std::sort(reviewed.begin(), reviewed.end(), [](const auto& x, const auto& y) {
    return std::make_pair(x.probability, x.same_person) <
           std::make_pair(y.probability, y.same_person);
  });
  return FitCalibrationMap(reviewed);
}

// `strong` holds, in pair order, the pairs weighed against their competitors
// (their weight and probability as clustering saw them, a person's match
// decision included); the other pairs are scored alone. `decided` holds the
// pairs a person decided (a match: probability 1).
Status WritePairs(const std::string& path, const LinkContext& context, const Scorer& scorer,
                  const CandidatePairs& pairs,
                  const UninitializedVector<CompactComparison>& compared,
                  const std::vector<ScoredPair>& strong,
                  const std::unordered_map<uint64_t, bool>& decided,
                  const std::vector<uint32_t>& cluster_of, const CalibrationMap& calibration) {
  std::ofstream out(path);
  if (!out) return Status::IoError("cannot write the pairs file '" + path + "'");
  // Lines are formatted into a buffer (as `out << value` would: doubles as
  // %.6g) and written in large blocks.
  std::string line;
  auto csv_field = [&line](std::string_view value) {
    if (value.find_first_of(",\"\n") == std::string::npos) {
      line += value;
      return;
    }
    line += '"';
    for (const char c : value) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  };
  auto number = [&line](auto value) {
    char text[32];
    int length = 0;
    if constexpr (std::is_floating_point_v<decltype(value)>) {
      length = std::snprintf(text, sizeof text, "%.6g", value);
    } else {
      length = static_cast<int>(std::to_chars(text, text + sizeof text, value).ptr - text);
    }
    line.append(text, static_cast<size_t>(length));
  };
  line += "record_a,record_b,source_a,source_b";
  for (size_t field = 0; field < kFieldCount; ++field) {
    std::string name(FieldName(field));
    std::replace(name.begin(), name.end(), ' ', '_');
    line += ',';
    line += name;
  }
  line += ",household,weight,probability,calibrated_probability,same_person\n";
  size_t next_strong = 0;
  ForPairs(pairs, 0, pairs.size(), [&](size_t k, uint32_t pair_a, uint32_t pair_b) {
    const CompactComparison& c = compared[k];
    const bool household = (c.code & kHouseholdBit) != 0;
    double weight = 0;
    double probability = 0;
    if (next_strong < strong.size() && strong[next_strong].a == pair_a &&
        strong[next_strong].b == pair_b) {
      weight = strong[next_strong].weight;
      probability = strong[next_strong].probability;
      ++next_strong;
    } else {
      weight = household ? -1e9 : scorer.Score(c, pair_a, pair_b);
      probability = household ? 0.0 : FellegiSunterModel::Probability(weight);
    }
    if (!decided.empty()) {
      const auto it = decided.find(MakePair(pair_a, pair_b));
      if (it != decided.end() && it->second) probability = 1.0;
    }
    const StoredRecord& a = context.stored[pair_a];
    const StoredRecord& b = context.stored[pair_b];
    csv_field(a.fields.record_id);
    line += ',';
    csv_field(b.fields.record_id);
    line += ',';
    number(a.source_id);
    line += ',';
    number(b.source_id);
    const auto levels = LevelsOfPattern(c.code & ~kHouseholdBit);
    for (size_t field = 0; field < kFieldCount; ++field) {
      line += ',';
      csv_field(LevelName(field, levels[field]));
    }
    line += household ? ",1," : ",0,";
    number(household ? -999.0 : weight);
    line += ',';
    number(probability);
    line += ',';
    number(calibration.Apply(probability));
    line += cluster_of[pair_a] == cluster_of[pair_b] ? ",1\n" : ",0\n";
    if (line.size() >= (1 << 20)) {
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
      line.clear();
    }
  });
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
  out.flush();
  if (!out) return Status::IoError("writing the pairs file '" + path + "' failed");
  return Status::Ok();
}

}  // namespace

std::string LinkSummary::ToJson() const {
  nlohmann::ordered_json j;
  j["run_id"] = run_id;
  j["records"] = records;
  j["persons"] = persons;
  j["persons_on_several_sources"] = persons_on_several_sources;
  j["candidate_pairs"] = candidate_pairs;
  j["matched_pairs"] = matched_pairs;
  j["household_pairs"] = household_pairs;
  j["review_pairs"] = review_pairs;
  j["must_links"] = must_links;
  j["cannot_links"] = cannot_links;
  j["must_links_refused"] = must_links_refused;
  j["refused_merges"] = refused_merges;
  j["kept_ids"] = kept_ids;
  j["new_ids"] = new_ids;
  j["em_iterations"] = em_iterations;
  j["fields_trained_from_labels"] = fields_trained_from_labels;
  j["prior"] = prior;
  j["calibration"] = {
      {"labels", calibration.labels},
      {"matches", calibration.matches},
      {"slope", calibration.slope},
      {"intercept", calibration.intercept},
      {"at_threshold",
       {{"threshold", expected_errors_model.threshold},
        {"expected_false_links_model", expected_errors_model.expected_false},
        {"expected_missed_links_model", expected_errors_model.expected_missed},
        {"expected_false_links_calibrated", expected_errors_calibrated.expected_false},
        {"expected_missed_links_calibrated", expected_errors_calibrated.expected_missed}}}};
  j["blocking"] = nlohmann::json::array();
  for (const RuleReport& rule : rules) {
    j["blocking"].push_back({{"rule", rule.name},
                             {"pairs", rule.pairs},
                             {"blocks", rule.blocks},
                             {"large_blocks", rule.large_blocks},
                             {"largest_block", rule.largest_block}});
  }
  for (const auto& [stage, s] : seconds) j["seconds"][stage] = s;
  return j.dump();
}

std::string LinkSettingsJson(const LinkSettings& settings) {
  const nlohmann::ordered_json json = {{"threshold", settings.threshold},
                                       {"contradiction", settings.contradiction},
                                       {"same_list_threshold", settings.same_list_threshold},
                                       {"seed", settings.seed},
                                       {"random_pairs", settings.random_pairs},
                                       {"term_frequency", settings.term_frequency},
                                       {"competition", settings.competition},
                                       {"train_from_labels", settings.train_from_labels},
                                       {"max_block", settings.blocking.max_block},
                                       {"window", settings.blocking.window}};
  return json.dump();
}

Result<LinkSettings> LinkSettingsFromJson(const std::string& json) {
  LinkSettings settings;
  try {
    const auto saved = nlohmann::json::parse(json);
    settings.threshold = saved.value("threshold", settings.threshold);
    settings.contradiction = saved.value("contradiction", settings.contradiction);
    settings.same_list_threshold = saved.value("same_list_threshold", settings.same_list_threshold);
    settings.seed = saved.value("seed", settings.seed);
    settings.random_pairs = saved.value("random_pairs", settings.random_pairs);
    settings.term_frequency = saved.value("term_frequency", settings.term_frequency);
    // Runs saved before competition existed did not use it.
    settings.competition = saved.value("competition", false);
    settings.train_from_labels = saved.value("train_from_labels", settings.train_from_labels);
    settings.blocking.max_block = saved.value("max_block", settings.blocking.max_block);
    settings.blocking.window = saved.value("window", settings.blocking.window);
  } catch (const std::exception&) {
    return Status::Corruption("the link run's settings are unreadable");
  }
  return settings;
}

Status LoadLinkRecords(Store& store, LinkContext& context, size_t threads) {
  context.stored.clear();
  RecordFilter fields_only;
  fields_only.with_raw_and_flags = false;
  RECKON_RETURN_IF_ERROR(store.ScanRecords(fields_only, [&](const StoredRecord& record) {
    context.stored.push_back(record);
    return Status::Ok();
  }));
  std::map<int64_t, int32_t> source_index;
  for (const StoredRecord& record : context.stored) {
    source_index.emplace(record.source_id, static_cast<int32_t>(source_index.size()));
  }
  RECKON_ASSIGN_OR_RETURN(place::Gazetteer gazetteer, place::GazetteerForCase(store));
  GazetteerPlaceKeyer keyer(std::make_unique<place::PlaceResolver>(std::move(gazetteer)),
                            *context.tokens);
  PlaceIds place_ids;
  context.records.assign(context.stored.size(), LinkRecord{});
  std::mutex failure_mutex;
  Status failure;
  ParallelFor(context.stored.size(), threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const StoredRecord& stored = context.stored[i];
      auto record = BuildLinkRecord(stored, source_index.at(stored.source_id), *context.tokens,
                                    &keyer, place_ids);
      if (!record.ok()) {
        std::lock_guard lock(failure_mutex);
        if (failure.ok()) {
          failure = record.status().WithContext("record '" + stored.fields.record_id + "'");
        }
        return;
      }
      context.records[i] = std::move(record).value();
    }
  });
  RECKON_RETURN_IF_ERROR(failure);
  // Chain frequencies: one person is named at most about once per source.
  std::unordered_map<uint64_t, uint32_t> chain_counts;
  std::vector<uint64_t> chain_keys(context.records.size(), 0);
  for (size_t i = 0; i < context.records.size(); ++i) {
    const text::NameChain& chain = context.records[i].chain;
    if (chain.given == text::kNoToken || chain.father == text::kNoToken ||
        chain.family == text::kNoToken) {
      continue;
    }
    const text::TokenTable& tokens = *context.tokens;
    chain_keys[i] = (static_cast<uint64_t>(NameKey(tokens, chain.given)) * 0x9E3779B97F4A7C15ULL) ^
                    (static_cast<uint64_t>(NameKey(tokens, chain.father)) * 0xC2B2AE3D27D4EB4FULL) ^
                    (static_cast<uint64_t>(NameKey(tokens, chain.family)) + 1);
    ++chain_counts[chain_keys[i]];
  }
  const double sources = static_cast<double>(std::max<size_t>(1, source_index.size()));
  context.chain_penalty.assign(context.records.size(), 0.0f);
  for (size_t i = 0; i < context.records.size(); ++i) {
    if (chain_keys[i] == 0) continue;
    const double ratio = static_cast<double>(chain_counts[chain_keys[i]]) / sources;
    if (ratio > 1) context.chain_penalty[i] = static_cast<float>(std::min(8.0, std::log2(ratio)));
  }
  CountTermFrequencies(context);
  return Status::Ok();
}

void CountTermFrequencies(LinkContext& context) {
  for (const LinkRecord& record : context.records) {
    if (record.chain.given != text::kNoToken) {
      context.given_frequencies.Add(NameKey(*context.tokens, record.chain.given));
    }
    if (record.chain.family != text::kNoToken) {
      context.family_frequencies.Add(NameKey(*context.tokens, record.chain.family));
    }
    if (record.death_precision == DatePrecision::kDay) {
      context.day_frequencies.Add(static_cast<uint32_t>(record.death_day));
    }
    if (record.place[0] != 0) context.locality_frequencies.Add(record.place[0]);
  }
}

// A locality's frequency counts half as much as a day's: places are named at
// several levels and spelt many ways, so "the same locality" is noisier than
// "the same day" (realistic pairwise F1, five cases, against no adjustment:
// day and half locality -0.0001 to +0.0007; day alone -0.0001 to +0.0006;
// full locality -0.0011 to +0.0005).
constexpr double kLocalityTfShare = 0.5;

double DayAdjustment(const LinkContext& context, size_t r) {
  const LinkRecord& record = context.records[r];
  if (record.death_precision != DatePrecision::kDay) return 0;
  return context.day_frequencies.Adjustment(static_cast<uint32_t>(record.death_day),
                                            context.model.population_u()[kDate][kSameDayLevel]);
}

double LocalityAdjustment(const LinkContext& context, size_t r) {
  const uint32_t place = context.records[r].place[0];
  if (place == 0) return 0;
  return kLocalityTfShare * context.locality_frequencies.Adjustment(
                                place, context.model.population_u()[kPlace][kSameLocalityLevel]);
}

double ScoreComparison(const LinkContext& context, const ComparisonVector& comparison, size_t a,
                       size_t b, bool term_frequency) {
  return Scorer(context, term_frequency, /*tables=*/false)
      .Score(CompactOf(comparison), static_cast<uint32_t>(a), static_cast<uint32_t>(b));
}

double ChainPenalty(const LinkContext& context, size_t a, size_t b) {
  if (context.chain_penalty.empty()) return 0;
  return std::max(context.chain_penalty[a], context.chain_penalty[b]);
}

double CompetitionPenaltyFor(const LinkContext& context, size_t a, size_t b,
                             const LinkSettings& settings, int* competitors) {
  auto probability_of = [&](size_t x, size_t y) {
    const ComparisonVector v =
        CompareRecords(*context.tokens, context.records[x], context.records[y]);
    if (v.IsHousehold()) return 0.0;
    return FellegiSunterModel::Probability(
        ScoreComparison(context, v, x, y, settings.term_frequency));
  };
  // The odds of x's other strong candidates in partner's list; a list's
  // duplicates (one person at the match threshold) count once (the
  // strongest), partner's own duplicates not at all.
  auto competing = [&](size_t x, size_t partner) {
    std::vector<std::pair<double, size_t>> strong;  // (probability, record)
    for (const uint32_t j :
         BlockNeighbours(context.records, *context.tokens, static_cast<uint32_t>(x))) {
      if (j == partner || context.records[j].source != context.records[partner].source) continue;
      const double p = probability_of(x, j);
      if (p >= kCompetitionFloor) strong.emplace_back(p, j);
    }
    std::sort(strong.rbegin(), strong.rend());
    std::vector<size_t> counted = {partner};
    double sum = 0;
    for (const auto& [p, j] : strong) {
      bool duplicate = false;
      for (const size_t c : counted) {
        duplicate = duplicate || probability_of(c, j) >= settings.threshold;
      }
      if (duplicate) continue;
      counted.push_back(j);
      sum += p / (1 - p);
      if (competitors) ++*competitors;
    }
    return sum;
  };
  if (competitors) *competitors = 0;
  if (!settings.competition || context.records[a].source == context.records[b].source) return 0;
  const double own = probability_of(a, b);
  if (own < kCompetitionFloor) return 0;
  return CompetitionPenalty(competing(a, b) + competing(b, a));
}

Result<LinkSummary> LinkCase(Store& store, const LinkSettings& settings) {
  LinkSummary summary;
  auto stage_start = Clock::now();
  auto end_stage = [&](const std::string& name) {
    const auto now = Clock::now();
    summary.seconds.emplace_back(name, std::chrono::duration<double>(now - stage_start).count());
    stage_start = now;
    if (settings.progress) settings.progress(name, 1.0);
  };

  LinkContext context;
  RECKON_RETURN_IF_ERROR(LoadLinkRecords(store, context, settings.threads));
  const size_t n = context.records.size();
  summary.records = n;
  // Compared in candidate order, b's record is a random read.
  AdviseHugePages(context.records.data(), n * sizeof(LinkRecord), /*populated=*/true);
  end_stage("load");
  if (n == 0) return Status::NotFound("the case has no records to link; import lists first");

  if (settings.pairs_out.empty()) {
    // Only the pairs file needs the stored records.
    std::vector<StoredRecord>().swap(context.stored);
  }
  const size_t threads = std::max<size_t>(1, settings.threads);
  CompactBlockingResult blocks =
      BlockPairsCompact(context.records, *context.tokens, settings.blocking, threads);
  const CandidatePairs& pairs = blocks.pairs;
  const size_t pair_count = pairs.size();
  summary.rules = blocks.rules;
  summary.candidate_pairs = pair_count;
  end_stage("block");

  // Compare every candidate pair; count the patterns of non-household pairs
  // as it goes (EM needs only the counts).
  constexpr size_t kChunk = 1 << 16;
  UninitializedVector<CompactComparison> compared;
  ResizeOnHugePages(compared, pair_count);  // the largest array: 512 times fewer page faults
  std::vector<PatternCounter> counters(threads);
  constexpr size_t kCountBehind = 8;
  auto count = [](PatternCounter& counter, const CompactComparison& c) {
    if (!(c.code & kHouseholdBit)) counter.Add(c.code);
  };
  ParallelChunks(pair_count, kChunk, threads, [&](size_t thread, size_t begin, size_t end) {
    PatternCounter& counter = counters[thread];
    ForPairs(pairs, begin, end, [&](size_t k, uint32_t a, uint32_t b) {
      if (k + kRecordAhead < end) PrefetchRecord(context.records[pairs.second[k + kRecordAhead]]);
      if (k + kNamesAhead < end) {
        PrefetchNames(*context.tokens, context.records[a],
                      context.records[pairs.second[k + kNamesAhead]]);
      }
      const ComparisonVector v =
          CompareRecords(*context.tokens, context.records[a], context.records[b]);
      compared[k] = CompactOf(v);
      // Counted kCountBehind pairs later, its slot loaded meanwhile.
      counter.Prefetch(compared[k].code);
      if (k >= begin + kCountBehind) count(counter, compared[k - kCountBehind]);
    });
    for (size_t k = std::max(begin, end - std::min(end, kCountBehind)); k < end; ++k) {
      count(counter, compared[k]);
    }
  });
  for (size_t t = 1; t < counters.size(); ++t) counters[0].Merge(counters[t]);
  const std::vector<PatternCount> candidate_patterns = counters[0].Counts();
  counters.clear();
  end_stage("compare");

  // u from random pairs: almost all of them are different people.
  std::vector<PairComparison> random(n > 1 ? settings.random_pairs : 0);
  {
    SplitMix64 rng(settings.seed);
    std::vector<std::pair<uint32_t, uint32_t>> sample(random.size());
    for (auto& [a, b] : sample) {
      a = rng.Below(static_cast<uint32_t>(n));
      do {
        b = rng.Below(static_cast<uint32_t>(n));
      } while (b == a);
    }
    ParallelFor(sample.size(), settings.threads, [&](size_t begin, size_t end) {
      for (size_t k = begin; k < end; ++k) {
        const ComparisonVector v = CompareRecords(*context.tokens, context.records[sample[k].first],
                                                  context.records[sample[k].second]);
        random[k] = {v.Pattern(), text::kNoToken, text::kNoToken, false};
      }
    });
  }
  context.model.SetUFromRandomPairs(CountPatterns(random));
  {
    // Two EM sessions on pairs chosen so that most are matches (Splink's
    // advice: train on strict blocking, never on the fields blocked on):
    //  A. candidates agreeing on given, father and family name: learns sex,
    //     age, date, place, mother and grandfather;
    //  B. pairs sharing day of death, place, sex and exact age (blocked on
    //     those alone, not on names): learns the name fields.
    std::vector<PatternCount> session_a;
    for (const PatternCount& c : candidate_patterns) {
      const auto levels = LevelsOfPattern(c.pattern);
      if (levels[kGiven] == 1 && levels[kFather] == 1 && levels[kFamily] == 1) {
        session_a.push_back(c);
      }
    }
    // Lists without dates or places (a national register: names, sex, age)
    // leave session B empty, and the name fields kept their initial guesses:
    // pair on sex and exact age alone then (two lists of 4,000 records:
    // pairwise F1 0.932 -> 0.934). Only then: the hard profile has a few
    // hundred session B pairs and learns better from them (0.828 against
    // 0.778 with the fallback at under 1,000).
    constexpr size_t kMinTrainingPairs = 100;
    std::vector<uint64_t> training_pairs = TrainingPairs(context.records, false);
    if (training_pairs.size() < kMinTrainingPairs) {
      training_pairs = TrainingPairs(context.records, true);
    }
    std::vector<PairComparison> session_b(training_pairs.size());
    ParallelFor(training_pairs.size(), settings.threads, [&](size_t begin, size_t end) {
      for (size_t k = begin; k < end; ++k) {
        const ComparisonVector v =
            CompareRecords(*context.tokens, context.records[PairFirst(training_pairs[k])],
                           context.records[PairSecond(training_pairs[k])]);
        session_b[k] = {v.Pattern(), text::kNoToken, text::kNoToken, v.IsHousehold()};
      }
    });
    summary.em_iterations = context.model.TrainSessions(
        {session_a, CountPatterns(session_b)},
        {{kGiven, kFather, kFamily}, {kDate, kPlace, kSex, kAge}}, candidate_patterns);
  }
  if (settings.train_from_labels) {
    RECKON_ASSIGN_OR_RETURN(std::vector<ReviewDecision> labels, store.ReviewDecisions());
    std::unordered_map<int64_t, uint32_t> index;
    for (uint32_t i = 0; i < n; ++i) index[context.records[i].record_pk] = i;
    std::vector<PairComparison> labelled;
    for (const ReviewDecision& label : labels) {
      const auto a = index.find(label.record_pk_a);
      const auto b = index.find(label.record_pk_b);
      if (!label.match || a == index.end() || b == index.end()) continue;
      const ComparisonVector v =
          CompareRecords(*context.tokens, context.records[a->second], context.records[b->second]);
      labelled.push_back({v.Pattern(), text::kNoToken, text::kNoToken, false});
    }
    summary.fields_trained_from_labels = context.model.SetMFromLabels(CountPatterns(labelled));
  }
  summary.prior = context.model.prior();
  end_stage("train");

  ClusteringInput clustering;
  clustering.record_count = n;
  clustering.threshold = settings.threshold;
  clustering.contradiction = settings.contradiction;
  {
    int32_t sources = 0;
    for (const LinkRecord& record : context.records) sources = std::max(sources, record.source + 1);
    // Each list may name a person a few times (within-list duplicates).
    clustering.max_cluster_size = 3 * static_cast<size_t>(sources);
  }
  clustering.source_of.resize(n);
  for (size_t i = 0; i < n; ++i) clustering.source_of[i] = context.records[i].source;
  clustering.same_source_threshold = settings.same_list_threshold;
  // Measured (realistic, 50,000 people): 0.01 raised pairwise F1 0.877 ->
  // 0.880; 0.1 and 0.3 gained precision but lost as much recall.
  clustering.outcompeted = 0.01;
  clustering.threads = threads;
  // Human decisions override the model.
  std::unordered_map<int64_t, uint32_t> index_of_pk;
  for (uint32_t i = 0; i < n; ++i) index_of_pk[context.records[i].record_pk] = i;
  RECKON_ASSIGN_OR_RETURN(std::vector<ReviewDecision> decisions, store.ReviewDecisions());
  std::unordered_map<uint64_t, bool> decided;
  std::vector<std::pair<uint32_t, uint32_t>> human_cannot_links;
  for (const ReviewDecision& d : decisions) {
    const auto a = index_of_pk.find(d.record_pk_a);
    const auto b = index_of_pk.find(d.record_pk_b);
    if (a == index_of_pk.end() || b == index_of_pk.end()) continue;
    decided[MakePair(a->second, b->second)] = d.match;
    if (d.match) {
      clustering.must_link.emplace_back(a->second, b->second);
      ++summary.must_links;
    } else {
      human_cannot_links.emplace_back(a->second, b->second);
      ++summary.cannot_links;
    }
  }
  // Per candidate pair: its kBelow* flags for clustering, and while scoring,
  // whether a person decided it (a match decision lifts the model's
  // objection: probability 1).
  constexpr uint8_t kDecided = 0x40;
  constexpr uint8_t kDecidedMatch = 0x80;
  std::vector<uint8_t> flags;
  ResizeOnHugePages(flags, pair_count);
  for (const auto& [key, match] : decided) {
    const size_t k = pairs.Find(PairFirst(key), PairSecond(key));
    if (k != SIZE_MAX) flags[k] = match ? kDecided | kDecidedMatch : kDecided;
  }
  // Score every pair alone. The strong pairs (probability at least the
  // competition floor; a list's own near-certain duplicates among them, since
  // they make its duplicate groups) are kept to be weighed against each other;
  // the weaker ones are final: flags for clustering, and review candidates.
  // A human match decision lifts the model's objection (probability 1).
  const Scorer scorer(context, settings.term_frequency);
  const double threshold_weight = std::log2(settings.threshold / (1 - settings.threshold));
  // Within 8 bits (odds 256 times) of the threshold either way: with the
  // default 0.9, probabilities from about 0.035 to 0.9996.
  auto reviewable = [threshold_weight](double weight) {
    return std::abs(weight - threshold_weight) <= 8.0;
  };
  struct ChunkScores {
    std::vector<ScoredPair> strong;        // probability >= kCompetitionFloor, alone
    std::vector<ScoredPair> edges;         // weaker pairs that may merge (a person's match)
    std::vector<UncertainPair> uncertain;  // probability: FellegiSunterModel::Probability(weight)
    std::vector<std::pair<uint32_t, uint32_t>> households;
    uint64_t matched = 0;
  };
  std::vector<ChunkScores> chunk_scores((pair_count + kChunk - 1) / kChunk);
  ParallelChunks(pair_count, kChunk, threads, [&](size_t, size_t begin, size_t end) {
    ChunkScores& out = chunk_scores[begin / kChunk];
    // Room for every pair of the chunk: only what is written is touched, and
    // growing would copy (a large run keeps most pairs as strong).
    out.strong.reserve(end - begin);
    ForPairs(pairs, begin, end, [&](size_t k, uint32_t a, uint32_t b) {
      const CompactComparison& c = compared[k];
      const bool household = (c.code & kHouseholdBit) != 0;
      const double weight = household ? -1e9 : scorer.Score(c, a, b);
      const double probability = household ? 0.0 : FellegiSunterModel::Probability(weight);
      const bool decided_match = (flags[k] & kDecidedMatch) != 0;
      const uint8_t standing = decided_match ? 0 : StandingAlone(probability, clustering);
      if (household) out.households.emplace_back(a, b);
      if (!household && probability >= kCompetitionFloor) {
        // Decided, matched, edge and review after competition; the decision
        // bits stay with the pair until then.
        out.strong.push_back({a, b, weight, probability});
        flags[k] = static_cast<uint8_t>((flags[k] & (kDecided | kDecidedMatch)) | standing);
        return;
      }
      if (probability >= settings.threshold) ++out.matched;
      if (decided_match) {
        out.edges.push_back({a, b, weight, 1.0, 1.0});
      } else if (probability >= settings.threshold) {
        out.edges.push_back({a, b, weight, probability});
      }
      if (!(flags[k] & kDecided) && !household && reviewable(weight)) {
        out.uncertain.push_back({a, b, weight});
      }
      flags[k] = standing;
    });
  });
  // Scored: the comparisons are needed again only for the pairs file (the
  // largest array of a large run; competition needs the room).
  if (settings.pairs_out.empty()) UninitializedVector<CompactComparison>().swap(compared);
  // The strong pairs, in pair order.
  std::vector<ScoredPair> strong;
  {
    size_t strong_count = 0;
    size_t edges = 0;
    size_t households = 0;
    for (const ChunkScores& chunk : chunk_scores) {
      strong_count += chunk.strong.size();
      edges += chunk.edges.size();
      households += chunk.households.size();
    }
    strong.reserve(strong_count);
    AdviseHugePages(strong.data(), strong_count * sizeof(ScoredPair), /*populated=*/false);
    clustering.candidates.reserve(edges);
    clustering.cannot_link.reserve(households + human_cannot_links.size());
    for (ChunkScores& chunk : chunk_scores) {
      strong.insert(strong.end(), chunk.strong.begin(), chunk.strong.end());
      clustering.candidates.insert(clustering.candidates.end(), chunk.edges.begin(),
                                   chunk.edges.end());
      clustering.cannot_link.insert(clustering.cannot_link.end(), chunk.households.begin(),
                                    chunk.households.end());
      summary.matched_pairs += chunk.matched;
      std::vector<ScoredPair>().swap(chunk.strong);
      std::vector<ScoredPair>().swap(chunk.edges);
      std::vector<std::pair<uint32_t, uint32_t>>().swap(chunk.households);
    }
    summary.household_pairs = households;
    clustering.cannot_link.insert(clustering.cannot_link.end(), human_cannot_links.begin(),
                                  human_cannot_links.end());
  }
  // Competing candidates: each strong pair against the other strong
  // candidates from the same lists. Merging and review use the competed
  // weight; contradictions the pair alone, unless it is outcompeted.
  std::vector<float> penalties;
  if (settings.competition) {
    CompetitionInput competition;
    competition.pairs = &strong;
    competition.source_of = &clustering.source_of;
    competition.duplicate_probability = settings.threshold;
    competition.threads = threads;
    penalties = CompetitionPenalties(competition, n);
  }
  {
    // Competition only lowers a pair's probability (a person's match raises
    // it to 1): room for the strong pairs that may still merge, reserved once.
    size_t may_merge = decided.size();
    for (const ScoredPair& pair : strong) may_merge += pair.probability >= settings.threshold;
    clustering.candidates.reserve(clustering.candidates.size() + may_merge);
  }
  // The strong pairs weighed, in chunks on the worker threads (a large run
  // has tens of millions); each chunk's merge and review candidates are
  // appended in pair order, as one loop would.
  struct StrongChunk {
    std::vector<ScoredPair> candidates;
    std::vector<UncertainPair> uncertain;
    uint64_t matched = 0;
  };
  std::vector<StrongChunk> strong_chunks((strong.size() + kChunk - 1) / kChunk);
  ParallelChunks(strong.size(), kChunk, threads, [&](size_t, size_t begin, size_t end) {
    StrongChunk& out = strong_chunks[begin / kChunk];
    for (size_t s = begin; s < end; ++s) {
      ScoredPair& pair = strong[s];
      // The pair's index among the candidates, looked up only when needed
      // (each pair its own: chunks write flags of different pairs).
      size_t k = SIZE_MAX;
      auto index = [&] {
        if (k == SIZE_MAX) k = pairs.Find(pair.a, pair.b);
        return k;
      };
      const uint8_t decision =
          decided.empty() ? 0 : static_cast<uint8_t>(flags[index()] & (kDecided | kDecidedMatch));
      if (!penalties.empty() && penalties[s] > 0) {
        pair.alone_probability = pair.probability;
        pair.weight -= static_cast<double>(penalties[s]);
        pair.probability = FellegiSunterModel::Probability(pair.weight);
        if (Outcompeted(pair, clustering) && !(decision & kDecidedMatch)) {
          flags[index()] |= kBelowContradiction;
        }
      }
      if (pair.probability >= settings.threshold) ++out.matched;
      if (!(decision & kDecided) && reviewable(pair.weight)) {
        out.uncertain.push_back({pair.a, pair.b, pair.weight});
      }
      if (decision & kDecidedMatch) pair.probability = pair.alone_probability = 1.0;
      if (pair.probability >= settings.threshold) out.candidates.push_back(pair);
      if (decision != 0) flags[index()] &= static_cast<uint8_t>(~(kDecided | kDecidedMatch));
    }
  });
  std::vector<UncertainPair> strong_uncertain;
  {
    size_t uncertain = 0;
    for (const StrongChunk& chunk : strong_chunks) uncertain += chunk.uncertain.size();
    strong_uncertain.reserve(uncertain);
    for (StrongChunk& chunk : strong_chunks) {
      summary.matched_pairs += chunk.matched;
      clustering.candidates.insert(clustering.candidates.end(), chunk.candidates.begin(),
                                   chunk.candidates.end());
      strong_uncertain.insert(strong_uncertain.end(), chunk.uncertain.begin(),
                              chunk.uncertain.end());
      std::vector<ScoredPair>().swap(chunk.candidates);
      std::vector<UncertainPair>().swap(chunk.uncertain);
    }
    strong_chunks.clear();
  }
  summary.calibration = CalibrateFromDecisions(context, scorer, strong, decided);
  {
    std::vector<ScoredPairOutcome> model, calibrated;
    model.reserve(strong.size());
    calibrated.reserve(strong.size());
    for (const ScoredPair& pair : strong) {
      const double p = FellegiSunterModel::Probability(pair.weight);
      model.push_back({p, false});
      calibrated.push_back({summary.calibration.Apply(p), false});
    }
    summary.expected_errors_model = CountLinkErrors(model, settings.threshold);
    summary.expected_errors_calibrated = CountLinkErrors(calibrated, settings.threshold);
  }
  if (settings.pairs_out.empty()) std::vector<ScoredPair>().swap(strong);
  clustering.compared = &pairs;
  clustering.compared_flags = std::move(flags);
  // A pair blocking never offered missed every key, so its names are noisy
  // by construction and its score alone understates it: it forbids a merge
  // only when clearly two people (at the contradiction level of compared
  // pairs, 0.9, it kept 10 true cluster pairs apart on 10,000 people; F1
  // +0.0005 to +0.0007 at 0.2, no further gain below).
  const double uncompared_contradiction = std::min(settings.contradiction, 0.2);
  clustering.compatible = [&context, uncompared_contradiction, &scorer](uint32_t a, uint32_t b) {
    const ComparisonVector v =
        CompareRecords(*context.tokens, context.records[a], context.records[b]);
    if (v.IsHousehold()) return false;
    return FellegiSunterModel::Probability(scorer.Score(CompactOf(v), a, b)) >=
           uncompared_contradiction;
  };
  const ClusteringResult clusters = ClusterRecords(clustering);
  summary.refused_merges = clusters.refused_merges;
  summary.must_links_refused = clusters.must_links_refused;
  std::vector<uint8_t>().swap(clustering.compared_flags);
  end_stage("cluster");
  if (!settings.pairs_out.empty()) {
    RECKON_RETURN_IF_ERROR(WritePairs(settings.pairs_out, context, scorer, pairs, compared, strong,
                                      decided, clusters.cluster_of, summary.calibration));
    UninitializedVector<CompactComparison>().swap(compared);
    std::vector<ScoredPair>().swap(strong);
  }
  blocks.pairs = {};

  RECKON_ASSIGN_OR_RETURN(auto previous_list, store.PersonAssignments());
  RECKON_ASSIGN_OR_RETURN(int64_t highest, store.HighestPersonId());
  std::unordered_map<int64_t, int64_t> previous(previous_list.begin(), previous_list.end());
  std::vector<int64_t> record_pks(n);
  for (size_t i = 0; i < n; ++i) record_pks[i] = context.records[i].record_pk;
  const std::vector<int64_t> person_ids =
      AssignPersonIds(clusters.cluster_of, record_pks, previous, highest);

  LinkRunResult run;
  run.assignments.reserve(n);
  std::vector<std::pair<int64_t, int32_t>> person_sources(n);
  for (size_t i = 0; i < n; ++i) {
    run.assignments.emplace_back(record_pks[i], person_ids[i]);
    person_sources[i] = {person_ids[i], context.records[i].source};
  }
  std::sort(person_sources.begin(), person_sources.end());
  for (size_t start = 0; start < n;) {
    const int64_t person = person_sources[start].first;
    size_t end = start + 1;
    bool several = false;
    for (; end < n && person_sources[end].first == person; ++end) {
      several = several || person_sources[end].second != person_sources[start].second;
    }
    ++summary.persons;
    if (several) ++summary.persons_on_several_sources;
    if (previous_list.empty() || person > highest) {
      ++summary.new_ids;
    } else {
      ++summary.kept_ids;
    }
    start = end;
  }
  // The pairs a reviewer should see first: undecided, close to the threshold,
  // and whose decision moves the most records (joining two clusters moves
  // both; splitting a pair off moves its cluster). Priority: distance from the
  // threshold in bits, divided by log2(2 + records moved); smallest first.
  std::vector<uint32_t> cluster_size(n, 0);
  for (const uint32_t label : clusters.cluster_of) ++cluster_size[label];
  auto priority = [&](const UncertainPair& pair) {
    const uint32_t ca = clusters.cluster_of[pair.a];
    const uint32_t cb = clusters.cluster_of[pair.b];
    const double moved = ca == cb ? cluster_size[ca] : cluster_size[ca] + cluster_size[cb];
    return std::abs(pair.weight - threshold_weight) / std::log2(2.0 + moved);
  };
  // The 20,000 first by priority, then (a, b): a bounded max-heap over the
  // uncertain pairs of every chunk.
  struct Ranked {
    double priority;
    UncertainPair pair;
  };
  const auto before = [](const Ranked& x, const Ranked& y) {
    if (x.priority != y.priority) return x.priority < y.priority;
    return std::make_pair(x.pair.a, x.pair.b) < std::make_pair(y.pair.a, y.pair.b);
  };
  constexpr size_t kShown = 20000;
  std::vector<Ranked> shown;
  shown.reserve(kShown);
  auto offer = [&](const std::vector<UncertainPair>& uncertain) {
    for (const UncertainPair& pair : uncertain) {
      const Ranked ranked{priority(pair), pair};
      if (shown.size() < kShown) {
        shown.push_back(ranked);
        std::push_heap(shown.begin(), shown.end(), before);
      } else if (before(ranked, shown.front())) {
        std::pop_heap(shown.begin(), shown.end(), before);
        shown.back() = ranked;
        std::push_heap(shown.begin(), shown.end(), before);
      }
    }
  };
  for (ChunkScores& chunk : chunk_scores) {
    offer(chunk.uncertain);
    std::vector<UncertainPair>().swap(chunk.uncertain);
  }
  chunk_scores.clear();
  offer(strong_uncertain);
  std::vector<UncertainPair>().swap(strong_uncertain);
  std::sort_heap(shown.begin(), shown.end(), before);
  for (const Ranked& ranked : shown) {
    const UncertainPair& pair = ranked.pair;
    int64_t a = record_pks[pair.a];
    int64_t b = record_pks[pair.b];
    if (a > b) std::swap(a, b);
    run.review_pairs.push_back({a, b, pair.weight, FellegiSunterModel::Probability(pair.weight)});
  }
  summary.review_pairs = run.review_pairs.size();
  run.settings_json = LinkSettingsJson(settings);
  run.actor = settings.actor;
  run.model_json = context.model.ToJson();
  end_stage("assign ids");
  run.summary_json = summary.ToJson();
  if (settings.save) {
    RECKON_ASSIGN_OR_RETURN(summary.run_id, store.SaveLinkRun(run));
    end_stage("save");
  }
  summary.assignments = std::move(run.assignments);
  return summary;
}

}  // namespace reckon::link
