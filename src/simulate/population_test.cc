#include "simulate/population.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "simulate/civil_date.h"
#include "simulate/profiles.h"

namespace reckon::simulate {
namespace {

class PopulationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Gazetteer> loaded = LoadEmbeddedGazetteer();
    ASSERT_TRUE(loaded.ok());
    gazetteer_ = std::move(loaded).value();
  }
  Population Make(Profile profile, int64_t people, uint64_t seed) {
    SimulateConfig config = ProfileDefaults(profile, 3);
    config.people = people;
    config.seed = seed;
    return Population::Generate(config, gazetteer_, names_);
  }

  Gazetteer gazetteer_;
  NameTables names_{1.0, 0.8};
};

TEST_F(PopulationTest, ExactSizeAndContiguousHouseholds) {
  const Population population = Make(Profile::kRealistic, 5001, 3);
  const std::vector<Person>& persons = population.persons();
  ASSERT_EQ(persons.size(), 5001u);
  EXPECT_EQ(persons.front().household, 1u);
  EXPECT_EQ(persons.back().household, population.household_count());
  for (size_t person_idx = 1; person_idx < persons.size(); ++person_idx) {
    const uint32_t step = persons[person_idx].household - persons[person_idx - 1].household;
    ASSERT_LE(step, 1u);
  }
  // Households of several people are common but not the rule.
  EXPECT_LT(population.household_count(), 5001u * 3 / 4);
  EXPECT_GT(population.household_count(), 5001u / 4);
}

TEST_F(PopulationTest, HouseholdsShareWhatTheyShould) {
  const Population population = Make(Profile::kRealistic, 20000, 5);
  std::map<uint32_t, std::vector<const Person*>> households;
  for (const Person& person : population.persons()) households[person.household].push_back(&person);
  int brothers_checked = 0;
  for (const auto& [id, members] : households) {
    const Person* father = nullptr;
    const Person* mother = nullptr;
    std::vector<const Person*> children;
    for (const Person* member : members) {
      // Everyone in a household shares place and date.
      EXPECT_EQ(member->locality, members.front()->locality);
      EXPECT_EQ(member->death_day, members.front()->death_day);
      if (member->relation == Relation::kFather) father = member;
      if (member->relation == Relation::kMother) mother = member;
      if (member->relation == Relation::kSon || member->relation == Relation::kDaughter) {
        children.push_back(member);
      }
      if (member->relation == Relation::kAlone) {
        EXPECT_EQ(members.size(), 1u);
      }
    }
    for (const Person* child : children) {
      EXPECT_EQ(child->father, children.front()->father);
      EXPECT_EQ(child->grandfather, children.front()->grandfather);
      EXPECT_EQ(child->family, children.front()->family);
      EXPECT_EQ(child->mother, children.front()->mother);
      if (father != nullptr) {
        EXPECT_EQ(child->father, father->given);  // his given name is their father name
        EXPECT_EQ(child->grandfather, father->father);
        EXPECT_EQ(child->family, father->family);
        EXPECT_GT(father->age, child->age);
      }
      if (mother != nullptr) {
        EXPECT_EQ(child->mother, mother->given);
      }
    }
    if (children.size() >= 2 && children[0]->sex == Sex::kMale && children[1]->sex == Sex::kMale) {
      ++brothers_checked;
    }
  }
  EXPECT_GT(brothers_checked, 100);
}

TEST_F(PopulationTest, DatesInWindowAndPeaked) {
  const Population population = Make(Profile::kRealistic, 20000, 7);
  const int start = *ParseIsoDay("2025-03-06");
  const int end = *ParseIsoDay("2025-03-12");
  int on_peak_days = 0;
  for (const Person& person : population.persons()) {
    ASSERT_GE(person.death_day, start);
    ASSERT_LE(person.death_day, end);
    const int offset = person.death_day - start;
    on_peak_days += (offset >= 1 && offset <= 3) ? 1 : 0;  // 7, 8, 9 March
  }
  // Uniform over 7 days would put 3/7 on those days.
  EXPECT_GT(on_peak_days, 20000 * 6 / 10);
}

TEST_F(PopulationTest, NameFrequenciesAreZipfLike) {
  const Population population = Make(Profile::kRealistic, 20000, 9);
  std::map<uint16_t, int> male_given;
  int men = 0;
  for (const Person& person : population.persons()) {
    if (person.sex != Sex::kMale) continue;
    ++men;
    ++male_given[person.given];
  }
  // Mohammad (rank 0) is the commonest given name, far ahead of rank 30.
  int top = 0;
  uint16_t top_name = 0;
  for (const auto& [name, count] : male_given) {
    if (count > top) {
      top = count;
      top_name = name;
    }
  }
  EXPECT_EQ(top_name, 0);
  EXPECT_GT(top, 5 * male_given[30]);
  EXPECT_GT(men, 20000 / 2);
}

TEST_F(PopulationTest, PlaceWeightsConcentrateDeaths) {
  const Population population = Make(Profile::kRealistic, 20000, 11);
  int baniyas = 0;
  for (const Person& person : population.persons()) {
    baniyas += gazetteer_.localities()[person.locality].district.pcode == "RK-TA-02" ? 1 : 0;
  }
  // 4 of 49 localities, weighted x4: well above their 8% share of places.
  EXPECT_GT(baniyas, 20000 / 8);
}

// Correlation of visibility between the first two members of households.
double HouseholdVisibilityCorrelation(const Population& population) {
  double sum_xy = 0, sum_xx = 0, sum_yy = 0;
  const std::vector<Person>& persons = population.persons();
  for (size_t person_idx = 1; person_idx < persons.size(); ++person_idx) {
    const Person& a = persons[person_idx - 1];
    const Person& b = persons[person_idx];
    if (a.household != b.household) continue;
    sum_xy += static_cast<double>(a.visibility) * static_cast<double>(b.visibility);
    sum_xx += static_cast<double>(a.visibility) * static_cast<double>(a.visibility);
    sum_yy += static_cast<double>(b.visibility) * static_cast<double>(b.visibility);
  }
  return sum_xy / std::sqrt(sum_xx * sum_yy);
}

TEST_F(PopulationTest, VisibilityIsPartlySharedWithinHouseholds) {
  SimulateConfig config = ProfileDefaults(Profile::kRealistic, 3);
  config.people = 20000;
  config.population.visibility_sd = 1.0;
  config.population.household_visibility_share = 0.0;
  EXPECT_NEAR(HouseholdVisibilityCorrelation(Population::Generate(config, gazetteer_, names_)), 0.0,
              0.05);
  config.population.household_visibility_share = 0.6;
  EXPECT_NEAR(HouseholdVisibilityCorrelation(Population::Generate(config, gazetteer_, names_)), 0.6,
              0.05);
}

TEST_F(PopulationTest, SameSeedSamePeople) {
  const Population a = Make(Profile::kHard, 3000, 42);
  const Population b = Make(Profile::kHard, 3000, 42);
  const Population c = Make(Profile::kHard, 3000, 43);
  int differences = 0;
  for (size_t person_idx = 0; person_idx < 3000; ++person_idx) {
    const Person& x = a.persons()[person_idx];
    const Person& y = b.persons()[person_idx];
    ASSERT_EQ(x.given, y.given);
    ASSERT_EQ(x.death_day, y.death_day);
    ASSERT_EQ(x.visibility, y.visibility);
    differences += x.given != c.persons()[person_idx].given ? 1 : 0;
  }
  EXPECT_GT(differences, 1000);
}

}  // namespace
}  // namespace reckon::simulate
