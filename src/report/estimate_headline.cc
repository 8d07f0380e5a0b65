#include "report/estimate_headline.h"

#include <cmath>
#include <cstdio>
#include <utility>

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

EstimateHeadline Headline(std::string method, std::string value, std::string low,
                          std::string high) {
  EstimateHeadline headline;
  headline.method = std::move(method);
  headline.value = std::move(value);
  headline.low = std::move(low);
  headline.high = std::move(high);
  return headline;
}

}  // namespace

std::optional<EstimateHeadline> EstimateHeadlineOf(const nlohmann::json& result) {
  using Json = nlohmann::json;
  const Json& base = result.contains("total") ? result["total"] : result;
  if (base.contains("lcmcr") && base["lcmcr"].is_object()) {
    const Json& lcmcr = base["lcmcr"];
    EstimateHeadline headline =
        Headline("LCMCR (Bayesian latent classes), posterior median and 95% interval",
                 JsonNumber(lcmcr, "median"), JsonNumber(lcmcr, "q025"), JsonNumber(lcmcr, "q975"));
    if (lcmcr.contains("converged") && lcmcr["converged"].is_boolean() &&
        !lcmcr["converged"].get<bool>()) {
      headline.provisional = true;
      headline.caveat =
          "the sampler has not converged (its chains disagree or have too few effective "
          "draws), so this interval is provisional: run the estimate longer before publishing "
          "it";
    }
    return headline;
  }
  if (base.contains("dga") && base["dga"].is_object()) {
    return Headline("dga (Bayesian model averaging), posterior median and 95% interval",
                    JsonNumber(base["dga"], "median"), JsonNumber(base["dga"], "q025"),
                    JsonNumber(base["dga"], "q975"));
  }
  if (base.contains("loglinear") && base["loglinear"].contains("abundance")) {
    const Json& ll = base["loglinear"];
    if (!ll["abundance"].is_number() || !ll["stderr"].is_number()) return std::nullopt;
    const double n = ll["abundance"].get<double>(), se = ll["stderr"].get<double>();
    return Headline("log-linear models (sum of the strata's selected models), +/- 1.96 s.e.",
                    Fixed(n), Fixed(n - 1.96 * se), Fixed(n + 1.96 * se));
  }
  if (result.contains("loglinear") && result["loglinear"]["selected"].is_string() &&
      result.contains("models")) {
    const std::string selected = result["loglinear"]["selected"];
    for (const Json& m : result["models"]) {
      if (m.value("name", "") != selected) continue;
      return Headline(
          "log-linear model " + selected + " (selected by " +
              result["loglinear"].value("criterion", "aic") + "), profile-likelihood 95% interval",
          JsonNumber(m, "abundance"), JsonNumber(m, "ci_low"), JsonNumber(m, "ci_high"));
    }
  }
  return std::nullopt;
}

}  // namespace reckon::report
