#include "estimate/lcmcr.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <thread>

namespace reckon::estimate {
Status ValidateLcmcrOptions(const LcmcrOptions& options) {
  if (options.k < 1 || options.k > 1000) {
    return Status::InvalidArgument("--K must be between 1 and 1000");
  }
  if (!(options.a_alpha > 0) || !(options.b_alpha > 0)) {
    return Status::InvalidArgument("a_alpha and b_alpha must be positive");
  }
  if (options.burnin < 0) return Status::InvalidArgument("--burnin cannot be negative");
  if (options.samples < 1) return Status::InvalidArgument("--samples must be at least 1");
  if (options.thinning < 1) return Status::InvalidArgument("--thinning must be at least 1");
  if (options.warmup < 0) return Status::InvalidArgument("the warm-up cannot be negative");
  if (options.chains < 1 || options.chains > 256) {
    return Status::InvalidArgument("--chains must be between 1 and 256");
  }
  return Status::Ok();
}

LcmcrSampler::LcmcrSampler(const CaptureTable& table, const LcmcrOptions& options, uint64_t seed)
    : lists_(table.num_lists()),
      k_(options.k),
      a_alpha_(options.a_alpha),
      b_alpha_(options.b_alpha),
      rng_(seed),
      relabel_(options.relabel) {
  for (uint32_t pattern = 1; pattern < table.num_cells(); ++pattern) {
    if (table.count(pattern) > 0) {
      patterns_.push_back(pattern);
      counts_.push_back(table.count(pattern));
      observed_ += table.count(pattern);
    }
  }
  const size_t k = static_cast<size_t>(k_);
  const size_t j = static_cast<size_t>(lists_);
  lambda_.resize(k * j);
  one_minus_lambda_.resize(k * j);
  pi_.resize(k);
  stick_.resize(k);
  log_base_.resize(k);
  proposal_.resize(k);
  cell_prob_.resize(k << lists_);
  class_count_.resize(k);
  missing_count_.resize(k);
  class_on_list_.resize(k * j);
  weights_.resize(k);
  if (!options.reference_start) {
    // The start before issue 17, kept to test that the diagnostics catch
    // the chains it strands: random list probabilities, equal weights.
    for (size_t idx = 0; idx < k * j; ++idx) {
      const Rng::BetaDraw draw = rng_.Beta(1, 1);
      lambda_[idx] = draw.x;
      one_minus_lambda_[idx] = draw.one_minus_x;
    }
    for (size_t idx = 0; idx < k; ++idx) {
      const double remaining = static_cast<double>(k - idx) / static_cast<double>(k);
      pi_[idx] = 1 / static_cast<double>(k);
      stick_[idx] = 1 / static_cast<double>(k - idx);
      log_base_[idx] = std::log(remaining);
    }
    log_rest_ = LogWeight(k - 1);
    return;
  }
  StartAtMarginalFrequencies(table);
  DrawSticksFromPrior();
  alpha_ = 0.3 / static_cast<double>(k_);
  for (int64_t sweep = 0; sweep < options.warmup; ++sweep) Sweep(/*sample_alpha=*/false);
  // Heaviest class first, where the stick-breaking prior puts it.
  std::vector<size_t> new_to_old(k);
  for (size_t idx = 0; idx < k; ++idx) new_to_old[idx] = idx;
  std::stable_sort(new_to_old.begin(), new_to_old.end(),
                   [&](size_t a, size_t b) { return LogWeight(a) > LogWeight(b); });
  ApplyPermutation(new_to_old);
}

void LcmcrSampler::StartAtMarginalFrequencies(const CaptureTable& table) {
  const size_t j_count = static_cast<size_t>(lists_);
  for (size_t list = 0; list < j_count; ++list) {
    int64_t on_list = 0;
    for (size_t p = 0; p < patterns_.size(); ++p) {
      if (patterns_[p] >> list & 1u) on_list += counts_[p];
    }
    // Strictly inside (0, 1), so no pattern starts impossible.
    const double frequency = std::clamp(
        static_cast<double>(on_list) / static_cast<double>(table.Observed()), 1e-6, 1 - 1e-6);
    for (size_t k = 0; k < static_cast<size_t>(k_); ++k) {
      lambda_[k * j_count + list] = frequency;
      one_minus_lambda_[k * j_count + list] = 1 - frequency;
    }
  }
}

void LcmcrSampler::DrawSticksFromPrior() {
  double acc = 0;
  for (size_t k = 0; k + 1 < static_cast<size_t>(k_); ++k) {
    const Rng::LogBetaDraw v = rng_.LogBeta(1, 1);
    stick_[k] = std::exp(v.log_x);
    log_base_[k] = acc;
    pi_[k] = std::exp(acc) * stick_[k];
    acc += v.log_one_minus_x;
  }
  stick_.back() = 1;
  log_base_.back() = acc;
  pi_.back() = std::exp(acc);
  log_rest_ = acc;
}

void LcmcrSampler::Step() { Sweep(/*sample_alpha=*/true); }

void LcmcrSampler::Sweep(bool sample_alpha) {
  ComputeClassPatternProbabilities();
  SampleObservedClasses();
  for (size_t k = 0; k < missing_count_.size(); ++k) class_count_[k] += missing_count_[k];
  SampleListProbabilities();
  SampleSticks();
  SampleMissing();
  if (!sample_alpha) return;
  SampleAlpha();
  if (relabel_) ProposeSwap();
}

int LcmcrSampler::occupied_classes() const {
  return static_cast<int>(
      std::count_if(class_count_.begin(), class_count_.end(), [](int64_t c) { return c > 0; }));
}

double LcmcrSampler::largest_weight() const { return *std::max_element(pi_.begin(), pi_.end()); }

int LcmcrSampler::largest_position() const {
  return static_cast<int>(std::max_element(pi_.begin(), pi_.end()) - pi_.begin());
}

void LcmcrSampler::ComputeClassPatternProbabilities() {
  const size_t cells = size_t{1} << lists_;
  for (size_t k = 0; k < static_cast<size_t>(k_); ++k) {
    double* prob = cell_prob_.data() + k * cells;
    const double* lam = lambda_.data() + k * static_cast<size_t>(lists_);
    const double* off = one_minus_lambda_.data() + k * static_cast<size_t>(lists_);
    // Doubling: after list j, prob[0 .. 2^(j+1)) covers lists 0..j.
    prob[0] = 1.0;
    for (size_t list = 0; list < static_cast<size_t>(lists_); ++list) {
      const size_t half = size_t{1} << list;
      for (size_t pattern = 0; pattern < half; ++pattern) {
        prob[pattern + half] = prob[pattern] * lam[list];
        prob[pattern] *= off[list];
      }
    }
  }
}

void LcmcrSampler::SampleObservedClasses() {
  const size_t cells = size_t{1} << lists_;
  const size_t k_count = static_cast<size_t>(k_);
  const size_t j_count = static_cast<size_t>(lists_);
  std::fill(class_count_.begin(), class_count_.end(), 0);
  std::fill(class_on_list_.begin(), class_on_list_.end(), 0);
  for (size_t p = 0; p < patterns_.size(); ++p) {
    const uint32_t pattern = patterns_[p];
    const int64_t count = counts_[p];
    for (size_t k = 0; k < k_count; ++k) weights_[k] = pi_[k] * cell_prob_[k * cells + pattern];
    rng_.Multinomial(count, weights_, split_);
    for (size_t k = 0; k < k_count; ++k) {
      const int64_t in_class = split_[k];
      if (in_class == 0) continue;
      class_count_[k] += in_class;
      int64_t* on_list = class_on_list_.data() + k * j_count;
      for (size_t list = 0; list < j_count; ++list) {
        if (pattern >> list & 1u) on_list[list] += in_class;
      }
    }
  }
}

void LcmcrSampler::SampleMissing() {
  const size_t j_count = static_cast<size_t>(lists_);
  double p0 = 0;
  for (size_t k = 0; k < static_cast<size_t>(k_); ++k) {
    double off = 1;
    for (size_t list = 0; list < j_count; ++list) off *= one_minus_lambda_[k * j_count + list];
    weights_[k] = pi_[k] * off;
    p0 += weights_[k];
  }
  // p(n0 | rest) with p(N) ~ 1/N is NegBinomial(n, 1 - p0).
  const double p_seen = std::clamp(1 - p0, 1e-300, 1.0);
  n0_ = rng_.NegativeBinomial(static_cast<double>(observed_), p_seen);
  std::fill(missing_count_.begin(), missing_count_.end(), 0);
  if (n0_ == 0) return;
  rng_.Multinomial(n0_, weights_, split_);
  for (size_t k = 0; k < static_cast<size_t>(k_); ++k) missing_count_[k] = split_[k];
}

void LcmcrSampler::SampleListProbabilities() {
  const size_t j_count = static_cast<size_t>(lists_);
  for (size_t k = 0; k < static_cast<size_t>(k_); ++k) {
    for (size_t list = 0; list < j_count; ++list) {
      const size_t idx = k * j_count + list;
      const double on = static_cast<double>(class_on_list_[idx]);
      const double off = static_cast<double>(class_count_[k]) - on;
      const Rng::BetaDraw draw = rng_.Beta(1 + on, 1 + off);
      lambda_[idx] = draw.x;
      one_minus_lambda_[idx] = draw.one_minus_x;
    }
  }
}

void LcmcrSampler::SampleSticks() {
  const size_t k_count = static_cast<size_t>(k_);
  int64_t after = 0;
  for (const int64_t c : class_count_) after += c;
  double acc = 0;        // sum_{l<k} log(1 - V_l), exact
  double remaining = 1;  // the same product in linear space (may underflow)
  for (size_t k = 0; k + 1 < k_count; ++k) {
    after -= class_count_[k];
    const double a = 1 + static_cast<double>(class_count_[k]);
    const double b = alpha_ + static_cast<double>(after);
    double v, rest, log_rest;
    if (b >= 1) {
      // Neither side can underflow: both gammas have shape >= 1.
      const Rng::BetaDraw draw = rng_.Beta(a, b);
      v = draw.x;
      rest = draw.one_minus_x;
      log_rest = std::log(rest);
    } else {
      // An empty tail with a small alpha: 1 - V may be far below 1e-300.
      const Rng::LogBetaDraw draw = rng_.LogBeta(a, b);
      v = std::exp(draw.log_x);
      log_rest = draw.log_one_minus_x;
      rest = std::exp(log_rest);
    }
    stick_[k] = v;
    log_base_[k] = acc;
    pi_[k] = remaining * v;
    acc += log_rest;
    remaining *= rest;
  }
  stick_[k_count - 1] = 1;
  log_base_[k_count - 1] = acc;
  pi_[k_count - 1] = remaining;
  log_rest_ = acc;
}

void LcmcrSampler::SampleAlpha() {
  // alpha | V ~ Gamma(a + K - 1, rate b - sum log(1 - V_k)); the sum is
  // exact (log space), so the rate is never clamped.
  alpha_ = rng_.Gamma(a_alpha_ + static_cast<double>(k_) - 1) / (b_alpha_ - log_rest_);
}

double LcmcrSampler::LogStickPrior(const std::vector<double>& log_pi) const {
  // With R_k = pi_k + ... + pi_{K-1} and V_k = pi_k / R_k, the density of
  // the weights is prod_{k<K-1} alpha (1 - V_k)^(alpha - 1) / R_k; the
  // (1 - V_k) = R_{k+1} / R_k telescope to pi_{K-1}^(alpha - 1), and R_0 = 1.
  const size_t k_count = log_pi.size();
  double log_tail = log_pi[k_count - 1];
  double sum_log_tails = 0;
  for (size_t k = k_count - 1; k-- > 1;) {
    const double hi = std::max(log_pi[k], log_tail);
    const double lo = std::min(log_pi[k], log_tail);
    log_tail = hi + std::log1p(std::exp(lo - hi));
    sum_log_tails += log_tail;
  }
  return (alpha_ - 1) * log_pi[k_count - 1] - sum_log_tails;
}

double LcmcrSampler::LogSwapRatio(size_t a, size_t b) {
  // Only R_k for a < k <= b change: R_k = S_k + pi_b becomes S_k + pi_a,
  // with S_k the tail from k without class b (no cancellation). The sum in
  // the density runs over k = 1 .. K-2.
  constexpr double kTiny = 1e-280;  // below this a linear tail loses digits
  const size_t last = static_cast<size_t>(k_) - 1;
  double tail = 0;
  for (size_t m = last; m > b; --m) tail += pi_[m];
  double log_ratio = 0;
  double ratio = 1;
  for (size_t k = b; k > a; --k) {
    if (k != b) tail += pi_[k];
    if (k == last) continue;
    const double before = tail + pi_[b];
    const double after = tail + pi_[a];
    if (!(before > kTiny && after > kTiny)) return ExactLogSwapRatio(a, b);
    ratio *= before / after;
    if (ratio > 1e100 || ratio < 1e-100) {
      log_ratio += std::log(ratio);
      ratio = 1;
    }
  }
  log_ratio += std::log(ratio);
  if (b == last) log_ratio += (alpha_ - 1) * (LogWeight(a) - LogWeight(last));
  // The shortcut must equal the density it stands for (checked in the
  // debug builds the sanitizer tests use).
  assert(std::fabs(log_ratio - ExactLogSwapRatio(a, b)) <=
         1e-6 * std::max(1.0, std::fabs(log_ratio)));
  return log_ratio;
}

double LcmcrSampler::ExactLogSwapRatio(size_t a, size_t b) {
  for (size_t idx = 0; idx < proposal_.size(); ++idx) proposal_[idx] = LogWeight(idx);
  const double current = LogStickPrior(proposal_);
  std::swap(proposal_[a], proposal_[b]);
  return LogStickPrior(proposal_) - current;
}

void LcmcrSampler::ProposeSwap() {
  if (k_ < 2) return;
  const size_t k_count = static_cast<size_t>(k_);
  size_t first = static_cast<size_t>(rng_.Uniform() * static_cast<double>(k_count));
  size_t second = static_cast<size_t>(rng_.Uniform() * static_cast<double>(k_count - 1));
  if (second >= first) ++second;
  if (first > second) std::swap(first, second);
  const double log_ratio = LogSwapRatio(first, second);
  ++swaps_proposed_;
  if (log_ratio < 0 && std::log(rng_.UniformOpen()) >= log_ratio) return;
  ++swaps_accepted_;
  SwapClasses(first, second);
}

void LcmcrSampler::SwapClasses(size_t a, size_t b) {
  const size_t j_count = static_cast<size_t>(lists_);
  std::swap_ranges(lambda_.begin() + static_cast<std::ptrdiff_t>(a * j_count),
                   lambda_.begin() + static_cast<std::ptrdiff_t>((a + 1) * j_count),
                   lambda_.begin() + static_cast<std::ptrdiff_t>(b * j_count));
  std::swap_ranges(one_minus_lambda_.begin() + static_cast<std::ptrdiff_t>(a * j_count),
                   one_minus_lambda_.begin() + static_cast<std::ptrdiff_t>((a + 1) * j_count),
                   one_minus_lambda_.begin() + static_cast<std::ptrdiff_t>(b * j_count));
  std::swap_ranges(class_on_list_.begin() + static_cast<std::ptrdiff_t>(a * j_count),
                   class_on_list_.begin() + static_cast<std::ptrdiff_t>((a + 1) * j_count),
                   class_on_list_.begin() + static_cast<std::ptrdiff_t>(b * j_count));
  std::swap(class_count_[a], class_count_[b]);
  std::swap(missing_count_[a], missing_count_[b]);
  std::swap(pi_[a], pi_[b]);
  std::swap(stick_[a], stick_[b]);
  std::swap(log_base_[a], log_base_[b]);
  log_rest_ = LogWeight(pi_.size() - 1);
}

void LcmcrSampler::ApplyPermutation(const std::vector<size_t>& new_to_old) {
  const size_t k_count = static_cast<size_t>(k_);
  const size_t j_count = static_cast<size_t>(lists_);
  auto permute_rows = [&](auto& values, size_t width) {
    auto old = values;
    for (size_t k = 0; k < k_count; ++k) {
      std::copy_n(old.begin() + static_cast<std::ptrdiff_t>(new_to_old[k] * width), width,
                  values.begin() + static_cast<std::ptrdiff_t>(k * width));
    }
  };
  permute_rows(lambda_, j_count);
  permute_rows(one_minus_lambda_, j_count);
  permute_rows(class_on_list_, j_count);
  permute_rows(class_count_, 1);
  permute_rows(missing_count_, 1);
  permute_rows(pi_, 1);
  permute_rows(stick_, 1);
  permute_rows(log_base_, 1);
  log_rest_ = LogWeight(k_count - 1);
}

LcmcrChain RunLcmcrChain(const CaptureTable& table, const LcmcrOptions& options, int chain_index) {
  const auto start = std::chrono::steady_clock::now();
  LcmcrSampler sampler(table, options,
                       DeriveSeed(options.seed, static_cast<uint64_t>(chain_index)));
  LcmcrChain chain;
  for (int64_t iter = 0; iter < options.burnin; ++iter) sampler.Step();
  const size_t samples = static_cast<size_t>(options.samples);
  chain.n.reserve(samples);
  chain.alpha.reserve(samples);
  chain.largest_weight.reserve(samples);
  chain.largest_position.reserve(samples);
  for (int64_t draw = 0; draw < options.samples; ++draw) {
    for (int64_t iter = 0; iter < options.thinning; ++iter) sampler.Step();
    chain.n.push_back(static_cast<double>(sampler.observed() + sampler.missing()));
    chain.alpha.push_back(sampler.alpha());
    chain.largest_weight.push_back(sampler.largest_weight());
    chain.largest_position.push_back(sampler.largest_position());
  }
  chain.iterations = options.warmup + options.burnin + options.samples * options.thinning;
  chain.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  chain.swap_acceptance = sampler.swaps_proposed() > 0
                              ? static_cast<double>(sampler.swaps_accepted()) /
                                    static_cast<double>(sampler.swaps_proposed())
                              : 0.0;
  return chain;
}

PosteriorSummary Summarise(std::vector<double> draws) {
  PosteriorSummary out;
  if (draws.empty()) return out;
  std::sort(draws.begin(), draws.end());
  auto quantile = [&](double q) {
    const double h = (static_cast<double>(draws.size()) - 1) * q;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, draws.size() - 1);
    return draws[lo] + (h - static_cast<double>(lo)) * (draws[hi] - draws[lo]);
  };
  double sum = 0;
  for (const double d : draws) sum += d;
  out.mean = sum / static_cast<double>(draws.size());
  double ss = 0;
  for (const double d : draws) ss += (d - out.mean) * (d - out.mean);
  out.sd = draws.size() > 1 ? std::sqrt(ss / static_cast<double>(draws.size() - 1)) : 0.0;
  out.median = quantile(0.5);
  out.q025 = quantile(0.025);
  out.q975 = quantile(0.975);
  return out;
}

