// Profile-likelihood confidence intervals for the population size N under a
// Poisson log-linear model (Cormack 1992; as in Rcapture's closedpCI.t).
//
// For a candidate N the unobserved cell is given the count N - n and the
// model is fitted to the complete 2^t table; the multinomial profile
// log-likelihood is then -(D(N) - 2 c(N)) / 2, where D is that fit's deviance
// and c(N) = n0 log n0 + log N! - N log N - log n0! corrects the Poisson
// likelihood to the multinomial one. The interval is every N whose profile
// log-likelihood lies within chi2_1(level) / 2 of the maximum.
//
// Thread-safety: free functions on values; safe to call concurrently.
#pragma once

#include <vector>

#include "common/status.h"
#include "estimate/linear_algebra.h"

namespace reckon::estimate {

struct ProfileInterval {
  double n_max = 0;  // N maximising the multinomial profile likelihood
  double low = 0;
  double high = 0;
  bool low_at_observed = false;  // no crossing above n: the lower bound is n
  bool high_open = false;        // no crossing below upper_factor * n_hat
};

// `design` has one row per observed cell (intercept in column 0; the
// unobserved cell's row is (1, 0, ..., 0)); `y` the observed counts; `n_hat`
// the point estimate used to bound the search at upper_factor * n_hat.
// Errors (kInvalidArgument) when the model cannot be fitted.
Result<ProfileInterval> ProfileLikelihoodInterval(const Matrix& design,
                                                  const std::vector<double>& y, double n_hat,
                                                  double level = 0.95, double upper_factor = 3.0);

// Upper quantile of the chi-squared distribution with one degree of freedom:
// the x with P(X <= x) = level.
double ChiSquared1Quantile(double level);

}  // namespace reckon::estimate
