// reckon records CASE [--source NAME] [--limit N] — show imported records.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string source;
  int64_t limit = 50;
};

// The name as given, or the chain when only parts were given.
std::string DisplayName(const RecordFields& f) {
  if (!f.full_name.empty()) return f.full_name;
  std::string name;
  for (const std::string* part :
       {&f.given_name, &f.father_name, &f.grandfather_name, &f.family_name}) {
    if (part->empty()) continue;
    if (!name.empty()) name += " ";
    name += *part;
  }
  return name;
}

int Run(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  if (!options.source.empty()) {
    auto found = (*store)->FindSource(options.source);
    if (!found.ok()) return ReportError(found.status());
    if (!*found) return ReportError(Status::NotFound("no source named '" + options.source + "'"));
  }
  RecordFilter filter;
  if (!options.source.empty()) filter.source = options.source;
  if (options.limit > 0) filter.limit = options.limit;
  TablePrinter table(
      {"source", "row", "record_id", "name", "sex", "age", "death_date", "place", "flagged"});
  int64_t shown = 0;
  Status status = (*store)->ScanRecords(filter, [&](const StoredRecord& r) {
    const RecordFields& f = r.fields;
    std::string place = f.locality;
    for (const std::string* part : {&f.district, &f.governorate}) {
      if (part->empty()) continue;
      place += (place.empty() ? "" : ", ") + *part;
    }
    std::string flagged;
    for (const FieldFlag& flag : r.flags) flagged += (flagged.empty() ? "" : ",") + flag.field;
    table.AddRow({r.source, std::to_string(r.row_number), f.record_id, DisplayName(f), f.sex,
                  AgeText(f), f.death_date, place, flagged});
    ++shown;
    return Status::Ok();
  });
  if (!status.ok()) return ReportError(status);
  table.Print(std::cout);
  std::cout << "(" << shown << " records shown";
  if (options.limit > 0 && shown == options.limit) std::cout << "; --limit 0 shows all";
  std::cout << ")\n";
  return 0;
}

}  // namespace

Command RegisterRecords(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("records", "Show imported records");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("--source", options->source, "Only this source's records");
  app->add_option("--limit", options->limit, "At most N records (0 = all)")
      ->check(CLI::NonNegativeNumber);
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
