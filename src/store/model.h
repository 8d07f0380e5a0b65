// The case file's domain types, shared by every Store implementation.
//
// These are plain values; they carry no database handles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

// What kind of organisation or process produced a list.
enum class SourceKind {
  kNgoList,
  kHospitalMorgue,
  kFieldInterviews,
  kMediaMonitoring,
  kOfficial,
  kOther
};

// Stable names used in the case file and on the command line ("ngo_list", ...).
std::string_view SourceKindName(SourceKind kind);
std::optional<SourceKind> ParseSourceKind(std::string_view name);
// All names, for help texts and error messages.
std::string SourceKindNames();

struct NewSource {
  std::string name;
  SourceKind kind = SourceKind::kNgoList;
  std::string description;
  std::optional<std::string> derived_from;  // name of the source this one copies from
};

struct Source {
  int64_t id = 0;
  std::string name;
  SourceKind kind = SourceKind::kNgoList;
  std::string description;
  std::optional<std::string> derived_from;
  std::string created_at;
  int64_t record_count = 0;
  int64_t import_count = 0;
};

// The canonical fields every record carries after parsing. Empty strings and
// empty optionals mean "not given". The raw row is kept separately.
struct RecordFields {
  std::string record_id;
  std::string full_name;
  std::string given_name;
  std::string father_name;
  std::string grandfather_name;
  std::string family_name;
  std::string mother_name;
  std::string sex;                   // "M", "F", or "" when unknown
  std::optional<int> age;            // exact age in years
  std::optional<int> age_min;        // band, inclusive; for an exact age min == max == age
  std::optional<int> age_max;        // absent upper bound = open band ("60+", "adult")
  std::string birth_date;            // ISO prefix: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
  std::string birth_date_precision;  // "day", "month", "year" or ""
  std::string death_date;
  std::string death_date_precision;
  std::string locality;
  std::string district;
  std::string governorate;
  std::string cause;
  std::string notes;
};

// The age as the importer reads it back: "34", "30-39", "60+", or "".
std::string AgeText(const RecordFields& fields);

// A value that could not be parsed: kept raw, never dropped.
struct FieldFlag {
  std::string field;
  std::string raw_value;
  std::string problem;
};

struct NewRecord {
  int64_t row_number = 0;   // 1-based data row (the header is row 0)
  int64_t line_number = 0;  // physical line where the row starts in the file
  std::string raw_json;     // JSON array of every column's value, in file order
  RecordFields fields;
  std::vector<FieldFlag> flags;
};

struct StoredRecord {
  int64_t record_pk = 0;  // the case's internal id of the record
  int64_t import_id = 0;
  int64_t source_id = 0;
  std::string source;
  int64_t row_number = 0;
  int64_t line_number = 0;
  std::string raw_json;
  RecordFields fields;
  std::vector<FieldFlag> flags;
};

struct NewImport {
  int64_t source_id = 0;                // an existing source, or
  std::optional<NewSource> new_source;  // one created in the import's transaction
  std::string file_name;
  std::string encoding;
  std::string delimiter;
  std::string header_json;   // the file's header row, as a JSON array
  std::string mapping_json;  // {"canonical_field": "file column", ...}
  bool forced = false;
};

struct ImportInfo {
  int64_t id = 0;
  int64_t source_id = 0;
  std::string file_name;
  std::string file_sha256;
  int64_t row_count = 0;
  std::string imported_at;
};

struct RecordFilter {
  std::optional<std::string> source;  // by source name
  std::optional<int64_t> limit;
  // False: leave raw_json and flags empty (linkage and estimation read only the
  // parsed fields; the raw rows are most of a case's bytes).
  bool with_raw_and_flags = true;
  // Only the records of this person of the latest link run.
  std::optional<int64_t> person_id;
};

// Figures for `reckon stats`.
struct FieldStats {
  std::string field;
  int64_t filled = 0;   // records with a value
  int64_t flagged = 0;  // records whose value could not be parsed
};
struct SourceStats {
  std::string source;
  SourceKind kind = SourceKind::kNgoList;
  std::optional<std::string> derived_from;
  int64_t records = 0;
  int64_t imports = 0;
  int64_t flagged_records = 0;
};
struct CaseStats {
  int64_t records = 0;
  int64_t sources = 0;
  int64_t imports = 0;
  std::vector<SourceStats> by_source;
  std::vector<FieldStats> by_field;
};

// --- The register (written by `reckon link`) ---------------------------------

