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
// V and pi; alpha; then a relabelling move. People with the same capture
// pattern are exchangeable, so their classes are drawn as one multinomial
// per pattern rather than person by person: the chain is the same, the cost
// per iteration depends on the number of patterns and not on the number of
// people.
//
// Start, as the reference does: every class's list probabilities at the
// lists' marginal frequencies, sticks from the prior, alpha held at 0.3 / K
// for `warmup` sweeps, then the classes sorted by weight, heaviest first.
// The stick-breaking prior is not exchangeable in the labels: it puts the
// heavy classes first. A chain whose dominant class sits at position 2 or 9
// is in a state the prior all but rules out, yet Gibbs steps alone leave it
// there for hundreds of thousands of sweeps (issue 17). So every sweep also
// proposes swapping the labels of two classes (their weights, list
// probabilities and members together) and accepts by Metropolis-Hastings:
// the likelihood is unchanged by a relabelling, so the ratio is the prior
// density of the permuted weights (docs/methods.md derives it).
//
// Sticks and alpha are drawn in log space: with alpha near 0.01, 1 - V of an
// empty class is often below 1e-300, and clamping it biased alpha upward.
//
// Thread-safety: LcmcrSampler is not thread-safe (one per thread); the free
// functions are safe to call concurrently and RunLcmcr runs its chains on
// separate threads.
#pragma once

#include <cmath>
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
  int64_t samples = 2000;  // draws kept per chain
  int64_t thinning = 100;  // iterations between kept draws
  int chains = 4;
  uint64_t seed = 1;
  int threads = 0;       // worker threads; 0 = one per chain up to the cores
  int64_t warmup = 500;  // sweeps before burn-in with alpha held (the reference's 500)
  // The start and moves of issue 17; false only to reproduce a stuck chain in
  // the diagnostics' tests (random list probabilities, no sorting, no swaps).
  bool reference_start = true;
  bool relabel = true;
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
  // The weight of the heaviest class and its position (0 = first stick).
  double largest_weight() const;
  int largest_position() const;
  const std::vector<double>& weights() const { return pi_; }
  // Relabelling proposals made and accepted so far.
  int64_t swaps_proposed() const { return swaps_proposed_; }
  int64_t swaps_accepted() const { return swaps_accepted_; }

 private:
  void StartAtMarginalFrequencies(const CaptureTable& table);
  void DrawSticksFromPrior();
  // log pi_k, exact however small pi_k is (pi_ itself may underflow to 0).
  double LogWeight(size_t k) const { return log_base_[k] + std::log(stick_[k]); }
  void Sweep(bool sample_alpha);
  void ComputeClassPatternProbabilities();
  void SampleObservedClasses();
  void SampleMissing();
  void SampleListProbabilities();
  void SampleSticks();
  void SampleAlpha();
  void ProposeSwap();
  // Log prior density of the weights `log_pi` under truncated stick
  // breaking with the current alpha, up to a constant.
  double LogStickPrior(const std::vector<double>& log_pi) const;
  // log p(weights with classes a < b exchanged) - log p(weights), from the
  // tail sums the exchange changes; exact in log space when a tail is tiny.
  double LogSwapRatio(size_t a, size_t b);
  // The same from the whole density in log space (slow, always exact).
  double ExactLogSwapRatio(size_t a, size_t b);
  // Puts class new_to_old[k] at position k in every array indexed by class.
  void ApplyPermutation(const std::vector<size_t>& new_to_old);
  // Exchanges the labels of classes a and b in every array indexed by class.
  void SwapClasses(size_t a, size_t b);

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
  // Class k's weight is pi_k = exp(log_base_k) * stick_k: log_base_k is
  // sum_{l<k} log(1 - V_l) as drawn (exact), stick_k is V_k (1 for the last
  // class). The pair moves with its class when classes are relabelled.
  std::vector<double> pi_;
  std::vector<double> stick_;
  std::vector<double> log_base_;
  double log_rest_ = 0;  // sum_k log(1 - V_k): log of the last class's weight
  double alpha_ = 1;
  bool relabel_ = true;
  int64_t swaps_proposed_ = 0;
  int64_t swaps_accepted_ = 0;
  int64_t n0_ = 0;
  std::vector<double> cell_prob_;       // k_ x 2^lists_: P(pattern | class)
  std::vector<int64_t> class_count_;    // people per class (observed + missing)
  std::vector<int64_t> missing_count_;  // the unobserved people's classes, last drawn
  std::vector<int64_t> class_on_list_;  // k_ x lists_: people in class on list
  std::vector<double> weights_;         // scratch
  std::vector<int64_t> split_;          // scratch
  std::vector<double> proposal_;        // scratch: log weights, permuted
};

