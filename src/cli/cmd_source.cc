// reckon source add CASE NAME --kind KIND [--description TEXT] [--derived-from NAME]
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string name;
  std::string kind;
  std::string description;
  std::string derived_from;
};

int Run(const Options& options) {
  const auto kind = ParseSourceKind(options.kind);
  if (!kind) {
    return ReportError(Status::InvalidArgument("unknown source kind '" + options.kind +
                                               "' (known: " + SourceKindNames() + ")"));
  }
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  NewSource source{options.name, *kind, options.description, std::nullopt};
  if (!options.derived_from.empty()) source.derived_from = options.derived_from;
  auto added = (*store)->AddSource(source);
  if (!added.ok()) return ReportError(added.status());
  std::cout << "added source '" << added->name << "' (" << SourceKindName(added->kind) << ")";
  if (added->derived_from) std::cout << ", derived from '" << *added->derived_from << "'";
  std::cout << "\n";
  return 0;
}

}  // namespace

Command RegisterSource(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("source", "Manage the sources (lists) of a case");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add", "Declare a source: who published a list, and how");
  add->add_option("CASE", options->case_path, "Case file")->required();
  add->add_option("NAME", options->name, "Short name of the source, e.g. SNHR")->required();
  add->add_option("--kind", options->kind, "One of: " + SourceKindNames())->required();
  add->add_option("--description", options->description, "What the source is");
  add->add_option("--derived-from", options->derived_from,
                  "The source this one copies from (it is then not independent evidence)");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