namespace {

std::string Fixed3(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

// Split R-hat of one quantity over chains (NaN when too short to tell).
double RhatOf(const std::vector<std::vector<double>>& chains) { return Diagnose(chains).rhat; }

int ModalPosition(const std::vector<int>& positions) {
  std::vector<int64_t> seen;
  for (const int position : positions) {
    if (position < 0) continue;
    if (static_cast<size_t>(position) >= seen.size())
      seen.resize(static_cast<size_t>(position) + 1);
    ++seen[static_cast<size_t>(position)];
  }
  if (seen.empty()) return 0;
  return static_cast<int>(std::max_element(seen.begin(), seen.end()) - seen.begin());
}

LcmcrConvergence CheckConvergence(const std::vector<LcmcrChain>& chains,
                                  const std::vector<LcmcrChainSummary>& summaries) {
  LcmcrConvergence out;
  std::vector<std::vector<double>> n, log_alpha, largest;
  for (const LcmcrChain& chain : chains) {
    n.push_back(chain.n);
    std::vector<double> logs(chain.alpha.size());
    for (size_t idx = 0; idx < logs.size(); ++idx) logs[idx] = std::log(chain.alpha[idx]);
    log_alpha.push_back(std::move(logs));
    largest.push_back(chain.largest_weight);
  }
  out.rhat_n = RhatOf(n);
  out.rhat_log_alpha = RhatOf(log_alpha);
  out.rhat_largest_weight = RhatOf(largest);
  out.min_chain_ess = std::numeric_limits<double>::infinity();
  for (const LcmcrChainSummary& s : summaries)
    out.min_chain_ess = std::min(out.min_chain_ess, s.ess);
  auto check = [&](double rhat, const char* what) {
    if (!(rhat <= kLcmcrMaxRhat)) {
      out.problems.push_back(std::string("the chains disagree on ") + what + " (split R-hat " +
                             (std::isfinite(rhat) ? Fixed3(rhat) : std::string("unknown")) + " > " +
                             Fixed3(kLcmcrMaxRhat) + ")");
    }
  };
  check(out.rhat_n, "N");
  check(out.rhat_log_alpha, "alpha");
  check(out.rhat_largest_weight, "the weight of the largest class");
  for (size_t idx = 0; idx < summaries.size(); ++idx) {
    if (!(summaries[idx].ess >= kLcmcrMinChainEss)) {
      const double ess = summaries[idx].ess;
      out.problems.push_back("chain " + std::to_string(idx + 1) + " has only " +
                             (std::isfinite(ess) ? std::to_string(static_cast<int64_t>(ess))
                                                 : std::string("an unknown number of")) +
                             " effective draws of N (fewer than " +
                             std::to_string(static_cast<int64_t>(kLcmcrMinChainEss)) + ")");
    }
  }
  out.converged = out.problems.empty();
  return out;
}

}  // namespace

LcmcrResult SummariseLcmcr(const CaptureTable& table, const LcmcrOptions& options,
                           std::vector<LcmcrChain> chains) {
  LcmcrResult out;
  out.options = options;
  out.observed = table.Observed();
  std::vector<double> pooled;
  double seconds = 0;
  int64_t iterations = 0;
  for (const LcmcrChain& chain : chains) {
    pooled.insert(pooled.end(), chain.n.begin(), chain.n.end());
    LcmcrChainSummary summary;
    summary.n = Summarise(chain.n);
    summary.ess = Diagnose({chain.n}).ess;
    summary.alpha_median = Summarise(chain.alpha).median;
    summary.largest_weight_median = Summarise(chain.largest_weight).median;
    summary.dominant_position = ModalPosition(chain.largest_position);
    summary.swap_acceptance = chain.swap_acceptance;
    out.chain_medians.push_back(summary.n.median);
    out.chains.push_back(summary);
    seconds += chain.seconds;
    iterations += chain.iterations;
  }
  out.n = Summarise(pooled);
  out.convergence = CheckConvergence(chains, out.chains);
  for (LcmcrChain& chain : chains) out.draws.push_back(std::move(chain.n));
  out.diagnostics = Diagnose(out.draws);
  out.iterations_per_second = seconds > 0 ? static_cast<double>(iterations) / seconds : 0.0;
  if (!out.convergence.converged) {
    std::string text = "the interval is provisional: ";
    for (size_t idx = 0; idx < out.convergence.problems.size(); ++idx) {
      text += (idx ? "; " : "") + out.convergence.problems[idx];
    }
    out.warnings.push_back(text + ". Run longer (--burnin, --samples, --thinning) or more chains");
  }
  if (chains.size() == 1) {
    out.warnings.push_back(
        "one chain only: nothing shows whether another start would agree; run 4 (--chains 4)");
  }
  if (out.n.q975 > 100 * static_cast<double>(out.observed)) {
    out.warnings.push_back(
        "the posterior reaches over 100 times the number observed: the lists overlap too "
        "little to bound N");
  }
  return out;
}

int WorkerThreads(int requested, size_t jobs) {
  int threads = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  return static_cast<int>(std::min(static_cast<size_t>(threads), std::max<size_t>(jobs, 1)));
}

Result<LcmcrResult> RunLcmcr(const CaptureTable& table, const LcmcrOptions& options) {
  RECKON_RETURN_IF_ERROR(ValidateLcmcrOptions(options));
  if (table.num_lists() < 2) return Status::InvalidArgument("LCMCR needs at least 2 lists");
  if (table.Observed() == 0) return Status::InvalidArgument("LCMCR: the table is empty");
  std::vector<LcmcrChain> chains(static_cast<size_t>(options.chains));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t idx = next++; idx < chains.size(); idx = next++) {
      chains[idx] = RunLcmcrChain(table, options, static_cast<int>(idx));
    }
  };
  const int threads = WorkerThreads(options.threads, chains.size());
  std::vector<std::thread> pool;
  for (int thread_idx = 1; thread_idx < threads; ++thread_idx) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  return SummariseLcmcr(table, options, std::move(chains));
}

}  // namespace reckon::estimate
