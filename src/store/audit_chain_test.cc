#include "store/audit_chain.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace reckon {
namespace {

// Builds a case with five audited changes (two evidence files, each with its
// acquired event, and one transfer) and edits it behind Reckon's back.
class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("reckon_audit_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "case.reckon").string();
    auto store = OpenSqliteStore(path_, OpenMode::kCreateNew);
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (const char* digest : {"aa", "bb"}) {
      Evidence e;
      e.sha256 = std::string(32, digest[0]) + std::string(32, digest[1]);
      e.original_name = std::string(digest) + ".jpg";
      e.size = 3;
      e.acquired_by = "investigator";
      e.acquired_from = "a \"quoted\" source";
      e.stored_path = e.sha256.substr(0, 2) + "/" + e.sha256;
      auto added = (*store)->AddEvidence(e);
      ASSERT_TRUE(added.ok()) << added.status().message();
    }
    CustodyEvent transfer;
    transfer.evidence_id = 1;
    transfer.event_type = "transferred";
    transfer.actor = "courier";
    transfer.details = "to the archive";
    ASSERT_TRUE((*store)->AddCustodyEvent(transfer).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  AuditChainReport Verify() {
    auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
    EXPECT_TRUE(store.ok());
    auto log = (*store)->AuditLog();
    EXPECT_TRUE(log.ok());
    return VerifyAuditChain(*log);
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(AuditChainTest, IntactChainVerifies) {
  AuditChainReport report = Verify();
  EXPECT_EQ(report.entries, 5);
  EXPECT_FALSE(report.first_broken_seq.has_value()) << report.problem;
  EXPECT_EQ(report.head_hash.size(), 64u);
}

TEST_F(AuditChainTest, EveryChangeIsLoggedWithItsAction) {
  auto store = OpenSqliteStore(path_, OpenMode::kOpenExisting);
  ASSERT_TRUE(store.ok());
  auto log = (*store)->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 5u);
  EXPECT_EQ((*log)[0].action, "evidence.add");
  EXPECT_EQ((*log)[1].action, "custody.acquired");
  EXPECT_EQ((*log)[4].action, "custody.transferred");
  EXPECT_EQ((*log)[0].prev_hash, kAuditGenesisHash);
  EXPECT_EQ((*log)[1].prev_hash, (*log)[0].hash);
}

TEST_F(AuditChainTest, DetectsAnEditedEntry) {
  Sql("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
  AuditChainReport report = Verify();
  ASSERT_TRUE(report.first_broken_seq.has_value());
  EXPECT_EQ(*report.first_broken_seq, 3);
  EXPECT_NE(report.problem.find("altered"), std::string::npos);
}

TEST_F(AuditChainTest, DetectsADeletedEntry) {
  Sql("DELETE FROM audit_log WHERE seq = 2");
  AuditChainReport report = Verify();
  ASSERT_TRUE(report.first_broken_seq.has_value());
  EXPECT_EQ(*report.first_broken_seq, 2);
  EXPECT_NE(report.problem.find("missing"), std::string::npos);
}

TEST_F(AuditChainTest, DetectsADeletedAndRenumberedEntry) {
  Sql("DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 WHERE seq > 2");
  AuditChainReport report = Verify();
  ASSERT_TRUE(report.first_broken_seq.has_value());
  EXPECT_EQ(*report.first_broken_seq, 2);
}

TEST_F(AuditChainTest, DetectsASwappedPair) {
  // Exchange the contents of entries 3 and 4, keeping their sequence numbers.
  Sql("UPDATE audit_log SET seq = -3 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; "
      "UPDATE audit_log SET seq = 4 WHERE seq = -3");
  AuditChainReport report = Verify();
  ASSERT_TRUE(report.first_broken_seq.has_value());
  EXPECT_EQ(*report.first_broken_seq, 3);
}

TEST(AuditDetailsJsonTest, Escapes) {
  EXPECT_EQ(AuditDetailsJson({{"a", "x\"y\\z\n"}, {"b", ""}}), R"({"a":"x\"y\\z\n","b":""})");
}

TEST(CanonicalAuditEntryTest, FieldBoundariesAreUnambiguous) {
  AuditEntry a;
  a.actor = "ab";
  a.action = "c";
  AuditEntry b;
  b.actor = "a";
  b.action = "bc";
  EXPECT_NE(CanonicalAuditEntry(a), CanonicalAuditEntry(b));
}

}  // namespace
}  // namespace reckon
