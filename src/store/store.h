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
};

}  // namespace reckon
