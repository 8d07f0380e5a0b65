#include "estimate/profile_ci.h"

#include <gtest/gtest.h>

namespace reckon::estimate {
namespace {

TEST(ProfileCiTest, ChiSquaredQuantiles) {
  EXPECT_NEAR(ChiSquared1Quantile(0.95), 3.841458820694124, 1e-9);
  EXPECT_NEAR(ChiSquared1Quantile(0.99), 6.634896601021214, 1e-9);
  EXPECT_NEAR(ChiSquared1Quantile(0.5), 0.454936423119573, 1e-9);
}

// Two lists, independence (Lincoln-Petersen): the interval brackets the
// estimate n1 n2 / m and lies above the observed count.
TEST(ProfileCiTest, TwoListIndependence) {
  Matrix design;
  design.AppendRow({1, 1, 0});  // list 1 only
  design.AppendRow({1, 0, 1});  // list 2 only
  design.AppendRow({1, 1, 1});  // both
  const std::vector<double> y = {60, 40, 20};
  const double n_hat = 80.0 * 60 / 20;  // 240
  auto interval = ProfileLikelihoodInterval(design, y, n_hat);
  ASSERT_TRUE(interval.ok()) << interval.status().message();
  EXPECT_GT(interval->low, 120);
  EXPECT_LT(interval->low, n_hat);
  EXPECT_GT(interval->high, n_hat);
  EXPECT_FALSE(interval->high_open);
  EXPECT_NEAR(interval->n_max, n_hat, 0.02 * n_hat);
}

TEST(ProfileCiTest, RejectsBadInput) {
  Matrix design;
  design.AppendRow({1});
  EXPECT_FALSE(ProfileLikelihoodInterval(design, {1, 2}, 5).ok());
  EXPECT_FALSE(ProfileLikelihoodInterval(design, {3}, 1).ok());  // estimate below observed
}

}  // namespace
}  // namespace reckon::estimate