// Draws of one chain: N = observed + n0 every `thinning` iterations after
// burn-in, and alongside it the concentration alpha and the weight and
// position of the heaviest class (the chain's class structure).
struct LcmcrChain {
  std::vector<double> n;
  std::vector<double> alpha;
  std::vector<double> largest_weight;
  std::vector<int> largest_position;
  int64_t iterations = 0;
  double seconds = 0;
  double swap_acceptance = 0;  // share of relabelling proposals accepted
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

// One chain on its own: what a reader needs to see that it is not stuck.
struct LcmcrChainSummary {
  PosteriorSummary n;
  double ess = 0;  // effective draws of N in this chain (split in halves)
  double alpha_median = 0;
  double largest_weight_median = 0;
  int dominant_position = 0;  // where the heaviest class sits most often
  double swap_acceptance = 0;
};

// Whether the chains agree: split R-hat over all chains on N, log alpha and
// the heaviest class's weight (a chain stuck in another class structure
// differs in alpha and that weight long before N shows it), and each
// chain's effective draws. Where a chain keeps its heaviest class is
// reported but not judged: when two classes weigh about the same the prior
// barely orders them, so chains may differ there by chance.
struct LcmcrConvergence {
  double rhat_n = 0;
  double rhat_log_alpha = 0;
  double rhat_largest_weight = 0;
  double min_chain_ess = 0;
  bool converged = false;  // no problem below: the interval may be published
  std::vector<std::string> problems;
};

// Thresholds of LcmcrConvergence: R-hat above kLcmcrMaxRhat on any of the
// three, or fewer than kLcmcrMinChainEss effective draws of N in a chain.
inline constexpr double kLcmcrMaxRhat = 1.05;
inline constexpr double kLcmcrMinChainEss = 100;

struct LcmcrResult {
  LcmcrOptions options;
  int64_t observed = 0;
  PosteriorSummary n;  // pooled over chains
  std::vector<double> chain_medians;
  std::vector<LcmcrChainSummary> chains;
  McmcDiagnostics diagnostics;  // on N, all chains
  LcmcrConvergence convergence;
  double iterations_per_second = 0;  // per chain
  std::vector<std::string> warnings;
  std::vector<std::vector<double>> draws;  // per chain, for summing strata
};

// Pools chains: summary, diagnostics, convergence, and warnings when the
// chains disagree or have few effective draws (then the interval is
// provisional), when a single chain was run (nothing to compare it with),
// or when the posterior reaches far beyond the data (97.5% > 100 x
// observed).
LcmcrResult SummariseLcmcr(const CaptureTable& table, const LcmcrOptions& options,
                           std::vector<LcmcrChain> chains);

// Runs options.chains chains in parallel and summarises them. Errors
// (kInvalidArgument): bad options, fewer than 2 lists, an empty table.
Result<LcmcrResult> RunLcmcr(const CaptureTable& table, const LcmcrOptions& options);

// Worker threads to use for `jobs` independent jobs: `requested` if
// positive, else the number of cores; never more than the jobs.
int WorkerThreads(int requested, size_t jobs);

}  // namespace reckon::estimate
