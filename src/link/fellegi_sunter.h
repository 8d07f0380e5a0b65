// The Fellegi–Sunter model: per field and level, the probability m of that
// level among matching pairs and u among non-matching pairs, and the prior
// probability that a candidate pair matches.
//
// u is first measured on random pairs (nearly all non-matches); then m, u and
// the prior are estimated together by EM on the candidate pairs' comparison
// patterns (aggregated, so EM iterates over distinct patterns, not pairs),
// starting from those u. Estimating u on the candidates too matters: blocking
// selects pairs that agree on names, so with u fixed at its population value
// EM can explain every candidate as a match. The population u is kept as the
// baseline of the term-frequency adjustment, which makes agreement on a rare
// given or family name count more than agreement on a common one. Missing
// levels are neutral (weight 0).
//
// Thread-safety: a trained model is immutable and safe to share.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "link/comparison.h"

namespace reckon::link {

struct PatternCount {
  uint32_t pattern = 0;
  uint64_t count = 0;
};

class FellegiSunterModel {
 public:
  using Levels = std::array<std::array<double, kMaxLevels>, kFieldCount>;

  FellegiSunterModel();

  // Sets u (and the population u) from the patterns of random pairs (level
  // frequencies, smoothed).
  void SetUFromRandomPairs(const std::vector<PatternCount>& random_patterns);
  // Estimates m by EM in sessions, one per blocking rule, as Splink does:
  // on the pairs a rule found, with u fixed at its population value, learning
  // m only for the fields the rule did not block on (agreement on those is
  // forced, so it says nothing). m of a field is the average over the
  // sessions that learned it. `sessions[r]` are rule r's patterns and
  // `ignored[r]` its fields. Then the prior alone is fitted on all candidate
  // patterns. Returns the total EM iterations.
  int TrainSessions(const std::vector<std::vector<PatternCount>>& sessions,
                    const std::vector<std::vector<uint8_t>>& ignored,
                    const std::vector<PatternCount>& all_candidates, int max_iterations = 100,
                    double tolerance = 1e-6);

  // Replaces m of every field by its level frequencies among pairs a person
  // labelled as matches (add-one smoothed), for fields given in at least
  // `min_pairs` of them. Returns how many fields were retrained.
  int SetMFromLabels(const std::vector<PatternCount>& labelled_matches, uint64_t min_pairs = 20);

  // log2(m / u) for one field's level; 0 for missing.
  double LevelWeight(size_t field, uint8_t level) const;
  // Sum of the level weights of a comparison, before term frequencies.
  double PatternWeight(const std::array<uint8_t, kFieldCount>& levels) const;
  // The prior as a weight: log2(prior / (1 - prior)).
  double PriorWeight() const;
  // Posterior match probability of a total weight (prior included).
  static double Probability(double total_weight);

  double prior() const { return prior_; }
  const Levels& m() const { return m_; }
  const Levels& u() const { return u_; }
  // u among random pairs: the baseline for term-frequency adjustment.
  const Levels& population_u() const { return population_u_; }

  // JSON with m, u and the prior, for the case file and explanations.
  std::string ToJson() const;
  static Result<FellegiSunterModel> FromJson(const std::string& json);

 private:
  // One EM run with u fixed; `learn[f]` says whether field f's m is updated
  // (fields not learned are ignored in the likelihood when `ignore_unlearned`).
  int RunEm(const std::vector<PatternCount>& patterns, const std::array<bool, kFieldCount>& learn,
            bool ignore_unlearned, int max_iterations, double tolerance);

  Levels m_{};
  Levels u_{};
  Levels population_u_{};
  double prior_ = 0.01;
};

// Frequencies of name values among the records, for term-frequency adjustment.
class TermFrequencies {
 public:
  void Add(uint32_t name_key);
  // Relative frequency of a name among all names counted (0 if unseen).
  double Frequency(uint32_t name_key) const;
  // Weight adjustment for agreeing on `name_key` at a level whose average u is
  // `level_u`: log2(level_u / frequency), clamped to [-5, 5].
  double Adjustment(uint32_t name_key, double level_u) const;

 private:
  std::unordered_map<uint32_t, uint64_t> counts_;
  uint64_t total_ = 0;
};

// The identity of a name for frequencies: its variant group when the name is
// in the variant table (so محمد and Mohammed count together), else its folded form.
uint32_t NameKey(const text::TokenTable& tokens, text::TokenId token);

}  // namespace reckon::link
