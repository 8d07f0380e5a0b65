#include "casework/verification.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace reckon {
namespace {

namespace fs = std::filesystem;

// A register of three persons: #1 named by A and B (independent), #2 by A and
// C (C copies A), #3 by A alone.
class VerificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("reckon_verification_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ =
        std::move(OpenSqliteStore((dir_ / "case.reckon").string(), OpenMode::kCreateNew)).value();
    Import({"A", SourceKind::kNgoList, "", std::nullopt}, 3);
    Import({"B", SourceKind::kHospitalMorgue, "", std::nullopt}, 1);
    Import({"C", SourceKind::kMediaMonitoring, "", std::string("A")}, 1);
    LinkRunResult run;
    run.settings_json = run.model_json = run.summary_json = "{}";
    run.assignments = {{1, 1}, {4, 1}, {2, 2}, {5, 2}, {3, 3}};
    run.actor = "linker";
    ASSERT_TRUE(store_->SaveLinkRun(run).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Import(const NewSource& source, int rows) {
    auto created = store_->AddSource(source);
    ASSERT_TRUE(created.ok()) << created.status().message();
    NewImport import;
    import.source_id = created->id;
    import.file_name = source.name + ".csv";
    import.encoding = "UTF-8";
    import.delimiter = "comma";
    import.header_json = "[]";
    import.mapping_json = "{}";
    auto writer = std::move(store_->BeginImport(import)).value();
    for (int row = 1; row <= rows; ++row) {
      NewRecord r;
      r.row_number = row;
      r.line_number = row + 1;
      r.raw_json = "[]";
      r.fields.record_id = source.name + std::to_string(row);
      ASSERT_TRUE(writer->Add(r).ok());
    }
    ASSERT_TRUE(writer->Commit("sha-" + source.name, 1).ok());
  }

  int64_t AddTestimony(const std::string& pseudonym, const std::string& relation) {
    auto witness = store_->AddWitness(
        pseudonym,
        [](int64_t) {
          return Result<SealedIdentity>(SealedIdentity{"n", "c", "l", "r"});
        },
        "lead");
    EXPECT_TRUE(witness.ok());
    Testimony t;
    t.witness_id = *witness;
    t.taken_on = "2025-03-20";
    t.interviewer = "lead";
    t.relation = relation;
    t.created_by = "lead";
    auto added = store_->AddTestimony(t);
    EXPECT_TRUE(added.ok()) << added.status().message();
    return added->testimony_id;
  }

  std::string AddEvidence() {
    Evidence e;
    e.sha256 = std::string(64, 'a');
    e.original_name = "photo.jpg";
    e.size = 10;
    e.acquired_by = "lead";
    e.stored_path = "aa/" + e.sha256;
    EXPECT_TRUE(store_->AddEvidence(e).ok());
    return e.sha256;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(VerificationTest, NamesRoundTrip) {
  for (PersonStatus s :
       {PersonStatus::kReported, PersonStatus::kCorroborated, PersonStatus::kVerified,
        PersonStatus::kDisputed, PersonStatus::kRejected}) {
    EXPECT_EQ(ParsePersonStatus(PersonStatusName(s)), s);
  }
  EXPECT_EQ(PersonStatusName(PersonStatus::kCorroborated), "corroborated");
  EXPECT_FALSE(ParsePersonStatus("confirmed").has_value());
}

TEST_F(VerificationTest, DerivedSourcesDoNotCorroborate) {
  auto all = ComputePersonStatuses(*store_);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].person_id, 1);
  EXPECT_EQ((*all)[0].status, PersonStatus::kCorroborated);
  EXPECT_EQ((*all)[0].sources, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ((*all)[1].status, PersonStatus::kReported);  // C copies A
  EXPECT_EQ((*all)[1].independent_sources, 1);
  EXPECT_EQ((*all)[1].sources, (std::vector<std::string>{"A"}));
  EXPECT_EQ((*all)[2].status, PersonStatus::kReported);
  auto one = PersonStatusOf(*store_, 2);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->computed, PersonStatus::kReported);
  EXPECT_EQ(PersonStatusOf(*store_, 99).status().code(), StatusCode::kNotFound);
}

TEST_F(VerificationTest, VerifiedNeedsEvidenceOrADirectWitness) {
  VerificationRequest request{1, "verified", "lead", "seen in the hospital list and photo", {}, {}};
  auto refused = DecideVerification(*store_, request);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("person #1 cannot be verified"), std::string::npos);

  const int64_t hearsay = AddTestimony("W-Oak", "hearsay");
  request.testimony_ids = {hearsay};
  refused = DecideVerification(*store_, request);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("hearsay"), std::string::npos);

  request.testimony_ids = {AddTestimony("W-Cedar", "eyewitness")};
  auto ok = DecideVerification(*store_, request);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(PersonStatusOf(*store_, 1)->status, PersonStatus::kVerified);

  // Evidence linked to the person is a basis too; a prefix names it.
  const std::string sha = AddEvidence();
  ASSERT_TRUE(store_->AddLink({"evidence", 1, "person", 3}, "lead").ok());
  ASSERT_TRUE(
      DecideVerification(*store_, {3, "verified", "lead", "photo of the body", {}, {}}).ok());
  auto cited =
      DecideVerification(*store_, {2, "verified", "lead", "photo", {sha.substr(0, 8)}, {}});
  ASSERT_TRUE(cited.ok()) << cited.status().message();
  EXPECT_EQ(cited->evidence_sha256, std::vector<std::string>{sha});
}

TEST_F(VerificationTest, RationaleAndKnownIdsAreRequired) {
  EXPECT_EQ(DecideVerification(*store_, {1, "disputed", "lead", "  ", {}, {}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(DecideVerification(*store_, {1, "confirmed", "lead", "x", {}, {}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(DecideVerification(*store_, {42, "rejected", "lead", "x", {}, {}}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(DecideVerification(*store_, {1, "verified", "lead", "x", {"deadbeefdeadbeef"}, {}})
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(DecideVerification(*store_, {1, "verified", "lead", "x", {}, {7}}).status().code(),
            StatusCode::kNotFound);
}

TEST_F(VerificationTest, ClearedReturnsToComputedAndHistoryIsKept) {
  ASSERT_TRUE(DecideVerification(*store_, {1, "disputed", "lead", "ages conflict", {}, {}}).ok());
  EXPECT_EQ(PersonStatusOf(*store_, 1)->status, PersonStatus::kDisputed);
  ASSERT_TRUE(DecideVerification(*store_, {1, "cleared", "lead", "", {}, {}}).ok());
  auto after = PersonStatusOf(*store_, 1);
  EXPECT_EQ(after->status, PersonStatus::kCorroborated);
  ASSERT_TRUE(after->decision.has_value());
  EXPECT_EQ(after->decision->status, "cleared");
  auto history = VerificationHistory(*store_, 1);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].status, "disputed");
  EXPECT_EQ((*history)[0].rationale, "ages conflict");
  EXPECT_EQ((*history)[0].reviewer, "lead");
  EXPECT_FALSE((*history)[0].decided_at.empty());
  // Each decision, the link run and the source changes are in the audit log.
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  int decisions = 0, runs = 0;
  for (const AuditEntry& e : *log) {
    decisions += e.action == "verification.decide";
    runs += e.action == "link.run";
  }
  EXPECT_EQ(decisions, 2);
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace reckon
