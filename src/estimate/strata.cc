#include "estimate/strata.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "estimate/random.h"

namespace reckon::estimate {
namespace {

// Inverse-CDF draws from a posterior over n0 = 0, 1, ...
std::vector<double> DrawFromGrid(const DgaResult& dga, int64_t draws, uint64_t seed) {
  std::vector<double> cdf(dga.posterior.size());
  double running = 0;
  for (size_t idx = 0; idx < cdf.size(); ++idx) {
    running += dga.posterior[idx];
    cdf[idx] = running;
  }
  Rng rng(seed);
  std::vector<double> out(static_cast<size_t>(draws));
  for (double& value : out) {
    const double u = rng.Uniform() * running;
    const size_t n0 =
        static_cast<size_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    value = static_cast<double>(dga.observed) + static_cast<double>(std::min(n0, cdf.size() - 1));
  }
  return out;
}

}  // namespace

Result<EstimateReport> EstimateStrata(const std::vector<Stratum>& strata,
                                      const EstimateOptions& options) {
  if (strata.empty()) return Status::InvalidArgument("nothing to estimate: no strata");
  if (!options.loglinear && !options.lcmcr && !options.dga) {
    return Status::InvalidArgument("no estimation method chosen");
  }
  if (options.lcmcr) RECKON_RETURN_IF_ERROR(ValidateLcmcrOptions(options.lcmcr_options));
  EstimateReport report;
  report.options = options;
  report.lists = strata.front().table.lists();
  report.stratified = strata.size() > 1 || !strata.front().name.empty();

  std::vector<CaptureTable> tables(strata.size());
  for (size_t idx = 0; idx < strata.size(); ++idx) {
    const Stratum& stratum = strata[idx];
    StratumEstimate estimate;
    estimate.name = stratum.name;
    estimate.observed = stratum.table.Observed();
    const std::vector<int> usable = stratum.table.NonEmptyLists();
    const CaptureTable table = stratum.table.Select(usable);
    estimate.lists = table.lists();
    if (static_cast<int>(usable.size()) < options.min_lists) {
      estimate.reason = "only " + std::to_string(usable.size()) + " list(s) name anyone here; " +
                        std::to_string(options.min_lists) + " are needed";
    } else if (table.OnSeveralLists() == 0) {
      estimate.reason = "no one is on more than one list: the lists never overlap";
    } else {
      estimate.estimable = true;
    }
    tables[idx] = table;
    report.strata.push_back(std::move(estimate));
  }

  // Log-linear and dga, stratum by stratum.
  for (size_t idx = 0; idx < strata.size(); ++idx) {
    StratumEstimate& estimate = report.strata[idx];
    if (!estimate.estimable) continue;
    if (options.loglinear) {
      auto analysis = AnalyseLoglinear(tables[idx], options.loglinear_options);
      if (analysis.ok()) {
        estimate.loglinear = std::move(analysis).value();
      } else {
        estimate.errors.push_back("loglinear: " + analysis.status().message());
      }
    }
    if (options.dga) {
      auto dga = RunDga(tables[idx], options.dga_options);
      if (dga.ok()) {
        estimate.dga = std::move(dga).value();
      } else {
        estimate.errors.push_back("dga: " + dga.status().message());
      }
    }
  }

  // LCMCR: every chain of every stratum on one pool of threads.
  if (options.lcmcr) {
    struct Job {
      size_t stratum;
      int chain;
    };
    std::vector<Job> jobs;
    std::vector<LcmcrOptions> stratum_options(strata.size(), options.lcmcr_options);
    for (size_t idx = 0; idx < strata.size(); ++idx) {
      if (!report.strata[idx].estimable) continue;
      if (report.stratified) {
        stratum_options[idx].seed = DeriveSeed(options.lcmcr_options.seed, 1000 + idx);
      }
      for (int chain = 0; chain < options.lcmcr_options.chains; ++chain) {
        jobs.push_back({idx, chain});
      }
    }
    std::vector<std::vector<LcmcrChain>> chains(strata.size());
    for (size_t idx = 0; idx < strata.size(); ++idx) {
      chains[idx].resize(static_cast<size_t>(options.lcmcr_options.chains));
    }
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t job = next++; job < jobs.size(); job = next++) {
        const Job& j = jobs[job];
        chains[j.stratum][static_cast<size_t>(j.chain)] =
            RunLcmcrChain(tables[j.stratum], stratum_options[j.stratum], j.chain);
      }
    };
    const int threads = WorkerThreads(options.lcmcr_options.threads, jobs.size());
    std::vector<std::thread> pool;
    for (int thread_idx = 1; thread_idx < threads; ++thread_idx) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
    for (size_t idx = 0; idx < strata.size(); ++idx) {
      if (!report.strata[idx].estimable) continue;
      report.strata[idx].lcmcr =
          SummariseLcmcr(tables[idx], stratum_options[idx], std::move(chains[idx]));
    }
  }

  if (!report.stratified) return report;
  TotalEstimate total;
  bool loglinear_complete = options.loglinear;
  double loglinear_sum = 0;
  double loglinear_var = 0;
  std::vector<double> lcmcr_sum;
  std::vector<double> dga_sum;
  bool lcmcr_complete = options.lcmcr;
  bool dga_complete = options.dga;
  for (size_t idx = 0; idx < report.strata.size(); ++idx) {
    const StratumEstimate& estimate = report.strata[idx];
    total.observed += estimate.observed;
    if (!estimate.estimable) {
      total.observed_not_estimable += estimate.observed;
      continue;
    }
    ++total.strata_estimated;
    if (estimate.loglinear && estimate.loglinear->selected) {
      const LoglinearFit& fit = estimate.loglinear->models[*estimate.loglinear->selected];
      loglinear_sum += fit.abundance;
      loglinear_var += fit.stderr_n * fit.stderr_n;
    } else {
      loglinear_complete = false;
    }
    if (estimate.lcmcr) {
      std::vector<double> pooled;
      for (const auto& chain : estimate.lcmcr->draws) {
        pooled.insert(pooled.end(), chain.begin(), chain.end());
      }
      if (lcmcr_sum.empty()) lcmcr_sum.assign(pooled.size(), 0.0);
      for (size_t d = 0; d < pooled.size() && d < lcmcr_sum.size(); ++d) {
        lcmcr_sum[d] += pooled[d];
      }
      if (!estimate.lcmcr->convergence.converged) total.lcmcr_converged = false;
    } else {
      lcmcr_complete = false;
    }
    if (estimate.dga) {
      const std::vector<double> draws =
          DrawFromGrid(*estimate.dga, options.dga_total_draws,
                       DeriveSeed(options.lcmcr_options.seed, 5000 + idx));
      if (dga_sum.empty()) dga_sum.assign(draws.size(), 0.0);
      for (size_t d = 0; d < draws.size(); ++d) dga_sum[d] += draws[d];
    } else {
      dga_complete = false;
    }
  }
  const double floor = static_cast<double>(total.observed_not_estimable);
  if (total.strata_estimated > 0) {
    if (loglinear_complete) {
      total.loglinear_abundance = loglinear_sum + floor;
      total.loglinear_stderr = std::sqrt(loglinear_var);
    }
    if (lcmcr_complete && !lcmcr_sum.empty()) {
      for (double& v : lcmcr_sum) v += floor;
      total.lcmcr = Summarise(std::move(lcmcr_sum));
    }
    if (dga_complete && !dga_sum.empty()) {
      for (double& v : dga_sum) v += floor;
      total.dga = Summarise(std::move(dga_sum));
    }
  }
  if (total.observed_not_estimable > 0) {
    report.notes.push_back(std::to_string(total.observed_not_estimable) +
                           " people are in strata that cannot be estimated; the totals count "
                           "them as observed only (a floor, not an estimate)");
  }
  report.total = total;
  return report;
}

}  // namespace reckon::estimate
