// Term-frequency adjustments of the day of death and the locality.
#include <gtest/gtest.h>

#include <cmath>

#include "link/linker.h"

namespace reckon::link {
namespace {

// Nine deaths on 8 March in Baniyas, one on 12 March in Hmeimim.
LinkContext CrowdedAndQuietDays(PlaceIds& place_ids) {
  LinkContext context;
  for (int i = 0; i < 10; ++i) {
    StoredRecord stored;
    stored.record_pk = i + 1;
    stored.fields.full_name = "محمد علي الأحمد";
    stored.fields.death_date = i < 9 ? "2025-03-08" : "2025-03-12";
    stored.fields.death_date_precision = "day";
    stored.fields.locality = i < 9 ? "بانياس" : "حميميم";
    auto record = BuildLinkRecord(stored, 0, *context.tokens, nullptr, place_ids);
    EXPECT_TRUE(record.ok());
    context.records.push_back(std::move(record).value());
  }
  CountTermFrequencies(context);
  // Random pairs: as many on the same day and in the same locality as not.
  ComparisonVector same;
  same.level[kDate] = kSameDayLevel;
  same.level[kPlace] = kSameLocalityLevel;
  ComparisonVector different;
  different.level[kDate] = 4;
  different.level[kPlace] = 4;
  context.model.SetUFromRandomPairs({{same.Pattern(), 100}, {different.Pattern(), 100}});
  return context;
}

TEST(TermFrequencyTest, AgreeingOnAQuietDayOrASmallVillageCountsMore) {
  PlaceIds place_ids;
  const LinkContext context = CrowdedAndQuietDays(place_ids);
  const double crowded_day = DayAdjustment(context, 0);
  const double quiet_day = DayAdjustment(context, 9);
  EXPECT_LT(crowded_day, 0);
  EXPECT_GT(quiet_day, 0);
  // Nine times rarer: log2(9) bits, at the term-frequency weight (0.7).
  EXPECT_NEAR(quiet_day - crowded_day, 0.7 * std::log2(9.0), 1e-9);
  // A locality counts half as much as a day.
  EXPECT_NEAR(LocalityAdjustment(context, 9) - LocalityAdjustment(context, 0),
              0.5 * (quiet_day - crowded_day), 1e-9);
}

TEST(TermFrequencyTest, ARecordWithoutADayOrLocalityIsNotAdjusted) {
  PlaceIds place_ids;
  LinkContext context = CrowdedAndQuietDays(place_ids);
  context.records[0].death_precision = DatePrecision::kMonth;
  context.records[0].place[0] = 0;
  EXPECT_EQ(DayAdjustment(context, 0), 0.0);
  EXPECT_EQ(LocalityAdjustment(context, 0), 0.0);
}

}  // namespace
}  // namespace reckon::link
