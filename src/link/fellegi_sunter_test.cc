#include "link/fellegi_sunter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace reckon::link {
namespace {

uint32_t Pattern(std::array<uint8_t, kFieldCount> levels) {
  ComparisonVector v;
  v.level = levels;
  return v.Pattern();
}

TEST(FellegiSunterTest, PatternRoundTrip) {
  const std::array<uint8_t, kFieldCount> levels = {1, 2, 0, 3, 3, 1, 2, 4, 1};
  EXPECT_EQ(LevelsOfPattern(Pattern(levels)), levels);
}

TEST(FellegiSunterTest, SessionsLearnOnlyFieldsTheRuleDidNotBlockOn) {
  // Pairs blocked on the given name: 1,000 matches agree on the rest, 9,000
  // non-matches do not (they share only the given name).
  const uint32_t match = Pattern({1, 1, 1, 1, 0, 1, 1, 1, 1});
  const uint32_t nonmatch = Pattern({1, 3, 3, 3, 0, 1, 4, 4, 4});
  FellegiSunterModel model;
  model.SetUFromRandomPairs(
      {{Pattern({3, 3, 3, 3, 0, 2, 4, 4, 4}), 100000}, {Pattern({1, 1, 1, 1, 0, 1, 1, 1, 1}), 3}});
  const double given_before = model.LevelWeight(kGiven, 1);
  model.TrainSessions({{{match, 1000}, {nonmatch, 9000}}}, {{kGiven}},
                      {{match, 1000}, {nonmatch, 9000}});
  EXPECT_NEAR(model.prior(), 0.1, 0.02);
  EXPECT_DOUBLE_EQ(model.LevelWeight(kGiven, 1), given_before);  // blocked on: not learned
  EXPECT_GT(model.LevelWeight(kFather, 1), 3);
  EXPECT_LT(model.LevelWeight(kFather, 3), -3);
  EXPECT_EQ(model.LevelWeight(kMother, 0), 0);  // missing is neutral
  const double w = model.PriorWeight() + model.PatternWeight(LevelsOfPattern(match));
  EXPECT_GT(FellegiSunterModel::Probability(w), 0.99);
  const double w2 = model.PriorWeight() + model.PatternWeight(LevelsOfPattern(nonmatch));
  EXPECT_LT(FellegiSunterModel::Probability(w2), 0.01);
}

TEST(FellegiSunterTest, JsonRoundTrip) {
  FellegiSunterModel model;
  model.SetUFromRandomPairs({{Pattern({3, 3, 3, 3, 3, 1, 4, 4, 4}), 10}});
  auto back = FellegiSunterModel::FromJson(model.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_DOUBLE_EQ(back->LevelWeight(kAge, 2), model.LevelWeight(kAge, 2));
  EXPECT_FALSE(FellegiSunterModel::FromJson("{not json").ok());
}

TEST(FellegiSunterTest, ALevelAddedSinceAModelWasStoredIsNeutral) {
  FellegiSunterModel model;
  nlohmann::json stored = nlohmann::json::parse(model.ToJson());
  stored["fields"]["family name"].erase("similar");
  auto back = FellegiSunterModel::FromJson(stored.dump());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_DOUBLE_EQ(back->LevelWeight(kFamily, kSimilarLevel), 0.0);
}

TEST(FellegiSunterTest, AFieldAddedSinceAModelWasStoredIsNeutral) {
  FellegiSunterModel model;
  nlohmann::json stored = nlohmann::json::parse(model.ToJson());
  stored["fields"].erase("cause");
  auto back = FellegiSunterModel::FromJson(stored.dump());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_DOUBLE_EQ(back->LevelWeight(kCause, 1), 0.0);
  EXPECT_DOUBLE_EQ(back->LevelWeight(kCause, 2), 0.0);
}

TEST(FellegiSunterTest, LabelsRetrainMWhereThereAreEnough) {
  FellegiSunterModel model;
  const double sex_before = model.LevelWeight(kSex, 2);
  // 30 labelled matches: ages always the same, sex never given.
  model.SetMFromLabels({{Pattern({1, 1, 0, 1, 0, 0, 1, 1, 1}), 30}});
  EXPECT_GT(model.m()[kAge][1], 0.8);                        // (30 + 1) / (30 + 7) after smoothing
  EXPECT_DOUBLE_EQ(model.LevelWeight(kSex, 2), sex_before);  // no labels: unchanged
  EXPECT_EQ(model.SetMFromLabels({{Pattern({1, 1, 1, 1, 1, 1, 1, 1, 1}), 5}}), 0);  // too few
}

TEST(TermFrequenciesTest, RareNamesCountMore) {
  TermFrequencies tf;
  for (int i = 0; i < 90; ++i) tf.Add(1);                               // a very common name
  for (int i = 0; i < 10; ++i) tf.Add(static_cast<uint32_t>(100 + i));  // rare ones
  EXPECT_LT(tf.Adjustment(1, 0.05), 0);
  EXPECT_GT(tf.Adjustment(100, 0.05), 0);
  EXPECT_EQ(tf.Adjustment(999, 0.05), 0);  // unseen: no adjustment
}

}  // namespace
}  // namespace reckon::link
