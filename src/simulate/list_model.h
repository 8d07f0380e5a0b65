// Which lists name which people: capture probabilities with heterogeneity
// and dependence between lists.
//
// For list k and person i:
//   on_parent  = list k depends on an earlier list j and i is on list j
//   copied     = on_parent and Bernoulli(copy_fraction_k)
//   own        = Bernoulli(logistic(logit(capture_k)
//                                   + female_log_odds_k * [i is a woman]
//                                   + child_log_odds_k * [age < 18]
//                                   + elderly_log_odds_k * [age >= 60]
//                                   + sum of place_log_odds_k over i's P-codes
//                                   + visibility_loading_k * visibility_i
//                                   + dependence_log_odds_k * [on_parent]))
//   i is on list k when copied or own; a copied record reproduces list j's
//   record of i (errors included) instead of a fresh report.
// Each (list, person) pair draws from its own stream, so the outcome does not
// depend on the order of evaluation.
//
// Thread-safety: immutable after construction; Draw may run concurrently.
#pragma once

#include <cstdint>
#include <vector>

#include "simulate/gazetteer_data.h"
#include "simulate/population.h"
#include "simulate/simulate_config.h"

namespace reckon::simulate {

struct CaptureTable {
  std::vector<uint32_t> listed;  // per person: bit k set when list k (0-based) names them
  std::vector<uint32_t> copied;  // per person: bit k set when list k's record is a copy
};

class ListModel {
 public:
  ListModel(const SimulateConfig& config, const Gazetteer& gazetteer);

  // P(list `list_idx` reports `person` on its own account).
  double CaptureProbability(size_t list_idx, const Person& person, bool on_parent) const;

  CaptureTable Draw(const Population& population) const;

 private:
  const SimulateConfig& config_;
  std::vector<std::vector<double>> place_terms_;  // [list][locality] summed place log-odds
};

}  // namespace reckon::simulate
