// Store: the one interface through which every stage reads and writes a case.
//
// SQLite implements it now (sqlite_store.h); a PostgreSQL implementation can
// satisfy the same contract later without touching the stages above it.
//
// Contract:
//  - Every method returns a Status/Result; none throws.
//  - A multi-step change is one transaction: either all of it is visible
//    afterwards, or none of it is (ImportWriter, Transaction).
//  - Implementations are not thread-safe: use one Store per thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/model.h"

namespace reckon {

// Receives the records of one import inside a single transaction. Destroying
// an uncommitted writer rolls everything back. Records may be buffered: an
// error can surface on a later Add or on Commit, and its message names the
// line of the record at fault. A record_id used twice within one import is a
// DataError naming both lines.
class ImportWriter {
 public:
  virtual ~ImportWriter() = default;
  virtual Status Add(const NewRecord& record) = 0;
  // Records the file's hash and row count and commits the transaction.
  virtual Status Commit(const std::string& file_sha256, int64_t file_size) = 0;
  // The import's id and its source's id (valid before commit).
  virtual int64_t import_id() const = 0;
  virtual int64_t source_id() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open case file.
  virtual Result<int> SchemaVersion() = 0;

  // Sources.
  virtual Result<Source> AddSource(const NewSource& source) = 0;
  virtual Result<std::optional<Source>> FindSource(const std::string& name) = 0;
  virtual Result<std::vector<Source>> ListSources() = 0;

  // Imports. FindImports may be called while an ImportWriter is open.
  virtual Result<std::vector<ImportInfo>> FindImports(int64_t source_id,
                                                      const std::string& file_sha256) = 0;
  virtual Result<std::unique_ptr<ImportWriter>> BeginImport(const NewImport& import) = 0;

  // Records, in source then row order. The callback may stop the scan by
  // returning a non-ok status, which ScanRecords returns.
  using RecordVisitor = std::function<Status(const StoredRecord&)>;
  virtual Status ScanRecords(const RecordFilter& filter, const RecordVisitor& visit) = 0;

  virtual Result<CaseStats> Stats() = 0;

  // The register. SaveLinkRun replaces every assignment and review pair in one
  // transaction and returns the new run's id.
  virtual Result<int64_t> SaveLinkRun(const LinkRunResult& run) = 0;
  virtual Result<std::optional<LinkRunInfo>> LatestLinkRun() = 0;
  // record_pk -> person_id of the latest run (empty before the first).
  virtual Result<std::vector<std::pair<int64_t, int64_t>>> PersonAssignments() = 0;
  virtual Result<std::vector<ClusterAssignment>> ClusterAssignments() = 0;
  // The largest person id ever given in this case (0 if none): new ids go above it.
  virtual Result<int64_t> HighestPersonId() = 0;
  // The review pairs of the latest run, most useful first (the linker's order).
  virtual Result<std::vector<LinkRunResult::Pair>> ReviewPairs() = 0;

  // Review decisions: a later decision on the same pair replaces the earlier.
  virtual Status SaveReviewDecision(const ReviewDecision& decision) = 0;
  virtual Result<std::vector<ReviewDecision>> ReviewDecisions() = 0;
  // Finds a record by its record_id (the source's own id); NotFound or, when
  // two sources use the same id, InvalidArgument naming them (use SOURCE:ID).
  virtual Result<StoredRecord> FindRecord(const std::string& record_id) = 0;

  // Gazetteers: the most recently imported one is in force.
  virtual Status AddGazetteer(const StoredGazetteer& gazetteer) = 0;
  virtual Result<std::optional<StoredGazetteer>> LatestGazetteer() = 0;

  // Stored estimates (schema version 4). SaveEstimateRun stamps created_at
  // when empty and returns the new id; EstimateRuns lists newest first.
  virtual Result<int64_t> SaveEstimateRun(const EstimateRun& run) = 0;
  virtual Result<std::vector<EstimateRun>> EstimateRuns() = 0;
  virtual Result<std::optional<EstimateRun>> FindEstimateRun(int64_t estimate_run_id) = 0;

  // --- Casework (schema version 3) ---------------------------------------------
  // The case key, protected witnesses, evidence with its chain of custody, and
  // the audit log. Every change appends its audit_log entry in the same
  // transaction (store/audit_chain.h); `actor` names who made it. Sealed
  // witness fields are opaque bytes here: the store never sees an identity.

  // The wrapped case key, or nullopt before `reckon key init`.
  virtual Result<std::optional<StoredCaseKey>> LoadCaseKey() = 0;
  // Stores the case's single key: a first key (AlreadyExists if one exists) or,
  // with `replace`, a re-wrapped one (NotFound if none exists yet).
  virtual Status SaveCaseKey(const StoredCaseKey& key, bool replace, const std::string& actor) = 0;

