#include "text/unicode_normalize.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace reckon::text {
namespace {

std::string Strict(std::string_view s) {
  Result<std::u32string> r = NormalizeStrict(s);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? EncodeUtf8(*r) : std::string();
}

TEST(NormalizeStrictTest, RemovesTashkeelAndTatweel) {
  EXPECT_EQ(Strict("مُحَمَّد"), "محمد");
  EXPECT_EQ(Strict("محـــمد"), "محمد");
}

TEST(NormalizeStrictTest, KeepsHamzaShapesAndCase) {
  EXPECT_EQ(Strict("أحمد"), "أحمد");
  EXPECT_EQ(Strict("Muḥammad"), "Muḥammad");
}

TEST(NormalizeStrictTest, PresentationFormsBecomeLetters) {
  EXPECT_EQ(Strict("\uFEE3\uFEA4\uFEE4\uFEAA"), "محمد");  // محمد in presentation forms
  EXPECT_EQ(Strict("\uFEFB"), "لا");                      // lam-alef ligature
  EXPECT_EQ(Strict("عبد\uFDF2"), "عبدالله");              // Allah ligature
}

TEST(NormalizeStrictTest, WhitespaceDigitsPunctuation) {
  EXPECT_EQ(Strict("  Sa\u2019id \u200F  ١٢ "), "Sa'id 12");
  EXPECT_EQ(Strict("al\u2013Khatib"), "al-Khatib");
  EXPECT_EQ(Strict("محمد\u060C أحمد"), "محمد, أحمد");
}

TEST(NormalizeStrictTest, InvalidUtf8IsADataError) {
  Result<std::u32string> r = NormalizeStrict("\xC3\x28");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
}

TEST(NormalizeStrictTest, StripLatinDiacritics) {
  EXPECT_EQ(StripLatinDiacritics(U'Ḥ'), U"H");
  EXPECT_EQ(StripLatinDiacritics(U'é'), U"e");
  EXPECT_EQ(StripLatinDiacritics(U'ß'), U"ss");
  EXPECT_EQ(StripLatinDiacritics(U'م'), U"م");
}

}  // namespace
}  // namespace reckon::text
