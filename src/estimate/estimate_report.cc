#include "estimate/estimate_report.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace reckon::estimate {
namespace {

using Json = nlohmann::ordered_json;

// NaN and infinities are not JSON: they become null.
Json Number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json SummaryJson(const PosteriorSummary& s) {
  return {{"median", Number(s.median)},
          {"mean", Number(s.mean)},
          {"q025", Number(s.q025)},
          {"q975", Number(s.q975)},
          {"sd", Number(s.sd)}};
}

Json FitJson(const LoglinearFit& fit) {
  Json j;
  j["name"] = fit.name;
  j["status"] = FitStatusName(fit.status);
  if (fit.has_estimate()) {
    j["abundance"] = Number(fit.abundance);
    j["stderr"] = Number(fit.stderr_n);
    j["deviance"] = Number(fit.deviance);
    j["df"] = fit.df;
    j["parameters"] = fit.parameters;
    j["aic"] = Number(fit.aic);
    j["bic"] = Number(fit.bic);
    if (fit.has_ci) {
      j["ci_low"] = Number(fit.ci_low);
      j["ci_high"] = Number(fit.ci_high);
      if (fit.ci_high_open) j["ci_high_open"] = true;
    }
  } else {
    j["abundance"] = nullptr;
    j["reason"] = fit.reason;
  }
  j["warnings"] = fit.warnings;
  return j;
}

Json LcmcrJson(const LcmcrResult& r) {
  Json j = SummaryJson(r.n);
  j["rhat"] = Number(r.diagnostics.rhat);
  j["ess"] = Number(r.diagnostics.ess);
  j["chain_medians"] = r.chain_medians;
  // Not final unless the chains agree (issue 17): readers of the stored
  // estimate (report, dashboard) show the interval as provisional.
  j["converged"] = r.convergence.converged;
  j["convergence"] = {{"rhat_n", Number(r.convergence.rhat_n)},
                      {"rhat_log_alpha", Number(r.convergence.rhat_log_alpha)},
                      {"rhat_largest_weight", Number(r.convergence.rhat_largest_weight)},
                      {"min_chain_ess", Number(r.convergence.min_chain_ess)},
                      {"max_rhat", kLcmcrMaxRhat},
                      {"min_ess_per_chain", kLcmcrMinChainEss},
                      {"problems", r.convergence.problems}};
  j["chains"] = Json::array();
  for (const LcmcrChainSummary& c : r.chains) {
    j["chains"].push_back({{"median", Number(c.n.median)},
                           {"q025", Number(c.n.q025)},
                           {"q975", Number(c.n.q975)},
                           {"ess", Number(c.ess)},
                           {"alpha_median", Number(c.alpha_median)},
                           {"largest_class_weight", Number(c.largest_weight_median)},
                           {"largest_class_position", c.dominant_position + 1},
                           {"relabel_acceptance", Number(c.swap_acceptance)}});
  }
  j["iterations_per_second"] = Number(r.iterations_per_second);
  j["parameters"] = {{"K", r.options.k},
                     {"a_alpha", r.options.a_alpha},
                     {"b_alpha", r.options.b_alpha},
                     {"burnin", r.options.burnin},
                     {"samples", r.options.samples},
                     {"thinning", r.options.thinning},
                     {"chains", r.options.chains},
                     {"seed", r.options.seed}};
  j["warnings"] = r.warnings;
  return j;
}

Json DgaJson(const DgaResult& r) {
  Json j = {{"median", r.median}, {"mean", Number(r.mean)}, {"q025", r.q025}, {"q975", r.q975}};
  j["delta"] = r.delta;
  j["prior"] = "1/N";
  j["grid_max_missing"] = r.max_missing;
  j["tail_mass"] = Number(r.tail_mass);
  j["graphs"] = r.graphs;
  j["model_weights"] = Json::array();
  for (const auto& g : r.top_graphs) {
    j["model_weights"].push_back({{"graph", g.name}, {"weight", Number(g.weight)}});
  }
  j["warnings"] = r.warnings;
  return j;
}

void AddStratum(Json& j, const StratumEstimate& s, const EstimateOptions& options) {
  j["observed"] = s.observed;
  j["estimable"] = s.estimable;
  if (!s.estimable) j["reason"] = s.reason;
  j["lists_used"] = s.lists;
  if (s.loglinear) {
    j["models"] = Json::array();
    for (const LoglinearFit& fit : s.loglinear->models) j["models"].push_back(FitJson(fit));
    Json ll;
    ll["criterion"] = s.loglinear->criterion == Criterion::kAic ? "aic" : "bic";
    ll["selected"] = s.loglinear->selected ? Json(s.loglinear->models[*s.loglinear->selected].name)
                                           : Json(nullptr);
    ll["models_searched"] = s.loglinear->models_searched;
    ll["models_with_estimate"] = s.loglinear->models_with_estimate;
    ll["ci_level"] = options.loglinear_options.ci_level;
    ll["warnings"] = s.loglinear->warnings;
    j["loglinear"] = ll;
  }
  if (s.lcmcr) j["lcmcr"] = LcmcrJson(*s.lcmcr);
  if (s.dga) j["dga"] = DgaJson(*s.dga);
  if (!s.errors.empty()) j["errors"] = s.errors;
}

std::string Fixed(double value, int digits) {
  if (!std::isfinite(value)) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

// Aligned columns: first column left, the rest right.
void PrintTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - row[c].size(), ' ');
      line += c == 0 ? row[c] + pad : "  " + pad + row[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << "  " << line << "\n";
  }
}

