#include "estimate/linkage_sensitivity.h"

#include <algorithm>

namespace reckon::estimate {
namespace {

void Headlines(const EstimateReport& report, SensitivityRow& row) {
  for (const StratumEstimate& s : report.strata) row.observed += s.observed;
  if (report.total) {
    const TotalEstimate& t = *report.total;
    row.loglinear = t.loglinear_abundance;
    if (t.lcmcr) row.lcmcr = t.lcmcr->median;
    if (t.dga) row.dga = t.dga->median;
    return;
  }
  const StratumEstimate& s = report.strata.front();
  if (s.loglinear && s.loglinear->selected) {
    row.loglinear = s.loglinear->models[*s.loglinear->selected].abundance;
  }
  if (s.lcmcr) row.lcmcr = s.lcmcr->n.median;
  if (s.dga) row.dga = s.dga->median;
}

std::optional<double> Change(const std::optional<double>& value,
                             const std::optional<double>& base) {
  if (!value || !base || *base == 0) return std::nullopt;
  return *value / *base - 1;
}

}  // namespace

Result<std::vector<SensitivityRow>> RunLinkageSensitivity(const CaptureTableProvider& provider,
                                                          const std::vector<double>& thresholds,
                                                          double chosen,
                                                          const EstimateOptions& options) {
  if (std::find(thresholds.begin(), thresholds.end(), chosen) == thresholds.end()) {
    return Status::InvalidArgument("the chosen threshold is not among those to compare");
  }
  std::vector<SensitivityRow> rows;
  const SensitivityRow* base = nullptr;
  for (const double threshold : thresholds) {
    RECKON_ASSIGN_OR_RETURN(std::vector<Stratum> strata, provider(threshold));
    RECKON_ASSIGN_OR_RETURN(EstimateReport report, EstimateStrata(strata, options));
    SensitivityRow row;
    row.threshold = threshold;
    row.chosen = threshold == chosen;
    Headlines(report, row);
    rows.push_back(row);
  }
  for (const SensitivityRow& row : rows) {
    if (row.chosen) base = &row;
  }
  for (SensitivityRow& row : rows) {
    row.loglinear_change = Change(row.loglinear, base->loglinear);
    row.lcmcr_change = Change(row.lcmcr, base->lcmcr);
    row.dga_change = Change(row.dga, base->dga);
  }
  return rows;
}

}  // namespace reckon::estimate
