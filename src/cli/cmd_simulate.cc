// reckon simulate --out DIR [--people N] [--lists K] [--seed S] [--profile P] [--config FILE]
//
// Writes synthetic casualty lists with ground truth (docs/simulate.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>

#include "cli/command.h"
#include "simulate/simulate_config.h"
#include "simulate/simulator.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string out;
  int64_t people = 0;
  int lists = 0;
  uint64_t seed = 0;
  std::string profile;
  std::string config;
  bool force = false;
  // Which flags were given: only those override the config file.
  CLI::Option* people_flag = nullptr;
  CLI::Option* lists_flag = nullptr;
  CLI::Option* seed_flag = nullptr;
  CLI::Option* profile_flag = nullptr;
};

Result<std::string> ReadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError("failed reading config file " + path);
  return text.str();
}

// Refuses to mix a new simulation with other files unless --force; with
// --force, removes list files a previous run with more lists left behind.
Status PrepareDirectory(const std::string& out, bool force) {
  std::error_code error;
  if (!std::filesystem::exists(out, error)) return Status::Ok();
  if (!std::filesystem::is_directory(out, error)) {
    return Status::InvalidArgument(out + " exists and is not a directory");
  }
  if (std::filesystem::is_empty(out, error)) return Status::Ok();
  if (!force) {
    return Status::InvalidArgument(
        out + " is not empty (use --force to overwrite a previous simulation)");
  }
  static const std::regex kListFile("list_[0-9]+\\.csv");
  for (const auto& entry : std::filesystem::directory_iterator(out, error)) {
    if (std::regex_match(entry.path().filename().string(), kListFile)) {
      std::filesystem::remove(entry.path(), error);
      if (error) return Status::IoError("cannot remove " + entry.path().string());
    }
  }
  if (error) return Status::IoError("cannot list " + out + ": " + error.message());
  return Status::Ok();
}

std::string Percent(int64_t part, int64_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%.1f%%",
                whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

int Run(const Options& options) {
  simulate::CommandLineOverrides overrides;
  if (options.people_flag->count() > 0) overrides.people = options.people;
  if (options.lists_flag->count() > 0) overrides.lists = options.lists;
  if (options.seed_flag->count() > 0) overrides.seed = options.seed;
  if (options.profile_flag->count() > 0) {
    overrides.profile = simulate::ParseProfileName(options.profile);
    if (!overrides.profile) {
      return ReportError(Status::InvalidArgument("unknown profile '" + options.profile +
                                                 "' (known: clean, realistic, hard, heldout)"));
    }
  }
  std::optional<std::string> config_text;
  if (!options.config.empty()) {
    Result<std::string> text = ReadConfigFile(options.config);
    if (!text.ok()) return ReportError(text.status());
    config_text = std::move(text).value();
  }
  Result<simulate::SimulateConfig> config =
      simulate::BuildConfig(overrides, config_text, options.config);
  if (!config.ok()) return ReportError(config.status());
  if (Status status = PrepareDirectory(options.out, options.force); !status.ok()) {
    return ReportError(status);
  }
  Result<simulate::SimulationSummary> summary = simulate::RunSimulation(*config, options.out);
  if (!summary.ok()) return ReportError(summary.status());

  std::cout << "simulated " << summary->true_n << (summary->true_n == 1 ? " person" : " people")
            << " in " << summary->households << " households (profile "
            << simulate::ProfileName(config->profile) << ", seed " << config->seed << ")\n";
  std::cout << "  on at least one list: " << summary->documented << " ("
            << Percent(summary->documented, summary->true_n)
            << "); on none: " << summary->true_n - summary->documented << "\n";
  for (const simulate::ListSummary& list : summary->lists) {
    std::cout << "  " << list.file << ": " << list.records << " records, " << list.persons
              << " people, " << list.duplicates << " duplicates, " << list.copied << " copied  ("
              << list.description << ")\n";
  }
  std::cout << "wrote " << summary->lists.size()
            << " lists, truth.csv, population.csv, captures.csv and summary.json to " << options.out
            << "\n";
  return 0;
}

}  // namespace

Command RegisterSimulate(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand(
      "simulate", "Write synthetic casualty lists with ground truth (invented people)");
  app->add_option("--out", options->out, "Directory for the lists and truth files")->required();
  options->people_flag =
      app->add_option("--people", options->people, "Number of people killed (default 10000)")
          ->check(CLI::Range(int64_t{1}, simulate::kMaxPeople));
  options->lists_flag = app->add_option("--lists", options->lists, "Number of lists (default 5)")
                            ->check(CLI::Range(1, simulate::kMaxLists));
  options->seed_flag = app->add_option("--seed", options->seed, "Random seed (default 1)");
  options->profile_flag = app->add_option(
      "--profile", options->profile,
      "clean, realistic (default), hard or heldout (held out of all linker tuning)");
  app->add_option("--config", options->config,
                  "JSON file setting any parameter (docs/simulate.md); flags override it");
  app->add_flag("--force", options->force, "Overwrite a previous simulation in --out");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
