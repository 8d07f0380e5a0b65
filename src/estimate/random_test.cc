#include "estimate/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace reckon::estimate {
namespace {

struct Moments {
  double mean;
  double variance;
};

template <typename F>
Moments Sample(F draw, int n) {
  double sum = 0;
  double sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  return {mean, sum_sq / n - mean * mean};
}

TEST(RandomTest, SameSeedSameStream) {
  Rng a(42);
  Rng b(42);
  Rng c(43);
  for (int i = 0; i < 10; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    EXPECT_NE(x, c.Next());
  }
  EXPECT_NE(DeriveSeed(1, 0), DeriveSeed(1, 1));
  EXPECT_NE(DeriveSeed(1, 0), DeriveSeed(2, 0));
}

// The engine is xoshiro256** seeded by SplitMix64, bit for bit (values from
// an independent implementation of both): a seed means the same draws on
// every platform and in every version.
TEST(RandomTest, GoldenValues) {
  Rng rng(20250101);
  EXPECT_EQ(rng.Next(), 0xe97aea3434c2ddfeull);
  EXPECT_EQ(rng.Next(), 0x0d3dfa387d4416c3ull);
  EXPECT_EQ(rng.Next(), 0x5f06ec904bcd9e53ull);
}

TEST(RandomTest, GammaMoments) {
  Rng rng(1);
  for (const double shape : {0.25, 1.0, 3.5, 250.0}) {
    const Moments m = Sample([&] { return rng.Gamma(shape); }, 200000);
    EXPECT_NEAR(m.mean, shape, 0.02 * shape + 0.005) << shape;
    EXPECT_NEAR(m.variance, shape, 0.05 * shape + 0.01) << shape;
  }
}

TEST(RandomTest, BetaMoments) {
  Rng rng(2);
  const Moments m = Sample([&] { return rng.Beta(2, 5).x; }, 200000);
  EXPECT_NEAR(m.mean, 2.0 / 7, 0.003);
  EXPECT_NEAR(m.variance, 10.0 / (49 * 8), 0.001);
  const Rng::BetaDraw draw = rng.Beta(1, 1e6);
  EXPECT_NEAR(draw.x + draw.one_minus_x, 1.0, 1e-12);
}

// Regression (issue 17): a Beta(1, alpha) stick with alpha near 0.005 left
// 1 - V at 0 in a few percent of draws, so log(1 - V) was clamped and alpha
// biased upward. In log space: E log(1 - V) = -1 / alpha exactly, with no
// infinite draw. The old linear draw fails this test (its logs are -inf).
TEST(RandomTest, LogBetaOfATinyShapeNeverUnderflows) {
  Rng rng(3);
  for (const double shape : {0.005, 0.03}) {
    double sum = 0;
    constexpr int kDraws = 40000;
    for (int draw = 0; draw < kDraws; ++draw) {
      const Rng::LogBetaDraw v = rng.LogBeta(shape, 1);
      ASSERT_TRUE(std::isfinite(v.log_x)) << shape;
      ASSERT_LE(v.log_x, 0);
      ASSERT_LE(v.log_one_minus_x, 0);
      sum += v.log_x;
    }
    EXPECT_NEAR(sum / kDraws, -1 / shape, 0.03 / shape) << shape;
  }
}

// E log Gamma(a) = digamma(a): -100.56 for a = 0.01, 1.2561 for a = 4.
TEST(RandomTest, LogGammaMatchesDigamma) {
  Rng rng(4);
  const Moments tiny = Sample([&] { return rng.LogGamma(0.01); }, 100000);
  EXPECT_NEAR(tiny.mean, -100.5608, 1.5);
  const Moments four = Sample([&] { return rng.LogGamma(4); }, 100000);
  EXPECT_NEAR(four.mean, 1.2561, 0.01);
}

TEST(RandomTest, PoissonMoments) {
  Rng rng(3);
  for (const double mean : {0.5, 7.0, 10.0, 85.0, 5000.0}) {
    const Moments m = Sample([&] { return static_cast<double>(rng.Poisson(mean)); }, 200000);
    EXPECT_NEAR(m.mean, mean, 0.01 * mean + 0.01) << mean;
    EXPECT_NEAR(m.variance, mean, 0.03 * mean + 0.02) << mean;
  }
}

TEST(RandomTest, BinomialMatchesItsDistribution) {
  Rng rng(4);
  struct Case {
    int64_t n;
    double p;
  };
  for (const Case c : {Case{10, 0.3}, Case{40, 0.2}, Case{100, 0.45}, Case{1131, 0.37},
                       Case{1000000, 0.9}, Case{5, 1.0}, Case{7, 0.0}}) {
    const double mean = static_cast<double>(c.n) * c.p;
    const double var = mean * (1 - c.p);
    const Moments m = Sample([&] { return static_cast<double>(rng.Binomial(c.n, c.p)); }, 200000);
    EXPECT_NEAR(m.mean, mean, 0.01 * std::sqrt(var) + 1e-9) << c.n << " " << c.p;
    EXPECT_NEAR(m.variance, var, 0.03 * var + 1e-9) << c.n << " " << c.p;
  }
  // Exact probabilities for a BTRD case: chi-squared over the central cells.
  const int64_t n = 60;
  const double p = 0.4;
  std::vector<int> hist(static_cast<size_t>(n + 1), 0);
  const int draws = 400000;
  for (int i = 0; i < draws; ++i) ++hist[static_cast<size_t>(rng.Binomial(n, p))];
  double chi2 = 0;
  int cells = 0;
  for (int k = 10; k <= 38; ++k) {
    const double logp = std::lgamma(static_cast<double>(n) + 1) - std::lgamma(k + 1.0) -
                        std::lgamma(static_cast<double>(n - k) + 1) + k * std::log(p) +
                        static_cast<double>(n - k) * std::log(1 - p);
    const double expected = draws * std::exp(logp);
    const double diff = hist[static_cast<size_t>(k)] - expected;
    chi2 += diff * diff / expected;
    ++cells;
  }
  EXPECT_LT(chi2, cells + 5 * std::sqrt(2.0 * cells));  // about 5 sd above the mean
}

TEST(RandomTest, NegativeBinomialMoments) {
  Rng rng(5);
  const double r = 4400;
  const double p = 0.45;
  const Moments m = Sample([&] { return static_cast<double>(rng.NegativeBinomial(r, p)); }, 100000);
  const double mean = r * (1 - p) / p;
  EXPECT_NEAR(m.mean, mean, 0.005 * mean);
  EXPECT_NEAR(m.variance, mean / p, 0.03 * mean / p);
}

TEST(RandomTest, MultinomialSumsAndProportions) {
  Rng rng(6);
  std::vector<int64_t> out;
  std::vector<double> totals(4, 0.0);
  for (int i = 0; i < 20000; ++i) {
    rng.Multinomial(100, {1, 2, 0, 7}, out);
    ASSERT_EQ(out[0] + out[1] + out[2] + out[3], 100);
    EXPECT_EQ(out[2], 0);
    for (size_t k = 0; k < 4; ++k) totals[k] += static_cast<double>(out[k]);
  }
  EXPECT_NEAR(totals[0] / 2e6, 0.1, 0.002);
  EXPECT_NEAR(totals[3] / 2e6, 0.7, 0.002);
}

}  // namespace
}  // namespace reckon::estimate
