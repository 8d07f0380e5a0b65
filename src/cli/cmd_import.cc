// reckon import CASE FILE --source NAME [--mapping FILE] [--encoding ENC] [--force]
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/progress_bar.h"
#include "ingest/importer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string file;
  std::string source;
  std::string mapping;
  std::string encoding;
  std::string kind;
  std::string description;
  std::string derived_from;
  bool force = false;
};

int Run(const Options& options) {
  ImportRequest request;
  request.file_path = options.file;
  request.source_name = options.source;
  request.force = options.force;
  if (!options.mapping.empty()) request.mapping_path = options.mapping;
  if (!options.encoding.empty()) {
    request.encoding = ParseEncodingName(options.encoding);
    if (!request.encoding) {
      return ReportError(
          Status::InvalidArgument("unknown encoding '" + options.encoding +
                                  "' (known: utf-8, utf-16, utf-16le, utf-16be, windows-1256)"));
    }
  }
  if (!options.kind.empty()) {
    const auto kind = ParseSourceKind(options.kind);
    if (!kind) {
      return ReportError(Status::InvalidArgument("unknown source kind '" + options.kind +
                                                 "' (known: " + SourceKindNames() + ")"));
    }
    NewSource source{options.source, *kind, options.description, std::nullopt};
    if (!options.derived_from.empty()) source.derived_from = options.derived_from;
    request.create_source = source;
  }
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  ProgressBar progress("importing " + options.file);
  request.progress = [&progress](int64_t done, int64_t total, int64_t rows) {
    progress.Update(done, total, rows);
  };
  auto report = ImportList(**store, request);
  progress.Finish();
  if (!report.ok()) return ReportError(report.status());
  std::cout << "imported " << report->rows << " records from " << options.file << " into source '"
            << options.source << "'" << (report->created_source ? " (new source)" : "")
            << " as import #" << report->import_id << "\n";
  std::cout << "  encoding " << report->encoding << ", delimiter '"
            << (report->delimiter == '\t' ? std::string("\\t") : std::string(1, report->delimiter))
            << "', SHA-256 " << report->sha256 << "\n";
  std::cout << "  columns:";
  for (const auto& [field, column] : report->mapped) {
    std::cout << " " << field << (field == column ? "" : "<-'" + column + "'");
  }
  std::cout << "\n";
  if (!report->unmapped_columns.empty()) {
    std::cout << "  kept only in the raw row:";
    for (const auto& column : report->unmapped_columns) std::cout << " '" << column << "'";
    std::cout << "\n";
  }
  if (report->flagged_rows > 0) {
    std::cout << "  " << report->flagged_rows << " records have values that could not be parsed "
              << "(kept raw and flagged):";
    for (const auto& [field, count] : report->flags_by_field) {
      std::cout << " " << field << "=" << count;
    }
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

Command RegisterImport(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("import", "Import a list (CSV) into a case as one transaction");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("FILE", options->file, "CSV file (UTF-8, UTF-16 with BOM, or windows-1256)")
      ->required();
  app->add_option("--source", options->source, "The source this list comes from")->required();
  app->add_option("--mapping", options->mapping,
                  "Mapping file: which column holds which field (docs/import.md)");
  app->add_option("--encoding", options->encoding,
                  "utf-8, utf-16, utf-16le, utf-16be or windows-1256 (default: detected)");
  app->add_option("--kind", options->kind,
                  "Create the source if it does not exist, with this kind: " + SourceKindNames());
  app->add_option("--description", options->description, "Description of a new source");
  app->add_option("--derived-from", options->derived_from, "A new source's parent source");
  app->add_flag("--force", options->force, "Import a file already imported into this source");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
