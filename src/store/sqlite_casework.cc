#include "store/sqlite_casework.h"

#include <algorithm>

#include "store/audit_chain.h"
#include "store/sqlite_investigation.h"

namespace reckon {
namespace {

void BindBlob(SqliteStatement& stmt, int index, const std::string& bytes) {
  sqlite3_bind_blob(stmt.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
}

std::string ColumnBlob(const SqliteStatement& stmt, int column) {
  const void* data = sqlite3_column_blob(stmt.get(), column);
  const int size = sqlite3_column_bytes(stmt.get(), column);
  if (data == nullptr || size <= 0) return {};
  return {static_cast<const char*>(data), static_cast<size_t>(size)};
}

}  // namespace

Status AppendAuditInTransaction(SqliteDatabase& db, AuditEntry entry) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement last,
                          db.Prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  RECKON_ASSIGN_OR_RETURN(bool has_last, last.Step());
  entry.seq = has_last ? last.ColumnInt(0) + 1 : 1;
  entry.prev_hash = has_last ? last.ColumnText(1) : std::string(kAuditGenesisHash);
  entry.hash = AuditEntryHash(entry);
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      db.Prepare("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, "
                 "details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.BindInt(1, entry.seq);
  insert.BindText(2, entry.at);
  insert.BindText(3, entry.actor);
  insert.BindText(4, entry.action);
  insert.BindText(5, entry.entity);
  insert.BindInt(6, entry.entity_id);
  insert.BindText(7, entry.details_json);
  insert.BindText(8, entry.prev_hash);
  insert.BindText(9, entry.hash);
  return insert.Run();
}

namespace {

Status AppendAudit(SqliteDatabase& db, const AuditEntry& entry) {
  return AppendAuditInTransaction(db, entry);
}

constexpr std::string_view kEvidenceColumns =
    "evidence_id, sha256, original_name, media_type, size, acquired_by, acquired_at, "
    "acquired_from, description, stored_path";

Evidence ReadEvidence(const SqliteStatement& q) {
  Evidence e;
  e.evidence_id = q.ColumnInt(0);
  e.sha256 = q.ColumnText(1);
  e.original_name = q.ColumnText(2);
  e.media_type = q.ColumnText(3);
  e.size = q.ColumnInt(4);
  e.acquired_by = q.ColumnText(5);
  e.acquired_at = q.ColumnText(6);
  e.acquired_from = q.ColumnText(7);
  e.description = q.ColumnText(8);
  e.stored_path = q.ColumnText(9);
  return e;
}

Result<int64_t> InsertCustodyEvent(SqliteDatabase& db, const CustodyEvent& event) {
  const auto& types = CustodyEventTypes();
  if (std::find(types.begin(), types.end(), event.event_type) == types.end()) {
    return Status::InvalidArgument(
        "unknown custody event type '" + event.event_type +
        "' (acquired, transferred, copied, exported, derived, verified)");
  }
  if (event.actor.empty()) return Status::InvalidArgument("a custody event needs an actor");
  RECKON_ASSIGN_OR_RETURN(SqliteStatement insert,
                          db.Prepare("INSERT INTO custody_events (evidence_id, event_type, actor, "
                                     "at, details) VALUES (?, ?, ?, ?, ?)"));
  insert.BindInt(1, event.evidence_id);
  insert.BindText(2, event.event_type);
  insert.BindText(3, event.actor);
  insert.BindText(4, event.at);
  insert.BindText(5, event.details);
  RECKON_RETURN_IF_ERROR(insert.Run());
  const int64_t event_id = db.LastInsertRowId();
  RECKON_RETURN_IF_ERROR(AppendAudit(
      db, {0, event.at, event.actor, "custody." + event.event_type, "evidence", event.evidence_id,
           AuditDetailsJson({{"event_id", std::to_string(event_id)}, {"details", event.details}}),
           "", ""}));
  return event_id;
}

}  // namespace

Result<std::optional<StoredCaseKey>> SqliteLoadCaseKey(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement q, db.Prepare("SELECT kind, salt, opslimit, memlimit, wrapped_key, "
                                    "created_at, changed_at FROM case_keys WHERE case_key_id = 1"));
  RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
  if (!has_row) return std::optional<StoredCaseKey>();
  StoredCaseKey key;
  key.kind = q.ColumnText(0);
  key.salt = ColumnBlob(q, 1);
  key.opslimit = q.ColumnInt(2);
  key.memlimit = q.ColumnInt(3);
  key.wrapped = ColumnBlob(q, 4);
  key.created_at = q.ColumnText(5);
  key.changed_at = q.ColumnText(6);
  return std::optional<StoredCaseKey>(std::move(key));
}

Status SqliteSaveCaseKey(SqliteDatabase& db, const StoredCaseKey& key, bool replace,
                         const std::string& actor, const std::string& now) {
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(int64_t existing, db.QueryInt("SELECT count(*) FROM case_keys"));
    if (existing && !replace) return Status::AlreadyExists("this case already has a key");
    if (!existing && replace) return Status::NotFound("this case has no key to change");
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement upsert,
        db.Prepare("INSERT INTO case_keys (case_key_id, kind, salt, opslimit, memlimit, "
                   "wrapped_key, created_at, changed_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                   "ON CONFLICT (case_key_id) DO UPDATE SET kind = ?1, salt = ?2, opslimit = ?3, "
                   "memlimit = ?4, wrapped_key = ?5, changed_at = ?6"));
    upsert.BindText(1, key.kind);
    BindBlob(upsert, 2, key.salt);
    upsert.BindInt(3, key.opslimit);
    upsert.BindInt(4, key.memlimit);
    BindBlob(upsert, 5, key.wrapped);
    upsert.BindText(6, now);
    RECKON_RETURN_IF_ERROR(upsert.Run());
    return AppendAudit(db, {0, now, actor, replace ? "case_key.change" : "case_key.init",
                            "case_key", 1, AuditDetailsJson({{"kind", key.kind}}), "", ""});
  });
  if (!status.ok() || !replace) return status;
  // The key's row is rewritten in place, but until a checkpoint the page with
  // the old wrapped key (which the old passphrase still opens) stays in the
  // WAL file. Checkpoint and truncate it now. Best effort: another connection
  // reading the case can keep the checkpoint from completing.
  (void)db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return Status::Ok();
}

