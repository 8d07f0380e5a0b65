#include "estimate/mcmc_diagnostics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace reckon::estimate {

McmcDiagnostics Diagnose(const std::vector<std::vector<double>>& chains) {
  McmcDiagnostics out;
  out.rhat = std::numeric_limits<double>::quiet_NaN();
  out.ess = std::numeric_limits<double>::quiet_NaN();
  if (chains.empty()) return out;
  const size_t length = chains.front().size();
  for (const auto& chain : chains) {
    if (chain.size() != length) return out;
  }
  const size_t half = length / 2;
  if (half < 2) return out;

  // Split chains: the first and last `half` draws of each chain.
  std::vector<const double*> parts;
  for (const auto& chain : chains) {
    parts.push_back(chain.data());
    parts.push_back(chain.data() + (length - half));
  }
  const size_t m = parts.size();
  const double n = static_cast<double>(half);
  std::vector<double> means(m);
  std::vector<double> variances(m);
  double grand = 0;
  for (size_t j = 0; j < m; ++j) {
    double s = 0;
    for (size_t i = 0; i < half; ++i) s += parts[j][i];
    means[j] = s / n;
    grand += means[j];
    double ss = 0;
    for (size_t i = 0; i < half; ++i) ss += (parts[j][i] - means[j]) * (parts[j][i] - means[j]);
    variances[j] = ss / (n - 1);
  }
  grand /= static_cast<double>(m);
  double between = 0;
  for (const double mean : means) between += (mean - grand) * (mean - grand);
  between *= n / static_cast<double>(m - 1);
  double within = 0;
  for (const double v : variances) within += v;
  within /= static_cast<double>(m);
  const double var_plus = (n - 1) / n * within + between / n;
  if (!(within > 0)) {
    out.rhat = 1.0;
    out.ess = static_cast<double>(m) * n;
    return out;
  }
  out.rhat = std::sqrt(var_plus / within);

  // Autocovariance of every split chain at `lag` (biased, divided by n).
  auto mean_autocov = [&](size_t lag) {
    double total = 0;
    for (size_t j = 0; j < m; ++j) {
      double s = 0;
      for (size_t i = 0; i + lag < half; ++i) {
        s += (parts[j][i] - means[j]) * (parts[j][i + lag] - means[j]);
      }
      total += s / n;
    }
    return total / static_cast<double>(m);
  };
  auto rho = [&](size_t lag) { return 1 - (within - mean_autocov(lag)) / var_plus; };
  // Geyer: sums of adjacent pairs while positive, made monotone.
  double tau = -1;
  double previous_pair = std::numeric_limits<double>::infinity();
  for (size_t lag = 0; lag + 1 < half; lag += 2) {
    double pair = rho(lag) + rho(lag + 1);
    if (pair < 0) break;
    pair = std::min(pair, previous_pair);
    previous_pair = pair;
    tau += 2 * pair;
  }
  tau = std::max(tau, 1.0 / std::log10(static_cast<double>(m) * n));
  out.ess = static_cast<double>(m) * n / tau;
  return out;
}

}  // namespace reckon::estimate
