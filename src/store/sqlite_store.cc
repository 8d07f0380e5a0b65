#include "store/sqlite_store.h"

#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <utility>

#include "store/schema.h"
#include "store/sqlite_accounts.h"
#include "store/sqlite_casework.h"
#include "store/sqlite_db.h"
#include "store/sqlite_estimates.h"
#include "store/sqlite_import_writer.h"
#include "store/sqlite_investigation.h"
#include "store/sqlite_register.h"

namespace reckon {
namespace {

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

constexpr std::string_view kRecordColumns = R"sql(
  r.record_pk, r.import_id, s.name, r.row_number, r.line_number, r.record_id, r.raw_json,
  r.full_name, r.given_name, r.father_name, r.grandfather_name, r.family_name, r.mother_name,
  r.sex, r.age, r.age_min, r.age_max, r.birth_date, r.birth_date_precision, r.death_date,
  r.death_date_precision, r.locality, r.district, r.governorate, r.cause, r.notes, r.flag_count,
  r.source_id)sql";

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(SqliteDatabase db) : db_(std::move(db)) {}

  Result<int> SchemaVersion() override {
    RECKON_ASSIGN_OR_RETURN(int64_t v, db_.QueryInt("PRAGMA user_version"));
    return static_cast<int>(v);
  }

