#include "estimate/random.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace reckon::estimate {
namespace {

// Multinomial switches from conditional binomials to one categorical draw
// per person when at most this many people per remaining class are left (a
// binomial costs about as much as this many uniforms and comparisons).
constexpr int64_t kCategoricalPerClass = 1;

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// log(k!) minus its Stirling approximation (k + 1/2) log(k + 1) - (k + 1) +
// log(2 pi) / 2, the correction term BTRD needs.
double StirlingCorrection(int64_t k) {
  if (k < 10) {
    const double kd = static_cast<double>(k);
    return std::lgamma(kd + 1) -
           ((kd + 0.5) * std::log(kd + 1) - (kd + 1) + 0.5 * std::log(2 * std::numbers::pi));
  }
  const double r = 1.0 / (static_cast<double>(k) + 1);
  const double r2 = r * r;
  return (1.0 / 12 - (1.0 / 360 - r2 / 1260) * r2) * r;
}

}  // namespace

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t DeriveSeed(uint64_t seed, uint64_t stream) {
  uint64_t state = seed;
  const uint64_t a = SplitMix64(state);
  state = a ^ (stream * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull);
  return SplitMix64(state);
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : s_) word = SplitMix64(state);
}

uint64_t Rng::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

double Rng::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

double Rng::UniformOpen() { return (static_cast<double>(Next() >> 11) + 0.5) * 0x1.0p-53; }

double Rng::Normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u, v, s;
  do {
    u = 2 * Uniform() - 1;
    v = 2 * Uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  const double factor = std::sqrt(-2 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_normal_ = true;
  return u * factor;
}

double Rng::Gamma(double shape) {
  assert(shape > 0);
  if (shape == 1) return -std::log(UniformOpen());  // exponential
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) U^(1/a).
    const double boost = std::exp(std::log(UniformOpen()) / shape);
    return Gamma(shape + 1) * boost;
  }
  const double d = shape - 1.0 / 3;
  const double c = 1 / std::sqrt(9 * d);
  while (true) {
    double x, v;
    do {
      x = Normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = UniformOpen();
    const double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
  }
}

Rng::BetaDraw Rng::Beta(double a, double b) {
  if (a == 1 && b == 1) {
    const double u = UniformOpen();
    return {u, 1 - u};
  }
  const double x = Gamma(a);
  const double y = Gamma(b);
  const double sum = x + y;
  if (!(sum > 0)) {
    // Both gammas underflowed (tiny shapes): the beta is a coin flip between
    // its ends, in proportion to the shapes.
    const bool low = Uniform() * (a + b) < b;
    return low ? BetaDraw{0.0, 1.0} : BetaDraw{1.0, 0.0};
  }
  return {x / sum, y / sum};
}

double Rng::LogGamma(double shape) {
  assert(shape > 0);
  if (shape >= 1) return std::log(Gamma(shape));
  const double log_boost = std::log(UniformOpen()) / shape;
  return std::log(Gamma(shape + 1)) + log_boost;
}

Rng::LogBetaDraw Rng::LogBeta(double a, double b) {
  const double log_x = LogGamma(a);
  const double log_y = LogGamma(b);
  // log(x + y) without leaving log space.
  const double log_sum = log_x > log_y ? log_x + std::log1p(std::exp(log_y - log_x))
                                       : log_y + std::log1p(std::exp(log_x - log_y));
  return {log_x - log_sum, log_y - log_sum};
}

int64_t Rng::Poisson(double mean) {
  assert(mean >= 0);
  if (mean <= 0) return 0;
  if (mean < 10) {
    // Inversion by sequential search.
    double p = std::exp(-mean);
    double u = Uniform();
    int64_t k = 0;
    while (u > p) {
      u -= p;
      ++k;
      p *= mean / static_cast<double>(k);
      if (p < 1e-300 && u > 0) {  // round-off tail: restart
        p = std::exp(-mean);
        u = Uniform();
        k = 0;
      }
    }
    return k;
  }
  // PTRS: transformed rejection with squeeze.
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    const double u = Uniform() - 0.5;
    const double v = UniformOpen();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<int64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <=
        -mean + k * loglam - std::lgamma(k + 1)) {
      return static_cast<int64_t>(k);
    }
  }
}

