// reckon sources CASE — list the sources of a case.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {

Command RegisterSources(CLI::App& root) {
  auto case_path = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand("sources", "List the sources of a case");
  app->add_option("CASE", *case_path, "Case file")->required();
  return {
      app, [case_path] {
        auto store = OpenSqliteStore(*case_path, OpenMode::kOpenExisting);
        if (!store.ok()) return ReportError(store.status());
        auto sources = (*store)->ListSources();
        if (!sources.ok()) return ReportError(sources.status());
        if (sources->empty()) {
          std::cout << "no sources yet (add one with `reckon source add` or `reckon import "
                       "--kind`)\n";
          return 0;
        }
        TablePrinter table({"source", "kind", "derived from", "imports", "records", "description"});
        for (const Source& s : *sources) {
          table.AddRow({s.name, std::string(SourceKindName(s.kind)), s.derived_from.value_or(""),
                        std::to_string(s.import_count), std::to_string(s.record_count),
                        s.description});
        }
        table.Print(std::cout, 60);
        return 0;
      }};
}

}  // namespace reckon::cli
