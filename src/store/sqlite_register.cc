#include "store/sqlite_register.h"

#include <algorithm>

#include "store/audit_chain.h"
#include "store/sqlite_casework.h"

namespace reckon {

Result<int64_t> SqliteSaveLinkRun(SqliteDatabase& db, const LinkRunResult& run,
                                  const std::string& now) {
  int64_t run_id = 0;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(SqliteStatement insert_run,
                            db.Prepare("INSERT INTO link_runs (created_at, settings_json, "
                                       "model_json, summary_json) VALUES (?, ?, ?, ?)"));
    insert_run.BindText(1, now);
    insert_run.BindText(2, run.settings_json);
    insert_run.BindText(3, run.model_json);
    insert_run.BindText(4, run.summary_json);
    RECKON_RETURN_IF_ERROR(insert_run.Run());
    run_id = db.LastInsertRowId();
    RECKON_RETURN_IF_ERROR(db.Exec("DELETE FROM person_records; DELETE FROM link_pairs"));
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement upsert_person,
        db.Prepare("INSERT INTO persons (person_id, first_run_id, last_run_id) VALUES (?1, ?2, ?2) "
                   "ON CONFLICT (person_id) DO UPDATE SET last_run_id = ?2"));
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert_member,
        db.Prepare("INSERT INTO person_records (record_pk, person_id) VALUES (?, ?)"));
    // Persons first (each once, ascending), then the members in record order:
    // each member's row and the foreign-key lookup of its record then land
    // next to the previous one's (in person order, a large run read and
    // wrote a page at random per record).
    std::vector<int64_t> persons(run.assignments.size());
    for (size_t i = 0; i < persons.size(); ++i) persons[i] = run.assignments[i].second;
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
    for (const int64_t person_id : persons) {
      upsert_person.BindInt(1, person_id);
      upsert_person.BindInt(2, run_id);
      RECKON_RETURN_IF_ERROR(upsert_person.Run());
    }
    std::vector<std::pair<int64_t, int64_t>> by_record(run.assignments);
    std::sort(by_record.begin(), by_record.end());
    for (const auto& [record_pk, person_id] : by_record) {
      insert_member.BindInt(1, record_pk);
      insert_member.BindInt(2, person_id);
      RECKON_RETURN_IF_ERROR(insert_member.Run());
    }
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert_pair,
        db.Prepare("INSERT INTO link_pairs (record_pk_a, record_pk_b, weight, probability) "
                   "VALUES (?, ?, ?, ?)"));
    for (const LinkRunResult::Pair& pair : run.review_pairs) {
      insert_pair.BindInt(1, pair.record_pk_a);
      insert_pair.BindInt(2, pair.record_pk_b);
      sqlite3_bind_double(insert_pair.get(), 3, pair.weight);
      sqlite3_bind_double(insert_pair.get(), 4, pair.probability);
      RECKON_RETURN_IF_ERROR(insert_pair.Run());
    }
    return AppendAuditInTransaction(
        db, {0, now, run.actor.empty() ? "unknown" : run.actor, "link.run", "link_run", run_id,
             AuditDetailsJson({{"records", std::to_string(run.assignments.size())},
                               {"persons", std::to_string(persons.size())},
                               {"review_pairs", std::to_string(run.review_pairs.size())}}),
             "", ""});
  });
  if (!status.ok()) return status.WithContext("saving the register");
  return run_id;
}

Result<std::optional<LinkRunInfo>> SqliteLatestLinkRun(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement query,
                          db.Prepare("SELECT run_id, created_at, settings_json, model_json, "
                                     "summary_json FROM link_runs ORDER BY run_id DESC LIMIT 1"));
  RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
  if (!has_row) return std::optional<LinkRunInfo>();
  return std::optional<LinkRunInfo>(LinkRunInfo{query.ColumnInt(0), query.ColumnText(1),
                                                query.ColumnText(2), query.ColumnText(3),
                                                query.ColumnText(4)});
}

Result<std::vector<std::pair<int64_t, int64_t>>> SqlitePersonAssignments(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement query,
      db.Prepare("SELECT record_pk, person_id FROM person_records ORDER BY record_pk"));
  std::vector<std::pair<int64_t, int64_t>> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) break;
    out.emplace_back(query.ColumnInt(0), query.ColumnInt(1));
  }
  return out;
}

Result<std::vector<ClusterAssignment>> SqliteClusterAssignments(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement query,
      db.Prepare("SELECT r.record_id, s.name, r.record_pk, p.person_id FROM person_records p "
                 "JOIN records r USING (record_pk) JOIN sources s ON s.source_id = r.source_id "
                 "ORDER BY p.person_id, r.record_pk"));
  std::vector<ClusterAssignment> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) break;
    out.push_back(
        {query.ColumnText(0), query.ColumnText(1), query.ColumnInt(2), query.ColumnInt(3)});
  }
  return out;
}