  // Seals a new witness's identity given the id it will have (the ciphertexts'
  // associated data). Called inside AddWitness's transaction.
  using WitnessSealer = std::function<Result<SealedIdentity>(int64_t witness_id)>;
  // Adds a witness and returns its id; AlreadyExists if the pseudonym is taken.
  virtual Result<int64_t> AddWitness(const std::string& pseudonym, const WitnessSealer& seal,
                                     const std::string& actor) = 0;
  virtual Result<std::vector<StoredWitness>> ListWitnesses() = 0;

  // Records a file already copied into the evidence store, with its
  // `acquired` custody event; AlreadyExists (naming the earlier evidence) when
  // a file with the same SHA-256 is already evidence. Returns it with its id.
  virtual Result<Evidence> AddEvidence(const Evidence& evidence) = 0;
  virtual Result<std::optional<Evidence>> FindEvidence(const std::string& sha256) = 0;
  virtual Result<std::vector<Evidence>> ListEvidence() = 0;
  // Appends a custody event (NotFound for unknown evidence, InvalidArgument for
  // an unknown type) and returns its id.
  virtual Result<int64_t> AddCustodyEvent(const CustodyEvent& event) = 0;
  virtual Result<std::vector<CustodyEvent>> CustodyEvents(int64_t evidence_id) = 0;

  // Every audit entry in sequence order, as stored (check with VerifyAuditChain).
  virtual Result<std::vector<AuditEntry>> AuditLog() = 0;
  // Appends an entry for an access that changes nothing else (e.g. revealing
  // witness identities). Only at, actor, action, entity, entity_id and
  // details_json are used; the store stamps `at` when empty and chains the hash.
  virtual Status AppendAudit(const AuditEntry& entry) = 0;

  // --- The investigation (schema version 4) ------------------------------------
  // Incidents, burial sites, testimony, links and verification decisions. Each
  // change is one transaction with its audit_log entry; the actor is the
  // entity's created_by (the decision's reviewer, the link's `actor`). Unknown
  // ids are NotFound naming the entity; values outside the allowed sets are
  // InvalidArgument naming the field.

  // Distinct (person_id, source_id) of the latest link run, by person then source.
  virtual Result<std::vector<std::pair<int64_t, int64_t>>> PersonSources() = 0;

  virtual Result<Incident> AddIncident(const Incident& incident) = 0;
  virtual Result<std::vector<Incident>> ListIncidents() = 0;
  virtual Result<BurialSite> AddBurialSite(const BurialSite& site) = 0;
  virtual Result<std::vector<BurialSite>> ListBurialSites() = 0;
  // NotFound for an unknown witness id.
  virtual Result<Testimony> AddTestimony(const Testimony& testimony) = 0;
  virtual Result<std::vector<Testimony>> ListTestimonies() = 0;

  // Adds a link (see EntityLink for the allowed kinds). Persons must be in the
  // latest link run. AlreadyExists when the link is already there.
  virtual Status AddLink(const EntityLink& link, const std::string& actor) = 0;
  // Every link whose `from` or `to` side is (entity, id), in a stable order.
  virtual Result<std::vector<EntityLink>> LinksOf(const std::string& entity, int64_t id) = 0;

  // Records a decision (the rules are checked by casework/verification.h;
  // the store checks only that the person, cited evidence and testimonies
  // exist). Returns it with its id and time.
  virtual Result<VerificationDecision> SaveVerificationDecision(
      const VerificationDecision& decision) = 0;
  // Decisions in the order they were made; for one person or (nullopt) all.
  virtual Result<std::vector<VerificationDecision>> VerificationDecisions(
      std::optional<int64_t> person_id) = 0;

  // --- Accounts and register edits (schema version 4) --------------------------
  // Users and sessions of the web application (src/serve/). Adding a user is
  // audited ("user.add", name and role, never the hash).

  // Adds a user and returns its id; AlreadyExists if the name is taken.
  virtual Result<int64_t> AddUser(const User& user, const std::string& actor) = 0;
  virtual Result<std::optional<User>> FindUser(const std::string& name) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Status SaveSession(const UserSession& session) = 0;
  // The session with this token hash and its user, if it exists and has not
  // expired at `now` (ISO 8601 UTC, compared as text).
  virtual Result<std::optional<std::pair<UserSession, User>>> FindSession(
      const std::string& token_sha256, const std::string& now) = 0;
  virtual Status DeleteSession(const std::string& token_sha256) = 0;
  // Removes sessions that expired before `now`; returns how many.
  virtual Result<int64_t> DeleteExpiredSessions(const std::string& now) = 0;

  // Stores a human decision (as SaveReviewDecision) and applies it to the
  // register in the same transaction, audited as "review.decide":
  //  - match: the two records' persons merge into the lower id;
  //  - nonmatch of two records of one person: record_pk_b moves to a new
  //    person above HighestPersonId().
  // Otherwise the register is already consistent and only the decision is
  // stored. The next `reckon link` honours the decision as it honours every
  // stored one. NotFound if either record is not in the register.
  virtual Result<RegisterChange> ApplyReviewDecision(const ReviewDecision& decision,
                                                     const std::string& actor) = 0;
};

}  // namespace reckon
