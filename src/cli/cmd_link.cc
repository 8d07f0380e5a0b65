// reckon link CASE [--threshold P] [--seed S] [--threads N] [--json]
#include <unistd.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/table_printer.h"
#include "link/linker.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  link::LinkSettings settings;
  bool json = false;
  bool no_term_frequency = false;
  bool no_competition = false;
};

int Run(Options& options) {
  if (options.settings.threshold <= 0 || options.settings.threshold >= 1) {
    return ReportError(Status::InvalidArgument("--threshold must be between 0 and 1"));
  }
  if (options.settings.same_list_threshold <= 0 || options.settings.same_list_threshold > 1) {
    return ReportError(Status::InvalidArgument("--same-list-threshold must be in (0, 1]"));
  }
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  options.settings.term_frequency = !options.no_term_frequency;
  options.settings.competition = !options.no_competition;
  const bool terminal = ::isatty(STDERR_FILENO) == 1 && !options.json;
  if (terminal) {
    options.settings.progress = [](const std::string& stage, double) {
      std::cerr << "\r\033[K  done: " << stage << std::flush;
    };
  }
  auto summary = link::LinkCase(**store, options.settings);
  if (terminal) std::cerr << "\r\033[K";
  if (!summary.ok()) return ReportError(summary.status());
  if (options.json) {
    std::cout << nlohmann::json::parse(summary->ToJson()).dump(2) << "\n";
    return 0;
  }
  const link::LinkSummary& s = *summary;
  std::cout << "linked " << s.records << " records into " << s.persons << " persons (run #"
            << s.run_id << "); " << s.persons_on_several_sources
            << " persons are named by more than one source\n";
  std::cout << "  person ids: " << s.kept_ids << " kept from the previous run, " << s.new_ids
            << " new\n";
  std::cout << "  candidate pairs " << s.candidate_pairs << ", above the threshold "
            << s.matched_pairs << ", kept apart as households " << s.household_pairs
            << ", merges refused for contradictions " << s.refused_merges << "\n";
  std::cout << "  human decisions applied: " << s.must_links << " match, " << s.cannot_links
            << " non-match";
  if (s.must_links_refused) std::cout << " (" << s.must_links_refused << " matches refused)";
  std::cout << "; " << s.review_pairs << " uncertain pairs await review\n";
  std::cout << "  model: prior " << std::setprecision(3) << s.prior << " after " << s.em_iterations
            << " EM iterations";
  if (options.settings.train_from_labels) {
    std::cout << "; m of " << s.fields_trained_from_labels << " fields retrained from labels";
  }
  std::cout << "\n";
  const link::CalibrationMap& map = s.calibration;
  if (map.identity()) {
    std::cout << "  calibration: fewer than " << link::kMinCalibrationLabels
              << " reviewed pairs (or fewer than " << link::kMinCalibrationLabelsEach
              << " of a kind), so the model's probabilities stand unchecked\n";
  } else {
    std::cout << "  calibration: " << map.labels << " reviewed pairs (" << map.matches
              << " one person) recalibrate the model's probabilities: logit p' = "
              << std::setprecision(3) << map.slope << " logit p "
              << (map.intercept < 0 ? "- " : "+ ") << std::fabs(map.intercept) << "\n";
  }
  std::cout << "  expected link errors at the threshold " << s.expected_errors_model.threshold
            << " (pairs the model gives at least 0.01): false " << std::fixed
            << std::setprecision(1) << s.expected_errors_model.expected_false << ", missed "
            << s.expected_errors_model.expected_missed;
  if (!map.identity()) {
    std::cout << "; after recalibration: false " << s.expected_errors_calibrated.expected_false
              << ", missed " << s.expected_errors_calibrated.expected_missed;
  }
  std::cout << "\n" << std::defaultfloat << "\n";
  TablePrinter rules({"blocking rule", "pairs", "blocks", "large blocks", "largest"});
  for (const auto& rule : s.rules) {
    rules.AddRow({rule.name, std::to_string(rule.pairs), std::to_string(rule.blocks),
                  std::to_string(rule.large_blocks), std::to_string(rule.largest_block)});
  }
  rules.Print(std::cout, 60);
  std::cout << "\n  seconds:";
  for (const auto& [stage, seconds] : s.seconds) {
    std::cout << " " << stage << " " << std::fixed << std::setprecision(2) << seconds;
  }
  std::cout << "\n";
  return 0;
}

}  // namespace

Command RegisterLink(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand(
      "link", "Link records that describe the same person into the register of persons");
  options->settings.actor = DefaultActor();
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("--actor", options->settings.actor,
                  "Who runs it, for the audit log (default: $USER)");
  app->add_option("--threshold", options->settings.threshold,
                  "Posterior match probability needed to join two records (default 0.9)");
  app->add_option("--contradiction", options->settings.contradiction,
                  "Compared pairs below this probability keep their clusters apart (default 0.9)");
  app->add_option("--same-list-threshold", options->settings.same_list_threshold,
                  "Probability two records of one list need to be one person (default 0.9999)");
  app->add_option("--seed", options->settings.seed, "Seed for the random pairs that estimate u");
  app->add_option("--threads", options->settings.threads, "Worker threads (default 2)");
  app->add_option("--max-block", options->settings.blocking.max_block,
                  "Blocks larger than this use sorted neighbourhood (default 400)");
  app->add_flag("--no-competition", options->no_competition,
                "Score each pair alone, not against the other candidates from the same lists");
  app->add_flag("--no-term-frequency", options->no_term_frequency,
                "Do not weigh rare names more than common ones");
  app->add_flag("--train-from-labels", options->settings.train_from_labels,
                "Retrain m from the reviewers' match decisions (needs at least 20)");
  app->add_option("--pairs-out", options->settings.pairs_out,
                  "Write every compared pair (levels, weight, probability) to this CSV file");
  app->add_flag("--json", options->json, "Print the run's summary as JSON");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