  Result<Source> AddSource(const NewSource& source) override {
    RECKON_ASSIGN_OR_RETURN(std::optional<Source> existing, FindSource(source.name));
    if (existing) return Status::AlreadyExists("source '" + source.name + "' already exists");
    std::optional<int64_t> parent_id;
    if (source.derived_from) {
      RECKON_ASSIGN_OR_RETURN(std::optional<Source> parent, FindSource(*source.derived_from));
      if (!parent) {
        return Status::NotFound("source '" + source.name + "' derives from '" +
                                *source.derived_from + "', which does not exist");
      }
      parent_id = parent->id;
    }
    RECKON_ASSIGN_OR_RETURN(SqliteStatement insert,
                            db_.Prepare("INSERT INTO sources (name, kind, description, "
                                        "derived_from, created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.BindText(1, source.name);
    insert.BindText(2, SourceKindName(source.kind));
    insert.BindText(3, source.description);
    insert.BindOptionalInt(4, parent_id);
    insert.BindText(5, UtcNow());
    RECKON_RETURN_IF_ERROR(insert.Run());
    RECKON_ASSIGN_OR_RETURN(std::optional<Source> created, FindSource(source.name));
    if (!created) return Status::Internal("source vanished after insert");
    return *created;
  }

  Result<std::optional<Source>> FindSource(const std::string& name) override {
    RECKON_ASSIGN_OR_RETURN(std::vector<Source> sources, QuerySources(name));
    if (sources.empty()) return std::optional<Source>();
    return std::optional<Source>(sources.front());
  }

  Result<std::vector<Source>> ListSources() override { return QuerySources(std::nullopt); }

  Result<std::vector<ImportInfo>> FindImports(int64_t source_id,
                                              const std::string& file_sha256) override {
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement query,
        db_.Prepare("SELECT import_id, source_id, file_name, file_sha256, row_count, imported_at "
                    "FROM imports WHERE source_id = ? AND file_sha256 = ? ORDER BY import_id"));
    query.BindInt(1, source_id);
    query.BindText(2, file_sha256);
    std::vector<ImportInfo> imports;
    while (true) {
      RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
      if (!has_row) break;
      imports.push_back({query.ColumnInt(0), query.ColumnInt(1), query.ColumnText(2),
                         query.ColumnText(3), query.ColumnInt(4), query.ColumnText(5)});
    }
    return imports;
  }

  Result<std::unique_ptr<ImportWriter>> BeginImport(const NewImport& import) override {
    // The writer only inserts records whose import and source it has just
    // created or checked, so per-row foreign-key lookups are switched off for
    // the bulk insert (the pragma only takes effect outside a transaction);
    // the writer switches them back on when it commits or rolls back.
    RECKON_RETURN_IF_ERROR(db_.Exec("PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE"));
    auto insert_import = db_.Prepare(
        "INSERT INTO imports (source_id, file_name, encoding, delimiter, header_json, "
        "mapping_json, forced, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    Status status = insert_import.status();
    int64_t source_id = import.source_id;
    if (status.ok() && import.new_source) {
      auto created = AddSource(*import.new_source);
      status = created.status();
      if (created.ok()) source_id = created->id;
    }
    if (status.ok()) {
      SqliteStatement& s = *insert_import;
      s.BindInt(1, source_id);
      s.BindText(2, import.file_name);
      s.BindText(3, import.encoding);
      s.BindText(4, import.delimiter);
      s.BindText(5, import.header_json);
      s.BindText(6, import.mapping_json);
      s.BindInt(7, import.forced ? 1 : 0);
      s.BindText(8, UtcNow());
      status = s.Run();
    }
    if (status.ok()) {
      // From here on the writer owns the transaction and rolls it back on failure.
      auto writer = SqliteImportWriter::Create(&db_, db_.LastInsertRowId(), source_id);
      if (writer.ok()) return std::unique_ptr<ImportWriter>(std::move(writer).value());
      return writer.status();
    }
    (void)db_.Exec("ROLLBACK; PRAGMA foreign_keys = ON");
    return status;
  }

  Status ScanRecords(const RecordFilter& filter, const RecordVisitor& visit) override {
    std::string columns(kRecordColumns);
    if (!filter.with_raw_and_flags) columns.replace(columns.find("r.raw_json"), 10, "''");
    std::string sql =
        "SELECT " + columns + " FROM records r JOIN sources s ON s.source_id = r.source_id";
    if (filter.source) sql += " WHERE s.name = ?1";
    if (filter.person_id) {
      sql += std::string(filter.source ? " AND" : " WHERE") +
             " r.record_pk IN (SELECT record_pk FROM person_records WHERE person_id = ?2)";
    }
    sql += " ORDER BY r.record_pk";
    if (filter.limit) sql += " LIMIT " + std::to_string(*filter.limit);
    RECKON_ASSIGN_OR_RETURN(SqliteStatement query, db_.Prepare(sql));
    RECKON_ASSIGN_OR_RETURN(SqliteStatement flags_query,
                            db_.Prepare("SELECT field, raw_value, problem FROM record_flags "
                                        "WHERE record_pk = ? ORDER BY rowid"));
    if (filter.source) query.BindText(1, *filter.source);
    if (filter.person_id) query.BindInt(2, *filter.person_id);
    StoredRecord record;
    while (true) {
      RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
      if (!has_row) break;
      ReadRecord(query, record);
      record.flags.clear();
      if (filter.with_raw_and_flags && query.ColumnInt(26) > 0) {
        flags_query.BindInt(1, query.ColumnInt(0));
        while (true) {
          RECKON_ASSIGN_OR_RETURN(bool has_flag, flags_query.Step());
          if (!has_flag) break;
          record.flags.push_back(
              {flags_query.ColumnText(0), flags_query.ColumnText(1), flags_query.ColumnText(2)});
        }
        flags_query.Reset();
      }
      RECKON_RETURN_IF_ERROR(visit(record));
    }
    return Status::Ok();
  }

  Result<CaseStats> Stats() override {
    CaseStats stats;
    RECKON_ASSIGN_OR_RETURN(stats.records, db_.QueryInt("SELECT count(*) FROM records"));
    RECKON_ASSIGN_OR_RETURN(stats.sources, db_.QueryInt("SELECT count(*) FROM sources"));
    RECKON_ASSIGN_OR_RETURN(stats.imports, db_.QueryInt("SELECT count(*) FROM imports"));
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement per_source,
        db_.Prepare("SELECT s.name, s.kind, p.name, "
                    " (SELECT count(*) FROM records r WHERE r.source_id = s.source_id),"
                    " (SELECT count(*) FROM imports i WHERE i.source_id = s.source_id),"
                    " (SELECT count(*) FROM records r WHERE r.source_id = s.source_id"
                    "    AND r.flag_count > 0) "
                    "FROM sources s LEFT JOIN sources p ON p.source_id = s.derived_from "
                    "ORDER BY s.source_id"));
    while (true) {
      RECKON_ASSIGN_OR_RETURN(bool has_row, per_source.Step());
      if (!has_row) break;
      SourceStats s;
      s.source = per_source.ColumnText(0);
      s.kind = ParseSourceKind(per_source.ColumnText(1)).value_or(SourceKind::kOther);
      if (!per_source.ColumnIsNull(2)) s.derived_from = per_source.ColumnText(2);
      s.records = per_source.ColumnInt(3);
      s.imports = per_source.ColumnInt(4);
      s.flagged_records = per_source.ColumnInt(5);
      stats.by_source.push_back(std::move(s));
    }
    // One pass over records for every field's fill count.
    std::string fill_sql = "SELECT ";
    const auto& fields = CanonicalFieldNames();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) fill_sql += ", ";
      // An age band has no exact age but is still a filled age.
      fill_sql += "count(" + std::string(fields[i] == "age" ? "age_min" : fields[i]) + ")";
    }
    fill_sql += " FROM records";
    RECKON_ASSIGN_OR_RETURN(SqliteStatement fill, db_.Prepare(fill_sql));
    RECKON_ASSIGN_OR_RETURN(bool has_fill, fill.Step());
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement flagged,
        db_.Prepare("SELECT field, count(DISTINCT record_pk) FROM record_flags GROUP BY field"));
    std::vector<std::pair<std::string, int64_t>> flag_counts;
    while (true) {
      RECKON_ASSIGN_OR_RETURN(bool has_row, flagged.Step());
      if (!has_row) break;
      flag_counts.emplace_back(flagged.ColumnText(0), flagged.ColumnInt(1));
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      FieldStats f;
      f.field = std::string(fields[i]);
      f.filled = has_fill ? fill.ColumnInt(static_cast<int>(i)) : 0;
      for (const auto& [name, count] : flag_counts) {
        if (name == f.field) f.flagged = count;
      }
      stats.by_field.push_back(std::move(f));
    }
    return stats;
  }

  Result<int64_t> SaveLinkRun(const LinkRunResult& run) override {
    return SqliteSaveLinkRun(db_, run, UtcNow());
  }
  Result<std::optional<LinkRunInfo>> LatestLinkRun() override { return SqliteLatestLinkRun(db_); }
  Result<std::vector<std::pair<int64_t, int64_t>>> PersonAssignments() override {
    return SqlitePersonAssignments(db_);
  }
  Result<std::vector<ClusterAssignment>> ClusterAssignments() override {
    return SqliteClusterAssignments(db_);
  }
  Result<std::vector<LinkRunResult::Pair>> ReviewPairs() override { return SqliteReviewPairs(db_); }
  Result<int64_t> HighestPersonId() override {
    return db_.QueryInt("SELECT coalesce(max(person_id), 0) FROM persons");
  }
  Status SaveReviewDecision(const ReviewDecision& decision) override {
    ReviewDecision stamped = decision;
    if (stamped.decided_at.empty()) stamped.decided_at = UtcNow();
    return SqliteSaveReviewDecision(db_, stamped);
  }
  Result<std::vector<ReviewDecision>> ReviewDecisions() override {
    return SqliteReviewDecisions(db_);
  }
  Status AddGazetteer(const StoredGazetteer& gazetteer) override {
    StoredGazetteer stamped = gazetteer;
    if (stamped.imported_at.empty()) stamped.imported_at = UtcNow();
    return SqliteAddGazetteer(db_, stamped);
  }
  Result<std::optional<StoredGazetteer>> LatestGazetteer() override {
    return SqliteLatestGazetteer(db_);
  }
  Result<int64_t> SaveEstimateRun(const EstimateRun& run) override {
    EstimateRun stamped = run;
    if (stamped.created_at.empty()) stamped.created_at = UtcNow();
    return SqliteSaveEstimateRun(db_, stamped);
  }
  Result<std::vector<EstimateRun>> EstimateRuns() override { return SqliteEstimateRuns(db_); }
  Result<std::optional<EstimateRun>> FindEstimateRun(int64_t estimate_run_id) override {
    return SqliteFindEstimateRun(db_, estimate_run_id);
  }

  Result<std::optional<StoredCaseKey>> LoadCaseKey() override { return SqliteLoadCaseKey(db_); }
  Status SaveCaseKey(const StoredCaseKey& key, bool replace, const std::string& actor) override {
    return SqliteSaveCaseKey(db_, key, replace, actor, UtcNow());
  }
  Result<int64_t> AddWitness(const std::string& pseudonym, const WitnessSealer& seal,
                             const std::string& actor) override {
    return SqliteAddWitness(db_, pseudonym, seal, actor, UtcNow());
  }
  Result<std::vector<StoredWitness>> ListWitnesses() override { return SqliteListWitnesses(db_); }
  Result<Evidence> AddEvidence(const Evidence& evidence) override {
    return SqliteAddEvidence(db_, evidence, UtcNow());
  }
  Result<std::optional<Evidence>> FindEvidence(const std::string& sha256) override {
    return SqliteFindEvidence(db_, sha256);
  }
  Result<std::vector<Evidence>> ListEvidence() override { return SqliteListEvidence(db_); }
  Result<int64_t> AddCustodyEvent(const CustodyEvent& event) override {
    return SqliteAddCustodyEvent(db_, event, UtcNow());
  }
  Result<std::vector<CustodyEvent>> CustodyEvents(int64_t evidence_id) override {
    return SqliteCustodyEvents(db_, evidence_id);
  }
  Result<std::vector<AuditEntry>> AuditLog() override { return SqliteAuditLog(db_); }
  Status AppendAudit(const AuditEntry& entry) override {
    return SqliteAppendAudit(db_, entry, UtcNow());
  }

  Result<int64_t> AddUser(const User& user, const std::string& actor) override {
    return SqliteAddUser(db_, user, actor, UtcNow());
  }
  Result<std::optional<User>> FindUser(const std::string& name) override {
    return SqliteFindUser(db_, name);
  }
  Result<std::vector<User>> ListUsers() override { return SqliteListUsers(db_); }
  Status SaveSession(const UserSession& session) override {
    return SqliteSaveSession(db_, session);
  }
  Result<std::optional<std::pair<UserSession, User>>> FindSession(const std::string& token_sha256,
                                                                  const std::string& now) override {
    return SqliteFindSession(db_, token_sha256, now);
  }
  Status DeleteSession(const std::string& token_sha256) override {
    return SqliteDeleteSession(db_, token_sha256);
  }
  Result<int64_t> DeleteExpiredSessions(const std::string& now) override {
    return SqliteDeleteExpiredSessions(db_, now);
  }
  Result<RegisterChange> ApplyReviewDecision(const ReviewDecision& decision,
                                             const std::string& actor) override {
    return SqliteApplyReviewDecision(db_, decision, actor, UtcNow());
  }

  Result<std::vector<std::pair<int64_t, int64_t>>> PersonSources() override {
    return SqlitePersonSources(db_);
  }
  Result<Incident> AddIncident(const Incident& incident) override {
    return SqliteAddIncident(db_, incident, UtcNow());
  }
  Result<std::vector<Incident>> ListIncidents() override { return SqliteListIncidents(db_); }
  Result<BurialSite> AddBurialSite(const BurialSite& site) override {
    return SqliteAddBurialSite(db_, site, UtcNow());
  }
  Result<std::vector<BurialSite>> ListBurialSites() override { return SqliteListBurialSites(db_); }
  Result<Testimony> AddTestimony(const Testimony& testimony) override {
    return SqliteAddTestimony(db_, testimony, UtcNow());
  }
  Result<std::vector<Testimony>> ListTestimonies() override { return SqliteListTestimonies(db_); }
  Status AddLink(const EntityLink& link, const std::string& actor) override {
    return SqliteAddLink(db_, link, actor, UtcNow());
  }
  Result<std::vector<EntityLink>> LinksOf(const std::string& entity, int64_t id) override {
    return SqliteLinksOf(db_, entity, id);
  }
  Result<VerificationDecision> SaveVerificationDecision(
      const VerificationDecision& decision) override {
    return SqliteSaveVerificationDecision(db_, decision, UtcNow());
  }
  Result<std::vector<VerificationDecision>> VerificationDecisions(
      std::optional<int64_t> person_id) override {
    return SqliteVerificationDecisions(db_, person_id);
  }

  Result<StoredRecord> FindRecord(const std::string& record_id) override {
    // "SOURCE:ID" picks one source when ids collide across sources.
    std::string sql = "SELECT " + std::string(kRecordColumns) +
                      " FROM records r JOIN sources s ON s.source_id = r.source_id"
                      " WHERE r.record_id = ?1 OR (s.name || ':' || r.record_id) = ?1"
                      " ORDER BY r.record_pk LIMIT 3";
    RECKON_ASSIGN_OR_RETURN(SqliteStatement query, db_.Prepare(sql));
    query.BindText(1, record_id);
    std::vector<StoredRecord> found;
    while (true) {
      RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
      if (!has_row) break;
      StoredRecord record;
      ReadRecord(query, record);
      found.push_back(std::move(record));
    }
    if (found.empty()) return Status::NotFound("no record with record_id '" + record_id + "'");
    if (found.size() > 1) {
      return Status::InvalidArgument("record_id '" + record_id + "' is used by source '" +
                                     found[0].source + "' and by source '" + found[1].source +
                                     "'; write SOURCE:ID");
    }
    return found.front();
  }

 private:
  Result<std::vector<Source>> QuerySources(const std::optional<std::string>& name) {
    std::string sql =
        "SELECT s.source_id, s.name, s.kind, s.description, p.name, s.created_at, "
        " (SELECT count(*) FROM records r WHERE r.source_id = s.source_id), "
        " (SELECT count(*) FROM imports i WHERE i.source_id = s.source_id) "
        "FROM sources s LEFT JOIN sources p ON p.source_id = s.derived_from";
    if (name) sql += " WHERE s.name = ?1";
    sql += " ORDER BY s.source_id";
    RECKON_ASSIGN_OR_RETURN(SqliteStatement query, db_.Prepare(sql));
    if (name) query.BindText(1, *name);
    std::vector<Source> sources;
    while (true) {
      RECKON_ASSIGN_OR_RETURN(bool has_row, query.Step());
      if (!has_row) break;
      Source s;
      s.id = query.ColumnInt(0);
      s.name = query.ColumnText(1);
      s.kind = ParseSourceKind(query.ColumnText(2)).value_or(SourceKind::kOther);
      s.description = query.ColumnText(3);
      if (!query.ColumnIsNull(4)) s.derived_from = query.ColumnText(4);
      s.created_at = query.ColumnText(5);
      s.record_count = query.ColumnInt(6);
      s.import_count = query.ColumnInt(7);
      sources.push_back(std::move(s));
    }
    return sources;
  }

  static void ReadRecord(const SqliteStatement& q, StoredRecord& r) {
    r.record_pk = q.ColumnInt(0);
    r.import_id = q.ColumnInt(1);
    r.source_id = q.ColumnInt(27);
    r.source = q.ColumnText(2);
    r.row_number = q.ColumnInt(3);
    r.line_number = q.ColumnInt(4);
    RecordFields& f = r.fields;
    f.record_id = q.ColumnText(5);
    r.raw_json = q.ColumnText(6);
    f.full_name = q.ColumnText(7);
    f.given_name = q.ColumnText(8);
    f.father_name = q.ColumnText(9);
    f.grandfather_name = q.ColumnText(10);
    f.family_name = q.ColumnText(11);
    f.mother_name = q.ColumnText(12);
    f.sex = q.ColumnText(13);
    f.age = q.ColumnOptionalInt(14);
    f.age_min = q.ColumnOptionalInt(15);
    f.age_max = q.ColumnOptionalInt(16);
    f.birth_date = q.ColumnText(17);
    f.birth_date_precision = q.ColumnText(18);
    f.death_date = q.ColumnText(19);
    f.death_date_precision = q.ColumnText(20);
    f.locality = q.ColumnText(21);
    f.district = q.ColumnText(22);
    f.governorate = q.ColumnText(23);
    f.cause = q.ColumnText(24);
    f.notes = q.ColumnText(25);
  }

  SqliteDatabase db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode) {
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (mode == OpenMode::kCreateNew && exists) {
    return Status::AlreadyExists("case file " + path + " already exists; refusing to overwrite it");
  }
  RECKON_ASSIGN_OR_RETURN(SqliteDatabase db,
                          SqliteDatabase::Open(path, mode == OpenMode::kCreateNew));
  if (mode == OpenMode::kCreateNew) {
    // 16 KiB pages: bulk imports write and checkpoint a quarter of the pages
    // (and system calls) of the 4 KiB default. Fixed once the file has tables.
    RECKON_RETURN_IF_ERROR(db.Exec("PRAGMA page_size = 16384"));
  }
  // A non-SQLite file fails here with "file is not a database".
  auto journal = db.Exec("PRAGMA journal_mode = WAL");
  if (!journal.ok()) {
    return Status::Corruption(path + " is not a Reckon case file (" + journal.message() + ")");
  }
  // A 64 MiB page cache keeps bulk imports from spilling pages mid-transaction.
  RECKON_RETURN_IF_ERROR(
      db.Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536"));
  RECKON_RETURN_IF_ERROR(MigrateToLatest(db));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db)));
}

}  // namespace reckon
