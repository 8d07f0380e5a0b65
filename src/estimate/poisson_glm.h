// Poisson log-linear regression fitted by iteratively reweighted least
// squares (IRLS), the engine under every log-linear capture-recapture model.
//
// The fit follows R's glm(family = poisson) closely so that results match
// Rcapture: start at mu = y + 0.1, weights mu, working response
// eta + (y - mu) / mu, convergence when the relative change in deviance is
// below the tolerance; columns that are linear combinations of earlier ones
// are aliased (coefficient 0, reported) rather than failing. Unlike glm, a
// step that increases the deviance is halved, and cells whose fitted values
// collapse to zero (the maximum likelihood estimate lies on the boundary,
// as happens with sparse tables) are reported.
//
// Thread-safety: free functions on values; safe to call concurrently.
#pragma once

#include <cstddef>
#include <vector>

#include "common/status.h"
#include "estimate/linear_algebra.h"

namespace reckon::estimate {

struct GlmOptions {
  int max_iterations = 200;
  // Relative change in deviance that ends the iterations.
  double tolerance = 1e-12;
  // A cell with y == 0 whose fitted value falls below this is on the boundary.
  double boundary_threshold = 1e-6;
};

struct GlmFit {
  std::vector<double> coefficients;  // one per column; 0 for aliased columns
  std::vector<bool> aliased;         // columns dropped as linear combinations
  Matrix covariance;                 // inverse Fisher information (0 for aliased)
  std::vector<double> fitted;        // mu, one per row
  double deviance = 0;               // 2 sum(y log(y / mu) - (y - mu))
  double log_likelihood = 0;         // sum(y log mu - mu - log y!)
  size_t rank = 0;                   // non-aliased columns
  int df_residual = 0;               // rows - rank
  int iterations = 0;
  bool converged = false;
  std::vector<size_t> boundary_cells;  // rows with y == 0 and mu -> 0
};

// Fits log E[y] = X b. Requires x.rows() == y.size(). Errors
// (kInvalidArgument): no rows, negative or non-finite y, non-finite X.
// Failing to converge is not an error: `converged` is false.
Result<GlmFit> FitPoissonGlm(const Matrix& x, const std::vector<double>& y,
                             const GlmOptions& options = {});

}  // namespace reckon::estimate
