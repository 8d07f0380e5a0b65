// reckon person show CASE PERSON_ID [--json] — a person's file: records by
// source, verification status and history, incidents, burial sites, evidence
// and testimonies (witnesses by pseudonym only; no key is read).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casework/person_file.h"
#include "cli/command.h"
#include "cli/investigation_json.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  int64_t person_id = 0;
  bool json = false;
};

std::string ShownName(const RecordFields& f) {
  if (!f.full_name.empty()) return f.full_name;
  std::string name;
  for (const std::string* part :
       {&f.given_name, &f.father_name, &f.grandfather_name, &f.family_name}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  return name;
}

nlohmann::ordered_json RecordJson(const StoredRecord& r) {
  const RecordFields& f = r.fields;
  return {{"record_pk", r.record_pk}, {"source", r.source},           {"record_id", f.record_id},
          {"row", r.row_number},      {"name", ShownName(f)},         {"sex", f.sex},
          {"age", AgeText(f)},        {"death_date", f.death_date},   {"locality", f.locality},
          {"district", f.district},   {"governorate", f.governorate}, {"cause", f.cause}};
}

int Show(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto file = PersonFileOf(**store, options.person_id);
  if (!file.ok()) return ReportError(file.status());
  if (options.json) {
    nlohmann::ordered_json j = {{"person_id", options.person_id},
                                {"verification", VerificationJson(file->verification)}};
    j["records"] = nlohmann::json::array();
    for (const StoredRecord& r : file->records) j["records"].push_back(RecordJson(r));
    j["history"] = nlohmann::json::array();
    for (const auto& d : file->history) j["history"].push_back(DecisionJson(d));
    j["incidents"] = nlohmann::json::array();
    for (const auto& i : file->incidents) j["incidents"].push_back(IncidentJson(i));
    j["burial_sites"] = nlohmann::json::array();
    for (const auto& s : file->burial_sites) j["burial_sites"].push_back(BurialSiteJson(s));
    j["evidence"] = nlohmann::json::array();
    for (const auto& e : file->evidence) j["evidence"].push_back(EvidenceJson(e));
    j["testimonies"] = nlohmann::json::array();
    for (const auto& t : file->testimonies) j["testimonies"].push_back(TestimonyJson(t));
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  const PersonVerification& v = file->verification;
  std::cout << "person #" << options.person_id << ": " << PersonStatusName(v.status)
            << " (computed: " << PersonStatusName(v.computed) << ", " << v.independent_sources
            << " independent source" << (v.independent_sources == 1 ? "" : "s") << ")\n\n";
  std::cout << "records:\n";
  TablePrinter records({"source", "id", "name", "sex", "age", "death", "place"});
  for (const StoredRecord& r : file->records) {
    const RecordFields& f = r.fields;
    records.AddRow({r.source, f.record_id, ShownName(f), f.sex, AgeText(f), f.death_date,
                    f.locality.empty() ? f.district : f.locality});
  }
  records.Print(std::cout);
  std::cout << "\nverification history:\n";
  if (file->history.empty()) std::cout << "  (none)\n";
  for (const auto& d : file->history) {
    std::cout << "  #" << d.decision_id << " " << d.decided_at << " " << d.status << " by "
              << d.reviewer << ": " << d.rationale << "\n";
  }
  std::cout << "\nincidents:\n";
  if (file->incidents.empty()) std::cout << "  (none)\n";
  for (const auto& i : file->incidents) {
    std::cout << "  #" << i.incident_id << " " << i.title << " (" << i.incident_type << ", "
              << i.start_date << ", " << i.place << ")\n";
  }
  std::cout << "\nburial sites:\n";
  if (file->burial_sites.empty()) std::cout << "  (none)\n";
  for (const auto& s : file->burial_sites) {
    std::cout << "  #" << s.burial_site_id << " " << s.name << " (" << s.site_kind << ", "
              << s.status << ")\n";
  }
  std::cout << "\nevidence:\n";
  if (file->evidence.empty()) std::cout << "  (none)\n";
  for (const auto& e : file->evidence) {
    std::cout << "  #" << e.evidence_id << " " << e.sha256.substr(0, 16) << " " << e.original_name
              << " (" << e.media_type << ")\n";
  }
  std::cout << "\ntestimonies:\n";
  if (file->testimonies.empty()) std::cout << "  (none)\n";
  for (const auto& t : file->testimonies) {
    std::cout << "  #" << t.testimony_id << " " << t.witness_pseudonym << ", " << t.relation << ", "
              << t.taken_on << ": " << t.summary << "\n";
  }
  return 0;
}

}  // namespace

Command RegisterPerson(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("person", "A person of the register and their file");
  app->require_subcommand(1);
  CLI::App* show = app->add_subcommand("show", "Everything the case holds about one person");
  show->add_option("CASE", options->case_path, "Case file")->required();
  show->add_option("PERSON_ID", options->person_id, "Person id of the register")->required();
  show->add_flag("--json", options->json, "Print JSON");
  return {app, [options] { return Show(*options); }};
}

}  // namespace reckon::cli
