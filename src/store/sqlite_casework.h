// Casework tables (case key, witnesses, evidence, custody, audit log) on
// SQLite. Free functions used by SqliteStore; see store.h for the contracts.
// Every change appends its audit_log entry inside the same transaction.
// Not thread-safe (one connection).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace reckon {

// Appends one entry to the audit log (seq, prev_hash and hash are computed
// here); the caller holds the transaction of the change it records.
Status AppendAuditInTransaction(SqliteDatabase& db, AuditEntry entry);

Result<std::optional<StoredCaseKey>> SqliteLoadCaseKey(SqliteDatabase& db);
Status SqliteSaveCaseKey(SqliteDatabase& db, const StoredCaseKey& key, bool replace,
                         const std::string& actor, const std::string& now);
Result<int64_t> SqliteAddWitness(SqliteDatabase& db, const std::string& pseudonym,
                                 const Store::WitnessSealer& seal, const std::string& actor,
                                 const std::string& now);
Result<std::vector<StoredWitness>> SqliteListWitnesses(SqliteDatabase& db);
Result<Evidence> SqliteAddEvidence(SqliteDatabase& db, const Evidence& evidence,
                                   const std::string& now);
Result<std::optional<Evidence>> SqliteFindEvidence(SqliteDatabase& db, const std::string& sha256);
Result<std::vector<Evidence>> SqliteListEvidence(SqliteDatabase& db);
Result<int64_t> SqliteAddCustodyEvent(SqliteDatabase& db, const CustodyEvent& event,
                                      const std::string& now);
Result<std::vector<CustodyEvent>> SqliteCustodyEvents(SqliteDatabase& db, int64_t evidence_id);
Result<std::vector<AuditEntry>> SqliteAuditLog(SqliteDatabase& db);
Status SqliteAppendAudit(SqliteDatabase& db, const AuditEntry& entry, const std::string& now);

}  // namespace reckon
