#include "text/compound.h"

#include <gtest/gtest.h>

#include "text/arabic_fold.h"
#include "text/latin_fold.h"

namespace reckon::text {
namespace {

using Parts = std::vector<std::string>;

TokenParts Ar(std::u32string_view s) { return SplitArabicToken(FoldArabic(s)); }
TokenParts La(std::u32string_view s) { return SplitLatinToken(FoldLatin(s)); }

TEST(CompoundTest, ArabicAbd) {
  EXPECT_EQ(Ar(U"عبد الرحمن").parts, (Parts{"عبد", "رحمن"}));
  EXPECT_EQ(Ar(U"عبدالرحمن").parts, (Parts{"عبد", "رحمن"}));
  EXPECT_EQ(Ar(U"عبدالله").parts, (Parts{"عبد", "الله"}));
  EXPECT_EQ(Ar(U"عبدالله").kind, CompoundKind::kAbd);
  EXPECT_EQ(Ar(U"عبده").parts, (Parts{"عبده"}));
}

TEST(CompoundTest, ArabicDinAllahAbuArticle) {
  EXPECT_EQ(Ar(U"نور الدين").parts, (Parts{"نور", "دين"}));
  EXPECT_EQ(Ar(U"نصرالله").parts, (Parts{"نصر", "الله"}));
  EXPECT_EQ(Ar(U"أبو علي").kind, CompoundKind::kAbu);
  const TokenParts khatib = Ar(U"الخطيب");
  EXPECT_EQ(khatib.parts, (Parts{"خطيب"}));
  EXPECT_TRUE(khatib.has_article);
  EXPECT_EQ(Ar(U"إلياس").parts, (Parts{"الياس"}));
}

TEST(CompoundTest, LatinAbd) {
  EXPECT_EQ(La(U"Abd al-Rahman").parts, (Parts{"abd", "rahman"}));
  EXPECT_EQ(La(U"Abdulrahman").parts, (Parts{"abd", "rahman"}));
  EXPECT_EQ(La(U"Abdurrahman").parts, (Parts{"abd", "rahman"}));
  EXPECT_EQ(La(U"Abdul Rahman").parts, (Parts{"abd", "rahman"}));
  EXPECT_EQ(La(U"Abdallah").parts, (Parts{"abd", "lah"}));
  EXPECT_EQ(La(U"Abdelaziz").parts, (Parts{"abd", "aziz"}));
}

TEST(CompoundTest, LatinDinAllahArticle) {
  EXPECT_EQ(La(U"Noureddine").parts, (Parts{"nour", "din"}));
  EXPECT_EQ(La(U"Nour al-Din").parts, (Parts{"nour", "din"}));
  EXPECT_EQ(La(U"Nuraddin").parts, (Parts{"nur", "din"}));
  EXPECT_EQ(La(U"Nasrallah").parts, (Parts{"nasr", "allah"}));
  const TokenParts khatib = La(U"al-Khatib");
  EXPECT_EQ(khatib.parts, (Parts{"khatib"}));
  EXPECT_TRUE(khatib.has_article);
  EXPECT_EQ(La(U"Alkhatib").parts, (Parts{"khatib"}));
  EXPECT_EQ(La(U"ash-Shami").parts, (Parts{"shami"}));
  EXPECT_EQ(La(U"Alaa").parts, (Parts{"alaa"}));
  EXPECT_EQ(La(U"Nadine").parts, (Parts{"nadine"}));
}

TEST(CompoundTest, Roles) {
  EXPECT_EQ(ClassifyArabicToken(U"عبد"), TokenRole::kAbdPrefix);
  EXPECT_EQ(ClassifyArabicToken(U"الدين"), TokenRole::kSuffix);
  EXPECT_EQ(ClassifyArabicToken(U"بن"), TokenRole::kConnector);
  EXPECT_EQ(ClassifyArabicToken(U"ابنه"), TokenRole::kConnectorF);
  EXPECT_EQ(ClassifyLatinToken("abdul"), TokenRole::kAbdPrefix);
  EXPECT_EQ(ClassifyLatinToken("eddine"), TokenRole::kSuffix);
  EXPECT_EQ(ClassifyLatinToken("ibn"), TokenRole::kConnector);
  EXPECT_EQ(ClassifyLatinToken("baby"), TokenRole::kPlaceholder);
  EXPECT_EQ(ClassifyLatinToken("ahmad"), TokenRole::kName);
}

}  // namespace
}  // namespace reckon::text
