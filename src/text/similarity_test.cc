#include "text/similarity.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

TEST(SimilarityTest, JaroWinklerKnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler(U"محمد", U"محمد"), 1.0);
}

TEST(SimilarityTest, BoundedDamerauLevenshtein) {
  EXPECT_EQ(BoundedDamerauLevenshtein("khatib", "khatib", 2), 0);
  EXPECT_EQ(BoundedDamerauLevenshtein("khatib", "khatip", 2), 1);
  EXPECT_EQ(BoundedDamerauLevenshtein("khatib", "khaitb", 2), 1);  // transposition
  EXPECT_EQ(BoundedDamerauLevenshtein("khatib", "kateb", 1), 2);   // beyond the bound
  EXPECT_EQ(BoundedDamerauLevenshtein("abcdefgh", "a", 2), 3);
  EXPECT_EQ(BoundedDamerauLevenshtein(U"علاء", U"عالء", 1), 1);
}

}  // namespace
}  // namespace reckon::text
