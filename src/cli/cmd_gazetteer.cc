// reckon gazetteer import CASE FILE.csv [--name NAME] — validates a gazetteer in
// OCHA's COD-AB layout and stores it in the case, where it replaces the default.
// reckon gazetteer show CASE [--json] — the gazetteer in force, units per level.
#include <array>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "ingest/text_source.h"
#include "place/case_gazetteer.h"
#include "place/gazetteer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string file;
  std::string name;
  bool json = false;
};

constexpr std::array<const char*, 5> kLevelNames = {"", "governorates", "districts", "subdistricts",
                                                    "localities"};

// The whole file as UTF-8 (any encoding `reckon import` reads) and its SHA-256.
Result<std::pair<std::string, std::string>> ReadGazetteerFile(const std::string& path) {
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<FileTextSource> source,
                          FileTextSource::Open(path, std::nullopt));
  std::string text;
  std::string chunk;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool more, source->Read(chunk));
    if (!more) break;
    text += chunk;
  }
  return std::make_pair(std::move(text), source->sha256());
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string LevelSummary(const place::Gazetteer& gazetteer) {
  std::string summary;
  for (const int level : gazetteer.levels()) {
    if (!summary.empty()) summary += ", ";
    summary += std::to_string(gazetteer.CountAtLevel(level)) + " " +
               kLevelNames[static_cast<size_t>(level)];
  }
  return summary;
}

int Import(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto file = ReadGazetteerFile(options.file);
  if (!file.ok()) return ReportError(file.status());
  // Validate before storing: a gazetteer that does not parse never enters the case.
  auto gazetteer = place::Gazetteer::Parse(file->first, options.file);
  if (!gazetteer.ok()) return ReportError(gazetteer.status());
  const std::string name = options.name.empty() ? BaseName(options.file) : options.name;
  Status status = (*store)->AddGazetteer({name, file->second, file->first, ""});
  if (!status.ok()) return ReportError(status);
  std::cout << "imported gazetteer '" << name << "': " << LevelSummary(*gazetteer) << "\n";
  return 0;
}

int Show(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto loaded = place::LoadCaseGazetteer(**store);
  if (!loaded.ok()) return ReportError(loaded.status());
  const place::Gazetteer& gazetteer = loaded->gazetteer;
  if (options.json) {
    nlohmann::ordered_json j;
    j["name"] = loaded->name;
    j["default"] = loaded->is_default;
    j["file_sha256"] = loaded->file_sha256;
    j["imported_at"] = loaded->imported_at;
    j["levels"] = nlohmann::json::array();
    for (const int level : gazetteer.levels()) {
      j["levels"].push_back({{"level", level},
                             {"name", kLevelNames[static_cast<size_t>(level)]},
                             {"units", gazetteer.CountAtLevel(level)}});
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << "gazetteer in force: " << loaded->name << "\n";
  if (!loaded->is_default) {
    std::cout << "imported " << loaded->imported_at << ", sha256 " << loaded->file_sha256 << "\n";
  }
  std::cout << "\n";
  TablePrinter table({"level", "units"});
  for (const int level : gazetteer.levels()) {
    table.AddRow({"admin" + std::to_string(level) + " " + kLevelNames[static_cast<size_t>(level)],
                  std::to_string(gazetteer.CountAtLevel(level))});
  }
  table.Print(std::cout);
  return 0;
}

}  // namespace

Command RegisterGazetteer(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("gazetteer", "Import or show the case's gazetteer");
  app->require_subcommand(1);
  CLI::App* import = app->add_subcommand(
      "import", "Validate a gazetteer CSV (OCHA COD-AB layout) and make it the case's");
  import->add_option("CASE", options->case_path, "Case file")->required();
  import->add_option("FILE", options->file, "Gazetteer CSV")->required();
  import->add_option("--name", options->name, "Name to store it under (default: file name)");
  CLI::App* show = app->add_subcommand("show", "The gazetteer in force and its units per level");
  show->add_option("CASE", options->case_path, "Case file")->required();
  show->add_flag("--json", options->json, "Print as JSON");
  return {app, [options, import] { return import->parsed() ? Import(*options) : Show(*options); }};
}

}  // namespace reckon::cli
