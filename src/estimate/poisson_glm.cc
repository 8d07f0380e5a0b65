#include "estimate/poisson_glm.h"

#include <cmath>
#include <limits>

namespace reckon::estimate {
namespace {

double Deviance(const std::vector<double>& y, const std::vector<double>& mu) {
  double dev = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    dev += y[i] > 0 ? 2 * (y[i] * std::log(y[i] / mu[i]) - (y[i] - mu[i])) : 2 * mu[i];
  }
  return dev;
}

// Linear predictor X b; exp() is capped so that a wild step gives a huge but
// finite deviance (which step-halving then rejects) instead of infinity.
void Predict(const Matrix& x, const std::vector<double>& beta, std::vector<double>& eta,
             std::vector<double>& mu) {
  for (size_t r = 0; r < x.rows(); ++r) {
    const double* row = x.row(r);
    double s = 0;
    for (size_t c = 0; c < x.cols(); ++c) s += row[c] * beta[c];
    eta[r] = s;
    mu[r] = std::exp(std::min(s, 700.0));
  }
}

}  // namespace

Result<GlmFit> FitPoissonGlm(const Matrix& x, const std::vector<double>& y,
                             const GlmOptions& options) {
  const size_t m = x.rows();
  const size_t p = x.cols();
  if (m == 0 || y.size() != m) {
    return Status::InvalidArgument("Poisson regression needs one response per design row");
  }
  for (size_t r = 0; r < m; ++r) {
    if (!std::isfinite(y[r]) || y[r] < 0) {
      return Status::InvalidArgument("Poisson regression: response " + std::to_string(r + 1) +
                                     " is negative or not finite");
    }
    for (size_t c = 0; c < p; ++c) {
      if (!std::isfinite(x(r, c))) {
        return Status::InvalidArgument("Poisson regression: the design matrix is not finite");
      }
    }
  }

  GlmFit fit;
  std::vector<double> mu(m);
  std::vector<double> eta(m);
  for (size_t r = 0; r < m; ++r) {
    mu[r] = y[r] + 0.1;
    eta[r] = std::log(mu[r]);
  }
  std::vector<double> beta(p, 0.0);
  std::vector<double> weights(m);
  std::vector<double> rhs(p);
  double deviance = std::numeric_limits<double>::infinity();
  bool have_beta = false;
  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    fit.iterations = iter;
    for (size_t r = 0; r < m; ++r) weights[r] = mu[r];
    const Matrix xtwx = WeightedCrossProduct(x, weights);
    std::fill(rhs.begin(), rhs.end(), 0.0);
    for (size_t r = 0; r < m; ++r) {
      const double z = eta[r] + (y[r] - mu[r]) / mu[r];
      const double wz = weights[r] * z;
      const double* row = x.row(r);
      for (size_t c = 0; c < p; ++c) rhs[c] += row[c] * wz;
    }
    const CholeskyFactor factor(xtwx);
    std::vector<double> next = factor.Solve(rhs);
    std::vector<double> next_eta(m);
    std::vector<double> next_mu(m);
    Predict(x, next, next_eta, next_mu);
    double next_dev = Deviance(y, next_mu);
    // Step-halving: never accept a step that makes the fit worse.
    for (int halving = 0; have_beta && halving < 40 &&
                          (!std::isfinite(next_dev) || next_dev > deviance * (1 + 1e-12) + 1e-12);
         ++halving) {
      for (size_t c = 0; c < p; ++c) next[c] = 0.5 * (next[c] + beta[c]);
      Predict(x, next, next_eta, next_mu);
      next_dev = Deviance(y, next_mu);
    }
    const double change = std::fabs(next_dev - deviance) / (std::fabs(next_dev) + 0.1);
    beta = std::move(next);
    eta = std::move(next_eta);
    mu = std::move(next_mu);
    fit.aliased = factor.aliased();
    have_beta = true;
    const double previous = deviance;
    deviance = next_dev;
    if (std::isfinite(previous) && change < options.tolerance) {
      fit.converged = true;
      break;
    }
  }

  for (size_t r = 0; r < m; ++r) weights[r] = mu[r];
  const CholeskyFactor final_factor(WeightedCrossProduct(x, weights));
  fit.covariance = final_factor.Inverse();
  fit.aliased = final_factor.aliased();
  // A column aliased only at the final weights (its cells collapsed to zero)
  // keeps its coefficient from the iterations; the covariance excludes it.
  fit.rank = final_factor.rank();
  fit.coefficients = beta;
  for (size_t c = 0; c < p; ++c) {
    if (fit.aliased[c] && std::fabs(beta[c]) < 1e-300) fit.coefficients[c] = 0.0;
  }
  fit.fitted = mu;
  fit.deviance = deviance;
  fit.df_residual = static_cast<int>(m) - static_cast<int>(fit.rank);
  double ll = 0;
  for (size_t r = 0; r < m; ++r) {
    ll += (y[r] > 0 ? y[r] * std::log(mu[r]) : 0.0) - mu[r] - std::lgamma(y[r] + 1);
    if (y[r] == 0 && mu[r] < options.boundary_threshold) fit.boundary_cells.push_back(r);
  }
  fit.log_likelihood = ll;
  return fit;
}

}  // namespace reckon::estimate
