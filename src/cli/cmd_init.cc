// reckon init CASE — create an empty case file.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "store/sqlite_store.h"

namespace reckon::cli {

Command RegisterInit(CLI::App& root) {
  auto case_path = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand("init", "Create a new, empty case file");
  app->add_option("CASE", *case_path, "Path of the case file to create")->required();
  return {app, [case_path] {
            auto store = OpenSqliteStore(*case_path, OpenMode::kCreateNew);
            if (!store.ok()) return ReportError(store.status());
            std::cout << "created case file " << *case_path << " (schema version "
                      << (*store)->SchemaVersion().value() << ")\n";
            return 0;
          }};
}

}  // namespace reckon::cli
