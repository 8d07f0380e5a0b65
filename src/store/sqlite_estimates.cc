#include "store/sqlite_estimates.h"

namespace reckon {
namespace {

constexpr std::string_view kColumns =
    "estimate_run_id, created_at, actor, link_run_id, input, method, stratify_by, seed, "
    "parameters_json, result_json";

EstimateRun ReadRun(const SqliteStatement& q) {
  EstimateRun run;
  run.estimate_run_id = q.ColumnInt(0);
  run.created_at = q.ColumnText(1);
  run.actor = q.ColumnText(2);
  if (!q.ColumnIsNull(3)) run.link_run_id = q.ColumnInt(3);
  run.input = q.ColumnText(4);
  run.method = q.ColumnText(5);
  run.stratify_by = q.ColumnText(6);
  if (!q.ColumnIsNull(7)) run.seed = q.ColumnInt(7);
  run.parameters_json = q.ColumnText(8);
  run.result_json = q.ColumnText(9);
  return run;
}

}  // namespace

Result<int64_t> SqliteSaveEstimateRun(SqliteDatabase& db, const EstimateRun& run) {
  // One INSERT: atomic on its own.
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      db.Prepare("INSERT INTO estimate_runs (created_at, actor, link_run_id, input, method, "
                 "stratify_by, seed, parameters_json, result_json) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.BindText(1, run.created_at);
  insert.BindText(2, run.actor);
  insert.BindOptionalInt(3, run.link_run_id);
  insert.BindText(4, run.input);
  insert.BindText(5, run.method);
  insert.BindText(6, run.stratify_by);
  insert.BindOptionalInt(7, run.seed);
  insert.BindText(8, run.parameters_json);
  insert.BindText(9, run.result_json);
  RECKON_RETURN_IF_ERROR(insert.Run());
  return db.LastInsertRowId();
}

Result<std::vector<EstimateRun>> SqliteEstimateRuns(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("SELECT " + std::string(kColumns) +
                                     " FROM estimate_runs ORDER BY estimate_run_id DESC"));
  std::vector<EstimateRun> runs;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    runs.push_back(ReadRun(q));
  }
  return runs;
}

Result<std::optional<EstimateRun>> SqliteFindEstimateRun(SqliteDatabase& db,
                                                         int64_t estimate_run_id) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("SELECT " + std::string(kColumns) +
                                     " FROM estimate_runs WHERE estimate_run_id = ?"));
  q.BindInt(1, estimate_run_id);
  RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
  if (!has_row) return std::optional<EstimateRun>();
  return std::optional<EstimateRun>(ReadRun(q));
}

}  // namespace reckon
