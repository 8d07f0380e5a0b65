// reckon verify CASE PERSON_ID --status verified|disputed|rejected|cleared
//   --rationale TEXT [--evidence SHA]... [--testimony ID]... [--actor NAME]
//   — record an investigator's decision (docs/verification.md for the rules).
// reckon verify CASE PERSON_ID --history [--json] — every decision, oldest first.
// reckon verify CASE PERSON_ID [--json] — the person's status and why.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casework/verification.h"
#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/investigation_json.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  VerificationRequest request;
  bool history = false;
  bool json = false;
};

void PrintStatus(const PersonVerification& v) {
  std::cout << "person #" << v.person_id << ": " << PersonStatusName(v.status) << "\n"
            << "  computed: " << PersonStatusName(v.computed) << " (" << v.independent_sources
            << " independent source" << (v.independent_sources == 1 ? "" : "s") << ": ";
  for (size_t i = 0; i < v.sources.size(); ++i) std::cout << (i ? ", " : "") << v.sources[i];
  std::cout << ")\n";
  if (v.decision) {
    std::cout << "  decision in force: " << v.decision->status << " by " << v.decision->reviewer
              << " at " << v.decision->decided_at << " — " << v.decision->rationale << "\n";
  }
}

int Run(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  const int64_t person_id = options.request.person_id;
  if (options.history) {
    auto history = VerificationHistory(**store, person_id);
    if (!history.ok()) return ReportError(history.status());
    if (options.json) {
      nlohmann::ordered_json out = nlohmann::json::array();
      for (const VerificationDecision& d : *history) out.push_back(DecisionJson(d));
      std::cout << out.dump(2) << "\n";
      return 0;
    }
    TablePrinter table(
        {"decision", "status", "reviewer", "at", "rationale", "evidence", "testimonies"});
    for (const VerificationDecision& d : *history) {
      std::string evidence;
      for (const std::string& sha : d.evidence_sha256) {
        evidence += (evidence.empty() ? "" : ", ") + sha.substr(0, 12);
      }
      table.AddRow({std::to_string(d.decision_id), d.status, d.reviewer, d.decided_at, d.rationale,
                    evidence, JoinIds(d.testimony_ids)});
    }
    table.Print(std::cout, 60);
    return 0;
  }
  if (!options.request.status.empty()) {
    auto decided = DecideVerification(**store, options.request);
    if (!decided.ok()) return ReportError(decided.status());
    if (!options.json) {
      std::cout << "recorded decision #" << decided->decision_id << ": person #" << person_id << " "
                << decided->status << "\n";
    }
  } else if (!options.request.rationale.empty() || !options.request.evidence_sha256.empty() ||
             !options.request.testimony_ids.empty()) {
    return ReportError(
        Status::InvalidArgument("--rationale, --evidence and --testimony go with --status "
                                "verified|disputed|rejected|cleared"));
  }
  auto status = PersonStatusOf(**store, person_id);
  if (!status.ok()) return ReportError(status.status());
  if (options.json) {
    std::cout << VerificationJson(*status).dump(2) << "\n";
  } else {
    PrintStatus(*status);
  }
  return 0;
}

}  // namespace

Command RegisterVerify(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->request.reviewer = DefaultActor();
  CLI::App* app = root.add_subcommand(
      "verify", "A person's verification status; record a decision with --status");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("PERSON_ID", options->request.person_id, "Person id of the register")->required();
  VerificationRequest& r = options->request;
  CLI::Option* status =
      app->add_option("--status", r.status, "verified, disputed, rejected or cleared");
  app->add_option("--rationale", r.rationale, "Why (required except for cleared)");
  app->add_option("--evidence", r.evidence_sha256,
                  "SHA-256 (or 8+ leading digits) of evidence the decision rests on (repeatable)");
  app->add_option("--testimony", r.testimony_ids,
                  "Testimony id the decision rests on (repeatable)");
  app->add_option("--actor,--reviewer", r.reviewer, "Who decides (default: $USER)");
  app->add_flag("--history", options->history, "Every decision on the person, oldest first")
      ->excludes(status);
  app->add_flag("--json", options->json, "Print JSON");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
