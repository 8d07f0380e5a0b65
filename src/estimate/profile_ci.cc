#include "estimate/profile_ci.h"

#include <cmath>
#include <numbers>

#include "estimate/poisson_glm.h"

namespace reckon::estimate {
namespace {

// Inverse of the standard normal CDF (Acklam's rational approximation refined
// by one Halley step; accurate to about 1e-15).
double NormalQuantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double low = 0.02425;
  double x;
  if (p < low) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

class ProfileLikelihood {
 public:
  ProfileLikelihood(const Matrix& design, const std::vector<double>& y) : y_(y) {
    full_ = design;
    std::vector<double> zero_row(design.cols(), 0.0);
    zero_row[0] = 1.0;
    full_.AppendRow(zero_row);
    for (const double v : y) observed_ += v;
    y_.push_back(0.0);
  }

  double observed() const { return observed_; }

  // Multinomial profile log-likelihood at N (>= observed), or NaN when the
  // model cannot be fitted.
  double operator()(double n_total) {
    const double n0 = std::max(0.0, n_total - observed_);
    y_.back() = n0;
    auto fit = FitPoissonGlm(full_, y_);
    if (!fit.ok()) return std::nan("");
    const double total = observed_ + n0;
    const double ct = (n0 > 0 ? n0 * std::log(n0) : 0.0) + std::lgamma(total + 1) -
                      total * std::log(total) - std::lgamma(n0 + 1);
    return -(fit->deviance - 2 * ct) / 2;
  }

 private:
  Matrix full_;
  std::vector<double> y_;
  double observed_ = 0;
};

// Golden-section search for the maximum of f on [lo, hi].
template <typename F>
double Maximise(F& f, double lo, double hi, double& best_value) {
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double a = lo;
  double b = hi;
  double x1 = b - ratio * (b - a);
  double x2 = a + ratio * (b - a);
  double f1 = f(x1);
  double f2 = f(x2);
  while (b - a > 1e-7 * (1 + std::fabs(a))) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + ratio * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - ratio * (b - a);
      f1 = f(x1);
    }
  }
  const double x = (a + b) / 2;
  best_value = f(x);
  return x;
}

// Bisection for g(x) = 0 on [lo, hi] where g(lo) and g(hi) differ in sign.
template <typename F>
double Bisect(F& g, double lo, double hi) {
  double glo = g(lo);
  for (int iter = 0; iter < 200 && hi - lo > 1e-8 * (1 + std::fabs(lo)); ++iter) {
    const double mid = (lo + hi) / 2;
    const double gm = g(mid);
    if ((gm < 0) == (glo < 0)) {
      lo = mid;
      glo = gm;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

}  // namespace

double ChiSquared1Quantile(double level) {
  const double z = NormalQuantile(0.5 + level / 2);
  return z * z;
}

Result<ProfileInterval> ProfileLikelihoodInterval(const Matrix& design,
                                                  const std::vector<double>& y, double n_hat,
                                                  double level, double upper_factor) {
  if (design.rows() != y.size() || design.cols() == 0 || !(level > 0 && level < 1)) {
    return Status::InvalidArgument("profile likelihood: bad design or level");
  }
  ProfileLikelihood loglik(design, y);
  const double n = loglik.observed();
  if (!(n_hat >= n) || !std::isfinite(n_hat)) {
    return Status::InvalidArgument("profile likelihood: no finite estimate to start from");
  }
  ProfileInterval out;
  double lmax = 0;
  out.n_max = Maximise(loglik, n, std::max(upper_factor * n_hat, n + 1), lmax);
  if (!std::isfinite(lmax)) {
    return Status::InvalidArgument("profile likelihood: the model cannot be fitted");
  }
  const double target = lmax - ChiSquared1Quantile(level) / 2;
  auto g = [&](double value) { return loglik(value) - target; };
  if (g(n) < 0) {
    out.low = Bisect(g, n, out.n_max);
  } else {
    out.low = n;
    out.low_at_observed = true;
  }
  const double top = upper_factor * n_hat;
  if (top > out.n_max && g(top) < 0) {
    out.high = Bisect(g, out.n_max, top);
  } else {
    out.high = top;
    out.high_open = true;
  }
  return out;
}

}  // namespace reckon::estimate
