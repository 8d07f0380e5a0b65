#include "estimate/loglinear_models.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <thread>

#include "estimate/poisson_glm.h"
#include "estimate/profile_ci.h"

namespace reckon::estimate {
namespace {

int Captures(uint32_t pattern) { return std::popcount(pattern); }

std::string TermDigits(uint32_t term) {
  std::string out;
  for (int list = 0; list < 32; ++list) {
    if (term >> list & 1u) out.push_back(static_cast<char>('1' + list));
  }
  return out;
}

// Heterogeneity columns for `pattern` (Rcapture's Xclosedp).
void AppendHeterogeneity(Heterogeneity h, int num_lists, int k, std::vector<double>& row) {
  switch (h) {
    case Heterogeneity::kNone:
      break;
    case Heterogeneity::kChao:
      for (int j = 3; j <= num_lists; ++j) row.push_back(std::max(k - j + 1, 0));
      break;
    case Heterogeneity::kPoisson2:
      row.push_back(std::pow(2.0, k) - 1);
      break;
    case Heterogeneity::kDarroch:
      row.push_back(k * k / 2.0);
      break;
    case Heterogeneity::kGamma35:
      row.push_back(-std::log(3.5 + k) + std::log(3.5));
      break;
  }
}

// The design row of `pattern` (intercept first).
std::vector<double> DesignRow(const LoglinearModel& model, int num_lists, uint32_t pattern) {
  std::vector<double> row{1.0};
  const int k = Captures(pattern);
  auto on = [&](int list) { return (pattern >> list & 1u) ? 1.0 : 0.0; };
  switch (model.kind) {
    case LoglinearKind::kM0:
    case LoglinearKind::kMh:
      row.push_back(k);
      break;
    case LoglinearKind::kMt:
    case LoglinearKind::kMth:
      for (int list = 0; list < num_lists; ++list) row.push_back(on(list));
      break;
    case LoglinearKind::kMb:
    case LoglinearKind::kMbh: {
      if (model.kind == LoglinearKind::kMbh) row.push_back(1.0 - on(0));
      // Occasions before the first capture, and captures after it.
      row.push_back(pattern == 0 ? 0 : std::countr_zero(pattern));
      row.push_back(k - 1);
      break;
    }
    case LoglinearKind::kHierarchical:
      for (int list = 0; list < num_lists; ++list) row.push_back(on(list));
      for (const uint32_t term : model.terms) row.push_back((pattern & term) == term ? 1.0 : 0.0);
      break;
  }
  AppendHeterogeneity(model.heterogeneity, num_lists, k, row);
  return row;
}

// Columns describing capture probabilities before the heterogeneity ones
// (Rcapture's nca); Chao coefficients are those after them.
size_t NonHeterogeneityColumns(const LoglinearModel& model, int num_lists) {
  return model.kind == LoglinearKind::kMh ? 2 : static_cast<size_t>(num_lists) + 1;
}

// True when the unobserved cell's linear predictor (1, 0, ..., 0) is a
// combination of the rows of `x`: only then do the data determine it.
bool InterceptEstimable(const Matrix& x) {
  Matrix with_zero = x;
  std::vector<double> zero_row(x.cols(), 0.0);
  zero_row[0] = 1.0;
  with_zero.AppendRow(zero_row);
  return MatrixRank(x) == MatrixRank(with_zero);
}

std::vector<size_t> KeptColumns(const std::vector<bool>& aliased) {
  std::vector<size_t> keep;
  for (size_t c = 0; c < aliased.size(); ++c) {
    if (!aliased[c]) keep.push_back(c);
  }
  return keep;
}

}  // namespace

std::string ModelName(const LoglinearModel& model, int num_lists) {
  std::string h;
  switch (model.heterogeneity) {
    case Heterogeneity::kNone:
      break;
    case Heterogeneity::kChao:
      h = " Chao (LB)";
      break;
    case Heterogeneity::kPoisson2:
      h = " Poisson2";
      break;
    case Heterogeneity::kDarroch:
      h = " Darroch";
      break;
    case Heterogeneity::kGamma35:
      h = " Gamma3.5";
      break;
  }
  switch (model.kind) {
    case LoglinearKind::kM0:
      return "M0";
    case LoglinearKind::kMt:
      return "Mt";
    case LoglinearKind::kMh:
      return "Mh" + h;
    case LoglinearKind::kMth:
      return "Mth" + h;
    case LoglinearKind::kMb:
      return "Mb";
    case LoglinearKind::kMbh:
      return "Mbh";
    case LoglinearKind::kHierarchical:
      break;
  }
  std::vector<uint32_t> all = model.terms;
  for (int list = 0; list < num_lists; ++list) all.push_back(1u << list);
  std::vector<std::string> generators;
  for (const uint32_t term : all) {
    bool maximal = true;
    for (const uint32_t other : all) {
      if (other != term && (other & term) == term) maximal = false;
    }
    if (maximal) generators.push_back(TermDigits(term));
  }
  std::sort(generators.begin(), generators.end());
  generators.erase(std::unique(generators.begin(), generators.end()), generators.end());
  std::string out = "[";
  for (size_t idx = 0; idx < generators.size(); ++idx) {
    if (idx > 0) out += ",";
    out += generators[idx];
  }
  return out + "]";
}

Result<LoglinearModel> ParseHierarchicalModel(std::string_view name, int num_lists) {
  if (num_lists < 2 || num_lists > 9) {
    return Status::InvalidArgument("named hierarchical models need 2 to 9 lists");
  }
  std::string_view body = name;
  if (!body.empty() && body.front() == '[') body.remove_prefix(1);
  if (!body.empty() && body.back() == ']') body.remove_suffix(1);
  const uint32_t all = (1u << num_lists) - 1;
  std::vector<uint32_t> generators;
  uint32_t term = 0;
  auto finish = [&]() -> Status {
    if (term == 0) {
      return Status::InvalidArgument("model '" + std::string(name) + "': empty term");
    }
    if (term == all) {
      return Status::InvalidArgument("model '" + std::string(name) +
                                     "': the term of all lists is never identifiable");
    }
    generators.push_back(term);
    term = 0;
    return Status::Ok();
  };
  for (const char c : body) {
    if (c == ',') {
      RECKON_RETURN_IF_ERROR(finish());
    } else if (c >= '1' && c <= '9' && c - '1' < num_lists) {
      term |= 1u << (c - '1');
    } else if (c != ' ') {
      return Status::InvalidArgument("model '" + std::string(name) + "': '" + std::string(1, c) +
                                     "' is not a list number from 1 to " +
                                     std::to_string(num_lists));
    }
  }
  RECKON_RETURN_IF_ERROR(finish());
  LoglinearModel model;
  for (uint32_t candidate = 1; candidate < all; ++candidate) {
    if (std::popcount(candidate) < 2) continue;
    for (const uint32_t generator : generators) {
      if ((generator & candidate) == candidate) {
        model.terms.push_back(candidate);
        break;
      }
    }
  }
  return model;
}

std::vector<LoglinearModel> ClosedpFamily(int num_lists) {
  using K = LoglinearKind;
  using H = Heterogeneity;
  if (num_lists == 2)
    return {{K::kM0, H::kNone, {}}, {K::kMt, H::kNone, {}}, {K::kMb, H::kNone, {}}};
  std::vector<LoglinearModel> out = {{K::kM0, H::kNone, {}}, {K::kMt, H::kNone, {}}};
  for (const K kind : {K::kMh, K::kMth}) {
    for (const H h : {H::kChao, H::kPoisson2, H::kDarroch, H::kGamma35}) {
      out.push_back({kind, h, {}});
    }
  }
  out.push_back({K::kMb, H::kNone, {}});
  out.push_back({K::kMbh, H::kNone, {}});
  return out;
}

std::vector<LoglinearModel> HierarchicalSearchSpace(int num_lists) {
  const uint32_t all = (1u << num_lists) - 1;
  const int max_order = num_lists <= 4 ? num_lists - 1 : 2;
  std::vector<uint32_t> candidates;
  for (int order = 2; order <= max_order; ++order) {
    for (uint32_t term = 1; term < all; ++term) {
      if (std::popcount(term) == order) candidates.push_back(term);
    }
  }
  std::vector<LoglinearModel> out;
  const uint64_t subsets = uint64_t{1} << candidates.size();
  for (uint64_t subset = 0; subset < subsets; ++subset) {
    LoglinearModel model;
    for (size_t idx = 0; idx < candidates.size(); ++idx) {
      if (subset >> idx & 1u) model.terms.push_back(candidates[idx]);
    }
    // Hierarchical: every term's subsets of two or more lists are terms too.
    bool closed = true;
    for (const uint32_t term : model.terms) {
      if (std::popcount(term) < 3) continue;
      for (int list = 0; list < num_lists && closed; ++list) {
        if (!(term >> list & 1u)) continue;
        const uint32_t sub = term & ~(1u << list);
        if (std::find(model.terms.begin(), model.terms.end(), sub) == model.terms.end()) {
          closed = false;
        }
      }
    }
    if (closed) out.push_back(std::move(model));
  }
  return out;
}

const char* FitStatusName(FitStatus status) {
  switch (status) {
    case FitStatus::kOk:
      return "ok";
    case FitStatus::kBoundary:
      return "boundary";
    case FitStatus::kNotIdentifiable:
      return "not identifiable";
    case FitStatus::kFailed:
      return "failed";
  }
  return "unknown";
}

LoglinearFit FitLoglinearModel(const CaptureTable& table, const LoglinearModel& model) {
  LoglinearFit out;
  out.model = model;
  const int t = table.num_lists();
  out.name = ModelName(model, t);
  const double n = static_cast<double>(table.Observed());

  Matrix x;
  std::vector<double> y;
  for (uint32_t pattern = 1; pattern < table.num_cells(); ++pattern) {
    x.AppendRow(DesignRow(model, t, pattern));
    y.push_back(static_cast<double>(table.count(pattern)));
  }
  std::vector<size_t> columns(x.cols());
  for (size_t c = 0; c < columns.size(); ++c) columns[c] = c;

  auto fit_or = FitPoissonGlm(x, y);
  if (!fit_or.ok()) {
    out.reason = fit_or.status().message();
    return out;
  }
  GlmFit fit = std::move(fit_or).value();

  // Chao's lower bound: heterogeneity coefficients must not be negative;
  // drop the first negative one and refit until none is (as Rcapture does).
  if (model.heterogeneity == Heterogeneity::kChao) {
    const size_t nca = NonHeterogeneityColumns(model, t);
    while (true) {
      size_t negative = columns.size();
      for (size_t c = nca; c < columns.size(); ++c) {
        if (!fit.aliased[c] && fit.coefficients[c] < 0) {
          negative = c;
          break;
        }
      }
      if (negative == columns.size()) break;
      columns.erase(columns.begin() + static_cast<std::ptrdiff_t>(negative));
      x = x.SelectColumns([&] {
        std::vector<size_t> keep;
        for (size_t c = 0; c < x.cols(); ++c) {
          if (c != negative) keep.push_back(c);
        }
        return keep;
      }());
      auto refit = FitPoissonGlm(x, y);
      if (!refit.ok()) {
        out.reason = refit.status().message();
        return out;
      }
      fit = std::move(refit).value();
      out.warnings.push_back("a negative Chao coefficient was set to 0");
    }
  }

  const bool behavioural = model.kind == LoglinearKind::kMb || model.kind == LoglinearKind::kMbh;
  std::vector<size_t> rows;
  if (!fit.boundary_cells.empty()) {
    for (size_t r = 0; r < y.size(); ++r) {
      if (!std::binary_search(fit.boundary_cells.begin(), fit.boundary_cells.end(), r)) {
        rows.push_back(r);
      }
    }
    const Matrix face = x.SelectRows(rows);
    if (behavioural || !InterceptEstimable(face)) {
      out.status = FitStatus::kNotIdentifiable;
      out.reason = std::to_string(fit.boundary_cells.size()) +
                   " empty cell(s) drive the model to the boundary and the number unobserved "
                   "is not determined (lists too sparse or never overlapping for this model)";
      return out;
    }
    // The extended maximum likelihood estimate: the fit on the cells whose
    // fitted values stay positive.
    auto refit = FitPoissonGlm(face, [&] {
      std::vector<double> sub;
      for (const size_t r : rows) sub.push_back(y[r]);
      return sub;
    }());
    if (!refit.ok()) {
      out.reason = refit.status().message();
      return out;
    }
    out.warnings.push_back(std::to_string(fit.boundary_cells.size()) +
                           " empty cell(s) fitted as 0: the estimate lies on the boundary of "
                           "the parameter space; treat it with caution");
    fit = std::move(refit).value();
    x = face;
    std::vector<double> sub;
    for (const size_t r : rows) sub.push_back(y[r]);
    y = std::move(sub);
    out.status = FitStatus::kBoundary;
  } else {
    if (!InterceptEstimable(x) || (behavioural && fit.rank < x.cols())) {
      out.status = FitStatus::kNotIdentifiable;
      out.reason =
          "the model has too many parameters for the table: the number unobserved is "
          "not determined";
      return out;
    }
    out.status = FitStatus::kOk;
  }
  if (!fit.converged) {
    out.status = FitStatus::kFailed;
    out.reason = "the Poisson regression did not converge";
    return out;
  }
  if (fit.rank < x.cols()) {
    out.warnings.push_back(std::to_string(x.cols() - fit.rank) +
                           " parameter(s) aliased (design not of full rank)");
  }

  const std::vector<double>& b = fit.coefficients;
  const Matrix& cov = fit.covariance;
  double abundance = 0;
  double variance = 0;
  if (model.kind == LoglinearKind::kMb) {
    // N = e^b0 (1 + e^b2)^t / (1 + e^b2 - e^b1); gradient by hand.
    const double e1 = std::exp(b[1]);
    const double e2 = std::exp(b[2]);
    const double denom = 1 + e2 - e1;
    if (!(denom > 0)) {
      out.status = FitStatus::kNotIdentifiable;
      out.reason = "the behavioural-response fit implies a capture probability outside (0, 1)";
      return out;
    }
    abundance = std::exp(b[0]) * std::pow(1 + e2, t) / denom;
    const std::vector<double> g = {abundance, abundance * e1 / denom,
                                   abundance * (t * e2 / (1 + e2) - e2 / denom)};
    for (size_t i = 0; i < 3; ++i) {
      for (size_t j = 0; j < 3; ++j) variance += g[i] * cov(i, j) * g[j];
    }
    variance -= abundance;
  } else if (model.kind == LoglinearKind::kMbh) {
    // N = A (1 + R), A = e^b0 (1 + e^b3)^(t-1), R = e^(b1+b2) / (1 + e^b3 - e^b2).
    const double e2 = std::exp(b[2]);
    const double e3 = std::exp(b[3]);
    const double denom = 1 + e3 - e2;
    if (!(denom > 0)) {
      out.status = FitStatus::kNotIdentifiable;
      out.reason = "the behavioural-response fit implies a capture probability outside (0, 1)";
      return out;
    }
    const double a = std::exp(b[0]) * std::pow(1 + e3, t - 1);
    const double r = std::exp(b[1] + b[2]) / denom;
    abundance = a * (1 + r);
    // Rcapture's delta-method gradient, kept as published so that standard
    // errors agree with it.
    const std::vector<double> g = {
        abundance, a * r, a * (r + std::exp(b[1] + 2 * b[2]) / (denom * denom)),
        a * ((t - 1) * e3 / (1 + e3) - std::exp(b[1] + b[2] + b[3]) / (denom * denom))};
    for (size_t i = 0; i < 4; ++i) {
      for (size_t j = 0; j < 4; ++j) variance += g[i] * cov(i, j) * g[j];
    }
    variance -= abundance;
  } else {
    const double mu0 = std::exp(b[0]);
    abundance = n + mu0;
    variance = mu0 + mu0 * mu0 * cov(0, 0);
  }
  if (!std::isfinite(abundance) || abundance > 1e12) {
    out.status = FitStatus::kNotIdentifiable;
    out.reason = "the estimate is infinite: the lists barely overlap under this model";
    return out;
  }
  if (abundance > 1000 * n) {
    out.warnings.push_back("the estimate is over 1000 times the number observed");
  }
  out.abundance = abundance;
  out.stderr_n = std::sqrt(std::max(variance, 0.0));
  out.deviance = fit.deviance;
  out.df = fit.df_residual;
  out.parameters = static_cast<int>(fit.rank);
  out.aic = -2 * fit.log_likelihood + 2 * static_cast<double>(fit.rank);
  out.bic = -2 * fit.log_likelihood + std::log(n) * static_cast<double>(fit.rank);
  out.design = x.SelectColumns(KeptColumns(fit.aliased));
  out.y = std::move(y);
  return out;
}

void AddProfileInterval(LoglinearFit& fit, double level) {
  if (!fit.has_estimate()) return;
  if (fit.model.kind == LoglinearKind::kMb || fit.model.kind == LoglinearKind::kMbh) return;
  auto interval = ProfileLikelihoodInterval(fit.design, fit.y, fit.abundance, level);
  if (!interval.ok()) {
    fit.warnings.push_back("no profile-likelihood interval: " + interval.status().message());
    return;
  }
  fit.has_ci = true;
  fit.ci_low = interval->low;
  fit.ci_high = interval->high;
  fit.ci_high_open = interval->high_open;
  if (interval->high_open) {
    fit.warnings.push_back("the upper confidence limit exceeds 3 times the estimate");
  }
}

Result<LoglinearAnalysis> AnalyseLoglinear(const CaptureTable& table,
                                           const LoglinearOptions& options) {
  const int t = table.num_lists();
  if (t < 2) return Status::InvalidArgument("log-linear models need at least 2 lists");
  if (t > 6) {
    return Status::InvalidArgument("log-linear model search supports up to 6 lists, not " +
                                   std::to_string(t) + "; merge or drop lists");
  }
  if (table.Observed() == 0) return Status::InvalidArgument("the table is empty");
  LoglinearAnalysis out;
  out.num_lists = t;
  out.observed = table.Observed();
  out.criterion = options.criterion;

  for (const LoglinearModel& model : ClosedpFamily(t)) {
    out.models.push_back(FitLoglinearModel(table, model));
  }

  const std::vector<LoglinearModel> space = HierarchicalSearchSpace(t);
  std::vector<LoglinearFit> fits(space.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t idx = next++; idx < space.size(); idx = next++) {
      fits[idx] = FitLoglinearModel(table, space[idx]);
      fits[idx].design = Matrix();  // free memory; refitted if reported
      fits[idx].y.clear();
    }
  };
  const int threads = std::max(1, std::min(options.threads, static_cast<int>(space.size() / 64)));
  std::vector<std::thread> pool;
  for (int thread_idx = 1; thread_idx < threads; ++thread_idx) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  out.models_searched = fits.size();

