// Presenting estimates: a readable table for the terminal and JSON for
// machines (field names documented in docs/methods.md, "Output").
//
// JSON for unstratified input is one object: `lists`, `observed`, and per
// method run, `models` (log-linear fits: name, abundance, stderr, deviance,
// df, aic, bic, ci_low, ci_high, status) with `loglinear` (selection),
// `lcmcr` and `dga` (median, mean, q025, q975 of N and diagnostics).
// Stratified input adds `strata` (one such object per stratum, with
// `stratum`, `estimable` and `reason`) and `total`.
//
// Thread-safety: free functions on values; safe to call concurrently.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "estimate/strata.h"

namespace reckon::estimate {

nlohmann::ordered_json ReportJson(const EstimateReport& report);

// Writes the tables: per stratum, the log-linear models (with the selected
// one marked), the Bayesian summaries and diagnostics, warnings; then totals.
void PrintReport(std::ostream& out, const EstimateReport& report);

}  // namespace reckon::estimate
