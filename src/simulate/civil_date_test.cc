#include "simulate/civil_date.h"

#include <gtest/gtest.h>

namespace reckon::simulate {
namespace {

TEST(CivilDateTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(DaysFromCivil({2025, 3, 6}), 20153);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
}

TEST(CivilDateTest, RoundTripsOverCenturies) {
  for (int days = -50000; days < 50000; days += 7) {
    const CivilDate date = CivilFromDays(days);
    ASSERT_EQ(DaysFromCivil(date), days);
  }
}

TEST(CivilDateTest, ParsesAndFormatsIso) {
  EXPECT_EQ(ParseIsoDay("2025-03-08"), 20155);
  EXPECT_EQ(FormatIsoDay(20155), "2025-03-08");
  EXPECT_EQ(ParseIsoDay("2024-02-29"), DaysFromCivil({2024, 2, 29}));
  EXPECT_FALSE(ParseIsoDay("2025-02-29").has_value());
  EXPECT_FALSE(ParseIsoDay("2025-13-01").has_value());
  EXPECT_FALSE(ParseIsoDay("2025-3-8").has_value());
  EXPECT_FALSE(ParseIsoDay("08/03/2025").has_value());
}

}  // namespace
}  // namespace reckon::simulate
