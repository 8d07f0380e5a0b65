// reckon evidence add CASE FILE --acquired-by NAME [--from SOURCE] [--description TEXT]
//   [--media-type T] [--person ID]... [--incident ID]... — copy a file
//   byte-for-byte into CASE.evidence/ (by SHA-256) and record its acquisition
//   and links; a file already in the store is refused.
// reckon evidence link CASE SHA --person ID|--incident ID|--burial ID [--actor NAME]
//   — link stored evidence (SHA-256 or 8+ leading digits) to a person of the
//   register, an incident or a burial site.
// reckon evidence list CASE [--json] — the evidence with hashes and provenance.
// reckon evidence custody CASE ID --event TYPE --actor NAME [--details TEXT]
//   — append to an item's chain of custody (transferred, copied, exported, ...).
// reckon evidence show CASE ID — one item and its chain of custody.
// reckon evidence verify CASE — rehash every stored file; exit 1 on any
//   modified or missing file.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casework/evidence_store.h"
#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/investigation_json.h"
#include "cli/table_printer.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  EvidenceFile file;
  bool json = false;
  int64_t evidence_id = 0;
  CustodyEvent event;
  std::string sha;
  std::vector<int64_t> link_persons, link_incidents, link_burials;
};

int Add(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto added = AddEvidenceFile(**store, options.case_path, options.file);
  if (!added.ok()) return ReportError(added.status());
  std::cout << "added evidence #" << added->evidence_id << " " << added->sha256 << " ("
            << added->size << " bytes, " << added->media_type << ")\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto all = (*store)->ListEvidence();
  if (!all.ok()) return ReportError(all.status());
  if (options.json) {
    nlohmann::ordered_json out = nlohmann::json::array();
    for (const Evidence& e : *all) out.push_back(EvidenceJson(e));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  TablePrinter table(
      {"id", "sha256", "file", "type", "bytes", "acquired by", "acquired at", "from"});
  for (const Evidence& e : *all) {
    table.AddRow({std::to_string(e.evidence_id), e.sha256.substr(0, 16), e.original_name,
                  e.media_type, std::to_string(e.size), e.acquired_by, e.acquired_at,
                  e.acquired_from});
  }
  table.Print(std::cout);
  return 0;
}

int Custody(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  CustodyEvent event = options.event;
  event.evidence_id = options.evidence_id;
  auto id = (*store)->AddCustodyEvent(event);
  if (!id.ok()) return ReportError(id.status());
  std::cout << "recorded custody event #" << *id << " (" << event.event_type << ") for evidence #"
            << event.evidence_id << "\n";
  return 0;
}

int Show(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto all = (*store)->ListEvidence();
  if (!all.ok()) return ReportError(all.status());
  for (const Evidence& e : *all) {
    if (e.evidence_id != options.evidence_id) continue;
    auto events = (*store)->CustodyEvents(e.evidence_id);
    if (!events.ok()) return ReportError(events.status());
    if (options.json) {
      nlohmann::ordered_json j = EvidenceJson(e);
      j["custody"] = nlohmann::json::array();
      for (const CustodyEvent& c : *events) {
        j["custody"].push_back({{"event_id", c.event_id},
                                {"type", c.event_type},
                                {"actor", c.actor},
                                {"at", c.at},
                                {"details", c.details}});
      }
      auto links = (*store)->LinksOf("evidence", e.evidence_id);
      if (!links.ok()) return ReportError(links.status());
      j["links"] = nlohmann::json::array();
      for (const EntityLink& l : *links) j["links"].push_back({{l.to_entity, l.to_id}});
      std::cout << j.dump(2) << "\n";
      return 0;
    }
    std::cout << EvidenceJson(e).dump(2) << "\n\nchain of custody:\n";
    TablePrinter table({"event", "type", "actor", "at", "details"});
    for (const CustodyEvent& c : *events) {
      table.AddRow({std::to_string(c.event_id), c.event_type, c.actor, c.at, c.details});
    }
    table.Print(std::cout);
    return 0;
  }
  return ReportError(Status::NotFound("no evidence #" + std::to_string(options.evidence_id)));
}

int Link(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto found = FindEvidenceByHash(**store, options.sha);
  if (!found.ok()) return ReportError(found.status());
  const size_t count =
      options.link_persons.size() + options.link_incidents.size() + options.link_burials.size();
  if (count == 0) {
    return ReportError(
        Status::InvalidArgument("say what to link: --person ID, --incident ID or --burial ID"));
  }
  for (const auto& [entity, ids] :
       {std::pair<std::string, const std::vector<int64_t>*>{"person", &options.link_persons},
        {"incident", &options.link_incidents},
        {"burial_site", &options.link_burials}}) {
    for (int64_t id : *ids) {
      Status status =
          (*store)->AddLink({"evidence", found->evidence_id, entity, id}, options.event.actor);
      if (!status.ok()) return ReportError(status);
      std::cout << "linked evidence #" << found->evidence_id << " to " << entity << " #" << id
                << "\n";
    }
  }
  return 0;
}

int Verify(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto checks = VerifyEvidenceStore(**store, options.case_path);
  if (!checks.ok()) return ReportError(checks.status());
  int64_t bad = 0;
  for (const EvidenceCheck& check : *checks) {
    const Evidence& e = check.evidence;
    if (check.state == EvidenceCheck::State::kModified) {
      ++bad;
      std::cout << "MODIFIED evidence #" << e.evidence_id << " (" << e.original_name
                << "): expected " << e.sha256 << ", found " << check.actual_sha256 << "\n";
    } else if (check.state == EvidenceCheck::State::kMissing) {
      ++bad;
      std::cout << "MISSING  evidence #" << e.evidence_id << " (" << e.original_name
                << "): " << EvidenceDirectory(options.case_path) << "/" << e.stored_path << "\n";
    }
  }
  std::cout << checks->size() << " files checked, " << bad << " with problems\n";
  return bad == 0 ? 0 : 1;
}

}  // namespace

