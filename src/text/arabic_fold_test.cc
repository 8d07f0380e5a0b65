#include "text/arabic_fold.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

TEST(ArabicFoldTest, AlefForms) {
  EXPECT_EQ(FoldArabic(U"أحمد"), U"احمد");
  EXPECT_EQ(FoldArabic(U"إبراهيم"), U"ابراهيم");
  EXPECT_EQ(FoldArabic(U"آمنة"), U"امنه");
}

TEST(ArabicFoldTest, TaaMarbutaAlefMaqsuraHamza) {
  EXPECT_EQ(FoldArabic(U"فاطمة"), FoldArabic(U"فاطمه"));
  EXPECT_EQ(FoldArabic(U"موسى"), FoldArabic(U"موسي"));
  EXPECT_EQ(FoldArabic(U"مؤمن"), U"مومن");
  EXPECT_EQ(FoldArabic(U"عائشة"), FoldArabic(U"عايشه"));
  EXPECT_EQ(FoldArabic(U"علاء"), U"علا");
}

TEST(ArabicFoldTest, PersianLetters) { EXPECT_EQ(FoldArabic(U"کریم"), U"كريم"); }

TEST(ArabicFoldTest, RepairsBrokenAllah) {
  std::u32string s = U"عبدهللا";
  RepairPdfArtefacts(s);
  EXPECT_EQ(s, U"عبدالله");
  std::u32string t = U"عبد اهلل";
  RepairPdfArtefacts(t);
  EXPECT_EQ(t, U"عبد الله");
  std::u32string untouched = U"اهلال";
  RepairPdfArtefacts(untouched);
  EXPECT_EQ(untouched, U"اهلال");
}

}  // namespace
}  // namespace reckon::text
