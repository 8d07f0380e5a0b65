// Log-linear capture-recapture models (Fienberg 1972; Rivest and Baillargeon
// 2007): the Rcapture closedp.t family and hierarchical models with chosen
// interaction terms, fitted as Poisson regressions on the 2^t - 1 observed
// cells, with selection by AIC or BIC.
//
// The unobserved cell's expected count is exp(intercept) for every model
// except Mb and Mbh (behavioural response), whose abundance follows from
// their capture probabilities. Each fit says whether its estimate exists:
// a table too sparse for the model (zero cells driving parameters to
// infinity) or a model with as many parameters as cells gets a status and a
// reason instead of a number.
//
// Thread-safety: free functions on values; safe to call concurrently.
// AnalyseLoglinear itself runs fits on several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "estimate/capture_table.h"
#include "estimate/linear_algebra.h"

namespace reckon::estimate {

enum class LoglinearKind { kM0, kMt, kMh, kMth, kMb, kMbh, kHierarchical };

// Heterogeneity columns of Mh and Mth models, as functions of the number of
// captures k: Chao's lower bound (one column max(k - j + 1, 0) per j = 3..t,
// negative coefficients set to 0), Poisson2 (2^k - 1), Darroch (k^2 / 2) and
// Gamma3.5 (-log(3.5 + k) + log 3.5).
enum class Heterogeneity { kNone, kChao, kPoisson2, kDarroch, kGamma35 };

struct LoglinearModel {
  LoglinearKind kind = LoglinearKind::kHierarchical;
  Heterogeneity heterogeneity = Heterogeneity::kNone;
  // kHierarchical only: interaction terms (bitmasks of two or more lists),
  // closed under taking subsets of two or more lists. Main effects of every
  // list are always in the model.
  std::vector<uint32_t> terms;
};

// "Mth Chao (LB)" for the closedp family; for hierarchical models the
// generating terms with 1-based list numbers, "[12,23]", "[1,2,3]".
std::string ModelName(const LoglinearModel& model, int num_lists);

// Parses "[12,23]" (or "12,23", or "[12,3]") into a hierarchical model over
// `num_lists` lists (at most 9, so that digits name lists), adding every
// lower-order term the hierarchy requires. kInvalidArgument on bad syntax,
// a list number out of range, or the term of all lists (never identifiable).
Result<LoglinearModel> ParseHierarchicalModel(std::string_view name, int num_lists);

// Rcapture closedp.t's models in its order: M0, Mt, Mh and Mth with the four
// heterogeneity forms, Mb, Mbh (only M0, Mt and Mb for two lists).
std::vector<LoglinearModel> ClosedpFamily(int num_lists);

// The hierarchical models searched by AnalyseLoglinear: for up to 4 lists
// every hierarchical model without the all-lists term (8 for 3 lists, 113
// for 4); for 5 and 6 lists every subset of the two-way terms (1,024 and
// 32,768). Independence comes first.
std::vector<LoglinearModel> HierarchicalSearchSpace(int num_lists);

enum class FitStatus {
  kOk,
  kBoundary,         // some zero cells are fitted as 0; N still identified
  kNotIdentifiable,  // N does not exist or is not determined by the data
  kFailed,           // the fit did not converge
};
const char* FitStatusName(FitStatus status);

struct LoglinearFit {
  std::string name;
  LoglinearModel model;
  FitStatus status = FitStatus::kFailed;
  std::string reason;  // for kNotIdentifiable / kFailed: why there is no number
  std::vector<std::string> warnings;
  double abundance = 0;
  double stderr_n = 0;
  double deviance = 0;
  int df = 0;
  int parameters = 0;
  double aic = 0;
  double bic = 0;
  // Profile-likelihood interval, when computed (AddProfileInterval).
  bool has_ci = false;
  double ci_low = 0;
  double ci_high = 0;
  bool ci_high_open = false;  // the likelihood never dropped enough: high is a floor
  // The design (non-aliased columns, intercept first) and counts of the cells
  // the final fit used; kept for the profile interval.
  Matrix design;
  std::vector<double> y;

  bool has_estimate() const { return status == FitStatus::kOk || status == FitStatus::kBoundary; }
};

// Fits one model. Never fails: problems are in status/reason/warnings.
// Requires table.num_lists() >= 2.
LoglinearFit FitLoglinearModel(const CaptureTable& table, const LoglinearModel& model);

// Adds the profile-likelihood interval at `level` to a fit with an estimate
// (not Mb/Mbh, whose abundance is not the unobserved cell's count). Leaves
// has_ci false and adds a warning when the likelihood cannot be profiled.
void AddProfileInterval(LoglinearFit& fit, double level);

enum class Criterion { kAic, kBic };

struct LoglinearOptions {
  Criterion criterion = Criterion::kAic;
  bool profile_ci = true;
  double ci_level = 0.95;
  // Hierarchical models reported besides independence and all-two-way: the
  // best by the criterion.
  size_t report_top = 5;
  // Extra hierarchical models the user asked for by name ("[12,23]").
  std::vector<LoglinearModel> extra_models;
  // Worker threads for the model search (at least 1).
  int threads = 2;
};

struct LoglinearAnalysis {
  int num_lists = 0;
  int64_t observed = 0;
  Criterion criterion = Criterion::kAic;
  // Reported models: the closedp family, then hierarchical models
  // (independence, all two-way terms, the user's, the best by criterion).
  std::vector<LoglinearFit> models;
  std::optional<size_t> selected;  // index in `models` of the best hierarchical model
  size_t models_searched = 0;
  size_t models_with_estimate = 0;
  std::vector<std::string> warnings;
};

// Fits the closedp family and searches the hierarchical models for the
// table. Errors (kInvalidArgument): fewer than 2 lists, more than 6 for the
// hierarchical search, no people observed.
Result<LoglinearAnalysis> AnalyseLoglinear(const CaptureTable& table,
                                           const LoglinearOptions& options = {});

}  // namespace reckon::estimate
