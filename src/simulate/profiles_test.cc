#include "simulate/profiles.h"

#include <gtest/gtest.h>

namespace reckon::simulate {
namespace {

double MeanCapture(const SimulateConfig& config) {
  double sum = 0.0;
  for (const ListSpec& list : config.lists) sum += list.capture;
  return sum / static_cast<double>(config.lists.size());
}

int LatinLists(const SimulateConfig& config) {
  int count = 0;
  for (const ListSpec& list : config.lists) count += list.script == Script::kLatin ? 1 : 0;
  return count;
}

TEST(ProfilesTest, CleanIsIndependentCompleteAndArabic) {
  const SimulateConfig config = ProfileDefaults(Profile::kClean, 5);
  EXPECT_DOUBLE_EQ(config.population.visibility_sd, 0.0);
  for (const ListSpec& list : config.lists) {
    EXPECT_EQ(list.depends_on, 0);
    EXPECT_EQ(list.script, Script::kArabic);
    EXPECT_EQ(list.name_format, NameFormat::kChain);
    EXPECT_DOUBLE_EQ(list.missing.age, 0.0);
    EXPECT_TRUE(list.place_log_odds.empty());
  }
}

TEST(ProfilesTest, RealisticHasCopyingHeterogeneityAndMixedScripts) {
  const SimulateConfig config = ProfileDefaults(Profile::kRealistic, 5);
  EXPECT_GT(config.population.visibility_sd, 0.0);
  EXPECT_EQ(config.lists[3].depends_on, 1);
  EXPECT_GT(config.lists[3].copy_fraction, 0.0);
  EXPECT_EQ(config.lists[3].script, Script::kMixed);
  EXPECT_GE(LatinLists(config), 1);
  EXPECT_GT(config.lists[2].child_log_odds, 0.0);
}

TEST(ProfilesTest, NoiseCaptureAndDependenceOrderedCleanRealisticHard) {
  const SimulateConfig clean = ProfileDefaults(Profile::kClean, 5);
  const SimulateConfig realistic = ProfileDefaults(Profile::kRealistic, 5);
  const SimulateConfig hard = ProfileDefaults(Profile::kHard, 5);
  EXPECT_GT(MeanCapture(clean), MeanCapture(realistic));
  EXPECT_GT(MeanCapture(realistic), MeanCapture(hard));
  EXPECT_LT(LatinLists(realistic), LatinLists(hard));
  for (size_t list_idx = 0; list_idx < 5; ++list_idx) {
    EXPECT_LT(clean.lists[list_idx].noise.typo, realistic.lists[list_idx].noise.typo);
    EXPECT_LT(realistic.lists[list_idx].noise.typo, hard.lists[list_idx].noise.typo);
    EXPECT_LE(realistic.lists[list_idx].copy_fraction, hard.lists[list_idx].copy_fraction);
    EXPECT_LT(realistic.lists[list_idx].missing.age, hard.lists[list_idx].missing.age);
  }
}

TEST(ProfilesTest, DependencesStayInsideEachCycleOfFiveLists) {
  const SimulateConfig config = ProfileDefaults(Profile::kHard, 12);
  ASSERT_EQ(config.lists.size(), 12u);
  for (size_t list_idx = 0; list_idx < config.lists.size(); ++list_idx) {
    const int depends_on = config.lists[list_idx].depends_on;
    EXPECT_LE(depends_on, static_cast<int>(list_idx));
    if (depends_on > 0) {
      EXPECT_EQ((depends_on - 1) / 5, static_cast<int>(list_idx) / 5);
    }
  }
  EXPECT_EQ(config.lists[8].depends_on, 6);
}

}  // namespace
}  // namespace reckon::simulate