  auto score = [&](const LoglinearFit& fit) {
    return options.criterion == Criterion::kAic ? fit.aic : fit.bic;
  };
  std::vector<size_t> ranked;
  for (size_t idx = 0; idx < fits.size(); ++idx) {
    if (fits[idx].has_estimate()) ++out.models_with_estimate;
    // Only clean fits compete: a boundary estimate rests on cells fitted as 0.
    if (fits[idx].status == FitStatus::kOk) ranked.push_back(idx);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](size_t a, size_t b) { return score(fits[a]) < score(fits[b]); });

  std::vector<LoglinearModel> reported;
  reported.push_back(space.front());  // independence
  if (t >= 3) {
    LoglinearModel two_way;
    for (uint32_t term = 1; term < table.num_cells(); ++term) {
      if (std::popcount(term) == 2) two_way.terms.push_back(term);
    }
    reported.push_back(two_way);
  }
  for (const LoglinearModel& model : options.extra_models) reported.push_back(model);
  for (size_t rank = 0; rank < ranked.size() && rank < options.report_top; ++rank) {
    reported.push_back(space[ranked[rank]]);
  }
  const size_t first_hierarchical = out.models.size();
  for (const LoglinearModel& model : reported) {
    const std::string name = ModelName(model, t);
    bool seen = false;
    for (size_t idx = first_hierarchical; idx < out.models.size(); ++idx) {
      if (out.models[idx].name == name) seen = true;
    }
    if (!seen) out.models.push_back(FitLoglinearModel(table, model));
  }
  if (!ranked.empty()) {
    const std::string best = fits[ranked.front()].name;
    for (size_t idx = first_hierarchical; idx < out.models.size(); ++idx) {
      if (out.models[idx].name == best) out.selected = idx;
    }
  } else {
    out.warnings.push_back(
        "no hierarchical log-linear model gives an estimate for this table: it is too sparse");
  }
  if (options.profile_ci) {
    for (LoglinearFit& fit : out.models) AddProfileInterval(fit, options.ci_level);
  }
  return out;
}

}  // namespace reckon::estimate
