#include "estimate/dga.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "common/strings.h"
#include "estimate/test_data.h"

namespace reckon::estimate {
namespace {

TEST(DgaTest, CountsDecomposableGraphs) {
  EXPECT_EQ(DecomposableGraphs(3).size(), 8u);
  EXPECT_EQ(DecomposableGraphs(4).size(), 61u);
  EXPECT_EQ(DecomposableGraphs(5).size(), 822u);
}

TEST(DgaTest, CliquesAndSeparators) {
  // The path 1-2-3 on three lists: cliques {1,2}, {2,3}, separator {2}.
  for (const DecomposableGraph& graph : DecomposableGraphs(3)) {
    if (GraphName(graph) != "[12,23]") continue;
    ASSERT_EQ(graph.cliques.size(), 2u);
    ASSERT_EQ(graph.separators.size(), 1u);
    EXPECT_EQ(graph.separators[0], 0b010u);
    return;
  }
  FAIL() << "no [12,23] graph";
}

// dga bma.cr on Kosovo with all 61 graphs, delta = 1/16, prior 1/N,
// Nmissing 0..60000: median 12,595, 95% [9,827, 16,544], mean 12,749.3.
TEST(DgaTest, KosovoMatchesDga) {
  std::ifstream in(testing::MseDataPath("kosovo_dga.csv"));
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  const auto f = Split(line, ',');
  const double q025 = std::stod(std::string(f[1]));
  const double median = std::stod(std::string(f[2]));
  const double q975 = std::stod(std::string(f[3]));
  const double mean = std::stod(std::string(f[4]));

  const CaptureTable table = testing::LoadTable("kosovo.csv");
  DgaOptions options;
  options.delta = 0.0625;
  options.max_missing = 60000;
  auto result = RunDga(table, options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->graphs, 61u);
  EXPECT_LT(std::fabs(result->median - median) / median, 0.01) << result->median;
  EXPECT_LT(std::fabs(result->q025 - q025) / q025, 0.01) << result->q025;
  EXPECT_LT(std::fabs(result->q975 - q975) / q975, 0.01) << result->q975;
  EXPECT_LT(std::fabs(result->mean - mean) / mean, 0.01) << result->mean;
  EXPECT_LT(result->tail_mass, 1e-6);
  ASSERT_FALSE(result->top_graphs.empty());
  double total = 0;
  for (const double p : result->posterior) total += p;
  EXPECT_NEAR(total, 1.0, 1e-9);
}

TEST(DgaTest, DefaultsAndAutomaticGrid) {
  const CaptureTable table = testing::LoadTable("korea.csv");
  auto result = RunDga(table);
  ASSERT_TRUE(result.ok());
  EXPECT_DOUBLE_EQ(result->delta, 0.125);
  EXPECT_GE(result->median, 123);
  EXPECT_LE(result->q025, result->median);
  EXPECT_LE(result->median, result->q975);
}

TEST(DgaTest, RejectsTooFewOrTooManyLists) {
  CaptureTable two({"a", "b"});
  two.Add(1, 3);
  EXPECT_EQ(RunDga(two).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(RunDga(testing::LoadTable("uk2013.csv")).ok());
}

}  // namespace
}  // namespace reckon::estimate