// One run of the linker: which record belongs to which person, and the pairs
// worth a reviewer's look. Saved as one transaction.
struct LinkRunResult {
  std::string settings_json;
  std::string model_json;
  std::string summary_json;
  // record_pk -> person_id for every record; ids already in the case are kept,
  // new ones are larger than any existing id.
  std::vector<std::pair<int64_t, int64_t>> assignments;
  struct Pair {
    int64_t record_pk_a = 0;  // a < b
    int64_t record_pk_b = 0;
    double weight = 0.0;
    double probability = 0.0;
  };
  std::vector<Pair> review_pairs;  // uncertain pairs, kept for `reckon review`
  std::string actor;               // who ran it, for the audit log ("unknown" when empty)
};

struct LinkRunInfo {
  int64_t run_id = 0;
  std::string created_at;
  std::string settings_json;
  std::string model_json;
  std::string summary_json;
};

// A person's decision about a pair of records; it overrides the model.
struct ReviewDecision {
  int64_t record_pk_a = 0;  // a < b
  int64_t record_pk_b = 0;
  bool match = false;
  std::string reviewer;
  std::string note;
  std::string decided_at;
};

// record_id and person_id of each linked record, for exports and evaluation.
struct ClusterAssignment {
  std::string record_id;
  std::string source;
  int64_t record_pk = 0;
  int64_t person_id = 0;
};

struct StoredGazetteer {
  std::string name;
  std::string file_sha256;
  std::string csv;
  std::string imported_at;
};

// One stored run of `reckon estimate` on the case's register: what went in
// (method, stratification, seed, every option) and the full JSON result.
struct EstimateRun {
  int64_t estimate_run_id = 0;
  std::string created_at;
  std::string actor;
  std::optional<int64_t> link_run_id;  // the register it was computed on
  std::string input;                   // "register" or "linkage_sensitivity"
  std::string method;                  // loglinear, lcmcr, dga or all
  std::string stratify_by;             // empty when not stratified
  std::optional<int64_t> seed;
  std::string parameters_json;
  std::string result_json;
};

// The canonical field names, in export order.
const std::vector<std::string_view>& CanonicalFieldNames();

// --- Casework (schema version 3) ---------------------------------------------

// The wrapped case key (see secure/case_key.h). Nothing here is secret.
struct StoredCaseKey {
  std::string kind;  // "passphrase" or "key_file"
  std::string salt;  // raw bytes; empty for a key file
  int64_t opslimit = 0;
  int64_t memlimit = 0;
  std::string wrapped;  // raw bytes: nonce || ciphertext || tag
  std::string created_at;
  std::string changed_at;
};

// A witness's identity fields, each sealed with the case key (opaque bytes to
// the store; see secure/field_cipher.h).
struct SealedIdentity {
  std::string name;
  std::string contact;
  std::string location;
  std::string risk;
};

struct StoredWitness {
  int64_t witness_id = 0;
  std::string pseudonym;  // the only name used outside the protected fields
  SealedIdentity sealed;
  std::string created_at;
};

// A link from an incident, burial site, piece of evidence or testimony to a
// person, incident or burial site. Allowed: incident->person,
// burial_site->person, evidence->person|incident|burial_site,
// testimony->person|incident.
struct EntityLink {
  std::string from_entity;  // "incident", "burial_site", "evidence", "testimony"
  int64_t from_id = 0;
  std::string to_entity;  // "person", "incident", "burial_site"
  int64_t to_id = 0;
};

// A file in the case's evidence store, identified by the SHA-256 of its bytes.
struct Evidence {
  int64_t evidence_id = 0;  // set by the store
  std::string sha256;       // 64 lowercase hex digits
  std::string original_name;
  std::string media_type;
  int64_t size = 0;
  std::string acquired_by;
  std::string acquired_at;  // UTC, ISO 8601; the store stamps it when empty
  std::string acquired_from;
  std::string description;
  std::string stored_path;  // relative to the evidence directory ("ab/abcdef...")
  // Only for AddEvidence: links to add in the same transaction, each
  // (to_entity, to_id) with from_entity/from_id ignored. Not read back.
  std::vector<EntityLink> links;
};

// One link in an evidence file's chain of custody.
struct CustodyEvent {
  int64_t event_id = 0;  // set by the store
  int64_t evidence_id = 0;
  std::string event_type;  // one of CustodyEventTypes()
  std::string actor;
  std::string at;  // UTC, ISO 8601; the store stamps it when empty
  std::string details;
};

