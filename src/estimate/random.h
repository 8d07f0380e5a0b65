// Deterministic random numbers for the Bayesian estimators.
//
// The engine is xoshiro256** seeded through SplitMix64, and every
// distribution the samplers need is implemented here rather than taken from
// <random> (whose distributions are not specified bit for bit), so that a
// seed gives the same posterior draws with every compiler and library
// version. Results also rely on IEEE-754 doubles and the C library's
// log/exp/lgamma, which agree on the platforms Reckon supports.
//
// Algorithms: normal by Marsaglia's polar method; gamma by Marsaglia and
// Tsang (2000) with the U^(1/a) boost below shape 1; beta from two gammas;
// exponential and uniform for the Gamma(1) and Beta(1, 1) special cases;
// Poisson by inversion below mean 10 and Hörmann's PTRS (1993) above;
// binomial by inversion below n min(p, 1-p) = 10 and Hörmann's BTRD (1993)
// above; negative binomial as a gamma-Poisson mixture; multinomial by
// conditional binomials, heaviest class first.
//
// Thread-safety: an Rng is a plain value; use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace reckon::estimate {

// One SplitMix64 step: advances `state` and returns a well-mixed value.
uint64_t SplitMix64(uint64_t& state);

// The seed of independent stream `stream` derived from `seed` (chains,
// strata): different pairs give unrelated generators.
uint64_t DeriveSeed(uint64_t seed, uint64_t stream);

class Rng {
 public:
  explicit Rng(uint64_t seed);

  uint64_t Next();
  // Uniform in [0, 1) with 53 random bits.
  double Uniform();
  // Uniform in (0, 1): never exactly 0, for logarithms.
  double UniformOpen();
  double Normal();
  // Gamma(shape, 1); requires shape > 0.
  double Gamma(double shape);
  // Beta(a, b) returned as the pair (x, 1 - x), each computed without
  // cancellation (both come from the gammas); requires a, b > 0.
  struct BetaDraw {
    double x;
    double one_minus_x;
  };
  BetaDraw Beta(double a, double b);
  // The logarithm of a Gamma(shape, 1) draw, finite for every shape > 0:
  // below shape 1, log Gamma(shape + 1) + log(U) / shape (Robert and
  // Casella 2004, 2.2), so a draw of Gamma(0.01) near 1e-400 is not 0.
  double LogGamma(double shape);
  // Beta(a, b) as (log x, log(1 - x)), from two log-gamma draws: neither
  // side underflows or is clamped however small the shapes.
  struct LogBetaDraw {
    double log_x;
    double log_one_minus_x;
  };
  LogBetaDraw LogBeta(double a, double b);
  // Poisson(mean); requires mean >= 0.
  int64_t Poisson(double mean);
  // Binomial(n, p); requires n >= 0; p is clamped to [0, 1].
  int64_t Binomial(int64_t n, double p);
  // Failures before `successes` successes with success probability p, i.e.
  // P(k) = C(k + r - 1, k) p^r (1 - p)^k; requires successes > 0, 0 < p <= 1.
  int64_t NegativeBinomial(double successes, double p);
  // Splits n into counts by `weights` (non-negative, positive sum; need not
  // be normalised). `out` is resized to weights.size().
  void Multinomial(int64_t n, const std::vector<double>& weights, std::vector<int64_t>& out);

 private:
  int64_t BinomialInversion(int64_t n, double p);
  int64_t BinomialBtrd(int64_t n, double p);

  uint64_t s_[4];
  struct WeightedClass {
    double weight;
    size_t index;
  };
  std::vector<WeightedClass> sorted_;  // scratch for Multinomial
  bool has_spare_normal_ = false;
  double spare_normal_ = 0;
};

}  // namespace reckon::estimate
