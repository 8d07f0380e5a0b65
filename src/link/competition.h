// Competing candidates: a list names a person once, so two strong candidates
// from one list for the same record cannot both be that record's match.
//
// Fellegi–Sunter scores each pair alone. In a massacre many namesakes die in
// one village on one day, and a record then has several candidates from
// another list that each score as a match. Under the one-to-one constraint
// between lists (Jaro 1989; Sadinle 2017), with odds λ = 2^weight per pair,
//   P(b is a's match) = λ_ab / (1 + λ_ab + C),
// where C sums the odds of a's other candidates in b's list and of b's other
// candidates in a's list. So the pair's weight falls by log2(1 + C / (1 + λ_ab))
// relative to its own posterior... written here as the odds λ_ab / (1 + C),
// with competitors at half weight (kCompetitorWeight).
// A list's own duplicates (records of one list that score as one person at
// the match threshold) count as one candidate: the strongest of the group.
//
// Thread-safety: pure function; uses `threads` threads of its own.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "link/clustering.h"

namespace reckon::link {

// Pairs below this probability neither compete nor change (negligible odds).
inline constexpr double kCompetitionFloor = 0.01;

// Competitors count at half their odds: they are mostly namesakes whose odds
// the same agreeing names inflate as they inflate the pair's own, not
// independent alternatives (realistic pairwise F1 +0.0002 to +0.0009 on three
// cases against full odds; 0.2 to 0.35 no better, 0.75 and 1.5 worse).
inline constexpr double kCompetitorWeight = 0.5;

// The weight a pair loses to competitors of summed odds `competing`.
inline double CompetitionPenalty(double competing) {
  return std::log2(1.0 + kCompetitorWeight * competing);
}

struct CompetitionInput {
  const std::vector<ScoredPair>* pairs = nullptr;  // weights include the prior
  const std::vector<int32_t>* source_of = nullptr;
  double floor_probability = kCompetitionFloor;
  // Same-list pairs at or above this are duplicates: one candidate, not two.
  // The linker passes its match threshold: at the stricter same-list
  // threshold (0.9999) a list's two records of one person competed with each
  // other for their match in another list (realistic pairwise F1 +0.0004 to
  // +0.0018 on three cases).
  double duplicate_probability = 0.9;
  size_t threads = 1;
};

// Per pair, the weight to subtract (log2(1 + C), >= 0); 0 for pairs within
// one list, household pairs and pairs below the floor.
std::vector<float> CompetitionPenalties(const CompetitionInput& input, size_t record_count);

}  // namespace reckon::link
