#include "store/schema.h"

#include <string>

namespace reckon {

const std::vector<std::string_view>& SchemaMigrations() {
  static const std::vector<std::string_view> kMigrations = {
      // Version 1: sources, imports, records and their flagged values.
      R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE sources (
  source_id    INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL CHECK (kind IN ('ngo_list', 'hospital_morgue', 'field_interviews',
                                              'media_monitoring', 'official', 'other')),
  description  TEXT NOT NULL DEFAULT '',
  derived_from INTEGER REFERENCES sources (source_id),
  created_at   TEXT NOT NULL
);
CREATE TABLE imports (
  import_id    INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources (source_id),
  file_name    TEXT NOT NULL,
  file_sha256  TEXT NOT NULL DEFAULT '',
  file_size    INTEGER NOT NULL DEFAULT 0,
  encoding     TEXT NOT NULL,
  delimiter    TEXT NOT NULL,
  header_json  TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  row_count    INTEGER NOT NULL DEFAULT 0,
  forced       INTEGER NOT NULL DEFAULT 0,
  imported_at  TEXT NOT NULL
);
CREATE INDEX imports_by_file ON imports (source_id, file_sha256);
CREATE TABLE records (
  record_pk            INTEGER PRIMARY KEY,
  import_id            INTEGER NOT NULL REFERENCES imports (import_id),
  source_id            INTEGER NOT NULL REFERENCES sources (source_id),
  row_number           INTEGER NOT NULL,
  line_number          INTEGER NOT NULL,
  record_id            TEXT NOT NULL,
  raw_json             TEXT NOT NULL,
  full_name            TEXT,
  given_name           TEXT,
  father_name          TEXT,
  grandfather_name     TEXT,
  family_name          TEXT,
  mother_name          TEXT,
  sex                  TEXT CHECK (sex IN ('M', 'F')),
  age                  INTEGER,
  age_min              INTEGER,
  age_max              INTEGER,
  birth_date           TEXT,
  birth_date_precision TEXT CHECK (birth_date_precision IN ('day', 'month', 'year')),
  death_date           TEXT,
  death_date_precision TEXT CHECK (death_date_precision IN ('day', 'month', 'year')),
  locality             TEXT,
  district             TEXT,
  governorate          TEXT,
  cause                TEXT,
  notes                TEXT,
  flag_count           INTEGER NOT NULL DEFAULT 0
);
-- record_id is the source's own identifier: unique within one import.
CREATE UNIQUE INDEX records_by_record_id ON records (import_id, record_id);
CREATE TABLE record_flags (
  record_pk INTEGER NOT NULL REFERENCES records (record_pk),
  field     TEXT NOT NULL,
  raw_value TEXT NOT NULL,
  problem   TEXT NOT NULL
);
CREATE INDEX record_flags_by_record ON record_flags (record_pk);
)sql",
      // Version 2: the register of persons, review decisions, gazetteers.
      R"sql(
CREATE TABLE link_runs (
  run_id        INTEGER PRIMARY KEY,
  created_at    TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  model_json    TEXT NOT NULL,
  summary_json  TEXT NOT NULL
);
CREATE TABLE persons (
  person_id    INTEGER PRIMARY KEY,
  first_run_id INTEGER NOT NULL REFERENCES link_runs (run_id),
  last_run_id  INTEGER NOT NULL REFERENCES link_runs (run_id)
);
CREATE TABLE person_records (
  record_pk INTEGER PRIMARY KEY REFERENCES records (record_pk),
  person_id INTEGER NOT NULL REFERENCES persons (person_id)
);
CREATE INDEX person_records_by_person ON person_records (person_id);
CREATE TABLE link_pairs (
  record_pk_a INTEGER NOT NULL REFERENCES records (record_pk),
  record_pk_b INTEGER NOT NULL REFERENCES records (record_pk),
  weight      REAL NOT NULL,
  probability REAL NOT NULL,
  PRIMARY KEY (record_pk_a, record_pk_b)
);
CREATE TABLE review_decisions (
  record_pk_a INTEGER NOT NULL REFERENCES records (record_pk),
  record_pk_b INTEGER NOT NULL REFERENCES records (record_pk),
  decision    TEXT NOT NULL CHECK (decision IN ('match', 'nonmatch')),
  reviewer    TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (record_pk_a, record_pk_b),
  CHECK (record_pk_a < record_pk_b)
);
CREATE TABLE gazetteers (
  gazetteer_id INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  file_sha256  TEXT NOT NULL,
  csv          TEXT NOT NULL,
  imported_at  TEXT NOT NULL
);
)sql",
      // Version 3: casework — the wrapped case key, protected witnesses, the
      // evidence store with its chain of custody, and the hash-chained audit log.
      R"sql(
CREATE TABLE case_keys (
  case_key_id INTEGER PRIMARY KEY CHECK (case_key_id = 1),
  kind        TEXT NOT NULL CHECK (kind IN ('passphrase', 'key_file')),
  salt        BLOB NOT NULL,
  opslimit    INTEGER NOT NULL,
  memlimit    INTEGER NOT NULL,
  wrapped_key BLOB NOT NULL,
  created_at  TEXT NOT NULL,
  changed_at  TEXT NOT NULL
);
CREATE TABLE witnesses (
  witness_id      INTEGER PRIMARY KEY,
  pseudonym       TEXT NOT NULL UNIQUE,
  name_sealed     BLOB NOT NULL,
  contact_sealed  BLOB NOT NULL,
  location_sealed BLOB NOT NULL,
  risk_sealed     BLOB NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE TABLE evidence (
  evidence_id   INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  media_type    TEXT NOT NULL DEFAULT '',
  size          INTEGER NOT NULL,
  acquired_by   TEXT NOT NULL,
  acquired_at   TEXT NOT NULL,
  acquired_from TEXT NOT NULL DEFAULT '',
  description   TEXT NOT NULL DEFAULT '',
  stored_path   TEXT NOT NULL
);
CREATE TABLE custody_events (
  event_id    INTEGER PRIMARY KEY,
  evidence_id INTEGER NOT NULL REFERENCES evidence (evidence_id),
  event_type  TEXT NOT NULL CHECK (event_type IN ('acquired', 'transferred', 'copied',
                                                  'exported', 'derived', 'verified')),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  details     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX custody_events_by_evidence ON custody_events (evidence_id);
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    INTEGER NOT NULL,
  details_json TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
)sql",
      // Version 4: the investigation (incidents, burial sites, testimony,
      // verification decisions, links between them and persons), accounts for
      // the web application, and stored estimates.
      R"sql(
CREATE TABLE incidents (
  incident_id       INTEGER PRIMARY KEY,
  title             TEXT NOT NULL,
  incident_type     TEXT NOT NULL CHECK (incident_type IN ('killing', 'mass_killing',
                        'enforced_disappearance', 'execution', 'shelling', 'airstrike',
                        'death_in_detention', 'other')),
  start_date        TEXT,
  end_date          TEXT,
  place             TEXT NOT NULL DEFAULT '',
  place_pcode       TEXT NOT NULL DEFAULT '',
  description       TEXT NOT NULL DEFAULT '',
  perpetrator       TEXT NOT NULL DEFAULT '',
  attribution_basis TEXT NOT NULL DEFAULT '',
  created_by        TEXT NOT NULL,
  created_at        TEXT NOT NULL
);
CREATE TABLE incident_persons (
  incident_id INTEGER NOT NULL REFERENCES incidents (incident_id),
  person_id   INTEGER NOT NULL REFERENCES persons (person_id),
  PRIMARY KEY (incident_id, person_id)
);
CREATE INDEX incident_persons_by_person ON incident_persons (person_id);
-- Evidence linked to persons, incidents and burial sites.
CREATE TABLE evidence_links (
  evidence_id INTEGER NOT NULL REFERENCES evidence (evidence_id),
  entity      TEXT NOT NULL CHECK (entity IN ('person', 'incident', 'burial_site')),
  entity_id   INTEGER NOT NULL,
  PRIMARY KEY (evidence_id, entity, entity_id)
);
CREATE INDEX evidence_links_by_entity ON evidence_links (entity, entity_id);
-- Burial-site locations are sensitive: reports redact them (docs/report.md).
CREATE TABLE burial_sites (
  burial_site_id INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  site_kind      TEXT NOT NULL CHECK (site_kind IN ('individual_grave', 'mass_grave')),
  status         TEXT NOT NULL CHECK (status IN ('reported', 'located', 'exhumed')),
  location       TEXT NOT NULL DEFAULT '',
  latitude       REAL,
  longitude      REAL,
  place_pcode    TEXT NOT NULL DEFAULT '',
  description    TEXT NOT NULL DEFAULT '',
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE TABLE burial_persons (
  burial_site_id INTEGER NOT NULL REFERENCES burial_sites (burial_site_id),
  person_id      INTEGER NOT NULL REFERENCES persons (person_id),
  PRIMARY KEY (burial_site_id, person_id)
);
CREATE INDEX burial_persons_by_person ON burial_persons (person_id);
-- Testimony refers to its witness by id only; identities stay sealed.
CREATE TABLE testimonies (
  testimony_id INTEGER PRIMARY KEY,
  witness_id   INTEGER NOT NULL REFERENCES witnesses (witness_id),
  taken_on     TEXT NOT NULL,
  interviewer  TEXT NOT NULL,
  language     TEXT NOT NULL DEFAULT '',
  relation     TEXT NOT NULL CHECK (relation IN ('eyewitness', 'relative', 'hearsay')),
  summary      TEXT NOT NULL DEFAULT '',
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE TABLE testimony_links (
  testimony_id INTEGER NOT NULL REFERENCES testimonies (testimony_id),
  entity       TEXT NOT NULL CHECK (entity IN ('person', 'incident')),
  entity_id    INTEGER NOT NULL,
  PRIMARY KEY (testimony_id, entity, entity_id)
);
CREATE INDEX testimony_links_by_entity ON testimony_links (entity, entity_id);
-- Investigators' decisions on a person's status; the latest one is in force,
-- 'cleared' returns the person to the computed status (docs/verification.md).
CREATE TABLE verification_decisions (
  decision_id INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES persons (person_id),
  status      TEXT NOT NULL CHECK (status IN ('verified', 'disputed', 'rejected', 'cleared')),
  reviewer    TEXT NOT NULL,
  rationale   TEXT NOT NULL,
  basis_json  TEXT NOT NULL DEFAULT '{}',
  decided_at  TEXT NOT NULL
);
CREATE INDEX verification_decisions_by_person ON verification_decisions (person_id, decision_id);
-- Accounts of the web application; passwords as Argon2id strings (libsodium).
CREATE TABLE users (
  user_id       INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'investigator', 'analyst', 'viewer')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);
-- Sessions are stored by the SHA-256 of their token, never the token itself.
CREATE TABLE user_sessions (
  token_sha256 TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (user_id),
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
-- Estimates as run: method, parameters, seed and the full result.
CREATE TABLE estimate_runs (
  estimate_run_id INTEGER PRIMARY KEY,
  created_at      TEXT NOT NULL,
  actor           TEXT NOT NULL,
  link_run_id     INTEGER REFERENCES link_runs (run_id),
  input           TEXT NOT NULL,
  method          TEXT NOT NULL,
  stratify_by     TEXT NOT NULL DEFAULT '',
  seed            INTEGER,
  parameters_json TEXT NOT NULL,
  result_json     TEXT NOT NULL
);
)sql",
  };
  return kMigrations;
}

int LatestSchemaVersion() { return static_cast<int>(SchemaMigrations().size()); }

Status MigrateToLatest(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(int64_t app_id, db.QueryInt("PRAGMA application_id"));
  RECKON_ASSIGN_OR_RETURN(int64_t version, db.QueryInt("PRAGMA user_version"));
  RECKON_ASSIGN_OR_RETURN(int64_t table_count,
                          db.QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table'"));
  if (app_id != kCaseFileApplicationId && (version != 0 || table_count != 0 || app_id != 0)) {
    return Status::Corruption(db.path() + " is an SQLite database but not a Reckon case file");
  }
  const int latest = LatestSchemaVersion();
  if (version > latest) {
    return Status::Unsupported("case file " + db.path() + " has schema version " +
                               std::to_string(version) + ", but this Reckon knows versions up to " +
                               std::to_string(latest) + "; use a newer Reckon to open it");
  }
  if (version == latest) return Status::Ok();

  return db
      .InTransaction([&]() -> Status {
        for (auto v = static_cast<size_t>(version); v < SchemaMigrations().size(); ++v) {
          RECKON_RETURN_IF_ERROR(db.Exec(std::string(SchemaMigrations()[v])));
        }
        return db.Exec("PRAGMA application_id = " + std::to_string(kCaseFileApplicationId) +
                       "; PRAGMA user_version = " + std::to_string(latest));
      })
      .WithContext("upgrading the case file's schema");
}

}  // namespace reckon
