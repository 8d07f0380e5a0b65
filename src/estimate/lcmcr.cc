#include "estimate/lcmcr.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
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
      rng_(seed) {
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
  for (size_t idx = 0; idx < k * j; ++idx) {
    const Rng::BetaDraw draw = rng_.Beta(1, 1);
    lambda_[idx] = draw.x;
    one_minus_lambda_[idx] = draw.one_minus_x;
  }
  pi_.assign(k, 1.0 / static_cast<double>(k));
  cell_prob_.resize(k << lists_);
  class_count_.resize(k);
  class_on_list_.resize(k * j);
  weights_.resize(k);
}

void LcmcrSampler::Step() {
  ComputeClassPatternProbabilities();
  SampleObservedClasses();
  SampleMissing();
  SampleListProbabilities();
  SampleSticks();
}

int LcmcrSampler::occupied_classes() const {
  return static_cast<int>(
      std::count_if(class_count_.begin(), class_count_.end(), [](int64_t c) { return c > 0; }));
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
  const size_t cells = size_t{1} << lists_;
  double p0 = 0;
  for (size_t k = 0; k < static_cast<size_t>(k_); ++k) {
    weights_[k] = pi_[k] * cell_prob_[k * cells];
    p0 += weights_[k];
  }
  // p(n0 | rest) with p(N) ~ 1/N is NegBinomial(n, 1 - p0).
  const double p_seen = std::clamp(1 - p0, 1e-300, 1.0);
  n0_ = rng_.NegativeBinomial(static_cast<double>(observed_), p_seen);
  if (n0_ == 0) return;
  rng_.Multinomial(n0_, weights_, split_);
  for (size_t k = 0; k < static_cast<size_t>(k_); ++k) class_count_[k] += split_[k];
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
  double remaining = 1;  // prod_{l<k} (1 - V_l)
  double sum_log_rest = 0;
  for (size_t k = 0; k + 1 < k_count; ++k) {
    after -= class_count_[k];
    const Rng::BetaDraw v =
        rng_.Beta(1 + static_cast<double>(class_count_[k]), alpha_ + static_cast<double>(after));
    pi_[k] = remaining * v.x;
    remaining *= v.one_minus_x;
    // log(1 - V) >= log(1e-300): keeps alpha's rate finite if a stick is 1.
    sum_log_rest += std::log(std::max(v.one_minus_x, 1e-300));
  }
  pi_[k_count - 1] = remaining;
  alpha_ = rng_.Gamma(a_alpha_ + static_cast<double>(k_count) - 1) / (b_alpha_ - sum_log_rest);
  alpha_ = std::max(alpha_, 1e-300);
}

LcmcrChain RunLcmcrChain(const CaptureTable& table, const LcmcrOptions& options, int chain_index) {
  const auto start = std::chrono::steady_clock::now();
  LcmcrSampler sampler(table, options,
                       DeriveSeed(options.seed, static_cast<uint64_t>(chain_index)));
  LcmcrChain chain;
  for (int64_t iter = 0; iter < options.burnin; ++iter) sampler.Step();
  chain.n.reserve(static_cast<size_t>(options.samples));
  chain.alpha.reserve(static_cast<size_t>(options.samples));
  for (int64_t draw = 0; draw < options.samples; ++draw) {
    for (int64_t iter = 0; iter < options.thinning; ++iter) sampler.Step();
    chain.n.push_back(static_cast<double>(sampler.observed() + sampler.missing()));
    chain.alpha.push_back(sampler.alpha());
  }
  chain.iterations = options.burnin + options.samples * options.thinning;
  chain.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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

LcmcrResult SummariseLcmcr(const CaptureTable& table, const LcmcrOptions& options,
                           std::vector<LcmcrChain> chains) {
  LcmcrResult out;
  out.options = options;
  out.observed = table.Observed();
  std::vector<double> pooled;
  double seconds = 0;
  int64_t iterations = 0;
  for (LcmcrChain& chain : chains) {
    pooled.insert(pooled.end(), chain.n.begin(), chain.n.end());
    out.chain_medians.push_back(Summarise(chain.n).median);
    seconds += chain.seconds;
    iterations += chain.iterations;
    out.draws.push_back(std::move(chain.n));
  }
  out.n = Summarise(pooled);
  out.diagnostics = Diagnose(out.draws);
  out.iterations_per_second = seconds > 0 ? static_cast<double>(iterations) / seconds : 0.0;
  if (out.diagnostics.rhat > 1.1) {
    out.warnings.push_back("the chains disagree (split R-hat " +
                           std::to_string(out.diagnostics.rhat) +
                           " > 1.1): run longer (--burnin, --samples, --thinning)");
  }
  if (out.diagnostics.ess < 100 * static_cast<double>(out.draws.size())) {
    out.warnings.push_back("only " + std::to_string(static_cast<int64_t>(out.diagnostics.ess)) +
                           " effective draws of N: the quantiles are imprecise; run longer");
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
