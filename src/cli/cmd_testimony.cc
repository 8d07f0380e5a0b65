// reckon testimony add CASE --witness ID|PSEUDONYM --date DATE --interviewer NAME
//   --relation eyewitness|relative|hearsay [--language L] [--summary TEXT]
//   [--person ID]... [--incident ID]... [--actor NAME] — record a testimony
//   and what it concerns, in one transaction. Needs no key: the witness is
//   named by id or pseudonym, never by identity.
// reckon testimony list CASE [--json]
// reckon testimony show CASE ID [--json]
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casework/testimony.h"
#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/investigation_json.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string witness;
  Testimony testimony;
  int64_t testimony_id = 0;
  std::string actor;
  bool json = false;
};

int Add(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto witness_id = ResolveWitness(**store, options.witness);
  if (!witness_id.ok()) return ReportError(witness_id.status());
  Testimony testimony = options.testimony;
  testimony.witness_id = *witness_id;
  testimony.created_by = options.actor;
  auto added = RecordTestimony(**store, testimony);
  if (!added.ok()) return ReportError(added.status());
  std::cout << "added testimony #" << added->testimony_id << " of " << added->witness_pseudonym
            << " (" << added->relation << ")\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto all = (*store)->ListTestimonies();
  if (!all.ok()) return ReportError(all.status());
  if (options.json) {
    nlohmann::ordered_json out = nlohmann::json::array();
    for (const Testimony& t : *all) out.push_back(TestimonyJson(t));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  TablePrinter table(
      {"id", "witness", "date", "relation", "interviewer", "language", "persons", "incidents"});
  for (const Testimony& t : *all) {
    table.AddRow({std::to_string(t.testimony_id), t.witness_pseudonym, t.taken_on, t.relation,
                  t.interviewer, t.language, JoinIds(t.person_ids), JoinIds(t.incident_ids)});
  }
  table.Print(std::cout);
  return 0;
}

int Show(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto t = FindTestimony(**store, options.testimony_id);
  if (!t.ok()) return ReportError(t.status());
  if (options.json) {
    std::cout << TestimonyJson(*t).dump(2) << "\n";
    return 0;
  }
  std::cout << "testimony #" << t->testimony_id << " of witness " << t->witness_pseudonym << " (#"
            << t->witness_id << ")\n"
            << "  taken on:    " << t->taken_on << " by " << t->interviewer
            << (t->language.empty() ? "" : ", in ") << t->language << "\n"
            << "  relation:    " << t->relation << "\n"
            << "  summary:     " << t->summary << "\n"
            << "  persons:     " << JoinIds(t->person_ids) << "\n"
            << "  incidents:   " << JoinIds(t->incident_ids) << "\n"
            << "  recorded by " << t->created_by << " at " << t->created_at << "\n";
  return 0;
}

}  // namespace

Command RegisterTestimony(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->actor = DefaultActor();
  CLI::App* app = root.add_subcommand("testimony", "Testimonies of witnesses (by pseudonym)");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add", "Record a testimony");
  CLI::App* list = app->add_subcommand("list", "List testimonies");
  CLI::App* show = app->add_subcommand("show", "One testimony");
  for (CLI::App* sub : {add, list, show}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
  }
  Testimony& t = options->testimony;
  add->add_option("--witness", options->witness, "Witness id or pseudonym")->required();
  add->add_option("--date", t.taken_on, "When it was taken (YYYY-MM-DD)")->required();
  add->add_option("--interviewer", t.interviewer, "Who took it")->required();
  add->add_option("--relation", t.relation, "eyewitness, relative or hearsay")->required();
  add->add_option("--language", t.language, "Language of the testimony");
  add->add_option("--summary", t.summary, "What the witness said (no identities)");
  add->add_option("--person", t.person_ids, "Person id it concerns (repeatable)");
  add->add_option("--incident", t.incident_ids, "Incident id it concerns (repeatable)");
  add->add_option("--actor", options->actor, "Who records it, for the audit log");
  show->add_option("ID", options->testimony_id, "Testimony id")->required();
  for (CLI::App* sub : {list, show}) sub->add_flag("--json", options->json, "Print JSON");
  return {app, [options, add, list] {
            if (add->parsed()) return Add(*options);
            if (list->parsed()) return List(*options);
            return Show(*options);
          }};
}

}  // namespace reckon::cli