Result<int64_t> SqliteAddWitness(SqliteDatabase& db, const std::string& pseudonym,
                                 const Store::WitnessSealer& seal, const std::string& actor,
                                 const std::string& now) {
  if (pseudonym.empty()) return Status::InvalidArgument("a witness needs a pseudonym");
  int64_t witness_id = 0;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(SqliteStatement find,
                            db.Prepare("SELECT witness_id FROM witnesses WHERE pseudonym = ?"));
    find.BindText(1, pseudonym);
    RECKON_ASSIGN_OR_RETURN(bool taken, find.Step());
    if (taken) return Status::AlreadyExists("pseudonym '" + pseudonym + "' is already in use");
    RECKON_ASSIGN_OR_RETURN(witness_id,
                            db.QueryInt("SELECT coalesce(max(witness_id), 0) + 1 FROM witnesses"));
    // The id is fixed before sealing: it is the ciphertexts' associated data.
    RECKON_ASSIGN_OR_RETURN(SealedIdentity sealed, seal(witness_id));
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        db.Prepare("INSERT INTO witnesses (witness_id, pseudonym, name_sealed, contact_sealed, "
                   "location_sealed, risk_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert.BindInt(1, witness_id);
    insert.BindText(2, pseudonym);
    BindBlob(insert, 3, sealed.name);
    BindBlob(insert, 4, sealed.contact);
    BindBlob(insert, 5, sealed.location);
    BindBlob(insert, 6, sealed.risk);
    insert.BindText(7, now);
    RECKON_RETURN_IF_ERROR(insert.Run());
    return AppendAudit(db, {0, now, actor, "witness.add", "witness", witness_id,
                            AuditDetailsJson({{"pseudonym", pseudonym}}), "", ""});
  });
  if (!status.ok()) return status;
  return witness_id;
}

Result<std::vector<StoredWitness>> SqliteListWitnesses(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("SELECT witness_id, pseudonym, name_sealed, contact_sealed, "
                                     "location_sealed, risk_sealed, created_at FROM witnesses "
                                     "ORDER BY witness_id"));
  std::vector<StoredWitness> witnesses;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    StoredWitness w;
    w.witness_id = q.ColumnInt(0);
    w.pseudonym = q.ColumnText(1);
    w.sealed = {ColumnBlob(q, 2), ColumnBlob(q, 3), ColumnBlob(q, 4), ColumnBlob(q, 5)};
    w.created_at = q.ColumnText(6);
    witnesses.push_back(std::move(w));
  }
  return witnesses;
}

