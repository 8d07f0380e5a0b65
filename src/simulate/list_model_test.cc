#include "simulate/list_model.h"

#include <gtest/gtest.h>

#include "simulate/profiles.h"

namespace reckon::simulate {
namespace {

class ListModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Gazetteer> loaded = LoadEmbeddedGazetteer();
    ASSERT_TRUE(loaded.ok());
    gazetteer_ = std::move(loaded).value();
  }
  Gazetteer gazetteer_;
  NameTables names_{1.0, 0.8};
};

TEST_F(ListModelTest, EffectsMoveTheProbability) {
  SimulateConfig config = ProfileDefaults(Profile::kClean, 2);
  config.lists[0].capture = 0.3;
  config.lists[0].female_log_odds = 1.0;
  config.lists[0].child_log_odds = -1.0;
  config.lists[0].place_log_odds = {{"RK-TA-02", 2.0}};
  config.lists[1].depends_on = 1;
  config.lists[1].dependence_log_odds = 1.0;
  ListModel model(config, gazetteer_);
  Person man;
  man.age = 30;
  man.locality = 0;  // Latakia
  EXPECT_NEAR(model.CaptureProbability(0, man, false), 0.3, 1e-12);
  Person woman = man;
  woman.sex = Sex::kFemale;
  EXPECT_NEAR(model.CaptureProbability(0, woman, false), Logistic(Logit(0.3) + 1.0), 1e-12);
  Person boy = man;
  boy.age = 10;
  EXPECT_LT(model.CaptureProbability(0, boy, false), 0.3);
  Person in_baniyas = man;
  for (size_t idx = 0; idx < gazetteer_.localities().size(); ++idx) {
    if (gazetteer_.localities()[idx].district.pcode == "RK-TA-02") {
      in_baniyas.locality = static_cast<uint16_t>(idx);
    }
  }
  EXPECT_NEAR(model.CaptureProbability(0, in_baniyas, false), Logistic(Logit(0.3) + 2.0), 1e-12);
  EXPECT_GT(model.CaptureProbability(1, man, true), model.CaptureProbability(1, man, false));
}

// Overlap between two lists relative to independence: P(both) / (P(a) P(b)).
double OverlapRatio(const CaptureTable& table, int a, int b) {
  double on_a = 0;
  double on_b = 0;
  double on_both = 0;
  for (uint32_t listed : table.listed) {
    const bool in_a = (listed >> a & 1u) != 0;
    const bool in_b = (listed >> b & 1u) != 0;
    on_a += in_a ? 1 : 0;
    on_b += in_b ? 1 : 0;
    on_both += in_a && in_b ? 1 : 0;
  }
  const double n = static_cast<double>(table.listed.size());
  return on_both * n / (on_a * on_b);
}

TEST_F(ListModelTest, CleanListsAreIndependentHardListsAreNot) {
  SimulateConfig clean = ProfileDefaults(Profile::kClean, 5);
  clean.people = 40000;
  const Population clean_population = Population::Generate(clean, gazetteer_, names_);
  const CaptureTable clean_table = ListModel(clean, gazetteer_).Draw(clean_population);
  EXPECT_NEAR(OverlapRatio(clean_table, 0, 3), 1.0, 0.05);
  EXPECT_NEAR(OverlapRatio(clean_table, 1, 2), 1.0, 0.05);

  SimulateConfig realistic = ProfileDefaults(Profile::kRealistic, 5);
  realistic.people = 40000;
  const Population realistic_population = Population::Generate(realistic, gazetteer_, names_);
  const CaptureTable realistic_table = ListModel(realistic, gazetteer_).Draw(realistic_population);

  SimulateConfig hard = ProfileDefaults(Profile::kHard, 5);
  hard.people = 40000;
  const Population hard_population = Population::Generate(hard, gazetteer_, names_);
  const CaptureTable hard_table = ListModel(hard, gazetteer_).Draw(hard_population);

  // List 4 copies list 1: positive dependence, stronger in the hard profile.
  EXPECT_GT(OverlapRatio(realistic_table, 0, 3), 1.3);
  EXPECT_GT(OverlapRatio(hard_table, 0, 3), OverlapRatio(realistic_table, 0, 3));
  // Copies are flagged only on the copying list.
  for (size_t person_idx = 0; person_idx < hard_table.copied.size(); ++person_idx) {
    const uint32_t copied = hard_table.copied[person_idx];
    ASSERT_EQ(copied & ~hard_table.listed[person_idx], 0u);
    ASSERT_EQ(copied & 1u, 0u);  // list 1 copies nobody
  }
}

TEST_F(ListModelTest, DrawIsDeterministic) {
  SimulateConfig config = ProfileDefaults(Profile::kRealistic, 5);
  config.people = 2000;
  const Population population = Population::Generate(config, gazetteer_, names_);
  const CaptureTable a = ListModel(config, gazetteer_).Draw(population);
  const CaptureTable b = ListModel(config, gazetteer_).Draw(population);
  EXPECT_EQ(a.listed, b.listed);
  EXPECT_EQ(a.copied, b.copied);
}

}  // namespace
}  // namespace reckon::simulate
