// Deterministic random numbers for the simulator.
//
// Every draw in `reckon simulate` comes from this file so that the same seed
// gives byte-identical output on every machine and library version: the
// engine (xoshiro256**, seeded through SplitMix64) and every distribution are
// implemented here rather than taken from <random>, whose distributions are
// not specified bit-for-bit. Floating-point results additionally rely on
// IEEE-754 doubles and on the C library's log/exp/pow, which agree on the
// platforms Reckon supports (glibc on x86-64 and aarch64).
//
// Independent streams: instead of threading one generator through the whole
// run, each random process (a household, one list's view of one person, one
// record's noise) gets its own generator keyed by StreamKey(seed, purpose,
// ...). Output then does not depend on the order in which things are drawn,
// and a record can be re-rendered identically (copied lists rely on that).
//
// Thread-safety: an Rng is a plain value; use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace reckon::simulate {

// One SplitMix64 step: advances `state` and returns a well-mixed value.
uint64_t SplitMix64(uint64_t& state);

// Hashes a seed and up to four integers into the seed of an independent stream.
// Different argument tuples give unrelated streams.
uint64_t StreamKey(uint64_t seed, uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0);

// xoshiro256** with the distributions the simulator needs.
class Rng {
 public:
  explicit Rng(uint64_t seed);

  // 64 uniformly distributed bits.
  uint64_t Next();
  // Uniform double in [0, 1) with 53 random bits.
  double Uniform();
  // Uniform integer in [0, n); n must be > 0. Unbiased (rejection sampling).
  uint64_t Below(uint64_t n);
  // Uniform integer in [lo, hi], inclusive; requires lo <= hi.
  int64_t Between(int64_t lo, int64_t hi);
  // True with probability p (p <= 0 never, p >= 1 always).
  bool Bernoulli(double p);
  // Standard normal deviate (Marsaglia's polar method).
  double Normal();
  // Poisson deviate: Knuth's product method below mean 30, a rounded normal
  // approximation above (the simulator only needs small means exactly).
  uint32_t Poisson(double mean);

  // Fisher-Yates shuffle.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t item_idx = items.size(); item_idx > 1; --item_idx) {
      const size_t other = static_cast<size_t>(Below(item_idx));
      std::swap(items[item_idx - 1], items[other]);
    }
  }

 private:
  uint64_t state_[4];
};

// Samples indices 0..n-1 in proportion to non-negative weights, by binary
// search over the cumulative sums. Immutable after construction: thread-safe.
class DiscreteSampler {
 public:
  DiscreteSampler() = default;
  // At least one weight must be positive.
  explicit DiscreteSampler(const std::vector<double>& weights);

  size_t Sample(Rng& rng) const;
  size_t size() const { return cumulative_.size(); }
  // The normalised probability of index `idx`.
  double Probability(size_t idx) const;

 private:
  std::vector<double> cumulative_;  // cumulative_[i] = sum of weights[0..i]
};

// Zipf weights 1 / (rank + 1)^exponent for ranks 0..n-1: a few very common
// items and a long tail, the shape of name frequencies. Exponent 0 is uniform.
std::vector<double> ZipfWeights(size_t n, double exponent);

// 1 / (1 + exp(-x)).
double Logistic(double x);
// log(p / (1 - p)), with p clamped to [1e-9, 1 - 1e-9].
double Logit(double p);

}  // namespace reckon::simulate
