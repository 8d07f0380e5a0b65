#include "text/script.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

TEST(ScriptTest, DetectsScriptPerToken) {
  EXPECT_EQ(DetectScript(U"محمد"), Script::kArabic);
  EXPECT_EQ(DetectScript(U"Muḥammad"), Script::kLatin);
  EXPECT_EQ(DetectScript(U"Ahmadأحمد"), Script::kMixed);
  EXPECT_EQ(DetectScript(U"Иван"), Script::kOther);
  EXPECT_EQ(DetectScript(U"12-3"), Script::kNone);
  EXPECT_EQ(DetectScript(U""), Script::kNone);
}

TEST(ScriptTest, PresentationFormsAreArabic) {
  EXPECT_EQ(DetectScript(U"\uFEFB"), Script::kArabic);  // lam-alef ligature
}

TEST(ScriptTest, MarksAndDigitsAreNeutral) {
  EXPECT_EQ(DetectScript(U"مُحَمَّد ١٢"), Script::kArabic);
  EXPECT_EQ(ScriptName(Script::kMixed), "mixed");
}

}  // namespace
}  // namespace reckon::text
