// reckon estimate [CASE] --counts FILE.csv [--method ...] [--json] ... — how
// many people no list recorded: multiple systems estimation (docs/methods.md).
//
// With --counts the capture table comes from a counts file (one 0/1 column
// per list plus `count`; an optional stratum column). The CASE form will take
// the capture histories of the linked register; until the link stage stores
// one, it explains what to do instead.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "estimate/capture_table.h"
#include "estimate/estimate_report.h"
#include "estimate/strata.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string counts_path;
  std::string method = "all";
  bool json = false;
  uint64_t seed = 1;
  int chains = 4;
  int64_t burnin = 10000;
  int64_t samples = 1000;
  int64_t thinning = 100;
  int k = 10;
  double a_alpha = 0.25;
  double b_alpha = 0.25;
  std::string criterion = "aic";
  std::string strata_column;
  std::vector<std::string> models;
  double delta = 0;
  int64_t dga_max_missing = 0;
  int min_lists = 3;
  int threads = 0;
  bool no_ci = false;
  bool linkage_sensitivity = false;
};

Result<estimate::EstimateOptions> MakeOptions(const Options& o, int num_lists) {
  estimate::EstimateOptions options;
  options.loglinear = o.method == "loglinear" || o.method == "all";
  options.lcmcr = o.method == "lcmcr" || o.method == "all";
  options.dga = o.method == "dga" || o.method == "all";
  options.loglinear_options.criterion =
      o.criterion == "bic" ? estimate::Criterion::kBic : estimate::Criterion::kAic;
  options.loglinear_options.profile_ci = !o.no_ci;
  options.loglinear_options.threads = o.threads > 0 ? o.threads : 2;
  for (const std::string& name : o.models) {
    auto model = estimate::ParseHierarchicalModel(name, num_lists);
    if (!model.ok()) return model.status();
    options.loglinear_options.extra_models.push_back(*model);
  }
  estimate::LcmcrOptions& lcmcr = options.lcmcr_options;
  lcmcr.k = o.k;
  lcmcr.a_alpha = o.a_alpha;
  lcmcr.b_alpha = o.b_alpha;
  lcmcr.burnin = o.burnin;
  lcmcr.samples = o.samples;
  lcmcr.thinning = o.thinning;
  lcmcr.chains = o.chains;
  lcmcr.seed = o.seed;
  lcmcr.threads = o.threads;
  if (options.lcmcr) RECKON_RETURN_IF_ERROR(estimate::ValidateLcmcrOptions(lcmcr));
  options.dga_options.delta = o.delta;
  options.dga_options.max_missing = o.dga_max_missing;
  options.min_lists = o.min_lists;
  return options;
}

int Run(const Options& o) {
  if (o.counts_path.empty()) {
    if (o.case_path.empty()) {
      return ReportError(Status::InvalidArgument("give a CASE or --counts FILE.csv"));
    }
    return ReportError(
        Status::NotFound(o.case_path +
                         ": the case has no linked register yet; run `reckon link` first or pass "
                         "--counts FILE.csv"));
  }
  if (o.linkage_sensitivity) {
    return ReportError(Status::InvalidArgument(
        "--linkage-sensitivity re-links the register at several thresholds: it needs a CASE "
        "with a linked register, not --counts"));
  }
  estimate::CountsCsvOptions csv_options;
  csv_options.strata_column = o.strata_column;
  auto counts = estimate::ReadCountsCsv(o.counts_path, csv_options);
  if (!counts.ok()) return ReportError(counts.status());
  auto options = MakeOptions(o, counts->strata.front().table.num_lists());
  if (!options.ok()) return ReportError(options.status());
  auto report = estimate::EstimateStrata(counts->strata, *options);
  if (!report.ok()) return ReportError(report.status());
  for (const std::string& note : counts->notes) report->notes.push_back(note);
  if (o.json) {
    nlohmann::ordered_json j = estimate::ReportJson(*report);
    j["input"] = {{"counts", o.counts_path}, {"method", o.method}, {"seed", o.seed}};
    std::cout << j.dump(2) << "\n";
  } else {
    estimate::PrintReport(std::cout, *report);
  }
  return 0;
}

}  // namespace

Command RegisterEstimate(CLI::App& root) {
  auto o = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand(
      "estimate", "Estimate how many people no list recorded (multiple systems estimation)");
  app->add_option("CASE", o->case_path, "Case file (its linked register)");
  app->add_option("--counts", o->counts_path,
                  "Counts file: one 0/1 column per list and `count` (optional stratum column)");
  app->add_option("--method", o->method, "loglinear, lcmcr, dga or all (default all)")
      ->check(CLI::IsMember({"loglinear", "lcmcr", "dga", "all"}));
  app->add_flag("--json", o->json, "Print the results as JSON");
  app->add_option("--seed", o->seed, "Random seed for the Bayesian methods (default 1)");
  app->add_option("--chains", o->chains, "LCMCR chains, run in parallel (default 4)");
  app->add_option("--burnin", o->burnin, "LCMCR burn-in iterations per chain (default 10000)");
  app->add_option("--samples", o->samples, "LCMCR draws kept per chain (default 1000)");
  app->add_option("--thinning", o->thinning, "LCMCR iterations per kept draw (default 100)");
  app->add_option("--K", o->k, "LCMCR latent classes (default 10)");
  app->add_option("--a-alpha", o->a_alpha, "LCMCR Gamma prior shape on alpha (default 0.25)");
  app->add_option("--b-alpha", o->b_alpha, "LCMCR Gamma prior rate on alpha (default 0.25)");
  app->add_option("--criterion", o->criterion, "Log-linear model selection: aic or bic")
      ->check(CLI::IsMember({"aic", "bic"}));
  app->add_option("--model", o->models,
                  "Also fit this hierarchical model, e.g. \"[12,23]\" (repeatable)");
  app->add_option("--strata-column", o->strata_column,
                  "Column of the counts file naming strata (default: `stratum` if present)");
  app->add_option("--delta", o->delta, "dga prior cell weight (default 2^-lists)");
  app->add_option("--dga-max-missing", o->dga_max_missing,
                  "dga grid of missing counts 0..M (default: automatic)");
  app->add_option("--min-lists", o->min_lists, "Lists a stratum needs to be estimated (default 3)")
      ->check(CLI::Range(2, 15));
  app->add_option("--threads", o->threads, "Worker threads (default: one per core)");
  app->add_flag("--no-ci", o->no_ci, "Skip profile-likelihood intervals");
  app->add_flag("--linkage-sensitivity", o->linkage_sensitivity,
                "Re-estimate at stricter and looser match thresholds (needs CASE)");
  return {app, [o] { return Run(*o); }};
}

}  // namespace reckon::cli
