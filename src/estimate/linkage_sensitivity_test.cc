#include "estimate/linkage_sensitivity.h"

#include <gtest/gtest.h>

#include "estimate/test_data.h"

namespace reckon::estimate {
namespace {

// A stand-in for the linked register: at a strict threshold some links are
// missed (people on two lists appear as two single-list people); at a loose
// one, some single-list people are falsely merged into two-list ones.
Result<std::vector<Stratum>> FakeRegister(double threshold) {
  CaptureTable table = testing::LoadTable("kosovo.csv");
  CaptureTable out(table.lists());
  const double shift = (threshold - 0.8) * 2;  // -0.2 .. +0.2
  for (uint32_t pattern = 1; pattern < table.num_cells(); ++pattern) {
    out.Add(pattern, table.count(pattern));
  }
  // People on EXH and ABA only: split by missed links, or joined by false
  // merges of EXH-only with ABA-only people.
  const int64_t moved =
      static_cast<int64_t>(std::abs(shift) * static_cast<double>(table.count(0b0011)));
  CaptureTable shifted(table.lists());
  for (uint32_t pattern = 1; pattern < table.num_cells(); ++pattern) {
    int64_t count = table.count(pattern);
    if (pattern == 0b0011) count += shift > 0 ? -moved : moved;
    if (pattern == 0b0001 || pattern == 0b0010) count += shift > 0 ? moved : -moved;
    shifted.Add(pattern, count);
  }
  out = shifted;
  return std::vector<Stratum>{{"", out}};
}

TEST(LinkageSensitivityTest, MissedLinksInflateTheEstimate) {
  EstimateOptions options;
  options.loglinear_options.profile_ci = false;
  auto rows = RunLinkageSensitivity(FakeRegister, {0.7, 0.8, 0.9}, 0.8, options);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_TRUE((*rows)[1].chosen);
  EXPECT_NEAR(*(*rows)[1].loglinear_change, 0.0, 1e-12);
  EXPECT_GT((*rows)[2].observed, (*rows)[1].observed);
  EXPECT_GT(*(*rows)[2].loglinear_change, 0.0);  // stricter: more people, higher N
  EXPECT_FALSE(RunLinkageSensitivity(FakeRegister, {0.7}, 0.8, options).ok());
}

}  // namespace
}  // namespace reckon::estimate
