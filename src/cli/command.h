// How subcommands plug into the `reckon` binary.
//
// Each command lives in its own cmd_<name>.cc and exposes one Register
// function that adds its CLI11 subcommand and returns the action to run when
// that subcommand is chosen. Actions return the process exit code; they never
// throw (errors are reported with ReportError).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace reckon::cli {

using CommandAction = std::function<int()>;

struct Command {
  CLI::App* app = nullptr;
  CommandAction action;
};

// Prints "reckon: error: <message>" on stderr; returns the exit code for it
// (2 for bad arguments, 1 otherwise).
int ReportError(const Status& status);

// One Register function per command file, in the order `reckon --help` lists them.
Command RegisterInit(CLI::App& root);
Command RegisterSource(CLI::App& root);
Command RegisterImport(CLI::App& root);
Command RegisterSources(CLI::App& root);
Command RegisterRecords(CLI::App& root);
Command RegisterExport(CLI::App& root);
Command RegisterStats(CLI::App& root);
Command RegisterSimulate(CLI::App& root);
Command RegisterNames(CLI::App& root);
Command RegisterEstimate(CLI::App& root);
Command RegisterLink(CLI::App& root);
Command RegisterExplain(CLI::App& root);
Command RegisterReview(CLI::App& root);
Command RegisterGazetteer(CLI::App& root);
Command RegisterEvaluate(CLI::App& root);
Command RegisterKey(CLI::App& root);
Command RegisterWitness(CLI::App& root);
Command RegisterEvidence(CLI::App& root);
Command RegisterAudit(CLI::App& root);
Command RegisterUser(CLI::App& root);
Command RegisterServe(CLI::App& root);
Command RegisterIncident(CLI::App& root);
Command RegisterBurial(CLI::App& root);
Command RegisterTestimony(CLI::App& root);
Command RegisterVerify(CLI::App& root);
Command RegisterPerson(CLI::App& root);
Command RegisterReport(CLI::App& root);

}  // namespace reckon::cli
