// The Bayesian non-parametric latent-class model for capture-recapture
// (Manrique-Vallier 2016, Biometrics 72: 1246-1254), the model of the R
// package LCMCR that HRDAG uses.
//
// Model: every one of the N people belongs to a latent class z in 1..K with
// probabilities pi from a stick-breaking Dirichlet process truncated at K
// (V_k ~ Beta(1, alpha), V_K = 1); within class k, list j records a person
// independently with probability lambda_jk ~ Beta(1, 1); alpha ~
// Gamma(a_alpha, rate b_alpha); p(N) proportional to 1/N. Only people on at
// least one list are observed.
//
// The Gibbs sampler cycles through: the classes of the observed people given
// (lambda, pi); the number unobserved n0 ~ NegBinomial(n, 1 - p0) with p0 =
// sum_k pi_k prod_j (1 - lambda_jk), and their classes; lambda; the sticks
// V and pi; alpha. People with the same capture pattern are exchangeable,
// so their classes are drawn as one multinomial per pattern rather than
// person by person: the chain is the same, the cost per iteration depends
// on the number of patterns and not on the number of people.
//
// Thread-safety: LcmcrSampler is not thread-safe (one per thread); the free
// functions are safe to call concurrently and RunLcmcr runs its chains on
// separate threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "estimate/capture_table.h"
#include "estimate/mcmc_diagnostics.h"
#include "estimate/random.h"

namespace reckon::estimate {

struct LcmcrOptions {
  int k = 10;              // truncation of the Dirichlet process (classes)
  double a_alpha = 0.25;   // Gamma prior on the concentration alpha: shape
  double b_alpha = 0.25;   // and rate
  int64_t burnin = 10000;  // iterations discarded before the first draw
  int64_t samples = 1000;  // draws kept per chain
  int64_t thinning = 100;  // iterations between kept draws
  int chains = 4;
  uint64_t seed = 1;
  int threads = 0;  // worker threads; 0 = one per chain up to the cores
};

// Checks the options; kInvalidArgument naming the bad one.
Status ValidateLcmcrOptions(const LcmcrOptions& options);

// One Gibbs chain. Requires a table with at least 2 lists and one observed
// person, and valid options.
class LcmcrSampler {
 public:
  LcmcrSampler(const CaptureTable& table, const LcmcrOptions& options, uint64_t seed);

  // One full Gibbs sweep.
  void Step();

  int64_t observed() const { return observed_; }
  int64_t missing() const { return n0_; }
  double alpha() const { return alpha_; }
  // Classes holding at least one person after the last sweep.
  int occupied_classes() const;

 private:
  void ComputeClassPatternProbabilities();
  void SampleObservedClasses();
  void SampleMissing();
  void SampleListProbabilities();
  void SampleSticks();

  int lists_;
  int k_;
  double a_alpha_;
  double b_alpha_;
  Rng rng_;
  int64_t observed_ = 0;
  std::vector<uint32_t> patterns_;  // observed patterns with a positive count
  std::vector<int64_t> counts_;     // their counts
  std::vector<double> lambda_;      // k_ x lists_: P(on list j | class k)
  std::vector<double> one_minus_lambda_;
  std::vector<double> pi_;
  double alpha_ = 1;
  int64_t n0_ = 0;
  std::vector<double> cell_prob_;       // k_ x 2^lists_: P(pattern | class)
  std::vector<int64_t> class_count_;    // people per class (observed + missing)
  std::vector<int64_t> class_on_list_;  // k_ x lists_: people in class on list
  std::vector<double> weights_;         // scratch
  std::vector<int64_t> split_;          // scratch
};

// Draws of one chain: N = observed + n0 every `thinning` iterations after
// burn-in, and the concentration alpha alongside.
struct LcmcrChain {
  std::vector<double> n;
  std::vector<double> alpha;
  int64_t iterations = 0;
  double seconds = 0;
};

// Runs chain `chain_index` (seed derived from options.seed and the index).
LcmcrChain RunLcmcrChain(const CaptureTable& table, const LcmcrOptions& options, int chain_index);

struct PosteriorSummary {
  double mean = 0;
  double median = 0;
  double q025 = 0;
  double q975 = 0;
  double sd = 0;
};

// Quantiles by linear interpolation between order statistics (R's type 7).
// Requires a non-empty sample.
PosteriorSummary Summarise(std::vector<double> draws);

struct LcmcrResult {
  LcmcrOptions options;
  int64_t observed = 0;
  PosteriorSummary n;  // pooled over chains
  std::vector<double> chain_medians;
  McmcDiagnostics diagnostics;
  double iterations_per_second = 0;  // per chain
  std::vector<std::string> warnings;
  std::vector<std::vector<double>> draws;  // per chain, for summing strata
};

// Pools chains: summary, diagnostics, and warnings when chains disagree
// (split R-hat > 1.1), effective draws are few (fewer than 100 per chain),
// or the posterior reaches far beyond the data (97.5% > 100 x observed).
LcmcrResult SummariseLcmcr(const CaptureTable& table, const LcmcrOptions& options,
                           std::vector<LcmcrChain> chains);

// Runs options.chains chains in parallel and summarises them. Errors
// (kInvalidArgument): bad options, fewer than 2 lists, an empty table.
Result<LcmcrResult> RunLcmcr(const CaptureTable& table, const LcmcrOptions& options);

// Worker threads to use for `jobs` independent jobs: `requested` if
// positive, else the number of cores; never more than the jobs.
int WorkerThreads(int requested, size_t jobs);

}  // namespace reckon::estimate
