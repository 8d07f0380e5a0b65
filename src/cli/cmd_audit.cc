// reckon audit verify CASE — recompute the audit log's hash chain; print the
//   head hash (record it elsewhere to detect a rewritten chain) or the first
//   broken entry, exiting 1.
// reckon audit list CASE [--json] — the audit log as stored.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "store/audit_chain.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  bool json = false;
};

int Verify(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto log = (*store)->AuditLog();
  if (!log.ok()) return ReportError(log.status());
  AuditChainReport report = VerifyAuditChain(*log);
  if (report.first_broken_seq) {
    std::cout << "audit chain BROKEN at entry " << *report.first_broken_seq << ": "
              << report.problem << "\n";
    return 1;
  }
  std::cout << "audit chain intact: " << report.entries << " entries, head " << report.head_hash
            << "\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto log = (*store)->AuditLog();
  if (!log.ok()) return ReportError(log.status());
  if (options.json) {
    nlohmann::ordered_json out = nlohmann::json::array();
    for (const AuditEntry& e : *log) {
      out.push_back({{"seq", e.seq},
                     {"at", e.at},
                     {"actor", e.actor},
                     {"action", e.action},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"details", nlohmann::json::parse(e.details_json, nullptr, false)},
                     {"prev_hash", e.prev_hash},
                     {"hash", e.hash}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  TablePrinter table({"seq", "at", "actor", "action", "entity", "details"});
  for (const AuditEntry& e : *log) {
    table.AddRow({std::to_string(e.seq), e.at, e.actor, e.action,
                  e.entity + " #" + std::to_string(e.entity_id), e.details_json});
  }
  table.Print(std::cout, 60);
  return 0;
}

}  // namespace

Command RegisterAudit(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("audit", "The hash-chained audit log");
  app->require_subcommand(1);
  CLI::App* verify = app->add_subcommand("verify", "Check the hash chain");
  CLI::App* list = app->add_subcommand("list", "Show the audit log");
  for (CLI::App* sub : {verify, list}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
  }
  list->add_flag("--json", options->json, "Print JSON");
  return {app, [options, verify] { return verify->parsed() ? Verify(*options) : List(*options); }};
}

}  // namespace reckon::cli
