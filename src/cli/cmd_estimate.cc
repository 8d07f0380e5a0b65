// reckon estimate [CASE] --counts FILE.csv [--method ...] [--json] ... — how
// many people no list recorded: multiple systems estimation (docs/methods.md).
//
// With --counts the capture table comes from a counts file (one 0/1 column
// per list plus `count`; an optional stratum column). The CASE form will take
// the capture histories of the linked register; until the link stage stores
// one, it explains what to do instead.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/table_printer.h"
#include "estimate/capture_table.h"
#include "estimate/estimate_report.h"
#include "estimate/linkage_sensitivity.h"
#include "estimate/strata.h"
#include "link/linker.h"
#include "store/sqlite_store.h"

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
  int64_t samples = 2000;
  int64_t thinning = 100;
  int k = 10;
  double a_alpha = 0.25;
  double b_alpha = 0.25;
  std::string criterion = "aic";
  std::string strata_column;
  std::string by;  // stratify the register by this field
  std::vector<std::string> models;
  double delta = 0;
  int64_t dga_max_missing = 0;
  int min_lists = 3;
  int threads = 0;
  bool no_ci = false;
  bool linkage_sensitivity = false;
  std::string actor;
  bool list_stored = false;
  int64_t show_id = 0;
};

// Every option that shapes the result, stored beside it so a figure can be
// reproduced from the case alone.
nlohmann::ordered_json ParametersJson(const Options& o) {
  return {{"method", o.method},
          {"seed", o.seed},
          {"chains", o.chains},
          {"burnin", o.burnin},
          {"samples", o.samples},
          {"thinning", o.thinning},
          {"K", o.k},
          {"a_alpha", o.a_alpha},
          {"b_alpha", o.b_alpha},
          {"criterion", o.criterion},
          {"models", o.models},
          {"by", o.by},
          {"delta", o.delta},
          {"dga_max_missing", o.dga_max_missing},
          {"min_lists", o.min_lists},
          {"no_ci", o.no_ci}};
}

// Stores the result in the case (estimate_runs) and says so on stderr, so
// --json output on stdout stays one document.
Status SaveRun(Store& store, const Options& o, const std::string& input,
               const nlohmann::ordered_json& result) {
  RECKON_ASSIGN_OR_RETURN(std::optional<LinkRunInfo> link_run, store.LatestLinkRun());
  EstimateRun run;
  run.actor = o.actor.empty() ? DefaultActor() : o.actor;
  if (link_run) run.link_run_id = link_run->run_id;
  run.input = input;
  run.method = o.method;
  run.stratify_by = o.by;
  run.seed = static_cast<int64_t>(o.seed);
  run.parameters_json = ParametersJson(o).dump();
  run.result_json = result.dump();
  RECKON_ASSIGN_OR_RETURN(int64_t id, store.SaveEstimateRun(run));
  std::cerr << "stored as estimate run " << id << " (`reckon estimate " << o.case_path << " --show "
            << id << "`)\n";
  return Status::Ok();
}

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

// The value of `field` used to stratify a record ("" when the record lacks it).
std::string StratumValue(const StoredRecord& record, const std::string& field) {
  const RecordFields& f = record.fields;
  if (field == "governorate") return f.governorate;
  if (field == "district") return f.district;
  if (field == "locality") return f.locality;
  if (field == "sex") return f.sex;
  if (field == "month") return f.death_date.substr(0, std::min<size_t>(7, f.death_date.size()));
  return {};
}

