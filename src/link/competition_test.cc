#include "link/competition.h"

#include <gtest/gtest.h>

#include <cmath>

namespace reckon::link {
namespace {

ScoredPair Pair(uint32_t a, uint32_t b, double weight) {
  return {a, b, weight, 1.0 / (1.0 + std::exp2(-weight))};
}

TEST(CompetitionTest, ALoneCandidateKeepsItsWeight) {
  const std::vector<ScoredPair> pairs = {Pair(0, 1, 8)};
  const std::vector<int32_t> sources = {0, 1};
  const auto penalty = CompetitionPenalties({&pairs, &sources}, 2);
  EXPECT_FLOAT_EQ(penalty[0], 0.0f);
}

TEST(CompetitionTest, TwoStrongCandidatesFromOneListShareTheOdds) {
  // Record 0 (list 0) has two namesakes in list 1, each with odds 2^8: the
  // one-to-one constraint leaves each at odds 2^8 / (1 + 2^8 / 2), about 2 to
  // 1, not near-certain (competitors count at half their odds).
  const std::vector<ScoredPair> pairs = {Pair(0, 1, 8), Pair(0, 2, 8)};
  const std::vector<int32_t> sources = {0, 1, 1};
  const auto penalty = CompetitionPenalties({&pairs, &sources}, 3);
  EXPECT_NEAR(penalty[0], CompetitionPenalty(256.0), 1e-4);
  EXPECT_NEAR(penalty[1], CompetitionPenalty(256.0), 1e-4);
}

TEST(CompetitionTest, CandidatesFromDifferentListsDoNotCompete) {
  const std::vector<ScoredPair> pairs = {Pair(0, 1, 8), Pair(0, 2, 8)};
  const std::vector<int32_t> sources = {0, 1, 2};
  const auto penalty = CompetitionPenalties({&pairs, &sources}, 3);
  EXPECT_FLOAT_EQ(penalty[0], 0.0f);
  EXPECT_FLOAT_EQ(penalty[1], 0.0f);
}

TEST(CompetitionTest, AListsOwnDuplicatesCountAsOneCandidate) {
  // Records 1 and 2 are one list's near-certain duplicates: no competition.
  const std::vector<ScoredPair> pairs = {Pair(0, 1, 8), Pair(0, 2, 7), Pair(1, 2, 20)};
  const std::vector<int32_t> sources = {0, 1, 1};
  const auto penalty = CompetitionPenalties({&pairs, &sources}, 3);
  EXPECT_FLOAT_EQ(penalty[0], 0.0f);
  EXPECT_FLOAT_EQ(penalty[1], 0.0f);
  EXPECT_FLOAT_EQ(penalty[2], 0.0f);  // within one list: left to the same-list rule
}

TEST(CompetitionTest, WeakCandidatesBarelyCompete) {
  const std::vector<ScoredPair> pairs = {Pair(0, 1, 10), Pair(0, 2, -3)};
  const std::vector<int32_t> sources = {0, 1, 1};
  const auto penalty = CompetitionPenalties({&pairs, &sources}, 3);
  EXPECT_LT(penalty[0], 0.2f);
}

}  // namespace
}  // namespace reckon::link
