// reckon explain CASE RECORD_A RECORD_B — why the register joined or split two records.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "link/explain.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string record_a;
  std::string record_b;
};

std::string Weight(double w) {
  if (std::isinf(w)) return w < 0 ? "-inf" : "+inf";
  std::ostringstream out;
  out << std::showpos << std::fixed << std::setprecision(2) << w;
  return out.str();
}

std::string Describe(const StoredRecord& r) {
  const RecordFields& f = r.fields;
  std::string name = f.full_name;
  if (name.empty()) {
    for (const std::string* part :
         {&f.given_name, &f.father_name, &f.grandfather_name, &f.family_name}) {
      if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
    }
  }
  return r.source + " " + f.record_id + ": " + name + " | " + f.sex + " | age " + AgeText(f) +
         " | " + f.death_date + " | " + f.locality + (f.district.empty() ? "" : ", " + f.district);
}

int Run(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto run = (*store)->LatestLinkRun();
  if (!run.ok()) return ReportError(run.status());
  if (!*run) {
    return ReportError(Status::NotFound("the case has no register yet; run `reckon link` first"));
  }
  auto a = (*store)->FindRecord(options.record_a);
  if (!a.ok()) return ReportError(a.status());
  auto b = (*store)->FindRecord(options.record_b);
  if (!b.ok()) return ReportError(b.status());
  link::LinkContext context;
  auto model = link::FellegiSunterModel::FromJson((*run)->model_json);
  if (!model.ok()) return ReportError(model.status());
  context.model = *model;
  // Term frequencies need every record's names, exactly as the linker saw them.
  if (Status status = link::LoadLinkRecords(**store, context, 2); !status.ok()) {
    return ReportError(status);
  }
  size_t index_a = 0;
  size_t index_b = 0;
  for (size_t i = 0; i < context.records.size(); ++i) {
    if (context.records[i].record_pk == a->record_pk) index_a = i;
    if (context.records[i].record_pk == b->record_pk) index_b = i;
  }
  auto settings = link::LinkSettingsFromJson((*run)->settings_json);
  if (!settings.ok()) return ReportError(settings.status());
  const link::Explanation e = link::ExplainPair(context, index_a, index_b, *settings);
  std::cout << "A  " << Describe(*a) << "\nB  " << Describe(*b) << "\n\n";
  std::cout << "name chains: " << e.relation << ", aligned " << e.alignment << "\n\n";
  TablePrinter table({"", "comparison", "weight", "running total"});
  double running = 0;
  for (const auto& line : e.lines) {
    running += line.weight;
    table.AddRow({line.label, line.detail, Weight(line.weight), Weight(running)});
  }
  table.Print(std::cout, 60);
  std::cout << "\ntotal match weight " << Weight(e.total_weight) << " (log2 odds): probability "
            << std::fixed << std::setprecision(4) << e.probability << "\n";
  return 0;
}

}  // namespace

Command RegisterExplain(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("explain", "Explain how two records compare, field by field");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("RECORD_A", options->record_a, "record_id (or SOURCE:record_id)")->required();
  app->add_option("RECORD_B", options->record_b, "record_id (or SOURCE:record_id)")->required();
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
