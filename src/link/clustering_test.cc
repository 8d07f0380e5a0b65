#include "link/clustering.h"

#include <gtest/gtest.h>

namespace reckon::link {
namespace {

ClusteringInput Input(size_t n, std::vector<ScoredPair> pairs) {
  ClusteringInput input;
  input.record_count = n;
  input.candidates = std::move(pairs);
  input.threshold = 0.9;
  return input;
}

TEST(ClusteringTest, MergesAboveThresholdOnly) {
  const auto result = ClusterRecords(Input(4, {{0, 1, 10, 0.99}, {2, 3, 1, 0.6}}));
  EXPECT_EQ(result.cluster_of, (std::vector<uint32_t>{0, 0, 2, 3}));
}

TEST(ClusteringTest, NoChainingThroughAContradiction) {
  // 0~1 and 1~2 match, but 0 and 2 contradict each other: 2 must stay apart
  // from the cluster {0, 1}.
  const auto result =
      ClusterRecords(Input(3, {{0, 1, 12, 0.999}, {1, 2, 8, 0.95}, {0, 2, -20, 0.0001}}));
  EXPECT_EQ(result.cluster_of[0], result.cluster_of[1]);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[2]);
  EXPECT_EQ(result.refused_merges, 1u);
}

TEST(ClusteringTest, UnscoredCrossPairsAreChecked) {
  auto input = Input(3, {{0, 1, 12, 0.999}, {1, 2, 8, 0.95}});
  input.compatible = [](uint32_t a, uint32_t b) {
    return !(a == 0 && b == 2) && !(a == 2 && b == 0);
  };
  const auto result = ClusterRecords(input);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[2]);
}

TEST(ClusteringTest, HumanDecisionsOverrideTheModel) {
  auto input = Input(4, {{0, 1, 12, 0.999}, {2, 3, -3, 0.1}});
  input.cannot_link = {{0, 1}};
  input.must_link = {{2, 3}};
  const auto result = ClusterRecords(input);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[1]);
  EXPECT_EQ(result.cluster_of[2], result.cluster_of[3]);
}

TEST(ClusteringTest, MustLinkAgainstCannotLinkIsRefusedAndCounted) {
  auto input = Input(2, {});
  input.cannot_link = {{0, 1}};
  input.must_link = {{0, 1}};
  const auto result = ClusterRecords(input);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[1]);
  EXPECT_EQ(result.must_links_refused, 1u);
}

TEST(ClusteringTest, WithinListDuplicatesAndManyLists) {
  const auto result = ClusterRecords(
      Input(5, {{0, 1, 9, 0.99}, {1, 2, 9, 0.99}, {2, 3, 9, 0.99}, {3, 4, 9, 0.99}}));
  for (uint32_t i = 1; i < 5; ++i) EXPECT_EQ(result.cluster_of[i], 0u);
}

// Regression: records 1 and 2 come from one list (namesakes) and both match
// record 0 of another list; the one-list pair is not itself near-certain, so
// only the stronger match joins record 0.
TEST(ClusteringTest, TwoRecordsOfOneListNeedTheirOwnNearCertainMatch) {
  auto input = Input(3, {{0, 1, 14, 0.9999}, {0, 2, 10, 0.999}, {1, 2, 9, 0.998}});
  input.source_of = {0, 1, 1};
  input.same_source_threshold = 0.9999;
  auto result = ClusterRecords(input);
  EXPECT_EQ(result.cluster_of[0], result.cluster_of[1]);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[2]);
  // A near-identical duplicate within the list is still merged.
  input.candidates[2].probability = 0.99999;
  result = ClusterRecords(input);
  EXPECT_EQ(result.cluster_of[2], 0u);
  // Never compared: two records of one list stay apart.
  input.candidates.pop_back();
  result = ClusterRecords(input);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[2]);
}

// Regression: record 2 matched record 1 well, and record 0 alone, but another
// candidate far outscored 0~2; the cluster {1, 2} took 0 in anyway.
TEST(ClusteringTest, AnOutcompetedPairKeepsItsClustersApart) {
  std::vector<ScoredPair> pairs = {{1, 2, 12, 0.9998}, {0, 1, 5, 0.97}};
  ScoredPair outcompeted{0, 2, -10, 0.0007};
  outcompeted.alone_probability = 0.95;
  pairs.push_back(outcompeted);
  auto input = Input(3, pairs);
  auto result = ClusterRecords(input);
  EXPECT_EQ(result.cluster_of[0], result.cluster_of[2]);  // compatible alone
  input.outcompeted = 0.01;
  result = ClusterRecords(input);
  EXPECT_EQ(result.cluster_of[1], result.cluster_of[2]);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[1]);
}

}  // namespace
}  // namespace reckon::link