void PrintStratum(std::ostream& out, const StratumEstimate& s) {
  if (!s.estimable) {
    out << "  not estimable: " << s.reason << "\n";
    return;
  }
  out << "  lists used: ";
  for (size_t idx = 0; idx < s.lists.size(); ++idx) {
    out << (idx ? ", " : "") << idx + 1 << "=" << s.lists[idx];
  }
  out << "\n";
  if (s.loglinear) {
    const LoglinearAnalysis& a = *s.loglinear;
    const char* criterion = a.criterion == Criterion::kAic ? "AIC" : "BIC";
    out << "\n  Log-linear models (Poisson; " << a.models_searched
        << " hierarchical models searched, " << a.models_with_estimate << " with an estimate)\n";
    std::vector<std::vector<std::string>> rows = {
        {"model", "abundance", "stderr", "95% CI", "deviance", "df", "AIC", "BIC", ""}};
    for (size_t idx = 0; idx < a.models.size(); ++idx) {
      const LoglinearFit& fit = a.models[idx];
      const std::string mark = a.selected && *a.selected == idx
                                   ? std::string("<- best by ") + criterion
                                   : (fit.warnings.empty() ? "" : "(!)");
      if (!fit.has_estimate()) {
        rows.push_back({fit.name, "none", "", "", "", "", "", "", FitStatusName(fit.status)});
        continue;
      }
      const std::string ci = fit.has_ci
                                 ? "[" + Fixed(fit.ci_low, 0) + ", " + Fixed(fit.ci_high, 0) +
                                       (fit.ci_high_open ? "+" : "") + "]"
                                 : "";
      rows.push_back({fit.name, Fixed(fit.abundance, 1), Fixed(fit.stderr_n, 1), ci,
                      Fixed(fit.deviance, 2), std::to_string(fit.df), Fixed(fit.aic, 2),
                      Fixed(fit.bic, 2), mark});
    }
    PrintTable(out, rows);
    for (const LoglinearFit& fit : a.models) {
      if (!fit.has_estimate()) out << "  " << fit.name << ": no estimate: " << fit.reason << "\n";
      for (const std::string& w : fit.warnings) out << "  " << fit.name << ": " << w << "\n";
    }
    for (const std::string& w : a.warnings) out << "  warning: " << w << "\n";
  }
  if (s.lcmcr) {
    const LcmcrResult& r = *s.lcmcr;
    out << "\n  LCMCR latent classes (K=" << r.options.k << ", a_alpha=" << r.options.a_alpha
        << ", b_alpha=" << r.options.b_alpha << "; " << r.options.chains << " chains x "
        << r.options.samples << " draws, thinning " << r.options.thinning << ", burn-in "
        << r.options.burnin << ", seed " << r.options.seed << ")\n";
    PrintTable(out,
               {{"median", "mean", "2.5%", "97.5%", "R-hat", "ESS"},
                {Fixed(r.n.median, 0), Fixed(r.n.mean, 0), Fixed(r.n.q025, 0), Fixed(r.n.q975, 0),
                 Fixed(r.diagnostics.rhat, 3), Fixed(r.diagnostics.ess, 0)}});
    std::vector<std::vector<std::string>> chain_rows = {
        {"chain", "median", "2.5%", "97.5%", "ESS", "alpha", "largest class", "at"}};
    for (size_t idx = 0; idx < r.chains.size(); ++idx) {
      const LcmcrChainSummary& c = r.chains[idx];
      chain_rows.push_back({std::to_string(idx + 1), Fixed(c.n.median, 0), Fixed(c.n.q025, 0),
                            Fixed(c.n.q975, 0), Fixed(c.ess, 0), Fixed(c.alpha_median, 4),
                            Fixed(c.largest_weight_median, 3),
                            std::to_string(c.dominant_position + 1)});
    }
    PrintTable(out, chain_rows);
    out << "  chains "
        << (r.convergence.converged ? "agree" : "NOT CONVERGED: interval provisional")
        << " (split R-hat: N " << Fixed(r.convergence.rhat_n, 3) << ", alpha "
        << Fixed(r.convergence.rhat_log_alpha, 3) << ", largest class "
        << Fixed(r.convergence.rhat_largest_weight, 3) << ")\n";
    for (const std::string& w : r.warnings) out << "  warning: " << w << "\n";
  }
  if (s.dga) {
    const DgaResult& r = *s.dga;
    out << "\n  dga model averaging (" << r.graphs << " decomposable graphs, delta=" << r.delta
        << ", prior 1/N, missing 0.." << r.max_missing << ")\n";
    PrintTable(out, {{"median", "mean", "2.5%", "97.5%", "tail mass"},
                     {Fixed(r.median, 0), Fixed(r.mean, 0), Fixed(r.q025, 0), Fixed(r.q975, 0),
                      Fixed(r.tail_mass, 8)}});
    out << "  graph weights:";
    for (const auto& g : r.top_graphs) out << " " << g.name << " " << Fixed(g.weight, 3);
    out << "\n";
    for (const std::string& w : r.warnings) out << "  warning: " << w << "\n";
  }
  for (const std::string& e : s.errors) out << "  not run: " << e << "\n";
}

}  // namespace

