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
