// The one number a reader takes from a stored estimate: its method, value
// and 95% interval, chosen from the estimate's JSON (estimate/estimate_report.h
// ReportJson): LCMCR's posterior median (HRDAG's usual method) if present,
// else dga's, else the log-linear estimate (the sum of the strata's selected
// models +/- 1.96 s.e., or the selected model with its profile interval).
//
// Thread-safety: pure function.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace reckon::report {

struct EstimateHeadline {
  std::string method;            // plain-language description
  std::string value, low, high;  // rounded to whole persons; "-" when unknown
  // True when the estimator says its interval is not final (LCMCR chains
  // that disagree, issue 17); readers must show it as provisional.
  bool provisional = false;
  std::string caveat;  // why, in plain words; empty when not provisional
};

std::optional<EstimateHeadline> EstimateHeadlineOf(const nlohmann::json& result);

}  // namespace reckon::report
