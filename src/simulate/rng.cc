#include "simulate/rng.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace reckon::simulate {

uint64_t SplitMix64(uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t StreamKey(uint64_t seed, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  // Feed each word through a SplitMix64 step so that (a, b) and (b, a) differ.
  uint64_t state = seed;
  uint64_t key = SplitMix64(state);
  for (uint64_t word : {a, b, c, d}) {
    state ^= word + 0x632be59bd9b4e019ULL + (key << 6) + (key >> 2);
    key = SplitMix64(state);
  }
  return key;
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : state_) word = SplitMix64(state);
}

namespace {
uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

uint64_t Rng::Next() {
  const uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = RotateLeft(state_[3], 45);
  return result;
}

double Rng::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

uint64_t Rng::Below(uint64_t n) {
  assert(n > 0);
  // Reject the lowest (2^64 mod n) values so every residue is equally likely.
  const uint64_t threshold = (0 - n) % n;
  while (true) {
    const uint64_t r = Next();
    if (r >= threshold) return r % n;
  }
}

int64_t Rng::Between(int64_t lo, int64_t hi) {
  assert(lo <= hi);
  const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  return lo + static_cast<int64_t>(Below(span));
}

bool Rng::Bernoulli(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return Uniform() < p;
}

double Rng::Normal() {
  while (true) {
    const double u = 2.0 * Uniform() - 1.0;
    const double v = 2.0 * Uniform() - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

uint32_t Rng::Poisson(double mean) {
  if (mean <= 0.0) return 0;
  if (mean < 30.0) {
    const double limit = std::exp(-mean);
    uint32_t count = 0;
    double product = Uniform();
    while (product > limit) {
      ++count;
      product *= Uniform();
    }
    return count;
  }
  const double x = std::round(mean + std::sqrt(mean) * Normal());
  return x <= 0.0 ? 0 : static_cast<uint32_t>(x);
}

DiscreteSampler::DiscreteSampler(const std::vector<double>& weights) {
  cumulative_.reserve(weights.size());
  double total = 0.0;
  for (double weight : weights) {
    total += std::max(weight, 0.0);
    cumulative_.push_back(total);
  }
  assert(total > 0.0);
}

size_t DiscreteSampler::Sample(Rng& rng) const {
  const double target = rng.Uniform() * cumulative_.back();
  // First index whose cumulative weight exceeds the target: zero-weight items
  // (equal consecutive sums) are never chosen.
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  const size_t idx = static_cast<size_t>(it - cumulative_.begin());
  return std::min(idx, cumulative_.size() - 1);
}

double DiscreteSampler::Probability(size_t idx) const {
  const double previous = idx == 0 ? 0.0 : cumulative_[idx - 1];
  return (cumulative_[idx] - previous) / cumulative_.back();
}

std::vector<double> ZipfWeights(size_t n, double exponent) {
  std::vector<double> weights(n);
  for (size_t rank = 0; rank < n; ++rank) {
    weights[rank] = 1.0 / std::pow(static_cast<double>(rank + 1), exponent);
  }
  return weights;
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

double Logit(double p) {
  const double clamped = std::clamp(p, 1e-9, 1.0 - 1e-9);
  return std::log(clamped / (1.0 - clamped));
}

}  // namespace reckon::simulate
