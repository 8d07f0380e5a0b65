// reckon: the command-line entry point. Each subcommand lives in cmd_*.cc.
#include <exception>
#include <iostream>
#include <vector>

#include "cli/command.h"

namespace reckon::cli {

int ReportError(const Status& status) {
  std::cerr << "reckon: error: " << status.message() << "\n";
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

namespace {

int Main(int argc, char** argv) {
  CLI::App root{
      "Reckon: a workbench for counting and verifying the victims of mass killings from "
      "overlapping lists."};
  root.require_subcommand(1);
  root.set_version_flag("--version", "reckon 0.1.0");
  const std::vector<Command> commands = {
      RegisterInit(root),      RegisterSource(root),    RegisterImport(root),
      RegisterSources(root),   RegisterRecords(root),   RegisterExport(root),
      RegisterStats(root),     RegisterSimulate(root),  RegisterNames(root),
      RegisterLink(root),      RegisterEstimate(root),  RegisterExplain(root),
      RegisterReview(root),    RegisterGazetteer(root), RegisterEvaluate(root),
      RegisterKey(root),       RegisterWitness(root),   RegisterEvidence(root),
      RegisterAudit(root),     RegisterIncident(root),  RegisterBurial(root),
      RegisterTestimony(root), RegisterVerify(root),    RegisterPerson(root),
      RegisterReport(root),    RegisterUser(root),      RegisterServe(root),
  };
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return root.exit(e);
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.action();
  }
  return 2;
}

}  // namespace
}  // namespace reckon::cli

int main(int argc, char** argv) {
  // Exceptions never cross the command boundary: a bug is reported, not a crash dump.
  try {
    return reckon::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "reckon: internal error: " << e.what() << "\n";
    return 70;
  }
}