Command RegisterEvidence(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->event.actor = DefaultActor();
  CLI::App* app = root.add_subcommand("evidence", "The evidence store and chain of custody");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add", "Copy a file into the evidence store");
  CLI::App* list = app->add_subcommand("list", "List the evidence");
  CLI::App* custody = app->add_subcommand("custody", "Record a custody event");
  CLI::App* show = app->add_subcommand("show", "One item and its chain of custody");
  CLI::App* verify = app->add_subcommand("verify", "Rehash every stored file");
  CLI::App* link =
      app->add_subcommand("link", "Link evidence to a person, an incident or a burial site");
  for (CLI::App* sub : {add, list, custody, show, verify, link}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
  }
  add->add_option("FILE", options->file.path, "The original file")->required();
  add->add_option("--acquired-by", options->file.acquired_by, "Who acquired it")->required();
  add->add_option("--from", options->file.acquired_from, "From whom or where");
  add->add_option("--description", options->file.description, "What it shows");
  add->add_option("--media-type", options->file.media_type, "e.g. image/jpeg (default: guessed)");
  add->add_option("--person", options->file.person_ids, "Person id it concerns (repeatable)");
  add->add_option("--incident", options->file.incident_ids, "Incident id it concerns (repeatable)");
  link->add_option("SHA", options->sha, "SHA-256 of the evidence (or 8+ leading digits)")
      ->required();
  link->add_option("--person", options->link_persons, "Person id of the register (repeatable)");
  link->add_option("--incident", options->link_incidents, "Incident id (repeatable)");
  link->add_option("--burial", options->link_burials, "Burial site id (repeatable)");
  link->add_option("--actor", options->event.actor, "Who links it (default: $USER)");
  for (CLI::App* sub : {list, show}) sub->add_flag("--json", options->json, "Print JSON");
  for (CLI::App* sub : {custody, show}) {
    sub->add_option("ID", options->evidence_id, "Evidence id")->required();
  }
  custody
      ->add_option("--event", options->event.event_type,
                   "transferred, copied, exported, derived or verified")
      ->required();
  custody->add_option("--actor", options->event.actor, "Who did it (default: $USER)");
  custody->add_option("--details", options->event.details, "To whom, where, why");
  return {app, [options, add, list, custody, show, link] {
            if (add->parsed()) return Add(*options);
            if (link->parsed()) return Link(*options);
            if (list->parsed()) return List(*options);
            if (custody->parsed()) return Custody(*options);
            if (show->parsed()) return Show(*options);
            return Verify(*options);
          }};
}

}  // namespace reckon::cli
