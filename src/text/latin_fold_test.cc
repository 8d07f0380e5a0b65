#include "text/latin_fold.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

TEST(LatinFoldTest, LowercasesAndStripsDiacritics) {
  EXPECT_EQ(FoldLatin(U"Muḥammad"), "muhammad");
  EXPECT_EQ(FoldLatin(U"AL-KHAṬĪB"), "al-khatib");
  EXPECT_EQ(FoldLatin(U"Sa'id"), "sa'id");
}

TEST(LatinFoldTest, CanonicalSpellings) {
  EXPECT_EQ(LatinCanonical("mohammed"), "mohamed");
  EXPECT_EQ(LatinCanonical("muhammad"), "muhamad");
  EXPECT_EQ(LatinCanonical("youssef"), "yusef");
  EXPECT_EQ(LatinCanonical("fatmeh"), "fatm");
  EXPECT_EQ(LatinCanonical("fatme"), "fatm");
  EXPECT_EQ(LatinCanonical("amine"), "amin");
  EXPECT_EQ(LatinCanonical("tariq"), "tarik");
  EXPECT_EQ(LatinCanonical("saeed"), "said");
}

}  // namespace
}  // namespace reckon::text
