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

}  // namespace
}  // namespace reckon::link
