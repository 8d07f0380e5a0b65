// reckon stats CASE [--json] — records per source and the state of each field,
// then the case's figures (report/case_figures.h: the same figures as the
// report and the web application).
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "report/case_figures.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  bool json = false;
};

std::string Percent(int64_t part, int64_t whole) {
  if (whole == 0) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(1)
      << 100.0 * static_cast<double>(part) / static_cast<double>(whole) << "%";
  return out.str();
}

void PrintJson(const CaseStats& stats, const report::CaseFigures& figures) {
  nlohmann::ordered_json j;
  j["records"] = stats.records;
  j["sources"] = stats.sources;
  j["imports"] = stats.imports;
  j["by_source"] = nlohmann::json::array();
  for (const SourceStats& s : stats.by_source) {
    j["by_source"].push_back({{"source", s.source},
                              {"kind", SourceKindName(s.kind)},
                              {"derived_from", s.derived_from ? nlohmann::json(*s.derived_from)
                                                              : nlohmann::json(nullptr)},
                              {"records", s.records},
                              {"imports", s.imports},
                              {"flagged_records", s.flagged_records}});
  }
  j["by_field"] = nlohmann::json::array();
  for (const FieldStats& f : stats.by_field) {
    j["by_field"].push_back({{"field", f.field}, {"filled", f.filled}, {"flagged", f.flagged}});
  }
  j["figures"] = report::CaseFiguresJson(figures);
  std::cout << j.dump(2) << "\n";
}

void PrintCounts(const std::string& title, const std::vector<report::ValueCount>& counts,
                 int64_t total) {
  TablePrinter table({title, "persons", "%"});
  for (const report::ValueCount& c : counts) {
    table.AddRow({c.value, std::to_string(c.persons), Percent(c.persons, total)});
  }
  table.Print(std::cout);
  std::cout << "\n";
}

void PrintFigures(const report::CaseFigures& f) {
  std::cout << "\n";
  if (!f.link_run_id) {
    std::cout << "No register yet: run `reckon link` for figures about persons.\n";
    return;
  }
  std::cout << f.records_received << " records received; " << f.unique_persons
            << " unique persons (link run " << *f.link_run_id << "); " << f.minors
            << " minors (under 18)\n\n";
  TablePrinter sources({"source", "kind", "records", "derived from", "independent"});
  for (const report::SourceFigures& s : f.sources) {
    sources.AddRow({s.name, s.kind, std::to_string(s.records), s.derived_from.value_or(""),
                    s.independent ? "yes" : "no"});
  }
  sources.Print(std::cout);
  std::cout << "\n";
  const int64_t n = f.unique_persons;
  if (!f.by_status.empty()) PrintCounts("status", f.by_status, n);
  PrintCounts("governorate", f.by_governorate, n);
  PrintCounts("district", f.by_district, n);
  PrintCounts("death date", f.by_death_date, n);
  PrintCounts("sex", f.by_sex, n);
  PrintCounts("age group", f.by_age_group, n);
  if (!f.by_incident.empty()) {
    TablePrinter incidents({"incident", "persons linked"});
    for (const report::IncidentFigure& i : f.by_incident) {
      incidents.AddRow({i.title, std::to_string(i.persons)});
    }
    incidents.Print(std::cout);
    std::cout << "\n";
  }
  TablePrinter overlap({"sources naming the person", "persons", "%"});
  for (const report::SourceCombination& c : f.overlap) {
    overlap.AddRow(
        {report::CombinationName(f, c), std::to_string(c.persons), Percent(c.persons, n)});
  }
  overlap.Print(std::cout);
  if (f.estimate && f.estimate->headline) {
    const report::EstimateHeadline& h = *f.estimate->headline;
    std::cout << "\nEstimated total (stored estimate " << f.estimate->estimate_run_id << ", "
              << f.estimate->created_at
              << (f.estimate->on_latest_register ? "" : ", earlier register") << "): " << h.value
              << " (95% interval " << h.low << "-" << h.high << "), " << h.method << "\n";
  }
}

void PrintText(const CaseStats& stats) {
  std::cout << stats.records << " records from " << stats.sources << " sources in " << stats.imports
            << " imports\n\n";
  TablePrinter sources({"source", "kind", "derived from", "imports", "records", "flagged records"});
  for (const SourceStats& s : stats.by_source) {
    sources.AddRow({s.source, std::string(SourceKindName(s.kind)), s.derived_from.value_or(""),
                    std::to_string(s.imports), std::to_string(s.records),
                    std::to_string(s.flagged_records)});
  }
  sources.Print(std::cout);
  std::cout << "\n";
  TablePrinter fields({"field", "filled", "filled %", "flagged (kept raw)"});
  for (const FieldStats& f : stats.by_field) {
    fields.AddRow({f.field, std::to_string(f.filled), Percent(f.filled, stats.records),
                   std::to_string(f.flagged)});
  }
  fields.Print(std::cout);
}

}  // namespace

Command RegisterStats(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("stats", "Figures about a case: records, sources, fields");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_flag("--json", options->json, "Print the figures as JSON");
  return {app, [options] {
            auto store = OpenSqliteStore(options->case_path, OpenMode::kOpenExisting);
            if (!store.ok()) return ReportError(store.status());
            auto stats = (*store)->Stats();
            if (!stats.ok()) return ReportError(stats.status());
            auto figures = report::ComputeCaseFigures(**store);
            if (!figures.ok()) return ReportError(figures.status());
            if (options->json) {
              PrintJson(*stats, *figures);
            } else {
              PrintText(*stats);
              PrintFigures(*figures);
            }
            return 0;
          }};
}

}  // namespace reckon::cli
