#include "link/evaluation.h"

#include <gtest/gtest.h>

namespace reckon::link {
namespace {

// Truth: A = {r1, r2, r3}, B = {r4, r5}, C = {r6}; r7 only in the truth.
// Register: 1 = {r1, r2}, 2 = {r3, r4}, 3 = {r5, r6}; r8 only in the register.
TEST(EvaluateClusteringTest, HandComputedExample) {
  const std::unordered_map<std::string, std::string> truth = {
      {"r1", "A"}, {"r2", "A"}, {"r3", "A"}, {"r4", "B"}, {"r5", "B"}, {"r6", "C"}, {"r7", "D"}};
  const std::unordered_map<std::string, int64_t> predicted = {
      {"r1", 1}, {"r2", 1}, {"r3", 2}, {"r4", 2}, {"r5", 3}, {"r6", 3}, {"r8", 4}};
  const ClusteringScores scores = EvaluateClustering(truth, predicted);
  EXPECT_EQ(scores.records, 6);
  EXPECT_EQ(scores.true_persons, 3);
  EXPECT_EQ(scores.predicted_persons, 3);
  EXPECT_EQ(scores.true_pairs, 4);       // 3 in A, 1 in B
  EXPECT_EQ(scores.predicted_pairs, 3);  // one per person
  EXPECT_EQ(scores.correct_pairs, 1);    // r1-r2
  EXPECT_DOUBLE_EQ(scores.pairwise_precision, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(scores.pairwise_recall, 1.0 / 4.0);
  EXPECT_DOUBLE_EQ(scores.pairwise_f1, 2.0 / 7.0);
  // Per record, precision: 1, 1, 1/2, 1/2, 1/2, 1/2; recall: 2/3, 2/3, 1/3, 1/2, 1/2, 1.
  EXPECT_DOUBLE_EQ(scores.bcubed_precision, 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(scores.bcubed_recall, 11.0 / 18.0);
  EXPECT_DOUBLE_EQ(scores.bcubed_f1, F1(4.0 / 6.0, 11.0 / 18.0));
  EXPECT_EQ(scores.only_in_truth, std::vector<std::string>{"r7"});
  EXPECT_EQ(scores.only_in_predicted, std::vector<std::string>{"r8"});
}

TEST(EvaluateClusteringTest, PerfectAndDegenerateRegisters) {
  const std::unordered_map<std::string, std::string> truth = {
      {"a", "P1"}, {"b", "P1"}, {"c", "P2"}};
  const ClusteringScores perfect = EvaluateClustering(truth, {{"a", 7}, {"b", 7}, {"c", 9}});
  EXPECT_DOUBLE_EQ(perfect.pairwise_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.bcubed_f1, 1.0);

  // Every record alone: nothing claimed, so precision 1; the one true pair is missed.
  const ClusteringScores singletons = EvaluateClustering(truth, {{"a", 1}, {"b", 2}, {"c", 3}});
  EXPECT_EQ(singletons.predicted_pairs, 0);
  EXPECT_DOUBLE_EQ(singletons.pairwise_precision, 1.0);
  EXPECT_DOUBLE_EQ(singletons.pairwise_recall, 0.0);
  EXPECT_DOUBLE_EQ(singletons.pairwise_f1, 0.0);
  EXPECT_DOUBLE_EQ(singletons.bcubed_precision, 1.0);
  EXPECT_DOUBLE_EQ(singletons.bcubed_recall, (0.5 + 0.5 + 1.0) / 3.0);

  // Everything merged: every true pair found, 1 of 3 claimed pairs correct.
  const ClusteringScores merged = EvaluateClustering(truth, {{"a", 1}, {"b", 1}, {"c", 1}});
  EXPECT_DOUBLE_EQ(merged.pairwise_precision, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(merged.pairwise_recall, 1.0);

  const ClusteringScores empty = EvaluateClustering(truth, {});
  EXPECT_EQ(empty.records, 0);
  EXPECT_DOUBLE_EQ(empty.pairwise_f1, 0.0);
  EXPECT_EQ(empty.only_in_truth.size(), 3u);
}

TEST(EvaluateClusteringTest, LargeClustersAreCountedNotEnumerated) {
  // 200,000 records of one person, split into two predicted halves.
  std::unordered_map<std::string, std::string> truth;
  std::unordered_map<std::string, int64_t> predicted;
  constexpr int64_t kRecords = 200000;
  for (int64_t record_idx = 0; record_idx < kRecords; ++record_idx) {
    const std::string id = std::to_string(record_idx);
    truth.emplace(id, "one");
    predicted.emplace(id, record_idx % 2);
  }
  const ClusteringScores scores = EvaluateClustering(truth, predicted);
  EXPECT_EQ(scores.true_pairs, kRecords * (kRecords - 1) / 2);
  EXPECT_EQ(scores.correct_pairs, 2 * ((kRecords / 2) * (kRecords / 2 - 1) / 2));
  EXPECT_DOUBLE_EQ(scores.pairwise_precision, 1.0);
  EXPECT_NEAR(scores.pairwise_recall, 0.5, 1e-5);
  EXPECT_DOUBLE_EQ(scores.bcubed_recall, 0.5);
}

TEST(BlockingRecallTest, IndexPairs) {
  const std::vector<std::string> truth = {"A", "A", "A", "B", "B", "C", ""};
  const std::vector<std::pair<uint32_t, uint32_t>> candidates = {{0, 1}, {1, 0}, {2, 0}, {3, 4},
                                                                 {5, 6}, {2, 2}, {9, 1}};
  const BlockingScores scores = BlockingRecall(candidates, truth);
  EXPECT_EQ(scores.true_pairs, 4);
  EXPECT_EQ(scores.candidate_pairs, 4);  // duplicates, self-pairs and bad indices dropped
  EXPECT_EQ(scores.found_pairs, 3);
  EXPECT_DOUBLE_EQ(scores.recall, 0.75);
  EXPECT_DOUBLE_EQ(BlockingRecall({}, std::vector<std::string>{"A", "B"}).recall, 1.0);
}

TEST(BlockingRecallTest, RecordIdPairs) {
  const std::unordered_map<std::string, std::string> truth = {
      {"a", "P"}, {"b", "P"}, {"c", "P"}, {"d", "Q"}};
  const std::vector<std::pair<std::string, std::string>> candidates = {
      {"b", "a"}, {"a", "b"}, {"c", "d"}, {"x", "a"}, {"a", "x"}, {"y", "y"}};
  const BlockingScores scores = BlockingRecall(candidates, truth);
  EXPECT_EQ(scores.true_pairs, 3);
  EXPECT_EQ(scores.found_pairs, 1);
  EXPECT_EQ(scores.candidate_pairs, 3);  // a-b, c-d, a-x
  EXPECT_DOUBLE_EQ(scores.recall, 1.0 / 3.0);
}

}  // namespace
}  // namespace reckon::link
