#include "link/comparison.h"

#include <gtest/gtest.h>

#include "link/cause.h"

namespace reckon::link {
namespace {

class ComparisonTest : public ::testing::Test {
 protected:
  LinkRecord Make(const std::string& name, const std::string& sex, std::optional<int> age,
                  const std::string& date, const std::string& locality) {
    StoredRecord stored;
    stored.record_pk = ++next_pk_;
    stored.fields.full_name = name;
    stored.fields.sex = sex;
    if (age) stored.fields.age = stored.fields.age_min = stored.fields.age_max = age;
    stored.fields.death_date = date;
    stored.fields.death_date_precision = date.size() == 10  ? "day"
                                         : date.size() == 7 ? "month"
                                                            : "";
    stored.fields.locality = locality;
    auto record = BuildLinkRecord(stored, 0, tokens_, nullptr, place_ids_);
    EXPECT_TRUE(record.ok()) << record.status().message();
    return std::move(record).value();
  }
  text::TokenTable tokens_;
  PlaceIds place_ids_;
  int64_t next_pk_ = 0;
};

TEST_F(ComparisonTest, SamePersonAcrossScripts) {
  const auto a = Make("محمد علي حسن الخطيب", "M", 34, "2025-03-08", "بانياس");
  const auto b = Make("Mohammed Ali Hasan al-Khatib", "M", 35, "2025-03-09", "Baniyas");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_EQ(v.level[kGiven], 1);
  EXPECT_EQ(v.level[kFamily], 1);
  EXPECT_EQ(v.level[kSex], 1);
  EXPECT_EQ(v.level[kAge], 2);  // 34 and 35
  EXPECT_EQ(v.level[kDate], 2);
  EXPECT_EQ(v.level[kPlace], 1);
  EXPECT_FALSE(v.IsHousehold());
}

TEST_F(ComparisonTest, CausesCompareByCategoryAcrossLanguages) {
  auto a = Make("علي حسن محمد ديب", "M", 34, "2025-03-08", "");
  auto b = Make("Ali Hasan Mohammad Dib", "M", 34, "2025-03-08", "");
  auto level = [&](std::string_view x, std::string_view y) {
    a.cause = CauseKey(x);
    b.cause = CauseKey(y);
    return CompareRecords(tokens_, a, b).level[kCause];
  };
  EXPECT_EQ(level("إطلاق نار", "gunshot"), 1);
  EXPECT_EQ(level("قصف", "gunshot"), 2);
  EXPECT_EQ(level("غرق", "gunshot"), 3);  // drowned: not a known word
  EXPECT_EQ(level("", "gunshot"), 0);
}

// Regression: two known names a dot apart (a slip of the pen on the family
// name, ديب for ذيب) scored as two names, -7 bits for one person.
TEST_F(ComparisonTest, KnownNamesADotApartHaveALevelOfTheirOwn) {
  const auto a = Make("علي حسن محمد ديب", "M", 34, "2025-03-08", "");
  const auto b = Make("علي حسن محمد ذيب", "M", 34, "2025-03-08", "");
  EXPECT_EQ(CompareRecords(tokens_, a, b).level[kFamily], kDotApartLevel);
  EXPECT_EQ(LevelName(kFamily, kDotApartLevel), "a dot apart");
}

// Regression: "within 1 year" once held one person's usual pair (the same
// age, 38 times likelier for a match than not) with the 6 times rarer pair a
// year apart, and "compatible" an age inside a band with exact ages 4-6
// years apart.
TEST_F(ComparisonTest, ExactAgesAndBandsHaveLevelsOfTheirOwn) {
  auto a = Make("محمد علي حسن الخطيب", "M", 34, "2025-03-08", "");
  auto b = Make("محمد علي حسن الخطيب", "M", 34, "2025-03-08", "");
  auto level = [&](int16_t min_a, int16_t max_a, int16_t min_b, int16_t max_b) {
    a.age_min = min_a, a.age_max = max_a, a.age_exact = min_a == max_a;
    b.age_min = min_b, b.age_max = max_b, b.age_exact = min_b == max_b;
    return CompareRecords(tokens_, a, b).level[kAge];
  };
  EXPECT_EQ(level(34, 34, 34, 34), 1);
  EXPECT_EQ(level(34, 34, 35, 35), 2);
  EXPECT_EQ(level(34, 34, 39, 39), 3);
  EXPECT_EQ(level(34, 34, 45, 45), 4);
  EXPECT_EQ(level(34, 34, 60, 60), 5);
  EXPECT_EQ(level(34, 34, 30, 39), 6);
  EXPECT_EQ(level(41, 41, 30, 39), 7);
  EXPECT_EQ(level(50, 50, 30, 39), 4);
  EXPECT_EQ(level(70, 70, 60, -1), 6);  // an open band ("60 and over")
  EXPECT_EQ(level(-1, -1, 30, 39), 0);
}

// Regression: "same district" once held both a record that names only the
// district and two records naming different localities of it; namesakes of
// one district are the second kind, one person almost never is.
TEST_F(ComparisonTest, AnotherLocalityOfTheDistrictIsItsOwnLevel) {
  auto a = Make("محمد علي حسن الخطيب", "M", 34, "2025-03-08", "");
  auto b = Make("محمد علي حسن الخطيب", "M", 34, "2025-03-08", "");
  auto level = [&](std::array<std::string, 3> pa, std::array<std::string, 3> pb) {
    for (size_t i = 0; i < 3; ++i) {
      a.place[i] = place_ids_.Id(pa[i]);
      b.place[i] = place_ids_.Id(pb[i]);
    }
    return CompareRecords(tokens_, a, b).level[kPlace];
  };
  EXPECT_EQ(level({"SY-1-1", "SY-1", "SY"}, {"SY-1-1", "SY-1", "SY"}), 1);
  EXPECT_EQ(level({"", "SY-1", "SY"}, {"SY-1-2", "SY-1", "SY"}), 2);
  EXPECT_EQ(level({"SY-1-1", "SY-1", "SY"}, {"SY-1-2", "SY-1", "SY"}), 5);
  EXPECT_EQ(level({"SY-1-1", "SY-1", "SY"}, {"SY-2-1", "SY-2", "SY"}), 6);
  EXPECT_EQ(level({"", "", "SY"}, {"SY-2-1", "SY-2", "SY"}), 3);
  EXPECT_EQ(level({"SY-1-1", "SY-1", "SY"}, {"XX-1-1", "XX-1", "XX"}), 4);
  // A name the gazetteer does not know may be the other's locality.
  EXPECT_EQ(level({"~bnys", "SY-1", "SY"}, {"SY-1-2", "SY-1", "SY"}), 2);
  EXPECT_EQ(LevelName(kPlace, 5), "same district, other locality");
}

TEST_F(ComparisonTest, BrothersAreAHousehold) {
  const auto a = Make("سامر نزار يوسف الحلبي", "M", 34, "2025-03-08", "بانياس");
  const auto b = Make("رامي نزار يوسف الحلبي", "M", 29, "2025-03-08", "بانياس");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_TRUE(v.IsHousehold());
  EXPECT_EQ(v.level[kGiven], 3);
}

TEST_F(ComparisonTest, TwoKnownNamesOneLetterApartAreBrothersUnlessTheAgesAgree) {
  const auto a = Make("سامر نزار يوسف الحلبي", "M", 34, "2025-03-08", "بانياس");
  const auto b = Make("سامي نزار يوسف الحلبي", "M", 34, "2025-03-08", "بانياس");
  EXPECT_FALSE(CompareRecords(tokens_, a, b).IsHousehold());
  const auto older = Make("سامي نزار يوسف الحلبي", "M", 48, "2025-03-08", "بانياس");
  EXPECT_TRUE(CompareRecords(tokens_, a, older).IsHousehold());
  // A band that holds the other's age cannot tell brothers apart: scored.
  auto banded = Make("سامي نزار يوسف الحلبي", "M", std::nullopt, "2025-03-08", "بانياس");
  banded.age_min = 30;
  banded.age_max = 39;
  EXPECT_FALSE(CompareRecords(tokens_, a, banded).IsHousehold());
  banded.age_min = 40;
  banded.age_max = 49;
  EXPECT_TRUE(CompareRecords(tokens_, a, banded).IsHousehold());
}

// Regression: a misspelling of a known name (ممد, مخمد for محمد) read as
// another name, so one man's two records were kept apart as brothers.
TEST_F(ComparisonTest, AMisspeltKnownNameIsATypoNotABrother) {
  const auto a = Make("محمد نزار يوسف الحلبي", "M", 34, "2025-03-08", "بانياس");
  for (const char* misspelt : {"ممد نزار يوسف الحلبي", "مخمد نزار يوسف الحلبي"}) {
    const auto b = Make(misspelt, "M", 38, "2025-03-08", "بانياس");
    const auto v = CompareRecords(tokens_, a, b);
    EXPECT_FALSE(v.IsHousehold()) << misspelt;
    EXPECT_EQ(v.level[kGiven], 2) << misspelt;
  }
}

// Regression: a Latin full name written family name first compared every
// position as different.
TEST_F(ComparisonTest, AFullNameWrittenFamilyFirstIsReadThatWay) {
  const auto a = Make("يوسف عصام صالح معلا", "M", 54, "2025-03-08", "صافيتا");
  const auto b = Make("Moalla Yousef Issam Salih", "M", 54, "2025-03-08", "صافيتا");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_EQ(v.level[kGiven], 1);
  EXPECT_EQ(v.level[kFamily], 1);
  EXPECT_EQ(v.relation, text::ChainRelation::kSamePerson);
}

// Regression: a list whose clerk swapped the father and grandfather columns
// made one woman's two records disagree on both names.
TEST_F(ComparisonTest, FatherAndGrandfatherSwappedAreReadBack) {
  const auto a = Make("فاطمة حسين محمد العمران", "F", 13, "2025-03-08", "جبلة");
  const auto b = Make("Fatima Mohammad Hussein Omran", "F", 13, "2025-03-08", "Jableh");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_EQ(v.level[kFather], 2);  // close: cousins fit the swap too
  EXPECT_EQ(v.level[kGrandfather], 2);
  EXPECT_FALSE(v.IsHousehold());
  EXPECT_TRUE(ChooseChains(tokens_, a, b).ancestors_swapped);
  // Only both names swapped: a different father is still different.
  const auto cousin = Make("Fatima Mohammad Ali Omran", "F", 13, "2025-03-08", "Jableh");
  EXPECT_NE(CompareRecords(tokens_, a, cousin).level[kFather], 1);
}

TEST_F(ComparisonTest, FatherAndSonAreAHousehold) {
  const auto son = Make("سامر نزار يوسف الحلبي", "M", 34, "2025-03-08", "بانياس");
  const auto father = Make("نزار يوسف أحمد الحلبي", "M", 61, "2025-03-08", "بانياس");
  EXPECT_TRUE(CompareRecords(tokens_, son, father).IsHousehold());
}

TEST_F(ComparisonTest, MissingIsItsOwnLevelAndImpreciseDatesAreCompatible) {
  const auto a = Make("علي حسن", "", std::nullopt, "2025-03", "");
  const auto b = Make("علي حسن", "M", 40, "2025-03-08", "جبلة");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_EQ(v.level[kSex], 0);
  EXPECT_EQ(v.level[kAge], 0);
  EXPECT_EQ(v.level[kPlace], 0);
  EXPECT_EQ(v.level[kDate], 5);  // "compatible"
}

TEST_F(ComparisonTest, AnAlignmentThatDoesNotExplainTheNamesIsNotUsed) {
  // Dropping a's father would line up "محمد" as both grandfathers, but the
  // family names still differ: the names are compared position by position.
  const auto a = Make("عبدالله حسن محمد ذيب", "M", 42, "2025-03-09", "الدريكيش");
  const auto b = Make("عبدالله محمد اليونس", "M", 46, "2025-03-09", "الدريكيش");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_EQ(v.level[kGiven], 1);
  EXPECT_EQ(v.level[kFather], 3);
  EXPECT_EQ(v.level[kGrandfather], 0);
  EXPECT_EQ(v.level[kFamily], 3);
  // When the dropped name explains the difference, the alignment stands
  // (one person, not a household) but the fathers as written disagree.
  // Regression: scored as missing, a man's daughter merged with his
  // granddaughter of the same given name.
  const auto c = Make("عبدالله محمد ذيب", "M", 42, "2025-03-09", "الدريكيش");
  const auto w = CompareRecords(tokens_, a, c);
  EXPECT_EQ(w.relation, text::ChainRelation::kSamePerson);
  EXPECT_FALSE(w.IsHousehold());
  EXPECT_EQ(w.level[kFather], 3);
  EXPECT_EQ(w.level[kGrandfather], 1);
  EXPECT_EQ(w.level[kFamily], 1);
}

// Regression: a family name that is also a personal name (الأحمد) was read
// as a grandfather with the family name dropped, and the two men merged.
TEST_F(ComparisonTest, AFamilyNameReadAsAGrandfatherStillDisagrees) {
  const auto a = Make("علي محمد الأحمد", "M", 46, "2025-03-07", "حميميم");
  const auto b = Make("علي محمد أحمد داود", "M", 46, "2025-03-07", "حميميم");
  const auto v = CompareRecords(tokens_, a, b);
  EXPECT_EQ(v.level[kGiven], 1);
  EXPECT_EQ(v.level[kFather], 1);
  EXPECT_EQ(v.level[kFamily], 3);
}

TEST_F(ComparisonTest, NamesThatDifferButLookAlikeHaveTheirOwnLevel) {
  const auto a = Make("علي محمد محمد حداد", "M", 40, "2025-03-11", "جبلة");
  const auto b = Make("علي محمد محمد حدادين", "M", 40, "2025-03-11", "جبلة");
  EXPECT_EQ(CompareRecords(tokens_, a, b).level[kFamily], kSimilarLevel);
  const auto c = Make("علي محمد محمد الحلبي", "M", 40, "2025-03-11", "جبلة");
  EXPECT_EQ(CompareRecords(tokens_, a, c).level[kFamily], 3);
}

TEST_F(ComparisonTest, DisagreementAcrossScriptsHasItsOwnLevel) {
  const auto a = Make("محمد علي حسن الخطيب", "M", 34, "2025-03-08", "بانياس");
  const auto b = Make("Mohammed Ali Hasan Darwish", "M", 34, "2025-03-08", "Baniyas");
  const auto c = Make("محمد علي حسن درويش", "M", 34, "2025-03-08", "بانياس");
  EXPECT_EQ(CompareRecords(tokens_, a, b).level[kFamily], 4);
  EXPECT_EQ(CompareRecords(tokens_, a, c).level[kFamily], 3);
  EXPECT_EQ(LevelName(kFamily, 4), "different across scripts");
}

TEST(DaysFromCivilTest, KnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2025, 3, 8) - DaysFromCivil(2025, 2, 28), 8);
  EXPECT_EQ(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28), 2);  // leap year
}

}  // namespace
}  // namespace reckon::link
