#include "estimate/capture_table.h"

#include <gtest/gtest.h>

#include "estimate/test_data.h"

namespace reckon::estimate {
namespace {

TEST(CaptureTableTest, ReadsKosovo) {
  const CaptureTable table = testing::LoadTable("kosovo.csv");
  ASSERT_EQ(table.num_lists(), 4);
  EXPECT_EQ(table.lists()[0], "EXH");
  EXPECT_EQ(table.lists()[3], "HRW");
  EXPECT_EQ(table.Observed(), 4400);
  EXPECT_EQ(table.count(0b0001), 1131);  // EXH only
  EXPECT_EQ(table.count(0b1111), 27);
  EXPECT_EQ(table.ListTotal(0), 1131 + 177 + 228 + 181 + 106 + 18 + 42 + 27);
  EXPECT_EQ(table.Overlap(0, 1), 177 + 181 + 18 + 27);
}

TEST(CaptureTableTest, ReadsEveryReferenceTable) {
  EXPECT_EQ(testing::LoadTable("korea.csv").Observed(), 123);
  EXPECT_EQ(testing::LoadTable("uk2013.csv").Observed(), 2744);
  EXPECT_EQ(testing::LoadTable("HIV.csv").Observed(), 1896);
  EXPECT_EQ(testing::LoadTable("lesbian.csv").Observed(), 2185);
  EXPECT_EQ(testing::LoadTable("uk2013.csv").num_lists(), 6);
}

TEST(CaptureTableTest, AddsRepeatedPatternsAndAcceptsCrlfBomAndSemicolons) {
  auto parsed =
      ParseCountsCsv("\xEF\xBB\xBF\"a\";\"b\";\"count\"\r\n1;0;3\r\n1;0;2\r\n1;1;4\r\n", "x.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const CaptureTable& table = parsed->strata.front().table;
  EXPECT_EQ(table.count(0b01), 5);
  EXPECT_EQ(table.count(0b11), 4);
  EXPECT_EQ(table.count(0b10), 0);
}

TEST(CaptureTableTest, RowsWithoutCountAreOnePersonEach) {
  auto parsed = ParseCountsCsv("a,b,c\n1,0,0\n1,1,0\n1,0,0\n", "people.csv");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->strata.front().table.count(0b001), 2);
  EXPECT_EQ(parsed->strata.front().table.Observed(), 3);
}

TEST(CaptureTableTest, AllZeroRowIsIgnoredWithANote) {
  auto parsed = ParseCountsCsv("a,b,count\n0,0,7\n1,1,2\n", "z.csv");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->strata.front().table.Observed(), 2);
  ASSERT_EQ(parsed->notes.size(), 1u);
  EXPECT_NE(parsed->notes[0].find("all-zero"), std::string::npos);
}

TEST(CaptureTableTest, ErrorsNameFileLineAndColumn) {
  auto bad_value = ParseCountsCsv("a,b,count\n1,0,3\n1,2,4\n", "f.csv");
  ASSERT_FALSE(bad_value.ok());
  EXPECT_EQ(bad_value.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad_value.status().message().find("f.csv line 3, column 'b'"), std::string::npos)
      << bad_value.status().message();

  auto negative = ParseCountsCsv("a,b,count\n1,0,-3\n", "f.csv");
  ASSERT_FALSE(negative.ok());
  EXPECT_NE(negative.status().message().find("line 2, column 'count'"), std::string::npos);

  auto fraction = ParseCountsCsv("a,b,count\n1,0,2.5\n", "f.csv");
  ASSERT_FALSE(fraction.ok());
  EXPECT_NE(fraction.status().message().find("whole number"), std::string::npos);

  auto ragged = ParseCountsCsv("a,b,count\n1,0\n", "f.csv");
  ASSERT_FALSE(ragged.ok());
  EXPECT_NE(ragged.status().message().find("line 2"), std::string::npos);

  auto one_list = ParseCountsCsv("a,count\n1,3\n", "f.csv");
  ASSERT_FALSE(one_list.ok());
  EXPECT_NE(one_list.status().message().find("at least 2 list columns"), std::string::npos);

  EXPECT_FALSE(ParseCountsCsv("", "f.csv").ok());
  EXPECT_FALSE(ParseCountsCsv("a,b,count\n", "f.csv").ok());
  EXPECT_FALSE(ParseCountsCsv("a,a,count\n1,0,1\n", "f.csv").ok());
  EXPECT_FALSE(ParseCountsCsv("a,b,count\n\"1,0,1\n", "f.csv").ok());
  EXPECT_EQ(ReadCountsCsv("/nonexistent/x.csv").status().code(), StatusCode::kNotFound);
}

TEST(CaptureTableTest, StrataColumn) {
  const std::string text = "stratum,a,b,c,count\nnorth,1,0,0,5\nsouth,1,1,0,2\nnorth,0,1,1,1\n";
  auto parsed = ParseCountsCsv(text, "s.csv");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->strata.size(), 2u);
  EXPECT_EQ(parsed->strata[0].name, "north");
  EXPECT_EQ(parsed->strata[0].table.Observed(), 6);
  EXPECT_EQ(parsed->strata[1].table.count(0b011), 2);
  EXPECT_EQ(parsed->strata[0].table.num_lists(), 3);

  auto named = ParseCountsCsv("region,a,b,count\nx,1,0,1\n", "s.csv", {"region"});
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->strata[0].name, "x");
  EXPECT_EQ(ParseCountsCsv("a,b,count\n1,0,1\n", "s.csv", {"region"}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(CaptureTableTest, SelectMergeAndHistories) {
  auto table = FromHistories({"A", "B", "C"}, {0b001, 0b011, 0b110, 0b100, 0b000});
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->Observed(), 4);
  const CaptureTable ab = table->Select({0, 1});
  EXPECT_EQ(ab.Observed(), 3);  // the C-only person drops out
  EXPECT_EQ(ab.count(0b11), 1);
  const CaptureTable merged = table->Merge(2, 1);  // C merged into B
  ASSERT_EQ(merged.num_lists(), 2);
  EXPECT_EQ(merged.lists()[1], "B+C");
  EXPECT_EQ(merged.count(0b10), 2);
  EXPECT_EQ(merged.count(0b11), 1);
  EXPECT_FALSE(FromHistories({"A"}, {0b10}).ok());
  EXPECT_EQ(PatternString(0b101, 3), "101");
}

}  // namespace
}  // namespace reckon::estimate
