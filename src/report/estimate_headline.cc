#include "report/estimate_headline.h"

#include <cmath>
#include <cstdio>

namespace reckon::report {
namespace {

std::string Fixed(double v) {
  if (!std::isfinite(v)) return "-";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.0f", v);
  return buffer;
}

std::string JsonNumber(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return "-";
  return Fixed(j[key].get<double>());
}

}  // namespace

std::optional<EstimateHeadline> EstimateHeadlineOf(const nlohmann::json& result) {
  using Json = nlohmann::json;
  const Json& base = result.contains("total") ? result["total"] : result;
  if (base.contains("lcmcr") && base["lcmcr"].is_object()) {
    return EstimateHeadline{"LCMCR (Bayesian latent classes), posterior median and 95% interval",
                            JsonNumber(base["lcmcr"], "median"), JsonNumber(base["lcmcr"], "q025"),
                            JsonNumber(base["lcmcr"], "q975")};
  }
  if (base.contains("dga") && base["dga"].is_object()) {
    return EstimateHeadline{"dga (Bayesian model averaging), posterior median and 95% interval",
                            JsonNumber(base["dga"], "median"), JsonNumber(base["dga"], "q025"),
                            JsonNumber(base["dga"], "q975")};
  }
  if (base.contains("loglinear") && base["loglinear"].contains("abundance")) {
    const Json& ll = base["loglinear"];
    if (!ll["abundance"].is_number() || !ll["stderr"].is_number()) return std::nullopt;
    const double n = ll["abundance"].get<double>(), se = ll["stderr"].get<double>();
    return EstimateHeadline{
        "log-linear models (sum of the strata's selected models), +/- 1.96 s.e.", Fixed(n),
        Fixed(n - 1.96 * se), Fixed(n + 1.96 * se)};
  }
  if (result.contains("loglinear") && result["loglinear"]["selected"].is_string() &&
      result.contains("models")) {
    const std::string selected = result["loglinear"]["selected"];
    for (const Json& m : result["models"]) {
      if (m.value("name", "") != selected) continue;
      return EstimateHeadline{
          "log-linear model " + selected + " (selected by " +
              result["loglinear"].value("criterion", "aic") + "), profile-likelihood 95% interval",
          JsonNumber(m, "abundance"), JsonNumber(m, "ci_low"), JsonNumber(m, "ci_high")};
    }
  }
  return std::nullopt;
}

}  // namespace reckon::report