Result<Evidence> SqliteAddEvidence(SqliteDatabase& db, const Evidence& evidence,
                                   const std::string& now) {
  if (evidence.acquired_by.empty()) return Status::InvalidArgument("evidence needs --acquired-by");
  Evidence stored = evidence;
  if (stored.acquired_at.empty()) stored.acquired_at = now;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(std::optional<Evidence> existing,
                            SqliteFindEvidence(db, stored.sha256));
    if (existing) {
      return Status::AlreadyExists("this file is already evidence #" +
                                   std::to_string(existing->evidence_id) + " ('" +
                                   existing->original_name + "', SHA-256 " + stored.sha256 + ")");
    }
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        db.Prepare("INSERT INTO evidence (sha256, original_name, media_type, size, acquired_by, "
                   "acquired_at, acquired_from, description, stored_path) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.BindText(1, stored.sha256);
    insert.BindText(2, stored.original_name);
    insert.BindText(3, stored.media_type);
    insert.BindInt(4, stored.size);
    insert.BindText(5, stored.acquired_by);
    insert.BindText(6, stored.acquired_at);
    insert.BindText(7, stored.acquired_from);
    insert.BindText(8, stored.description);
    insert.BindText(9, stored.stored_path);
    RECKON_RETURN_IF_ERROR(insert.Run());
    stored.evidence_id = db.LastInsertRowId();
    RECKON_RETURN_IF_ERROR(
        AppendAudit(db, {0, now, stored.acquired_by, "evidence.add", "evidence", stored.evidence_id,
                         AuditDetailsJson({{"sha256", stored.sha256},
                                           {"original_name", stored.original_name},
                                           {"size", std::to_string(stored.size)}}),
                         "", ""}));
    CustodyEvent acquired;
    acquired.evidence_id = stored.evidence_id;
    acquired.event_type = "acquired";
    acquired.actor = stored.acquired_by;
    acquired.at = stored.acquired_at;
    acquired.details =
        stored.acquired_from.empty() ? std::string() : "from " + stored.acquired_from;
    RECKON_RETURN_IF_ERROR(InsertCustodyEvent(db, acquired).status());
    for (const EntityLink& to : stored.links) {
      RECKON_RETURN_IF_ERROR(InsertLinkInTransaction(
          db, {"evidence", stored.evidence_id, to.to_entity, to.to_id}, stored.acquired_by, now));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stored;
}

Result<std::optional<Evidence>> SqliteFindEvidence(SqliteDatabase& db, const std::string& sha256) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare("SELECT " + std::string(kEvidenceColumns) +
                                                        " FROM evidence WHERE sha256 = ?"));
  q.BindText(1, sha256);
  RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
  if (!has_row) return std::optional<Evidence>();
  return std::optional<Evidence>(ReadEvidence(q));
}

Result<std::vector<Evidence>> SqliteListEvidence(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare("SELECT " + std::string(kEvidenceColumns) +
                                                        " FROM evidence ORDER BY evidence_id"));
  std::vector<Evidence> all;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    all.push_back(ReadEvidence(q));
  }
  return all;
}

Result<int64_t> SqliteAddCustodyEvent(SqliteDatabase& db, const CustodyEvent& event,
                                      const std::string& now) {
  CustodyEvent stamped = event;
  if (stamped.at.empty()) stamped.at = now;
  int64_t event_id = 0;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(SqliteStatement find,
                            db.Prepare("SELECT 1 FROM evidence WHERE evidence_id = ?"));
    find.BindInt(1, stamped.evidence_id);
    RECKON_ASSIGN_OR_RETURN(bool exists, find.Step());
    if (!exists) {
      return Status::NotFound("no evidence #" + std::to_string(stamped.evidence_id));
    }
    RECKON_ASSIGN_OR_RETURN(event_id, InsertCustodyEvent(db, stamped));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return event_id;
}

Result<std::vector<CustodyEvent>> SqliteCustodyEvents(SqliteDatabase& db, int64_t evidence_id) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement q, db.Prepare("SELECT event_id, evidence_id, event_type, actor, at, details "
                                    "FROM custody_events WHERE evidence_id = ? ORDER BY event_id"));
  q.BindInt(1, evidence_id);
  std::vector<CustodyEvent> events;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    events.push_back({q.ColumnInt(0), q.ColumnInt(1), q.ColumnText(2), q.ColumnText(3),
                      q.ColumnText(4), q.ColumnText(5)});
  }
  return events;
}

Result<std::vector<AuditEntry>> SqliteAuditLog(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("SELECT seq, at, actor, action, entity, entity_id, "
                                     "details_json, prev_hash, hash FROM audit_log ORDER BY seq"));
  std::vector<AuditEntry> entries;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    entries.push_back({q.ColumnInt(0), q.ColumnText(1), q.ColumnText(2), q.ColumnText(3),
                       q.ColumnText(4), q.ColumnInt(5), q.ColumnText(6), q.ColumnText(7),
                       q.ColumnText(8)});
  }
  return entries;
}

Status SqliteAppendAudit(SqliteDatabase& db, const AuditEntry& entry, const std::string& now) {
  if (entry.action.empty() || entry.actor.empty()) {
    return Status::InvalidArgument("an audit entry needs an action and an actor");
  }
  AuditEntry stamped = entry;
  if (stamped.at.empty()) stamped.at = now;
  return db.InTransaction([&]() -> Status { return AppendAudit(db, stamped); });
}

}  // namespace reckon
