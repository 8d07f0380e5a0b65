#include "link/stable_ids.h"

#include <gtest/gtest.h>

namespace reckon::link {
namespace {

TEST(StableIdsTest, FirstRunNumbersClustersByFirstRecord) {
  // Records 10, 11, 12, 13; clusters {10, 12} and {11} and {13}.
  const auto ids = AssignPersonIds({0, 1, 0, 3}, {10, 11, 12, 13}, {}, 0);
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 1, 3}));
}

TEST(StableIdsTest, AddingRecordsKeepsExistingIds) {
  const std::unordered_map<int64_t, int64_t> previous = {{10, 1}, {11, 2}, {12, 1}, {13, 3}};
  // A new record 5 (smallest pk) joins person 2's cluster; a new record 14 is alone.
  const auto ids = AssignPersonIds({0, 1, 2, 1, 4, 0}, {10, 11, 12, 13, 14, 5}, previous, 3);
  // Cluster {10, 5}: old id 1. Cluster {11, 13}: ids 2 and 3 tie at one record each;
  // the older id (2) wins. Cluster {12}: lost its id 1 to the bigger cluster... so it is new.
  EXPECT_EQ(ids[0], 1);
  EXPECT_EQ(ids[5], 1);
  EXPECT_EQ(ids[1], 2);
  EXPECT_EQ(ids[3], 2);
  EXPECT_GT(ids[2], 3);
  EXPECT_GT(ids[4], 3);
  EXPECT_NE(ids[2], ids[4]);
}

TEST(StableIdsTest, SplitClusterKeepsIdForLargerPart) {
  const std::unordered_map<int64_t, int64_t> previous = {{1, 7}, {2, 7}, {3, 7}};
  const auto ids = AssignPersonIds({0, 0, 2}, {1, 2, 3}, previous, 7);
  EXPECT_EQ(ids[0], 7);
  EXPECT_EQ(ids[1], 7);
  EXPECT_EQ(ids[2], 8);
}

TEST(StableIdsTest, RetiredIdsAreNeverReused) {
  const auto ids = AssignPersonIds({0}, {1}, {}, 41);
  EXPECT_EQ(ids[0], 42);
}

}  // namespace
}  // namespace reckon::link
