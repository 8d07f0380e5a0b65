#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/schema.h"

namespace reckon {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("reckon_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "case.reckon").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> Create() {
    auto store = OpenSqliteStore(path_, OpenMode::kCreateNew);
    EXPECT_TRUE(store.ok()) << store.status().message();
    return std::move(store).value();
  }

  static NewRecord MakeRecord(int64_t row, const std::string& name) {
    NewRecord r;
    r.row_number = row;
    r.line_number = row + 1;
    r.raw_json = "[\"" + name + "\"]";
    r.fields.record_id = "R" + std::to_string(row);
    r.fields.full_name = name;
    return r;
  }

  static NewImport MakeImport(int64_t source_id) {
    NewImport import;
    import.source_id = source_id;
    import.file_name = "a.csv";
    import.encoding = "UTF-8";
    import.delimiter = "comma";
    import.header_json = "[]";
    import.mapping_json = "{}";
    return import;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, InitCreatesLatestSchemaAndRefusesOverwrite) {
  auto store = Create();
  EXPECT_EQ(store->SchemaVersion().value(), LatestSchemaVersion());
  store.reset();
  auto again = OpenSqliteStore(path_, OpenMode::kCreateNew);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
}

TEST_F(SqliteStoreTest, MissingCaseFileIsNotFound) {
  auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_NE(store.status().message().find(path_), std::string::npos);
}

TEST_F(SqliteStoreTest, NewerSchemaIsRefusedWithClearMessage) {
  Create().reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(store.status().message().find("99"), std::string::npos);
}

TEST_F(SqliteStoreTest, OlderSchemaIsMigratedOnOpen) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const std::string v1 = std::string(SchemaMigrations()[0]) +
                         "PRAGMA application_id = " + std::to_string(kCaseFileApplicationId) +
                         "; PRAGMA user_version = 1;";
  ASSERT_EQ(sqlite3_exec(db, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->SchemaVersion().value(), LatestSchemaVersion());
  EXPECT_TRUE((*store)->PersonAssignments().ok());
}

TEST_F(SqliteStoreTest, LinkRunsKeepDecisionsAndReplaceAssignments) {
  auto store = Create();
  auto source = store->AddSource({"A", SourceKind::kNgoList, "", std::nullopt}).value();
  auto writer = store->BeginImport(MakeImport(source.id)).value();
  for (int row = 1; row <= 3; ++row) ASSERT_TRUE(writer->Add(MakeRecord(row, "x")).ok());
  ASSERT_TRUE(writer->Commit("h", 1).ok());
  writer.reset();
  LinkRunResult run;
  run.settings_json = run.model_json = run.summary_json = "{}";
  run.assignments = {{1, 1}, {2, 1}, {3, 2}};
  run.review_pairs = {{1, 3, 0.5, 0.4}};
  ASSERT_TRUE(store->SaveLinkRun(run).ok());
  ASSERT_TRUE(store->SaveReviewDecision({1, 3, false, "reviewer", "", ""}).ok());
  run.assignments = {{1, 1}, {2, 3}, {3, 2}};
  run.review_pairs.clear();
  ASSERT_TRUE(store->SaveLinkRun(run).ok());
  EXPECT_EQ(store->PersonAssignments().value(),
            (std::vector<std::pair<int64_t, int64_t>>{{1, 1}, {2, 3}, {3, 2}}));
  EXPECT_TRUE(store->ReviewPairs().value().empty());
  ASSERT_EQ(store->ReviewDecisions().value().size(), 1u);
  EXPECT_FALSE(store->ReviewDecisions().value()[0].match);
  ASSERT_TRUE(store->SaveReviewDecision({1, 3, true, "second", "", ""}).ok());
  EXPECT_TRUE(store->ReviewDecisions().value()[0].match);
  EXPECT_EQ(store->FindRecord("R2").value().record_pk, 2);
  EXPECT_EQ(store->FindRecord("A:R2").value().record_pk, 2);
  EXPECT_EQ(store->FindRecord("nope").status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, ForeignSqliteDatabaseIsRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
}

TEST_F(SqliteStoreTest, TextFileIsNotACaseFile) {
  std::ofstream(path_) << "this is not a database, just some text that is long enough\n";
  auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a Reckon case file"), std::string::npos);
}

TEST_F(SqliteStoreTest, SourcesWithDerivation) {
  auto store = Create();
  ASSERT_TRUE(store->AddSource({"SNHR", SourceKind::kNgoList, "network list", std::nullopt}).ok());
  auto derived = store->AddSource({"Copy", SourceKind::kMediaMonitoring, "", "SNHR"});
  ASSERT_TRUE(derived.ok()) << derived.status().message();
  EXPECT_EQ(derived->derived_from, "SNHR");
  auto dup = store->AddSource({"SNHR", SourceKind::kOther, "", std::nullopt});
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  auto orphan = store->AddSource({"X", SourceKind::kOther, "", "Nobody"});
  EXPECT_EQ(orphan.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->ListSources().value().size(), 2u);
}

TEST_F(SqliteStoreTest, UncommittedImportRollsBack) {
  auto store = Create();
  auto source = store->AddSource({"A", SourceKind::kNgoList, "", std::nullopt}).value();
  {
    auto writer = store->BeginImport(MakeImport(source.id));
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    ASSERT_TRUE((*writer)->Add(MakeRecord(1, "x")).ok());
  }
  EXPECT_EQ(store->Stats().value().records, 0);
  EXPECT_EQ(store->Stats().value().imports, 0);
}

TEST_F(SqliteStoreTest, CommittedImportIsScannedWithFlags) {
  auto store = Create();
  auto source = store->AddSource({"A", SourceKind::kNgoList, "", std::nullopt}).value();
  auto writer = store->BeginImport(MakeImport(source.id)).value();
  NewRecord r = MakeRecord(1, "محمد");
  r.fields.age = 30;
  r.flags.push_back({"sex", "?", "unrecognised sex"});
  ASSERT_TRUE(writer->Add(r).ok());
  ASSERT_TRUE(writer->Add(MakeRecord(2, "Ali")).ok());
  ASSERT_TRUE(writer->Commit("abc", 10).ok());
  EXPECT_EQ(store->FindImports(source.id, "abc").value().size(), 1u);
  std::vector<StoredRecord> seen;
  ASSERT_TRUE(store
                  ->ScanRecords({},
                                [&](const StoredRecord& rec) {
                                  seen.push_back(rec);
                                  return Status::Ok();
                                })
                  .ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].fields.full_name, "محمد");
  EXPECT_EQ(seen[0].fields.age, 30);
  ASSERT_EQ(seen[0].flags.size(), 1u);
  EXPECT_EQ(seen[0].flags[0].field, "sex");
  EXPECT_TRUE(seen[1].flags.empty());
  RecordFilter fields_only;
  fields_only.with_raw_and_flags = false;
  ASSERT_TRUE(store
                  ->ScanRecords(fields_only,
                                [&](const StoredRecord& rec) {
                                  EXPECT_TRUE(rec.raw_json.empty());
                                  EXPECT_TRUE(rec.flags.empty());
                                  EXPECT_FALSE(rec.fields.full_name.empty());
                                  return Status::Ok();
                                })
                  .ok());
  auto stats = store->Stats().value();
  EXPECT_EQ(stats.records, 2);
  EXPECT_EQ(stats.by_source[0].flagged_records, 1);
}

}  // namespace
}  // namespace reckon
