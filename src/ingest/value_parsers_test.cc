#include "ingest/value_parsers.h"

#include <gtest/gtest.h>

namespace reckon {
namespace {

TEST(ParseSexTest, EnglishArabicAndUnknown) {
  for (const char* m : {"M", "m", "Male", "ذكر", " male "}) EXPECT_EQ(ParseSex(m).sex, "M") << m;
  for (const char* f : {"F", "female", "أنثى", "انثى"}) EXPECT_EQ(ParseSex(f).sex, "F") << f;
  for (const char* u : {"", "?", "unknown", "غير معروف", "-"}) {
    EXPECT_EQ(ParseSex(u).sex, "") << u;
    EXPECT_EQ(ParseSex(u).problem, "") << u;
  }
  EXPECT_NE(ParseSex("Q").problem, "");
}

TEST(ParseAgeTest, Numbers) {
  EXPECT_EQ(ParseAge("34").age, 34);
  EXPECT_EQ(ParseAge("٣٤").age, 34);
  EXPECT_EQ(ParseAge("34 years").age, 34);
  EXPECT_EQ(ParseAge("٣٤ سنة").age, 34);
  EXPECT_EQ(ParseAge("6 months").age, 0);
  EXPECT_EQ(ParseAge("18 months").age, 1);
  EXPECT_EQ(ParseAge("2.5").age, 2);
  EXPECT_EQ(ParseAge("34").min, 34);
  EXPECT_EQ(ParseAge("34").max, 34);
}

TEST(ParseAgeTest, Bands) {
  ParsedAge band = ParseAge("30-39");
  EXPECT_EQ(band.age, std::nullopt);
  EXPECT_EQ(band.min, 30);
  EXPECT_EQ(band.max, 39);
  EXPECT_EQ(ParseAge("30 \u2013 39").max, 39);
  EXPECT_EQ(ParseAge("٣٠-٣٩").min, 30);
  ParsedAge open = ParseAge("60+");
  EXPECT_EQ(open.min, 60);
  EXPECT_EQ(open.max, std::nullopt);
  EXPECT_EQ(ParseAge("under 5").max, 4);
  EXPECT_NE(ParseAge("39-30").problem, "");
}

TEST(ParseAgeTest, Words) {
  EXPECT_EQ(ParseAge("child").max, 17);
  EXPECT_EQ(ParseAge("طفل").min, 0);
  EXPECT_EQ(ParseAge("طفل").max, 17);
  EXPECT_EQ(ParseAge("adult").min, 18);
  EXPECT_EQ(ParseAge("adult").max, std::nullopt);
  EXPECT_EQ(ParseAge("مسن").min, 60);
  EXPECT_EQ(ParseAge("infant").max, 1);
}

TEST(ParseAgeTest, ProblemsAreReported) {
  EXPECT_NE(ParseAge("200").problem, "");
  EXPECT_NE(ParseAge("about thirty").problem, "");
  EXPECT_EQ(ParseAge("unknown").problem, "");
  EXPECT_EQ(ParseAge("unknown").min, std::nullopt);
}

TEST(ParseDateTest, IsoAndPrecision) {
  EXPECT_EQ(ParseDate("2025-03-08").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("2025-03-08").precision, "day");
  EXPECT_EQ(ParseDate("2025-03").iso, "2025-03");
  EXPECT_EQ(ParseDate("2025-03").precision, "month");
  EXPECT_EQ(ParseDate("2025").precision, "year");
  EXPECT_EQ(ParseDate("2025-03-08 00:00:00").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("2025-03-08T10:30").iso, "2025-03-08");
}

TEST(ParseDateTest, DayMonthYearWithArabicIndicDigits) {
  EXPECT_EQ(ParseDate("08/03/2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("8-3-2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("8.3.2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("٠٨/٠٣/٢٠٢٥").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("۰۸/۰۳/۲۰۲۵").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("03/2025").iso, "2025-03");
}

TEST(ParseDateTest, MonthFirstWhenConfigured) {
  EXPECT_EQ(ParseDate("03/08/2025", DateOrder::kMonthDayYear).iso, "2025-03-08");
  ParsedDate wrong = ParseDate("03/28/2025");
  EXPECT_EQ(wrong.iso, "");
  EXPECT_NE(wrong.problem.find("@date_order"), std::string::npos) << wrong.problem;
}

TEST(ParseDateTest, MonthNames) {
  EXPECT_EQ(ParseDate("8 March 2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("March 8, 2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("8 Mar 2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("March 2025").iso, "2025-03");
  EXPECT_EQ(ParseDate("٨ آذار ٢٠٢٥").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("8 مارس 2025").iso, "2025-03-08");
  EXPECT_EQ(ParseDate("3 كانون الثاني 2025").iso, "2025-01-03");
  EXPECT_EQ(ParseDate("تشرين الأول 2024").iso, "2024-10");
}

TEST(ParseDateTest, ProblemsNotGuesses) {
  EXPECT_NE(ParseDate("31/02/2025").problem, "");
  EXPECT_NE(ParseDate("29/02/2023").problem, "");
  EXPECT_EQ(ParseDate("29/02/2024").iso, "2024-02-29");
  EXPECT_NE(ParseDate("08/03/25").problem.find("two-digit"), std::string::npos);
  EXPECT_NE(ParseDate("45724").problem.find("serial"), std::string::npos);
  EXPECT_NE(ParseDate("yesterday").problem, "");
  EXPECT_NE(ParseDate("1850-01-01").problem, "");
  EXPECT_EQ(ParseDate("unknown").problem, "");
  EXPECT_EQ(ParseDate("unknown").iso, "");
}

}  // namespace
}  // namespace reckon
