#include "simulate/noise.h"

#include <gtest/gtest.h>

#include <set>

#include "common/strings.h"

namespace reckon::simulate {
namespace {

TEST(NoiseTest, ArabicTypoChangesTextAndStaysValid) {
  Rng rng(1);
  std::set<std::string> seen;
  for (int trial = 0; trial < 200; ++trial) {
    const std::string typo = ArabicTypo("حسين", rng);
    ASSERT_TRUE(IsValidUtf8(typo));
    EXPECT_NE(typo, "حسين");
    seen.insert(typo);
  }
  EXPECT_GT(seen.size(), 5u);
  EXPECT_TRUE(seen.count("حسبن") || seen.count("خسين") || seen.count("جسين"));
}

TEST(NoiseTest, LatinTypoKeepsCapital) {
  Rng rng(2);
  for (int trial = 0; trial < 100; ++trial) {
    const std::string typo = LatinTypo("Hussein", rng);
    EXPECT_NE(typo, "Hussein");
    EXPECT_TRUE(typo[0] >= 'A' && typo[0] <= 'Z') << typo;
  }
}

TEST(NoiseTest, ArabicOrthographicVariants) {
  Rng rng(3);
  EXPECT_EQ(ArabicOrthographicVariant("فاطمة", rng), "فاطمه");
  EXPECT_EQ(ArabicOrthographicVariant("إبراهيم", rng), "ابراهيم");
  EXPECT_EQ(ArabicOrthographicVariant("مؤمن", rng), "مومن");
  EXPECT_EQ(ArabicOrthographicVariant("عيسى", rng), "عيسي");
  EXPECT_EQ(ArabicOrthographicVariant("سمر", rng), "سمر");  // nothing applies
}

TEST(NoiseTest, LatinSpellingVariants) {
  Rng rng(4);
  std::set<std::string> seen;
  for (int trial = 0; trial < 300; ++trial) seen.insert(LatinSpellingVariant("Youssef", rng));
  EXPECT_TRUE(seen.count("Yussef"));
  EXPECT_TRUE(seen.count("Yousef"));
  EXPECT_FALSE(seen.count("Youssef"));
  EXPECT_NE(LatinSpellingVariant("Qasem", rng), "Qasem");
  EXPECT_EQ(LatinSpellingVariant("Bcv", rng), "Bcv");  // nothing applies
}

TEST(NoiseTest, CompoundVariants) {
  Rng rng(5);
  EXPECT_EQ(CompoundVariant("عبد الرحمن", true, rng), "عبدالرحمن");
  EXPECT_EQ(CompoundVariant("عبدالرحمن", true, rng), "عبد الرحمن");
  EXPECT_EQ(CompoundVariant("نورالدين", true, rng), "نور الدين");
  EXPECT_EQ(CompoundVariant("علي", true, rng), "علي");
  std::set<std::string> seen;
  for (int trial = 0; trial < 100; ++trial)
    seen.insert(CompoundVariant("Abd al-Rahman", false, rng));
  EXPECT_EQ(seen, (std::set<std::string>{"Abdalrahman", "Abd al Rahman", "Abd el-Rahman"}));
  EXPECT_EQ(CompoundVariant("Ali", false, rng), "Ali");
}

TEST(NoiseTest, DateAndAgeErrorsAreSmall) {
  Rng rng(6);
  for (int trial = 0; trial < 1000; ++trial) {
    const int shift = DateShiftDays(rng);
    EXPECT_TRUE(shift == -2 || shift == -1 || shift == 1 || shift == 2);
    const int age = ShiftAge(1, rng);
    EXPECT_GE(age, 0);
    EXPECT_LE(age, 4);
    EXPECT_NE(age, 1);
  }
  EXPECT_EQ(HeapAge(7), 7);
  EXPECT_EQ(HeapAge(37), 35);
  EXPECT_EQ(HeapAge(38), 40);
  EXPECT_EQ(HeapAge(40), 40);
}

TEST(NoiseTest, ArabicIndicDigits) {
  EXPECT_EQ(ToArabicIndicDigits("2025-03-08"), "٢٠٢٥-٠٣-٠٨");
  EXPECT_TRUE(ContainsArabic("علي"));
  EXPECT_FALSE(ContainsArabic("Ali 12"));
}

}  // namespace
}  // namespace reckon::simulate