int64_t Rng::Binomial(int64_t n, double p) {
  assert(n >= 0);
  if (n == 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - Binomial(n, 1 - p);
  if (static_cast<double>(n) * p < 10) return BinomialInversion(n, p);
  return BinomialBtrd(n, p);
}

int64_t Rng::BinomialInversion(int64_t n, double p) {
  const double q = 1 - p;
  const double s = p / q;
  const double a = static_cast<double>(n + 1) * s;
  const double q_n = std::exp(static_cast<double>(n) * std::log1p(-p));
  while (true) {
    double r = q_n;
    double u = Uniform();
    int64_t x = 0;
    bool restart = false;
    while (u > r) {
      u -= r;
      ++x;
      if (x > n) {
        restart = true;
        break;
      }
      r *= a / static_cast<double>(x) - s;
    }
    if (!restart) return x;
  }
}

int64_t Rng::BinomialBtrd(int64_t n, double p) {
  // Hörmann (1993), "The generation of binomial random variates", algorithm
  // BTRD; requires p <= 1/2 and n p >= 10.
  const double nd = static_cast<double>(n);
  const double q = 1 - p;
  const double m = std::floor((nd + 1) * p);
  const double r = p / q;
  const double nr = (nd + 1) * r;
  const double npq = nd * p * q;
  const double sqrt_npq = std::sqrt(npq);
  const double b = 1.15 + 2.53 * sqrt_npq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = nd * p + 0.5;
  const double alpha = (2.83 + 5.1 / b) * sqrt_npq;
  const double v_r = 0.92 - 4.2 / b;
  const double u_rv_r = 0.86 * v_r;
  const int64_t mi = static_cast<int64_t>(m);
  while (true) {
    double v = Uniform();
    double u;
    if (v <= u_rv_r) {
      u = v / v_r - 0.43;
      return static_cast<int64_t>(std::floor((2 * a / (0.5 - std::fabs(u)) + b) * u + c));
    }
    if (v >= v_r) {
      u = Uniform() - 0.5;
    } else {
      u = v / v_r - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = Uniform() * v_r;
    }
    const double us = 0.5 - std::fabs(u);
    const double kd = std::floor((2 * a / us + b) * u + c);
    if (kd < 0 || kd > nd) continue;
    const int64_t k = static_cast<int64_t>(kd);
    v = v * alpha / (a / (us * us) + b);
    const int64_t km = k > mi ? k - mi : mi - k;
    if (km <= 15) {
      // Recursive evaluation of f(k) / f(m).
      double f = 1;
      if (mi < k) {
        for (int64_t i = mi + 1; i <= k; ++i) f *= nr / static_cast<double>(i) - r;
      } else if (mi > k) {
        for (int64_t i = k + 1; i <= mi; ++i) v *= nr / static_cast<double>(i) - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Squeeze on log(v), then the exact test.
    v = std::log(v);
    const double kmd = static_cast<double>(km);
    const double rho = (kmd / npq) * (((kmd / 3 + 0.625) * kmd + 1.0 / 6) / npq + 0.5);
    const double t = -kmd * kmd / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const double nm = nd - m + 1;
    const double h = (m + 0.5) * std::log((m + 1) / (r * nm)) + StirlingCorrection(mi) +
                     StirlingCorrection(n - mi);
    const double nk = nd - kd + 1;
    if (v <= h + (nd + 1) * std::log(nm / nk) + (kd + 0.5) * std::log(nk * r / (kd + 1)) -
                 StirlingCorrection(k) - StirlingCorrection(n - k)) {
      return k;
    }
  }
}

int64_t Rng::NegativeBinomial(double successes, double p) {
  assert(successes > 0 && p > 0 && p <= 1);
  if (p >= 1) return 0;
  const double rate = Gamma(successes) * (1 - p) / p;
  return Poisson(rate);
}

void Rng::Multinomial(int64_t n, const std::vector<double>& weights, std::vector<int64_t>& out) {
  const size_t k = weights.size();
  out.assign(k, 0);
  // Classes with positive weight, heaviest first: what remains reaches 0
  // after few draws when the weight is concentrated, as it is in
  // latent-class posteriors.
  sorted_.clear();
  double remaining_weight = 0;
  for (size_t idx = 0; idx < k; ++idx) {
    if (weights[idx] > 0) {
      sorted_.push_back({weights[idx], idx});
      remaining_weight += weights[idx];
    }
  }
  const size_t classes = sorted_.size();
  if (classes == 0 || n == 0) return;
  if (classes <= 32) {
    for (size_t i = 1; i < classes; ++i) {
      const WeightedClass moving = sorted_[i];
      size_t j = i;
      for (; j > 0 && sorted_[j - 1].weight < moving.weight; --j) sorted_[j] = sorted_[j - 1];
      sorted_[j] = moving;
    }
  } else {
    std::stable_sort(
        sorted_.begin(), sorted_.end(),
        [](const WeightedClass& a, const WeightedClass& b) { return a.weight > b.weight; });
  }
  int64_t remaining = n;
  for (size_t rank = 0; rank < classes && remaining > 0; ++rank) {
    // The last class takes what is left, so that round-off in the running
    // weight never strands people.
    if (rank + 1 == classes) {
      out[sorted_[rank].index] += remaining;
      break;
    }
    if (remaining <= kCategoricalPerClass * static_cast<int64_t>(classes - rank)) {
      // Few people left for the classes left: one categorical draw each is
      // cheaper than a binomial per class.
      for (int64_t person = 0; person < remaining; ++person) {
        const double u = Uniform() * remaining_weight;
        double cumulative = 0;
        size_t chosen = rank;
        for (; chosen + 1 < classes; ++chosen) {
          cumulative += sorted_[chosen].weight;
          if (u < cumulative) break;
        }
        ++out[sorted_[chosen].index];
      }
      break;
    }
    const double p = sorted_[rank].weight / remaining_weight;
    const int64_t draw = Binomial(remaining, p);
    out[sorted_[rank].index] += draw;
    remaining -= draw;
    remaining_weight -= sorted_[rank].weight;
  }
}

}  // namespace reckon::estimate
