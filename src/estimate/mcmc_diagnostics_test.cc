#include "estimate/mcmc_diagnostics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "estimate/random.h"

namespace reckon::estimate {
namespace {

TEST(McmcDiagnosticsTest, IndependentDrawsMixWell) {
  Rng rng(7);
  std::vector<std::vector<double>> chains(4, std::vector<double>(1000));
  for (auto& chain : chains) {
    for (double& x : chain) x = rng.Normal();
  }
  const McmcDiagnostics d = Diagnose(chains);
  EXPECT_NEAR(d.rhat, 1.0, 0.01);
  EXPECT_GT(d.ess, 3000);
  EXPECT_LT(d.ess, 5500);
}

TEST(McmcDiagnosticsTest, AutocorrelatedChainsHaveFewerEffectiveDraws) {
  // AR(1) with phi = 0.9: ESS per draw is (1 - phi) / (1 + phi) ~ 0.053.
  Rng rng(8);
  std::vector<std::vector<double>> chains(4, std::vector<double>(5000));
  for (auto& chain : chains) {
    double x = 0;
    for (double& value : chain) {
      x = 0.9 * x + std::sqrt(1 - 0.81) * rng.Normal();
      value = x;
    }
  }
  const McmcDiagnostics d = Diagnose(chains);
  EXPECT_NEAR(d.ess / 20000, 0.0526, 0.015);
  EXPECT_LT(d.rhat, 1.02);
}

TEST(McmcDiagnosticsTest, ChainsThatDisagreeHaveLargeRhat) {
  Rng rng(9);
  std::vector<std::vector<double>> chains(2, std::vector<double>(500));
  for (size_t c = 0; c < 2; ++c) {
    for (double& x : chains[c]) x = rng.Normal() + 5.0 * static_cast<double>(c);
  }
  EXPECT_GT(Diagnose(chains).rhat, 1.5);
}

TEST(McmcDiagnosticsTest, DegenerateInputs) {
  EXPECT_TRUE(std::isnan(Diagnose({}).rhat));
  EXPECT_TRUE(std::isnan(Diagnose({{1.0, 2.0}}).rhat));
  const McmcDiagnostics constant = Diagnose({std::vector<double>(10, 3.0)});
  EXPECT_EQ(constant.rhat, 1.0);
}

}  // namespace
}  // namespace reckon::estimate
