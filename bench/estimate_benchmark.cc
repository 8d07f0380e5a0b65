// Multiple systems estimation throughput (src/estimate/, docs/methods.md).
//
// Reported counters:
//   BM_LcmcrKosovo        Gibbs iterations/s of one LCMCR chain (K = 10) on
//                         the Kosovo table (4 lists, 4,400 people); the R
//                         package LCMCR runs about 58,000/s on this machine
//   BM_LcmcrSixLists      the same on the UK 2013 table (6 lists)
//   BM_FiftyStrata        wall time of a 50-stratum analysis, 4 chains of
//                         100,000 iterations each per stratum (the Kosovo
//                         table split at random into 50 strata), all cores
//   BM_LoglinearSixLists  the closedp family and the 32,768-model search on
//                         the UK 2013 table
// Run from the repository root (the tables are read from tests/data/mse/).
#include <benchmark/benchmark.h>

#include <string>

#include "estimate/capture_table.h"
#include "estimate/lcmcr.h"
#include "estimate/loglinear_models.h"
#include "estimate/random.h"
#include "estimate/strata.h"

namespace reckon::estimate {
namespace {

CaptureTable Load(const std::string& name) {
  auto parsed = ReadCountsCsv("tests/data/mse/" + name);
  if (!parsed.ok()) {
    parsed = ReadCountsCsv(std::string(RECKON_SOURCE_DIR) + "/tests/data/mse/" + name);
  }
  return parsed.ok() ? parsed->strata.front().table : CaptureTable({"a", "b"});
}

void RunChain(benchmark::State& state, const CaptureTable& table) {
  LcmcrOptions options;
  options.k = 10;
  LcmcrSampler sampler(table, options, 1);
  for (int warm = 0; warm < 5000; ++warm) sampler.Step();
  for (auto _ : state) {
    sampler.Step();
    benchmark::DoNotOptimize(sampler.missing());
  }
  state.counters["iterations_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_LcmcrKosovo(benchmark::State& state) { RunChain(state, Load("kosovo.csv")); }
BENCHMARK(BM_LcmcrKosovo)->MinTime(3.0);

void BM_LcmcrSixLists(benchmark::State& state) { RunChain(state, Load("uk2013.csv")); }
BENCHMARK(BM_LcmcrSixLists)->MinTime(3.0);

void BM_FiftyStrata(benchmark::State& state) {
  const CaptureTable kosovo = Load("kosovo.csv");
  std::vector<Stratum> strata;
  for (int s = 0; s < 50; ++s) {
    strata.push_back({"stratum " + std::to_string(s), CaptureTable(kosovo.lists())});
  }
  Rng rng(50);
  std::vector<double> weights(50, 1.0);
  std::vector<int64_t> split;
  for (uint32_t pattern = 1; pattern < kosovo.num_cells(); ++pattern) {
    rng.Multinomial(kosovo.count(pattern), weights, split);
    for (size_t s = 0; s < 50; ++s) strata[s].table.Add(pattern, split[s]);
  }
  EstimateOptions options;
  options.loglinear = false;
  options.lcmcr = true;
  options.lcmcr_options.chains = 4;
  options.lcmcr_options.burnin = 10000;
  options.lcmcr_options.samples = 900;
  options.lcmcr_options.thinning = 100;  // 100,000 iterations per chain
  for (auto _ : state) {
    auto report = EstimateStrata(strata, options);
    benchmark::DoNotOptimize(report.ok());
  }
  state.counters["chain_iterations"] = 50.0 * 4 * 100000;
}
BENCHMARK(BM_FiftyStrata)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

void BM_LoglinearSixLists(benchmark::State& state) {
  const CaptureTable uk = Load("uk2013.csv");
  LoglinearOptions options;
  options.profile_ci = false;
  for (auto _ : state) {
    auto analysis = AnalyseLoglinear(uk, options);
    benchmark::DoNotOptimize(analysis.ok());
  }
}
BENCHMARK(BM_LoglinearSixLists)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reckon::estimate

BENCHMARK_MAIN();
