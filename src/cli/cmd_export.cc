// reckon export CASE records --out FILE.csv — the records with their canonical
// fields, source, row and flags, as UTF-8 CSV that `reckon import` reads back.
// reckon export CASE clusters --out FILE.csv — the register: record_id,person_id,
// source for every linked record (the layout `reckon evaluate --truth` reads).
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "common/csv_writer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string what;
  std::string out;
  std::string source;
};

int ExportRecords(Store& store, const Options& options) {
  const std::string tmp = options.out + ".partial";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return ReportError(Status::IoError("cannot write " + tmp));
  CsvWriter writer(out);
  std::vector<std::string> header;
  for (auto name : CanonicalFieldNames()) header.emplace_back(name);
  for (const char* extra : {"source", "row_number", "line_number", "flagged_fields"}) {
    header.emplace_back(extra);
  }
  writer.WriteRow(header);
  RecordFilter filter;
  if (!options.source.empty()) filter.source = options.source;
  int64_t count = 0;
  std::vector<std::string> row;
  Status status = store.ScanRecords(filter, [&](const StoredRecord& r) {
    const RecordFields& f = r.fields;
    std::string flagged;
    for (const FieldFlag& flag : r.flags) flagged += (flagged.empty() ? "" : ";") + flag.field;
    row = {f.record_id,
           f.full_name,
           f.given_name,
           f.father_name,
           f.grandfather_name,
           f.family_name,
           f.mother_name,
           f.sex,
           AgeText(f),
           f.birth_date,
           f.death_date,
           f.locality,
           f.district,
           f.governorate,
           f.cause,
           f.notes,
           r.source,
           std::to_string(r.row_number),
           std::to_string(r.line_number),
           flagged};
    writer.WriteRow(row);
    ++count;
    return Status::Ok();
  });
  out.close();
  if (!status.ok() || !out) {
    std::remove(tmp.c_str());
    return ReportError(status.ok() ? Status::IoError("error writing " + tmp) : status);
  }
  // Rename last so a failed export never leaves a half-written file under the real name.
  if (std::rename(tmp.c_str(), options.out.c_str()) != 0) {
    return ReportError(Status::IoError("cannot rename " + tmp + " to " + options.out));
  }
  std::cout << "exported " << count << " records to " << options.out << "\n";
  return 0;
}

int ExportClusters(Store& store, const Options& options) {
  auto run = store.LatestLinkRun();
  if (!run.ok()) return ReportError(run.status());
  if (!*run) {
    return ReportError(
        Status::NotFound(options.case_path + " has no register yet: run `reckon link` first"));
  }
  auto assignments = store.ClusterAssignments();
  if (!assignments.ok()) return ReportError(assignments.status());
  const std::string tmp = options.out + ".partial";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return ReportError(Status::IoError("cannot write " + tmp));
  CsvWriter writer(out);
  writer.WriteRow(std::vector<std::string_view>{"record_id", "person_id", "source"});
  int64_t count = 0;
  for (const ClusterAssignment& a : *assignments) {
    if (!options.source.empty() && a.source != options.source) continue;
    writer.WriteRow(std::vector<std::string>{a.record_id, std::to_string(a.person_id), a.source});
    ++count;
  }
  out.close();
  if (!out) {
    std::remove(tmp.c_str());
    return ReportError(Status::IoError("error writing " + tmp));
  }
  if (std::rename(tmp.c_str(), options.out.c_str()) != 0) {
    return ReportError(Status::IoError("cannot rename " + tmp + " to " + options.out));
  }
  std::cout << "exported " << count << " register entries to " << options.out << "\n";
  return 0;
}

int Run(const Options& options) {
  if (options.what != "records" && options.what != "clusters") {
    return ReportError(Status::InvalidArgument("unknown export '" + options.what +
                                               "' (known: records, clusters)"));
  }
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  if (options.what == "clusters") return ExportClusters(**store, options);
  return ExportRecords(**store, options);
}

}  // namespace

Command RegisterExport(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("export", "Export data from a case");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("WHAT", options->what, "What to export: records, clusters")->required();
  app->add_option("--out", options->out, "Output file (.csv)")->required();
  app->add_option("--source", options->source, "Only this source's records");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