// acquired, transferred, copied, exported, derived, verified.
const std::vector<std::string_view>& CustodyEventTypes();

// One entry of the hash-chained audit log (see store/audit_chain.h).
struct AuditEntry {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;  // e.g. "witness.add", "evidence.add", "custody.add"
  std::string entity;  // e.g. "witness", "evidence", "case_key"
  int64_t entity_id = 0;
  std::string details_json;  // never holds protected identity fields
  std::string prev_hash;     // hex; 64 zeros for the first entry
  std::string hash;          // hex SHA-256 (see AuditEntryHash)
};

// --- The investigation (schema version 4) ------------------------------------
// Incidents, burial sites, testimony, links between them and persons, and the
// investigators' verification decisions. Dates are ISO 8601 ("YYYY-MM-DD" or a
// prefix); `created_at`/`decided_at` are UTC and stamped by the store.

// killing, mass_killing, enforced_disappearance, execution, shelling,
// airstrike, death_in_detention, other.
const std::vector<std::string_view>& IncidentTypes();

struct Incident {
  int64_t incident_id = 0;  // set by the store
  std::string title;
  std::string incident_type;  // one of IncidentTypes()
  std::string start_date;
  std::string end_date;
  std::string place;        // as written
  std::string place_pcode;  // gazetteer P-code, when resolved
  std::string description;
  std::string perpetrator;        // alleged perpetrator group
  std::string attribution_basis;  // why the attribution is made
  std::string created_by;
  std::string created_at;
};

// individual_grave, mass_grave.
const std::vector<std::string_view>& BurialSiteKinds();
// reported, located, exhumed.
const std::vector<std::string_view>& BurialSiteStatuses();

// A grave. Its location is sensitive: exports and reports redact it.
struct BurialSite {
  int64_t burial_site_id = 0;  // set by the store
  std::string name;
  std::string site_kind;  // one of BurialSiteKinds()
  std::string status;     // one of BurialSiteStatuses()
  std::string location;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string place_pcode;
  std::string description;
  std::string created_by;
  std::string created_at;
};

// eyewitness, relative, hearsay: the witness's relation to the events.
const std::vector<std::string_view>& TestimonyRelations();

// A testimony refers to its witness by id; the pseudonym is read back for
// display. Identities are never part of it.
struct Testimony {
  int64_t testimony_id = 0;  // set by the store
  int64_t witness_id = 0;
  std::string witness_pseudonym;  // filled when read; ignored when added
  std::string taken_on;
  std::string interviewer;
  std::string language;
  std::string relation;  // one of TestimonyRelations()
  std::string summary;
  std::string created_by;
  std::string created_at;
  // The persons and incidents it speaks of: added with the testimony, in its
  // transaction, and read back by ListTestimonies (ascending).
  std::vector<int64_t> person_ids;
  std::vector<int64_t> incident_ids;
};

// An investigator's decision on a person's status (casework/verification.h).
// The latest decision for a person is in force; "cleared" returns the person
// to the computed status.
struct VerificationDecision {
  int64_t decision_id = 0;  // set by the store
  int64_t person_id = 0;
  std::string status;  // verified|disputed|rejected|cleared
  std::string reviewer;
  std::string rationale;
  std::string decided_at;
  std::vector<std::string> evidence_sha256;  // evidence cited for the decision
  std::vector<int64_t> testimony_ids;        // testimonies cited for the decision
};

// --- Accounts and register edits (schema version 4) ----------------------------

// A web-application account. The password is stored only as an Argon2id
// string (secure/accounts.h); the store never sees a password.
struct User {
  int64_t user_id = 0;  // set by the store
  std::string name;
  std::string role;  // "admin", "investigator", "analyst" or "viewer"
  std::string password_hash;
  bool disabled = false;
  std::string created_at;  // the store stamps it when empty
};

// A login session, stored by the SHA-256 of its token (never the token).
struct UserSession {
  std::string token_sha256;  // hex
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;  // UTC, ISO 8601
  std::string expires_at;  // UTC, ISO 8601
};

// What applying a review decision changed in the register at once.
struct RegisterChange {
  bool changed = false;
  int64_t person_kept = 0;     // match: the surviving (lower) person id
  int64_t person_removed = 0;  // match: the person merged into person_kept (now empty)
  int64_t person_created = 0;  // nonmatch: the new person record_pk_b was split into
};

}  // namespace reckon
