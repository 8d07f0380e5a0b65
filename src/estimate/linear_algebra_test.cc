#include "estimate/linear_algebra.h"

#include <gtest/gtest.h>

namespace reckon::estimate {
namespace {

TEST(LinearAlgebraTest, SolvesAndInverts) {
  Matrix a(2, 2);
  a(0, 0) = 4;
  a(0, 1) = a(1, 0) = 2;
  a(1, 1) = 3;
  const CholeskyFactor factor(a);
  EXPECT_EQ(factor.rank(), 2u);
  const std::vector<double> x = factor.Solve({2, 1});
  EXPECT_NEAR(4 * x[0] + 2 * x[1], 2, 1e-12);
  EXPECT_NEAR(2 * x[0] + 3 * x[1], 1, 1e-12);
  const Matrix inv = factor.Inverse();
  EXPECT_NEAR(inv(0, 0), 3.0 / 8, 1e-12);
  EXPECT_NEAR(inv(0, 1), -2.0 / 8, 1e-12);
}

TEST(LinearAlgebraTest, DependentColumnIsAliased) {
  Matrix x;
  x.AppendRow({1, 2, 1});
  x.AppendRow({1, 4, 0});
  x.AppendRow({1, 6, 1});
  Matrix dependent;
  dependent.AppendRow({1, 2, 3});
  dependent.AppendRow({1, 4, 5});
  dependent.AppendRow({1, 6, 7});  // column 3 = column 1 + column 2
  EXPECT_EQ(MatrixRank(x), 3u);
  EXPECT_EQ(MatrixRank(dependent), 2u);
  const CholeskyFactor factor(WeightedCrossProduct(dependent, {1, 1, 1}));
  EXPECT_TRUE(factor.aliased()[2]);
  EXPECT_FALSE(factor.aliased()[0]);
  EXPECT_EQ(x.SelectColumns({2}).cols(), 1u);
  EXPECT_EQ(x.SelectRows({0, 2}).rows(), 2u);
}

}  // namespace
}  // namespace reckon::estimate
