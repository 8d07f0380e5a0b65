// reckon export CASE records --out FILE.csv — the records with their canonical
// fields, source, row and flags, as UTF-8 CSV that `reckon import` reads back.
// reckon export CASE clusters --out FILE.csv — the register: record_id,person_id,
// source for every linked record (the layout `reckon evaluate --truth` reads).
// reckon export CASE persons --out FILE.csv|.json [--public] — one row per
// person of the register (report/person_summary.h), redacted with --public.
// reckon export CASE captures [--by FIELD] --out FILE.csv — the counts format
// statisticians load into R: one 0/1 column per list, `stratum` with --by,
// and `count` (docs/report.md, "Exports").
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "common/csv_writer.h"
#include "estimate/capture_table.h"
#include "report/person_captures.h"
#include "report/person_summary.h"
#include "report/redaction.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string what;
  std::string out;
  std::string source;
  bool public_policy = false;
  std::string by;
};

// Writes `text` to options.out through a temporary file renamed at the end.
int WriteFile(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".partial";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return ReportError(Status::IoError("cannot write " + tmp));
  out << text;
  out.close();
  if (!out) {
    std::remove(tmp.c_str());
    return ReportError(Status::IoError("error writing " + tmp));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return ReportError(Status::IoError("cannot rename " + tmp + " to " + path));
  }
  return 0;
}

Status NeedRegister(Store& store, const std::string& case_path) {
  RECKON_ASSIGN_OR_RETURN(std::optional<LinkRunInfo> run, store.LatestLinkRun());
  if (!run) return Status::NotFound(case_path + " has no register yet: run `reckon link` first");
  return Status::Ok();
}

int ExportPersons(Store& store, const Options& options) {
  if (Status s = NeedRegister(store, options.case_path); !s.ok()) return ReportError(s);
  auto persons = report::SummarisePersons(store);
  if (!persons.ok()) return ReportError(persons.status());
  // Without --public the export is internal and complete, minors' names included.
  report::RedactionPolicy policy = report::RedactionPolicy::Public();
  if (!options.public_policy) {
    policy = report::RedactionPolicy::Internal();
    policy.include_minor_names = true;
  }
  const bool json =
      options.out.size() >= 5 && options.out.substr(options.out.size() - 5) == ".json";
  std::ostringstream text;
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  CsvWriter writer(text);
  if (!json) {
    writer.WriteRow(std::vector<std::string_view>{
        "person_id", "name_arabic", "name_latin", "sex", "age", "age_group", "death_date",
        "locality", "district", "governorate", "sources", "record_count", "minor"});
  }
  for (const report::PersonSummary& p : *persons) {
    const report::DisplayNames names = report::NamesFor(p, policy);
    std::string sources;
    for (const std::string& s : p.sources) sources += (sources.empty() ? "" : ";") + s;
    if (json) {
      array.push_back({{"person_id", p.person_id},
                       {"name_arabic", names.arabic},
                       {"name_latin", names.latin},
                       {"sex", p.sex},
                       {"age", p.age_text},
                       {"age_group", p.age_group},
                       {"death_date", p.death_date},
                       {"locality", p.locality},
                       {"district", p.district},
                       {"governorate", p.governorate},
                       {"sources", p.sources},
                       {"record_count", p.record_count},
                       {"minor", p.minor}});
    } else {
      writer.WriteRow(std::vector<std::string>{
          std::to_string(p.person_id), names.arabic, names.latin, p.sex, p.age_text, p.age_group,
          p.death_date, p.locality, p.district, p.governorate, sources,
          std::to_string(p.record_count), p.minor ? "1" : "0"});
    }
  }
  if (json) text << array.dump(2) << "\n";
  if (int rc = WriteFile(options.out, text.str()); rc != 0) return rc;
  std::cout << "exported " << persons->size() << " persons (" << policy.name << ") to "
            << options.out << "\n";
  return 0;
}

int ExportCaptures(Store& store, const Options& options) {
  if (Status s = NeedRegister(store, options.case_path); !s.ok()) return ReportError(s);
  auto sources = store.ListSources();
  if (!sources.ok()) return ReportError(sources.status());
  auto persons = report::SummarisePersons(store);
  if (!persons.ok()) return ReportError(persons.status());
  auto strata = report::PersonCaptureStrata(*sources, *persons, options.by);
  if (!strata.ok()) return ReportError(strata.status());
  std::ostringstream text;
  CsvWriter writer(text);
  std::vector<std::string> header = strata->front().table.lists();
  if (!options.by.empty()) header.push_back("stratum");
  header.push_back("count");
  writer.WriteRow(header);
  int64_t total = 0;
  for (const estimate::Stratum& stratum : *strata) {
    const estimate::CaptureTable& table = stratum.table;
    for (uint32_t pattern = 1; pattern < table.num_cells(); ++pattern) {
      if (table.count(pattern) == 0) continue;
      std::vector<std::string> row;
      for (int list = 0; list < table.num_lists(); ++list) {
        row.push_back((pattern >> list) & 1u ? "1" : "0");
      }
      if (!options.by.empty()) row.push_back(stratum.name);
      row.push_back(std::to_string(table.count(pattern)));
      writer.WriteRow(row);
      total += table.count(pattern);
    }
  }
  if (int rc = WriteFile(options.out, text.str()); rc != 0) return rc;
  std::cout << "exported the capture histories of " << total << " persons on "
            << strata->front().table.num_lists() << " lists"
            << (options.by.empty() ? "" : " in " + std::to_string(strata->size()) + " strata")
            << " to " << options.out << "\n";
  return 0;
}

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
  if (options.what != "records" && options.what != "clusters" && options.what != "persons" &&
      options.what != "captures") {
    return ReportError(Status::InvalidArgument("unknown export '" + options.what +
                                               "' (known: records, clusters, persons, captures)"));
  }
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  if (options.what == "clusters") return ExportClusters(**store, options);
  if (options.what == "persons") return ExportPersons(**store, options);
  if (options.what == "captures") return ExportCaptures(**store, options);
  return ExportRecords(**store, options);
}

}  // namespace

Command RegisterExport(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("export", "Export data from a case");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("WHAT", options->what, "What to export: records, clusters, persons, captures")
      ->required();
  app->add_option("--out", options->out, "Output file (.csv; persons also .json)")->required();
  app->add_flag("--public", options->public_policy,
                "persons: apply the public redaction policy (minors' names withheld)");
  app->add_option("--by", options->by,
                  "captures: one stratum per value of governorate, district, locality, sex, "
                  "month or age_group (a `stratum` column)");
  app->add_option("--source", options->source, "Only this source's records");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
