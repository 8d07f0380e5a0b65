// Estimates per stratum and for the total: the entry point of the estimate
// stage. `reckon estimate --counts` calls it with the strata of a counts
// file; the register path will call it with the capture tables derived from
// the linked register (one per stratum value), so nothing here knows where
// tables come from.
//
// A stratum is estimable when at least `min_lists` lists name someone in it
// and someone is on two or more lists (HRDAG refuses strata with fewer than
// three usable lists). Lists empty in a stratum are dropped from its table.
// Strata that are not estimable are reported with the reason, never
// silently estimated; their observed people enter the total as a floor.
//
// Totals: log-linear, the sum of each stratum's selected model (standard
// errors added in quadrature, strata being independent); Bayesian methods,
// the sum of the strata's posterior draws (LCMCR: draw i of every stratum;
// dga: draws from each stratum's grid posterior with a derived seed).
//
// Thread-safety: free functions; EstimateStrata runs LCMCR chains of all
// strata on a pool of worker threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "estimate/capture_table.h"
#include "estimate/dga.h"
#include "estimate/lcmcr.h"
#include "estimate/loglinear_models.h"

namespace reckon::estimate {

struct EstimateOptions {
  bool loglinear = true;
  bool lcmcr = false;
  bool dga = false;
  LoglinearOptions loglinear_options;
  LcmcrOptions lcmcr_options;  // its seed is the run's seed
  DgaOptions dga_options;
  int min_lists = 3;
  // Draws from each stratum's dga posterior when summing strata.
  int64_t dga_total_draws = 20000;
};

struct StratumEstimate {
  std::string name;
  int64_t observed = 0;
  std::vector<std::string> lists;  // the usable lists the estimate used
  bool estimable = false;
  std::string reason;  // why not, when not estimable
  std::optional<LoglinearAnalysis> loglinear;
  std::optional<LcmcrResult> lcmcr;
  std::optional<DgaResult> dga;
  std::vector<std::string> errors;  // a method that could not run here, and why
};

struct TotalEstimate {
  int64_t observed = 0;
  int64_t observed_not_estimable = 0;  // people in strata without an estimate
  size_t strata_estimated = 0;
  // Log-linear: sum of the selected models (when every estimable stratum has one).
  std::optional<double> loglinear_abundance;
  std::optional<double> loglinear_stderr;
  std::optional<PosteriorSummary> lcmcr;
  bool lcmcr_converged = true;  // false when any stratum's chains disagree
  std::optional<PosteriorSummary> dga;
};

struct EstimateReport {
  std::vector<std::string> lists;  // of the input
  bool stratified = false;
  std::vector<StratumEstimate> strata;
  std::optional<TotalEstimate> total;  // for stratified input
  EstimateOptions options;
  std::vector<std::string> notes;
};

// Errors (kInvalidArgument): no strata, bad LCMCR options, no method chosen.
// A stratum where a method fails (dga with 6 lists) records the error and
// keeps the other methods' results.
Result<EstimateReport> EstimateStrata(const std::vector<Stratum>& strata,
                                      const EstimateOptions& options);

}  // namespace reckon::estimate