// In the order the linker saved them: most useful first.
Result<std::vector<LinkRunResult::Pair>> SqliteReviewPairs(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement query,
                          db.Prepare("SELECT record_pk_a, record_pk_b, weight, probability "
                                     "FROM link_pairs ORDER BY rowid"));
  std::vector<LinkRunResult::Pair> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) break;
    out.push_back({query.ColumnInt(0), query.ColumnInt(1), sqlite3_column_double(query.get(), 2),
                   sqlite3_column_double(query.get(), 3)});
  }
  return out;
}

Status SqliteSaveReviewDecision(SqliteDatabase& db, const ReviewDecision& d) {
  if (d.record_pk_a >= d.record_pk_b) {
    return Status::InvalidArgument("a review decision needs two different records, lower first");
  }
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement upsert,
      db.Prepare(
          "INSERT INTO review_decisions (record_pk_a, record_pk_b, decision, reviewer, "
          "note, decided_at) VALUES (?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (record_pk_a, record_pk_b) DO UPDATE SET decision = excluded.decision, "
          "reviewer = excluded.reviewer, note = excluded.note, "
          "decided_at = excluded.decided_at"));
  upsert.BindInt(1, d.record_pk_a);
  upsert.BindInt(2, d.record_pk_b);
  upsert.BindText(3, d.match ? "match" : "nonmatch");
  upsert.BindText(4, d.reviewer);
  upsert.BindText(5, d.note);
  upsert.BindText(6, d.decided_at);
  return db.InTransaction([&]() -> Status {
    RECKON_RETURN_IF_ERROR(upsert.Run());
    // The audit entry names the records as SOURCE:ID, as reviewers see them.
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement names,
        db.Prepare(
            "SELECT s.name || ':' || r.record_id FROM records r JOIN sources s "
            "ON s.source_id = r.source_id WHERE r.record_pk IN (?1, ?2) ORDER BY r.record_pk"));
    names.BindInt(1, d.record_pk_a);
    names.BindInt(2, d.record_pk_b);
    std::string record_a, record_b;
    RECKON_ASSIGN_OR_RETURN(bool has_a, names.Step());
    if (has_a) record_a = names.ColumnText(0);
    RECKON_ASSIGN_OR_RETURN(bool has_b, names.Step());
    if (has_b) record_b = names.ColumnText(0);
    return AppendAuditInTransaction(
        db, {0, d.decided_at, d.reviewer.empty() ? "unknown" : d.reviewer, "review.decide",
             "record_pair", d.record_pk_a,
             AuditDetailsJson({{"record_a", record_a},
                               {"record_b", record_b},
                               {"record_pk_a", std::to_string(d.record_pk_a)},
                               {"record_pk_b", std::to_string(d.record_pk_b)},
                               {"decision", d.match ? "match" : "nonmatch"},
                               {"note", d.note}}),
             "", ""});
  });
}

Result<std::vector<ReviewDecision>> SqliteReviewDecisions(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement query,
      db.Prepare("SELECT record_pk_a, record_pk_b, decision, reviewer, note, decided_at "
                 "FROM review_decisions ORDER BY record_pk_a, record_pk_b"));
  std::vector<ReviewDecision> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) break;
    out.push_back({query.ColumnInt(0), query.ColumnInt(1), query.ColumnText(2) == "match",
                   query.ColumnText(3), query.ColumnText(4), query.ColumnText(5)});
  }
  return out;
}

Status SqliteAddGazetteer(SqliteDatabase& db, const StoredGazetteer& g) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement insert,
                          db.Prepare("INSERT INTO gazetteers (name, file_sha256, csv, imported_at) "
                                     "VALUES (?, ?, ?, ?)"));
  insert.BindText(1, g.name);
  insert.BindText(2, g.file_sha256);
  insert.BindText(3, g.csv);
  insert.BindText(4, g.imported_at);
  return insert.Run();
}

Result<std::optional<StoredGazetteer>> SqliteLatestGazetteer(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement query,
                          db.Prepare("SELECT name, file_sha256, csv, imported_at FROM gazetteers "
                                     "ORDER BY gazetteer_id DESC LIMIT 1"));
  RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
  if (!has_row) return std::optional<StoredGazetteer>();
  return std::optional<StoredGazetteer>(StoredGazetteer{query.ColumnText(0), query.ColumnText(1),
                                                        query.ColumnText(2), query.ColumnText(3)});
}

}  // namespace reckon
