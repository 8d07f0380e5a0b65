// reckon witness add CASE --pseudonym P --name N [--contact C] [--location L] [--risk R]
//   — add a protected witness; needs the case key (RECKON_PASSPHRASE or --key-file).
// reckon witness list CASE [--json] [--reveal] — witnesses by pseudonym; identities
//   only with --reveal and the case key.
//
// Identities are never written to stderr: errors name witnesses by pseudonym.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "casework/witnesses.h"
#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/table_printer.h"
#include "secure/key_source.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string key_file;
  std::string pseudonym;
  WitnessIdentity identity;
  std::string actor;
  bool json = false;
  bool reveal = false;
};

Result<CaseKey> OpenKey(Store& store, const std::string& key_file) {
  RECKON_ASSIGN_OR_RETURN(std::optional<KeySource> source,
                          ResolveKeySource(key_file, kPassphraseEnv));
  if (!source) {
    return Status::InvalidArgument(
        "this needs the case key: set RECKON_PASSPHRASE or pass --key-file FILE");
  }
  return OpenCaseKey(store, *source);
}

// `--name -` reads the identity from standard input instead, one field per
// line (name, contact, location, risk), so that it stays out of shell history.
WitnessIdentity ReadIdentity(const Options& options) {
  if (options.identity.name != "-") return options.identity;
  WitnessIdentity identity;
  for (std::string* field :
       {&identity.name, &identity.contact, &identity.location, &identity.risk}) {
    if (!std::getline(std::cin, *field)) break;
    if (!field->empty() && field->back() == '\r') field->pop_back();
  }
  return identity;
}

int Add(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto key = OpenKey(**store, options.key_file);
  if (!key.ok()) return ReportError(key.status());
  const WitnessIdentity identity = ReadIdentity(options);
  auto id = AddProtectedWitness(**store, *key, options.pseudonym, identity, options.actor);
  if (!id.ok()) return ReportError(id.status());
  std::cout << "added witness #" << *id << " (" << options.pseudonym << ")\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  std::optional<CaseKey> key;
  if (options.reveal) {
    auto opened = OpenKey(**store, options.key_file);
    if (!opened.ok()) return ReportError(opened.status());
    key.emplace(std::move(opened).value());
  }
  auto witnesses = ListProtectedWitnesses(**store, key ? &*key : nullptr, options.actor);
  if (!witnesses.ok()) return ReportError(witnesses.status());
  if (options.json) {
    nlohmann::ordered_json out = nlohmann::json::array();
    for (const WitnessView& w : *witnesses) {
      nlohmann::ordered_json j = {
          {"witness_id", w.witness_id}, {"pseudonym", w.pseudonym}, {"created_at", w.created_at}};
      if (w.identity) {
        j["name"] = w.identity->name;
        j["contact"] = w.identity->contact;
        j["location"] = w.identity->location;
        j["risk"] = w.identity->risk;
      }
      out.push_back(std::move(j));
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::vector<std::string> header = {"id", "pseudonym", "added"};
  if (options.reveal) header.insert(header.end(), {"name", "contact", "location", "risk"});
  TablePrinter table(header);
  for (const WitnessView& w : *witnesses) {
    std::vector<std::string> row = {std::to_string(w.witness_id), w.pseudonym, w.created_at};
    if (w.identity) {
      row.insert(row.end(),
                 {w.identity->name, w.identity->contact, w.identity->location, w.identity->risk});
    }
    table.AddRow(std::move(row));
  }
  table.Print(std::cout);
  return 0;
}

}  // namespace

Command RegisterWitness(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->actor = DefaultActor();
  CLI::App* app = root.add_subcommand("witness", "Protected witnesses (identities encrypted)");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add", "Add a witness; needs the case key");
  CLI::App* list = app->add_subcommand("list", "List witnesses by pseudonym");
  for (CLI::App* sub : {add, list}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
    sub->add_option("--key-file", options->key_file,
                    "Key file (32 bytes or 64 hex digits); default: RECKON_PASSPHRASE");
  }
  add->add_option("--pseudonym", options->pseudonym, "Name used everywhere else")->required();
  add->add_option("--name", options->identity.name,
                  "Real name (encrypted); '-' reads name, contact, location and risk from "
                  "stdin, one per line, keeping them out of shell history")
      ->required();
  add->add_option("--contact", options->identity.contact, "Contact (encrypted)");
  add->add_option("--location", options->identity.location, "Location (encrypted)");
  add->add_option("--risk", options->identity.risk, "Notes on risk (encrypted)");
  add->add_option("--actor", options->actor, "Who does this, for the audit log");
  list->add_flag("--json", options->json, "Print JSON");
  list->add_flag("--reveal", options->reveal,
                 "Show identities (needs the case key; the reveal is audited)");
  list->add_option("--actor", options->actor, "Who reveals, for the audit log");
  return {app, [options, add] { return add->parsed() ? Add(*options) : List(*options); }};
}

}  // namespace reckon::cli