nlohmann::ordered_json ReportJson(const EstimateReport& report) {
  Json j;
  j["lists"] = report.lists;
  if (!report.stratified) {
    AddStratum(j, report.strata.front(), report.options);
  } else {
    j["strata"] = Json::array();
    for (const StratumEstimate& s : report.strata) {
      Json sj;
      sj["stratum"] = s.name;
      AddStratum(sj, s, report.options);
      j["strata"].push_back(sj);
    }
    const TotalEstimate& t = *report.total;
    Json tj;
    tj["observed"] = t.observed;
    tj["strata_estimated"] = t.strata_estimated;
    tj["observed_not_estimable"] = t.observed_not_estimable;
    if (t.loglinear_abundance) {
      tj["loglinear"] = {{"abundance", Number(*t.loglinear_abundance)},
                         {"stderr", Number(*t.loglinear_stderr)}};
    }
    if (t.lcmcr) {
      tj["lcmcr"] = SummaryJson(*t.lcmcr);
      tj["lcmcr"]["converged"] = t.lcmcr_converged;
    }
    if (t.dga) tj["dga"] = SummaryJson(*t.dga);
    j["total"] = tj;
  }
  j["notes"] = report.notes;
  return j;
}

void PrintReport(std::ostream& out, const EstimateReport& report) {
  int64_t observed = 0;
  for (const StratumEstimate& s : report.strata) observed += s.observed;
  out << observed << " people observed on " << report.lists.size() << " lists";
  if (report.stratified) out << " in " << report.strata.size() << " strata";
  out << "\n";
  for (const std::string& note : report.notes) out << "note: " << note << "\n";
  for (const StratumEstimate& s : report.strata) {
    out << "\n";
    if (report.stratified) out << "Stratum " << s.name << ": " << s.observed << " observed\n";
    PrintStratum(out, s);
  }
  if (report.total) {
    const TotalEstimate& t = *report.total;
    out << "\nTotal over " << report.strata.size() << " strata (" << t.strata_estimated
        << " estimated; " << t.observed << " observed)\n";
    std::vector<std::vector<std::string>> rows = {{"method", "estimate", "2.5%", "97.5%"}};
    if (t.loglinear_abundance) {
      rows.push_back({"log-linear (selected models)", Fixed(*t.loglinear_abundance, 0),
                      Fixed(*t.loglinear_abundance - 1.96 * *t.loglinear_stderr, 0),
                      Fixed(*t.loglinear_abundance + 1.96 * *t.loglinear_stderr, 0)});
    }
    if (t.lcmcr) {
      rows.push_back({t.lcmcr_converged ? "LCMCR (median)" : "LCMCR (median; provisional)",
                      Fixed(t.lcmcr->median, 0), Fixed(t.lcmcr->q025, 0), Fixed(t.lcmcr->q975, 0)});
    }
    if (t.dga) {
      rows.push_back(
          {"dga (median)", Fixed(t.dga->median, 0), Fixed(t.dga->q025, 0), Fixed(t.dga->q975, 0)});
    }
    PrintTable(out, rows);
  }
}

}  // namespace reckon::estimate
