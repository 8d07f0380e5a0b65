#include "simulate/rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace reckon::simulate {
namespace {

TEST(RngTest, SameSeedSameSequence) {
  Rng a(42);
  Rng b(42);
  for (int draw_idx = 0; draw_idx < 1000; ++draw_idx) ASSERT_EQ(a.Next(), b.Next());
}

TEST(RngTest, DifferentSeedsDiffer) {
  Rng a(1);
  Rng b(2);
  EXPECT_NE(a.Next(), b.Next());
}

// Guards against accidental changes to the engine: output files of a given
// seed must never change between Reckon versions without notice.
TEST(RngTest, GoldenValues) {
  Rng rng(12345);
  EXPECT_EQ(rng.Next(), 0xbe6a36374160d49bULL);
  EXPECT_EQ(StreamKey(7, 1, 2, 3, 4), 0xd4211e91740e6f27ULL);
}

// Published SplitMix64 output for state 1234567 (reference implementation).
TEST(RngTest, SplitMix64KnownAnswer) {
  uint64_t state = 1234567;
  EXPECT_EQ(SplitMix64(state), 6457827717110365317ULL);
  EXPECT_EQ(SplitMix64(state), 3203168211198807973ULL);
}

TEST(RngTest, StreamKeysAreOrderSensitive) {
  std::set<uint64_t> keys = {StreamKey(1, 1, 2), StreamKey(1, 2, 1), StreamKey(1, 1, 2, 0, 1),
                             StreamKey(2, 1, 2), StreamKey(1, 0, 0)};
  EXPECT_EQ(keys.size(), 5u);
}

TEST(RngTest, UniformInUnitInterval) {
  Rng rng(3);
  double sum = 0.0;
  for (int draw_idx = 0; draw_idx < 100000; ++draw_idx) {
    const double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / 100000.0, 0.5, 0.01);
}

TEST(RngTest, BelowAndBetweenStayInRange) {
  Rng rng(4);
  int counts[7] = {};
  for (int draw_idx = 0; draw_idx < 70000; ++draw_idx) {
    const int64_t x = rng.Between(-3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
    ++counts[x + 3];
  }
  for (int count : counts) EXPECT_NEAR(count, 10000, 500);
  EXPECT_EQ(rng.Between(5, 5), 5);
  EXPECT_LT(rng.Below(1), 1u);
}

TEST(RngTest, BernoulliRate) {
  Rng rng(5);
  int hits = 0;
  for (int draw_idx = 0; draw_idx < 100000; ++draw_idx) hits += rng.Bernoulli(0.3) ? 1 : 0;
  EXPECT_NEAR(hits / 100000.0, 0.3, 0.01);
  EXPECT_FALSE(rng.Bernoulli(0.0));
  EXPECT_TRUE(rng.Bernoulli(1.0));
}

TEST(RngTest, NormalMoments) {
  Rng rng(6);
  double sum = 0.0;
  double sum_sq = 0.0;
  const int n = 100000;
  for (int draw_idx = 0; draw_idx < n; ++draw_idx) {
    const double x = rng.Normal();
    sum += x;
    sum_sq += x * x;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.02);
  EXPECT_NEAR(sum_sq / n, 1.0, 0.03);
}

TEST(RngTest, PoissonMean) {
  Rng rng(7);
  for (double mean : {0.5, 3.0, 50.0}) {
    double sum = 0.0;
    for (int draw_idx = 0; draw_idx < 50000; ++draw_idx) sum += rng.Poisson(mean);
    EXPECT_NEAR(sum / 50000.0, mean, 0.05 * mean + 0.02) << mean;
  }
  EXPECT_EQ(rng.Poisson(0.0), 0u);
}

TEST(RngTest, ShuffleIsAPermutation) {
  Rng rng(8);
  std::vector<int> items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  rng.Shuffle(items);
  std::set<int> seen(items.begin(), items.end());
  EXPECT_EQ(seen.size(), 10u);
}

TEST(DiscreteSamplerTest, FrequenciesFollowWeights) {
  DiscreteSampler sampler({1.0, 0.0, 3.0});
  EXPECT_DOUBLE_EQ(sampler.Probability(0), 0.25);
  EXPECT_DOUBLE_EQ(sampler.Probability(1), 0.0);
  Rng rng(9);
  int counts[3] = {};
  for (int draw_idx = 0; draw_idx < 40000; ++draw_idx) ++counts[sampler.Sample(rng)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0], 10000, 400);
  EXPECT_NEAR(counts[2], 30000, 400);
}

TEST(ZipfTest, WeightsDecreaseByRank) {
  const std::vector<double> weights = ZipfWeights(4, 1.0);
  EXPECT_DOUBLE_EQ(weights[0], 1.0);
  EXPECT_DOUBLE_EQ(weights[1], 0.5);
  EXPECT_DOUBLE_EQ(weights[3], 0.25);
  const std::vector<double> flat = ZipfWeights(3, 0.0);
  EXPECT_DOUBLE_EQ(flat[2], 1.0);
}

TEST(LogisticTest, InverseOfLogit) {
  for (double p : {0.01, 0.3, 0.5, 0.9}) EXPECT_NEAR(Logistic(Logit(p)), p, 1e-12);
  EXPECT_TRUE(std::isfinite(Logit(0.0)));
  EXPECT_TRUE(std::isfinite(Logit(1.0)));
}

}  // namespace
}  // namespace reckon::simulate
