// reckon incident add CASE --title T --type TYPE [--start DATE] [--end DATE]
//   [--place TEXT] [--pcode CODE] [--description TEXT] [--perpetrator GROUP
//   --basis TEXT] [--actor NAME] — record an incident (audited).
// reckon incident list CASE [--json] — incidents with their number of persons.
// reckon incident show CASE ID [--json] — one incident with its persons,
//   evidence and testimonies.
// reckon incident link CASE ID --person PERSON_ID... [--actor NAME] — link
//   persons of the register to the incident (each link audited).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casework/incidents.h"
#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/investigation_json.h"
#include "cli/person_links.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  Incident incident;
  int64_t incident_id = 0;
  std::vector<int64_t> person_ids;
  std::string actor;
  bool json = false;
};

int Add(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  Incident incident = options.incident;
  incident.created_by = options.actor;
  auto added = RecordIncident(**store, incident);
  if (!added.ok()) return ReportError(added.status());
  std::cout << "added incident #" << added->incident_id << " (" << added->title << ")\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto all = (*store)->ListIncidents();
  if (!all.ok()) return ReportError(all.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  TablePrinter table({"id", "title", "type", "start", "end", "place", "persons"});
  for (const Incident& i : *all) {
    auto file = IncidentFileOf(**store, i.incident_id);
    if (!file.ok()) return ReportError(file.status());
    nlohmann::ordered_json j = IncidentJson(i);
    j["person_ids"] = file->person_ids;
    out.push_back(std::move(j));
    table.AddRow({std::to_string(i.incident_id), i.title, i.incident_type, i.start_date, i.end_date,
                  i.place, std::to_string(file->person_ids.size())});
  }
  if (options.json) {
    std::cout << out.dump(2) << "\n";
  } else {
    table.Print(std::cout);
  }
  return 0;
}

int Show(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto file = IncidentFileOf(**store, options.incident_id);
  if (!file.ok()) return ReportError(file.status());
  nlohmann::ordered_json j = IncidentJson(file->incident);
  j["person_ids"] = file->person_ids;
  j["evidence_ids"] = file->evidence_ids;
  j["testimony_ids"] = file->testimony_ids;
  if (options.json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  const Incident& i = file->incident;
  std::cout << "incident #" << i.incident_id << ": " << i.title << "\n"
            << "  type:        " << i.incident_type << "\n"
            << "  dates:       " << i.start_date << (i.end_date.empty() ? "" : " to ") << i.end_date
            << "\n"
            << "  place:       " << i.place << (i.place_pcode.empty() ? "" : " (") << i.place_pcode
            << (i.place_pcode.empty() ? "" : ")") << "\n"
            << "  alleged perpetrator: " << i.perpetrator << "\n"
            << "  attribution basis:   " << i.attribution_basis << "\n"
            << "  description: " << i.description << "\n"
            << "  recorded by " << i.created_by << " at " << i.created_at << "\n"
            << "  persons:     " << JoinIds(file->person_ids) << "\n"
            << "  evidence:    " << JoinIds(file->evidence_ids) << "\n"
            << "  testimonies: " << JoinIds(file->testimony_ids) << "\n";
  return 0;
}

int Link(const Options& options) {
  return LinkPersonsTo(options.case_path, "incident", "incident", options.incident_id,
                       options.person_ids, options.actor);
}

}  // namespace

Command RegisterIncident(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->actor = DefaultActor();
  CLI::App* app = root.add_subcommand("incident", "Incidents: what happened, where and when");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add", "Record an incident");
  CLI::App* list = app->add_subcommand("list", "List incidents");
  CLI::App* show = app->add_subcommand("show", "One incident and what is linked to it");
  CLI::App* link = app->add_subcommand("link", "Link persons to an incident");
  for (CLI::App* sub : {add, list, show, link}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
  }
  Incident& i = options->incident;
  add->add_option("--title", i.title, "Short title")->required();
  add->add_option("--type", i.incident_type,
                  "killing, mass_killing, enforced_disappearance, execution, shelling, "
                  "airstrike, death_in_detention or other")
      ->required();
  add->add_option("--start", i.start_date, "Start date (YYYY[-MM[-DD]])");
  add->add_option("--end", i.end_date, "End date (YYYY[-MM[-DD]])");
  add->add_option("--place", i.place, "Place as written");
  add->add_option("--pcode", i.place_pcode, "Gazetteer P-code of the place");
  add->add_option("--description", i.description, "What happened");
  add->add_option("--perpetrator", i.perpetrator, "Alleged perpetrator group");
  add->add_option("--basis", i.attribution_basis, "Basis for the attribution");
  for (CLI::App* sub : {show, link}) {
    sub->add_option("ID", options->incident_id, "Incident id")->required();
  }
  link->add_option("--person", options->person_ids, "Person id of the register (repeatable)")
      ->required();
  for (CLI::App* sub : {add, link}) {
    sub->add_option("--actor", options->actor, "Who does this, for the audit log");
  }
  for (CLI::App* sub : {list, show}) sub->add_flag("--json", options->json, "Print JSON");
  return {app, [options, add, list, show] {
            if (add->parsed()) return Add(*options);
            if (list->parsed()) return List(*options);
            if (show->parsed()) return Show(*options);
            return Link(*options);
          }};
}

}  // namespace reckon::cli
