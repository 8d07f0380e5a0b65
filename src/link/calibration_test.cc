#include "link/calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace reckon::link {
namespace {

// Pairs whose outcomes follow their probabilities exactly: in every bin the
// share of matches equals the probability given.
std::vector<ScoredPairOutcome> Calibrated() {
  std::vector<ScoredPairOutcome> pairs;
  for (const double p : {0.05, 0.25, 0.55, 0.85}) {
    const int matches = static_cast<int>(p * 100 + 0.5);
    for (int idx = 0; idx < 100; ++idx) pairs.push_back({p, idx < matches});
  }
  return pairs;
}

TEST(CalibrationTest, CalibratedProbabilitiesHaveNoGap) {
  const CalibrationReport r = MeasureCalibration(Calibrated(), 10);
  EXPECT_EQ(r.pairs, 400);
  EXPECT_EQ(r.matches, 5 + 25 + 55 + 85);
  EXPECT_NEAR(r.ece, 0, 1e-12);
  EXPECT_NEAR(r.mce, 0, 1e-12);
  EXPECT_EQ(r.bins[8].pairs, 100);
  EXPECT_NEAR(r.bins[8].observed, 0.85, 1e-12);
  EXPECT_EQ(r.bins[9].pairs, 0);
}

// Overconfident: every pair says 0.95 but only half match. ECE = 0.45.
TEST(CalibrationTest, OverconfidenceShowsAsTheGap) {
  std::vector<ScoredPairOutcome> pairs;
  for (int idx = 0; idx < 200; ++idx) pairs.push_back({0.95, idx % 2 == 0});
  const CalibrationReport r = MeasureCalibration(pairs, 10);
  EXPECT_NEAR(r.ece, 0.45, 1e-12);
  EXPECT_NEAR(r.mce, 0.45, 1e-12);
  EXPECT_NEAR(r.brier, 0.5 * 0.95 * 0.95 + 0.5 * 0.05 * 0.05, 1e-12);
  // A probability of exactly 1 falls in the last bin, not past it.
  const CalibrationReport one = MeasureCalibration({{1.0, true}}, 10);
  EXPECT_EQ(one.bins[9].pairs, 1);
}

TEST(CalibrationTest, ExpectedAndActualLinkErrors) {
  const LinkErrorCounts e = CountLinkErrors(Calibrated(), 0.5);
  // Above 0.5: 100 pairs at 0.55 and 100 at 0.85: expected false 45 + 15.
  EXPECT_NEAR(e.expected_false, 60, 1e-9);
  EXPECT_EQ(e.false_links, 45 + 15);
  // Below: 100 at 0.05 and 100 at 0.25: expected missed 5 + 25.
  EXPECT_NEAR(e.expected_missed, 30, 1e-9);
  EXPECT_EQ(e.missed_links, 5 + 25);
}

// Decisions drawn from a known overconfident model: truth p' = sigmoid(0.5
// logit(p) - 2). The fit must find it again from 2,000 decisions, and bring
// the expected calibration error down.
TEST(CalibrationTest, FitFindsAKnownMap) {
  std::vector<ScoredPairOutcome> reviewed;
  uint64_t state = 12345;
  auto uniform = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  for (int idx = 0; idx < 2000; ++idx) {
    const double logit = -6 + 18 * uniform();
    const double p = 1 / (1 + std::exp(-logit));
    const double truth = 1 / (1 + std::exp(-(0.5 * logit - 2)));
    reviewed.push_back({p, uniform() < truth});
  }
  const CalibrationMap map = FitCalibrationMap(reviewed);
  EXPECT_EQ(map.labels, 2000);
  EXPECT_NEAR(map.slope, 0.5, 0.08);
  EXPECT_NEAR(map.intercept, -2, 0.3);
  std::vector<ScoredPairOutcome> recalibrated = reviewed;
  for (ScoredPairOutcome& r : recalibrated) r.probability = map.Apply(r.probability);
  EXPECT_GT(MeasureCalibration(reviewed).ece, 0.15);
  EXPECT_LT(MeasureCalibration(recalibrated).ece, 0.04);
}

TEST(CalibrationTest, TooFewDecisionsLeaveTheModelAlone) {
  std::vector<ScoredPairOutcome> reviewed;
  for (int idx = 0; idx < 40; ++idx) reviewed.push_back({0.9, idx % 2 == 0});
  EXPECT_TRUE(FitCalibrationMap(reviewed).identity());
  // Enough decisions, but all of one kind: still the identity.
  reviewed.assign(200, {0.9, true});
  EXPECT_TRUE(FitCalibrationMap(reviewed).identity());
  EXPECT_DOUBLE_EQ(CalibrationMap{}.Apply(0.37), 0.37);
}

}  // namespace
}  // namespace reckon::link
