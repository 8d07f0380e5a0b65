#include "estimate/poisson_glm.h"

#include <gtest/gtest.h>

#include <cmath>

namespace reckon::estimate {
namespace {

TEST(PoissonGlmTest, InterceptOnlyFitsTheMean) {
  Matrix x;
  for (int r = 0; r < 4; ++r) x.AppendRow({1.0});
  auto fit = FitPoissonGlm(x, {2, 4, 6, 8});
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->converged);
  EXPECT_NEAR(std::exp(fit->coefficients[0]), 5.0, 1e-9);
  EXPECT_NEAR(fit->covariance(0, 0), 1.0 / 20.0, 1e-9);  // 1 / sum(mu)
  EXPECT_EQ(fit->df_residual, 3);
}

TEST(PoissonGlmTest, SaturatedTwoByTwoReproducesCounts) {
  Matrix x;
  x.AppendRow({1, 0, 0});
  x.AppendRow({1, 1, 0});
  x.AppendRow({1, 0, 1});
  auto fit = FitPoissonGlm(x, {10, 20, 5});
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->fitted[1], 20, 1e-8);
  EXPECT_NEAR(fit->deviance, 0, 1e-9);
  EXPECT_EQ(fit->df_residual, 0);
}

TEST(PoissonGlmTest, AliasedColumnIsReported) {
  Matrix x;
  x.AppendRow({1, 1, 2});
  x.AppendRow({1, 2, 4});
  x.AppendRow({1, 3, 6});
  auto fit = FitPoissonGlm(x, {3, 5, 9});
  ASSERT_TRUE(fit.ok());
  EXPECT_EQ(fit->rank, 2u);
  EXPECT_TRUE(fit->aliased[2]);
  EXPECT_EQ(fit->coefficients[2], 0.0);
}

TEST(PoissonGlmTest, ZeroCellOnTheBoundaryIsReported) {
  // The second column only touches the empty cell: its coefficient runs to
  // minus infinity and the cell's fitted value to 0.
  Matrix x;
  x.AppendRow({1, 0});
  x.AppendRow({1, 0});
  x.AppendRow({1, 1});
  auto fit = FitPoissonGlm(x, {4, 6, 0});
  ASSERT_TRUE(fit.ok());
  ASSERT_EQ(fit->boundary_cells.size(), 1u);
  EXPECT_EQ(fit->boundary_cells[0], 2u);
  EXPECT_NEAR(fit->fitted[0], 5, 1e-6);
}

TEST(PoissonGlmTest, RejectsBadInput) {
  Matrix x;
  x.AppendRow({1});
  EXPECT_FALSE(FitPoissonGlm(x, {-1}).ok());
  EXPECT_FALSE(FitPoissonGlm(x, {1, 2}).ok());
  EXPECT_FALSE(FitPoissonGlm(x, {std::nan("")}).ok());
}

}  // namespace
}  // namespace reckon::estimate