// Capture histories of the case's register: for each person, the sources that
// name them. A source derived from another is merged into it (a copy is not an
// independent list). With `by`, one stratum per value of that field (a
// person's value is the one most of their records give).
// `assignments` (record_pk -> person_id) default to the saved register.
Result<std::vector<estimate::Stratum>> RegisterStrata(
    Store& store, const std::string& by, std::vector<std::string>& notes,
    const std::vector<std::pair<int64_t, int64_t>>* given_assignments = nullptr) {
  RECKON_ASSIGN_OR_RETURN(std::vector<Source> sources, store.ListSources());
  std::vector<std::pair<int64_t, int64_t>> assignments;
  if (given_assignments) {
    assignments = *given_assignments;
  } else {
    RECKON_ASSIGN_OR_RETURN(assignments, store.PersonAssignments());
  }
  if (assignments.empty()) {
    return Status::NotFound(
        "the case has no linked register yet; run `reckon link` first or "
        "pass --counts FILE.csv");
  }
  // Each source's list index, with derived sources folded into their root.
  std::map<std::string, int> index_of_name;
  std::vector<std::string> lists;
  std::map<int64_t, int> list_of_source;
  auto root_of = [&sources](const Source& source) {
    const Source* current = &source;
    for (int depth = 0; current->derived_from && depth < 16; ++depth) {
      const Source* parent = nullptr;
      for (const Source& s : sources) {
        if (s.name == *current->derived_from) parent = &s;
      }
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  for (const Source& source : sources) {
    if (source.record_count == 0) continue;
    const Source* root = root_of(source);
    if (root != &source) {
      notes.push_back("source '" + source.name + "' derives from '" + root->name +
                      "' and is merged into it");
    }
    auto [it, inserted] = index_of_name.emplace(root->name, static_cast<int>(lists.size()));
    if (inserted) lists.push_back(root->name);
    list_of_source[source.id] = it->second;
  }
  std::map<int64_t, int64_t> person_of_record(assignments.begin(), assignments.end());
  std::map<int64_t, uint32_t> pattern_of_person;
  std::map<int64_t, std::map<std::string, int>> values_of_person;
  RecordFilter fields_only;
  fields_only.with_raw_and_flags = false;
  RECKON_RETURN_IF_ERROR(store.ScanRecords(fields_only, [&](const StoredRecord& record) {
    const auto person = person_of_record.find(record.record_pk);
    if (person == person_of_record.end()) return Status::Ok();
    pattern_of_person[person->second] |= 1u << list_of_source[record.source_id];
    if (!by.empty()) {
      const std::string value = StratumValue(record, by);
      if (!value.empty()) ++values_of_person[person->second][value];
    }
    return Status::Ok();
  }));
  std::map<std::string, std::vector<uint32_t>> patterns_by_stratum;
  for (const auto& [person, pattern] : pattern_of_person) {
    std::string stratum;
    if (!by.empty()) {
      int best = 0;
      for (const auto& [value, count] : values_of_person[person]) {
        if (count > best) {
          best = count;
          stratum = value;
        }
      }
      if (stratum.empty()) stratum = "(unknown)";
    }
    patterns_by_stratum[stratum].push_back(pattern);
  }
  std::vector<estimate::Stratum> strata;
  for (auto& [name, patterns] : patterns_by_stratum) {
    RECKON_ASSIGN_OR_RETURN(estimate::CaptureTable table, estimate::FromHistories(lists, patterns));
    strata.push_back({name, std::move(table)});
  }
  return strata;
}

int RunOnCase(const Options& o) {
  auto store = OpenSqliteStore(o.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  std::vector<std::string> notes;
  auto strata = RegisterStrata(**store, o.by, notes);
  if (!strata.ok()) return ReportError(strata.status().WithContext(o.case_path));
  auto options = MakeOptions(o, strata->front().table.num_lists());
  if (!options.ok()) return ReportError(options.status());
  auto report = estimate::EstimateStrata(*strata, *options);
  if (!report.ok()) return ReportError(report.status());
  for (const std::string& note : notes) report->notes.push_back(note);
  nlohmann::ordered_json j = estimate::ReportJson(*report);
  j["input"] = {{"case", o.case_path}, {"by", o.by}, {"method", o.method}, {"seed", o.seed}};
  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    estimate::PrintReport(std::cout, *report);
  }
  if (Status saved = SaveRun(**store, o, "register", j); !saved.ok()) return ReportError(saved);
  return 0;
}

// Re-links the register (without saving) at thresholds around the chosen one
// and estimates at each: how much the answer depends on the linkage.
int RunSensitivity(const Options& o) {
  auto store = OpenSqliteStore(o.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto run = (*store)->LatestLinkRun();
  if (!run.ok()) return ReportError(run.status());
  if (!*run) {
    return ReportError(Status::NotFound(o.case_path + ": the case has no linked register yet; "
                                                      "run `reckon link` first"));
  }
  auto saved_settings = link::LinkSettingsFromJson((*run)->settings_json);
  if (!saved_settings.ok()) return ReportError(saved_settings.status());
  link::LinkSettings settings = *saved_settings;
  settings.save = false;
  const double chosen = settings.threshold;
  std::vector<double> thresholds = {0.5, 0.7, 0.8, chosen, 0.95, 0.99};
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  std::vector<std::string> notes;
  estimate::CaptureTableProvider provider =
      [&](double threshold) -> Result<std::vector<estimate::Stratum>> {
    link::LinkSettings at = settings;
    at.threshold = threshold;
    at.contradiction =
        std::max(threshold,
                 settings.contradiction == settings.threshold ? threshold : settings.contradiction);
    RECKON_ASSIGN_OR_RETURN(link::LinkSummary summary, link::LinkCase(**store, at));
    std::vector<std::string> ignored;
    return RegisterStrata(**store, o.by, ignored, &summary.assignments);
  };
  // The number of lists does not depend on the threshold: read it from the
  // saved register rather than linking once more.
  auto saved_strata = RegisterStrata(**store, o.by, notes);
  if (!saved_strata.ok()) return ReportError(saved_strata.status());
  auto options = MakeOptions(o, saved_strata->front().table.num_lists());
  if (!options.ok()) return ReportError(options.status());
  auto rows = estimate::RunLinkageSensitivity(provider, thresholds, chosen, *options);
  if (!rows.ok()) return ReportError(rows.status());
  auto text = [](const std::optional<double>& v, bool percent) -> std::string {
    if (!v) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, percent ? "%+.1f%%" : "%.0f", percent ? 100 * *v : *v);
    return buffer;
  };
  nlohmann::ordered_json j = nlohmann::json::array();
  for (const auto& row : *rows) {
    j.push_back({{"threshold", row.threshold},
                 {"chosen", row.chosen},
                 {"observed", row.observed},
                 {"loglinear", row.loglinear ? nlohmann::json(*row.loglinear) : nullptr},
                 {"lcmcr", row.lcmcr ? nlohmann::json(*row.lcmcr) : nullptr},
                 {"dga", row.dga ? nlohmann::json(*row.dga) : nullptr}});
  }
  const nlohmann::ordered_json result{{"linkage_sensitivity", j}};
  if (Status saved = SaveRun(**store, o, "linkage_sensitivity", result); !saved.ok()) {
    return ReportError(saved);
  }
  if (o.json) {
    std::cout << result.dump(2) << "\n";
    return 0;
  }
  std::cout << "Linkage sensitivity: the register re-linked at each match threshold (not saved)\n"
               "and the estimate repeated. Stricter thresholds miss links and inflate the "
               "estimate;\nlooser ones merge different people and deflate it.\n\n";
  TablePrinter table({"threshold", "persons observed", "log-linear", "change", "LCMCR median",
                      "change", "dga median", "change"});
  for (const auto& row : *rows) {
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%.2f%s", row.threshold,
                  row.chosen ? " (chosen)" : "");
    table.AddRow({threshold, std::to_string(row.observed), text(row.loglinear, false),
                  text(row.loglinear_change, true), text(row.lcmcr, false),
                  text(row.lcmcr_change, true), text(row.dga, false), text(row.dga_change, true)});
  }
  table.Print(std::cout);
  return 0;
}

// `--stored`: the estimates kept in the case, newest first.
int ListStored(const Options& o) {
  auto store = OpenSqliteStore(o.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto runs = (*store)->EstimateRuns();
  if (!runs.ok()) return ReportError(runs.status());
  if (o.json) {
    nlohmann::ordered_json j = nlohmann::json::array();
    for (const EstimateRun& run : *runs) {
      j.push_back({{"estimate_run_id", run.estimate_run_id},
                   {"created_at", run.created_at},
                   {"actor", run.actor},
                   {"link_run_id", run.link_run_id ? nlohmann::json(*run.link_run_id) : nullptr},
                   {"input", run.input},
                   {"method", run.method},
                   {"by", run.stratify_by},
                   {"seed", run.seed ? nlohmann::json(*run.seed) : nullptr}});
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  TablePrinter table({"id", "created", "actor", "link run", "input", "method", "by", "seed"});
  for (const EstimateRun& run : *runs) {
    table.AddRow({std::to_string(run.estimate_run_id), run.created_at, run.actor,
                  run.link_run_id ? std::to_string(*run.link_run_id) : "-", run.input, run.method,
                  run.stratify_by.empty() ? "-" : run.stratify_by,
                  run.seed ? std::to_string(*run.seed) : "-"});
  }
  table.Print(std::cout);
  return 0;
}

// `--show ID`: one stored estimate with its parameters and full result, as JSON.
int ShowStored(const Options& o) {
  auto store = OpenSqliteStore(o.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto run = (*store)->FindEstimateRun(o.show_id);
  if (!run.ok()) return ReportError(run.status());
  if (!*run) {
    return ReportError(Status::NotFound(o.case_path + ": no estimate run " +
                                        std::to_string(o.show_id) + " (list them with --stored)"));
  }
  const EstimateRun& r = **run;
  nlohmann::ordered_json j = {
      {"estimate_run_id", r.estimate_run_id},
      {"created_at", r.created_at},
      {"actor", r.actor},
      {"link_run_id", r.link_run_id ? nlohmann::json(*r.link_run_id) : nullptr},
      {"input", r.input},
      {"method", r.method},
      {"by", r.stratify_by},
      {"seed", r.seed ? nlohmann::json(*r.seed) : nullptr},
      {"parameters", nlohmann::ordered_json::parse(r.parameters_json, nullptr, false)},
      {"result", nlohmann::ordered_json::parse(r.result_json, nullptr, false)}};
  std::cout << j.dump(2) << "\n";
  return 0;
}

int Run(const Options& o) {
  if (o.list_stored || o.show_id != 0) {
    if (o.case_path.empty()) return ReportError(Status::InvalidArgument("give a CASE"));
    return o.show_id != 0 ? ShowStored(o) : ListStored(o);
  }
  if (o.counts_path.empty()) {
    if (o.case_path.empty()) {
      return ReportError(Status::InvalidArgument("give a CASE or --counts FILE.csv"));
    }
    if (!o.linkage_sensitivity) return RunOnCase(o);
    return RunSensitivity(o);
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
  app->add_option("--samples", o->samples, "LCMCR draws kept per chain (default 2000)");
  app->add_option("--thinning", o->thinning, "LCMCR iterations per kept draw (default 100)");
  app->add_option("--K", o->k, "LCMCR latent classes (default 10)");
  app->add_option("--a-alpha", o->a_alpha, "LCMCR Gamma prior shape on alpha (default 0.25)");
  app->add_option("--b-alpha", o->b_alpha, "LCMCR Gamma prior rate on alpha (default 0.25)");
  app->add_option("--criterion", o->criterion, "Log-linear model selection: aic or bic")
      ->check(CLI::IsMember({"aic", "bic"}));
  app->add_option("--model", o->models,
                  "Also fit this hierarchical model, e.g. \"[12,23]\" (repeatable)");
  app->add_option("--by", o->by,
                  "Stratify the register by governorate, district, locality, sex or month")
      ->check(CLI::IsMember({"governorate", "district", "locality", "sex", "month"}));
  app->add_option("--strata-column", o->strata_column,
                  "Column of the counts file naming strata (default: `stratum` if present)");
  app->add_option("--delta", o->delta, "dga prior cell weight (default 2^-lists)");
  app->add_option("--dga-max-missing", o->dga_max_missing,
                  "dga grid of missing counts 0..M (default: automatic)");
  app->add_option("--min-lists", o->min_lists, "Lists a stratum needs to be estimated (default 3)")
      ->check(CLI::Range(2, 15));
  app->add_option("--threads", o->threads, "Worker threads (default: one per core)");
  app->add_flag("--no-ci", o->no_ci, "Skip profile-likelihood intervals");
  app->add_option("--actor", o->actor, "Who ran the estimate, stored with it (default: $USER)");
  app->add_flag("--stored", o->list_stored, "List the estimates stored in the case");
  app->add_option("--show", o->show_id, "Print a stored estimate (parameters and result) as JSON");
  app->add_flag("--linkage-sensitivity", o->linkage_sensitivity,
                "Re-estimate at stricter and looser match thresholds (needs CASE)");
  return {app, [o] { return Run(*o); }};
}

}  // namespace reckon::cli
