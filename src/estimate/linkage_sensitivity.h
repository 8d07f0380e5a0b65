// How the estimate moves with the linkage: the same estimation repeated on
// capture tables derived at several match thresholds, stricter and looser
// than the chosen one. Missed links (too strict) split people and inflate
// estimates; false merges (too loose) join people and deflate them.
//
// The link stage supplies the tables through a provider (threshold ->
// strata), so this file does not depend on how the register is built.
//
// Thread-safety: as EstimateStrata; the provider is called from the calling
// thread only.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "common/status.h"
#include "estimate/strata.h"

namespace reckon::estimate {

// Capture tables (one per stratum) of the register linked at `threshold`.
using CaptureTableProvider = std::function<Result<std::vector<Stratum>>(double threshold)>;

struct SensitivityRow {
  double threshold = 0;
  bool chosen = false;
  int64_t observed = 0;  // distinct people in the register at this threshold
  // Headline estimates: the selected log-linear model (summed over strata),
  // the LCMCR and dga posterior medians (of the total).
  std::optional<double> loglinear;
  std::optional<double> lcmcr;
  std::optional<double> dga;
  // Relative change from the chosen threshold's estimate (0.06 = +6%).
  std::optional<double> loglinear_change;
  std::optional<double> lcmcr_change;
  std::optional<double> dga_change;
};

// Runs EstimateStrata at every threshold (`chosen` must be among them).
// Errors: the provider's, or kInvalidArgument when `chosen` is missing.
Result<std::vector<SensitivityRow>> RunLinkageSensitivity(const CaptureTableProvider& provider,
                                                          const std::vector<double>& thresholds,
                                                          double chosen,
                                                          const EstimateOptions& options);

}  // namespace reckon::estimate
