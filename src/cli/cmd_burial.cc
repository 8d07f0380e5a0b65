// reckon burial add CASE --name N --kind individual_grave|mass_grave
//   --status reported|located|exhumed [--location TEXT] [--lat DEG --lon DEG]
//   [--pcode CODE] [--description TEXT] [--actor NAME] — record a burial site.
// reckon burial list CASE [--json] [--show-location] — sites; the (sensitive)
//   location is shown only with --show-location.
// reckon burial show CASE ID [--json] — one site with its persons and evidence.
// reckon burial link CASE ID --person PERSON_ID... [--actor NAME].
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casework/burial_sites.h"
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
  BurialSite site;
  double latitude = 0;  // given when has_latitude
  double longitude = 0;
  bool has_latitude = false;
  bool has_longitude = false;
  int64_t site_id = 0;
  std::vector<int64_t> person_ids;
  std::string actor;
  bool json = false;
  bool show_location = false;
};

int Add(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  BurialSite site = options.site;
  if (options.has_latitude) site.latitude = options.latitude;
  if (options.has_longitude) site.longitude = options.longitude;
  site.created_by = options.actor;
  auto added = RecordBurialSite(**store, site);
  if (!added.ok()) return ReportError(added.status());
  std::cout << "added burial site #" << added->burial_site_id << " (" << added->name << ")\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto all = (*store)->ListBurialSites();
  if (!all.ok()) return ReportError(all.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  std::vector<std::string> header = {"id", "name", "kind", "status", "persons"};
  if (options.show_location) header.insert(header.end(), {"location", "lat", "lon"});
  TablePrinter table(header);
  for (BurialSite s : *all) {
    auto file = BurialSiteFileOf(**store, s.burial_site_id);
    if (!file.ok()) return ReportError(file.status());
    if (!options.show_location) {
      s.location.clear();
      s.latitude.reset();
      s.longitude.reset();
    }
    nlohmann::ordered_json j = BurialSiteJson(s);
    j["person_ids"] = file->person_ids;
    out.push_back(std::move(j));
    std::vector<std::string> row = {std::to_string(s.burial_site_id), s.name, s.site_kind, s.status,
                                    std::to_string(file->person_ids.size())};
    if (options.show_location) {
      row.insert(row.end(), {s.location, s.latitude ? std::to_string(*s.latitude) : "",
                             s.longitude ? std::to_string(*s.longitude) : ""});
    }
    table.AddRow(std::move(row));
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
  auto file = BurialSiteFileOf(**store, options.site_id);
  if (!file.ok()) return ReportError(file.status());
  nlohmann::ordered_json j = BurialSiteJson(file->site);
  j["person_ids"] = file->person_ids;
  j["evidence_ids"] = file->evidence_ids;
  if (options.json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  const BurialSite& s = file->site;
  std::cout << "burial site #" << s.burial_site_id << ": " << s.name << "\n"
            << "  kind:        " << s.site_kind << "\n"
            << "  status:      " << s.status << "\n"
            << "  location:    " << s.location;
  if (s.latitude) std::cout << " (" << *s.latitude << ", " << *s.longitude << ")";
  std::cout << "\n"
            << "  P-code:      " << s.place_pcode << "\n"
            << "  description: " << s.description << "\n"
            << "  recorded by " << s.created_by << " at " << s.created_at << "\n"
            << "  persons:     " << JoinIds(file->person_ids) << "\n"
            << "  evidence:    " << JoinIds(file->evidence_ids) << "\n";
  return 0;
}

int Link(const Options& options) {
  return LinkPersonsTo(options.case_path, "burial_site", "burial site", options.site_id,
                       options.person_ids, options.actor);
}

}  // namespace

Command RegisterBurial(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->actor = DefaultActor();
  CLI::App* app = root.add_subcommand("burial", "Burial sites: graves and mass graves");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add", "Record a burial site");
  CLI::App* list = app->add_subcommand("list", "List burial sites");
  CLI::App* show = app->add_subcommand("show", "One burial site and what is linked to it");
  CLI::App* link = app->add_subcommand("link", "Link persons to a burial site");
  for (CLI::App* sub : {add, list, show, link}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
  }
  BurialSite& s = options->site;
  add->add_option("--name", s.name, "Name of the site")->required();
  add->add_option("--kind", s.site_kind, "individual_grave or mass_grave")->required();
  add->add_option("--status", s.status, "reported, located or exhumed")->required();
  add->add_option("--location", s.location, "Where (sensitive)");
  CLI::Option* lat = add->add_option("--lat", options->latitude, "Latitude in degrees (sensitive)");
  CLI::Option* lon =
      add->add_option("--lon", options->longitude, "Longitude in degrees (sensitive)");
  add->add_option("--pcode", s.place_pcode, "Gazetteer P-code");
  add->add_option("--description", s.description, "What is known");
  for (CLI::App* sub : {show, link}) {
    sub->add_option("ID", options->site_id, "Burial site id")->required();
  }
  link->add_option("--person", options->person_ids, "Person id of the register (repeatable)")
      ->required();
  for (CLI::App* sub : {add, link}) {
    sub->add_option("--actor", options->actor, "Who does this, for the audit log");
  }
  for (CLI::App* sub : {list, show}) sub->add_flag("--json", options->json, "Print JSON");
  list->add_flag("--show-location", options->show_location, "Include the sensitive location");
  return {app, [options, add, list, show, lat, lon] {
            options->has_latitude = lat->count() > 0;
            options->has_longitude = lon->count() > 0;
            if (add->parsed()) return Add(*options);
            if (list->parsed()) return List(*options);
            if (show->parsed()) return Show(*options);
            return Link(*options);
          }};
}

}  // namespace reckon::cli
