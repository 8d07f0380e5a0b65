#include "link/calibration.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace reckon::link {

CalibrationReport MeasureCalibration(const std::vector<ScoredPairOutcome>& pairs, int bins) {
  assert(bins >= 1);
  CalibrationReport out;
  out.bins.resize(static_cast<size_t>(bins));
  std::vector<double> predicted_sum(static_cast<size_t>(bins), 0.0);
  for (int bin = 0; bin < bins; ++bin) {
    out.bins[static_cast<size_t>(bin)].low = static_cast<double>(bin) / bins;
    out.bins[static_cast<size_t>(bin)].high = static_cast<double>(bin + 1) / bins;
  }
  double squared = 0;
  for (const ScoredPairOutcome& pair : pairs) {
    const double p = std::clamp(pair.probability, 0.0, 1.0);
    const int bin = std::min(bins - 1, static_cast<int>(p * bins));
    ReliabilityBin& b = out.bins[static_cast<size_t>(bin)];
    ++b.pairs;
    predicted_sum[static_cast<size_t>(bin)] += p;
    const double outcome = pair.same_person ? 1.0 : 0.0;
    if (pair.same_person) {
      ++b.matches;
      ++out.matches;
    }
    squared += (p - outcome) * (p - outcome);
    ++out.pairs;
  }
  if (out.pairs == 0) return out;
  for (size_t bin = 0; bin < out.bins.size(); ++bin) {
    ReliabilityBin& b = out.bins[bin];
    if (b.pairs == 0) continue;
    const double n = static_cast<double>(b.pairs);
    b.mean_predicted = predicted_sum[bin] / n;
    b.observed = static_cast<double>(b.matches) / n;
    const double gap = std::fabs(b.mean_predicted - b.observed);
    out.ece += n / static_cast<double>(out.pairs) * gap;
    if (b.pairs >= kMinPairsForMaxGap) out.mce = std::max(out.mce, gap);
  }
  out.brier = squared / static_cast<double>(out.pairs);
  return out;
}

LinkErrorCounts CountLinkErrors(const std::vector<ScoredPairOutcome>& pairs, double threshold) {
  LinkErrorCounts out;
  out.threshold = threshold;
  for (const ScoredPairOutcome& pair : pairs) {
    const double p = std::clamp(pair.probability, 0.0, 1.0);
    if (p >= threshold) {
      out.expected_false += 1 - p;
      if (!pair.same_person) ++out.false_links;
    } else {
      out.expected_missed += p;
      if (pair.same_person) ++out.missed_links;
    }
  }
  return out;
}

namespace {

constexpr double kLogitBound = 40;  // probabilities within e^-40 of 0 or 1

double Logit(double p) {
  const double clamped = std::clamp(p, 1e-300, 1.0);
  const double logit = std::log(clamped) - std::log1p(-std::min(clamped, 1 - 1e-17));
  return std::clamp(logit, -kLogitBound, kLogitBound);
}

double Sigmoid(double z) {
  return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z));
}

// -log p(y | z) for a logistic model, stable for large |z|.
double LogLoss(double z, bool y) {
  const double softplus = std::log1p(std::exp(-std::fabs(z)));
  return y ? softplus + std::max(-z, 0.0) : softplus + std::max(z, 0.0);
}

}  // namespace

double CalibrationMap::Apply(double probability) const {
  if (identity()) return probability;
  return Sigmoid(slope * Logit(probability) + intercept);
}

CalibrationMap FitCalibrationMap(const std::vector<ScoredPairOutcome>& reviewed) {
  CalibrationMap map;
  int64_t matches = 0;
  for (const ScoredPairOutcome& r : reviewed) matches += r.same_person ? 1 : 0;
  const int64_t total = static_cast<int64_t>(reviewed.size());
  if (total < kMinCalibrationLabels || matches < kMinCalibrationLabelsEach ||
      total - matches < kMinCalibrationLabelsEach) {
    return map;
  }
  std::vector<double> x(reviewed.size());
  for (size_t idx = 0; idx < reviewed.size(); ++idx) x[idx] = Logit(reviewed[idx].probability);
  auto objective = [&](double a, double b) {
    double sum = 0.5 * kCalibrationRidge * ((a - 1) * (a - 1) + b * b);
    for (size_t idx = 0; idx < x.size(); ++idx)
      sum += LogLoss(a * x[idx] + b, reviewed[idx].same_person);
    return sum;
  };
  double a = 1, b = 0;
  // Newton steps on the penalised log-likelihood, halved until it improves.
  for (int iteration = 0; iteration < 100; ++iteration) {
    double ga = kCalibrationRidge * (a - 1), gb = kCalibrationRidge * b;
    double haa = kCalibrationRidge, hab = 0, hbb = kCalibrationRidge;
    for (size_t idx = 0; idx < x.size(); ++idx) {
      const double q = Sigmoid(a * x[idx] + b);
      const double residual = q - (reviewed[idx].same_person ? 1.0 : 0.0);
      const double w = q * (1 - q);
      ga += residual * x[idx];
      gb += residual;
      haa += w * x[idx] * x[idx];
      hab += w * x[idx];
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const double da = (hbb * ga - hab * gb) / det;
    const double db = (haa * gb - hab * ga) / det;
    const double before = objective(a, b);
    double step = 1;
    while (step > 1e-8 && objective(a - step * da, b - step * db) > before) step /= 2;
    a -= step * da;
    b -= step * db;
    if (std::fabs(step * da) < 1e-10 && std::fabs(step * db) < 1e-10) break;
  }
  map.slope = a;
  map.intercept = b;
  map.labels = total;
  map.matches = matches;
  return map;
}

}  // namespace reckon::link
