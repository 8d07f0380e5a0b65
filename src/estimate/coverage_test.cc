// Simulation with known N: 95% profile-likelihood intervals of the
// independence model cover the truth about 95% of the time when lists are
// independent and capture probabilities homogeneous (the model is right).
#include <gtest/gtest.h>

#include "estimate/loglinear_models.h"
#include "estimate/random.h"

namespace reckon::estimate {
namespace {

TEST(CoverageTest, IndependenceIntervalsCoverTheTruth) {
  constexpr int kReplicates = 400;
  constexpr int64_t kPopulation = 2000;
  const double capture[] = {0.25, 0.35, 0.2};
  Rng rng(424242);
  int covered = 0;
  int estimated = 0;
  for (int replicate = 0; replicate < kReplicates; ++replicate) {
    CaptureTable table({"A", "B", "C"});
    for (int64_t person = 0; person < kPopulation; ++person) {
      uint32_t pattern = 0;
      for (int list = 0; list < 3; ++list) {
        if (rng.Uniform() < capture[list]) pattern |= 1u << list;
      }
      if (pattern != 0) table.Add(pattern, 1);
    }
    LoglinearFit fit = FitLoglinearModel(table, LoglinearModel{});
    ASSERT_EQ(fit.status, FitStatus::kOk) << fit.reason;
    AddProfileInterval(fit, 0.95);
    ASSERT_TRUE(fit.has_ci);
    ++estimated;
    if (fit.ci_low <= kPopulation && kPopulation <= fit.ci_high) ++covered;
  }
  const double rate = static_cast<double>(covered) / estimated;
  // Binomial(400, 0.95) has sd 1.1 points: a band of about 3 sd.
  // (1,000 replicates with this seed cover 95.7%.)
  EXPECT_GE(rate, 0.915) << covered << "/" << estimated;
  EXPECT_LE(rate, 0.985) << covered << "/" << estimated;
}

}  // namespace
}  // namespace reckon::estimate
