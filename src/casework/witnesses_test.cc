#include "casework/witnesses.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/sqlite_store.h"

namespace reckon {
namespace {

namespace fs = std::filesystem;

KeySource Pass(const char* text) { return std::move(KeySource::FromPassphrase(text)).value(); }

class WitnessesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("reckon_witness_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "case.reckon").string();
    store_ = std::move(OpenSqliteStore(path_, OpenMode::kCreateNew)).value();
    ASSERT_TRUE(InitCaseKey(*store_, Pass("first"), KdfLimits::TestOnlyMinimum(), "lead").ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {(std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()};
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(WitnessesTest, IdentityIsSealedAndOpensWithTheKey) {
  CaseKey key = std::move(OpenCaseKey(*store_, Pass("first"))).value();
  auto id = AddProtectedWitness(*store_, key, "W-Cedar",
                                {"Rania Qassab", "+963 999", "Jableh", "detained once"}, "lead");
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto hidden = ListProtectedWitnesses(*store_, nullptr, "lead");
  ASSERT_TRUE(hidden.ok());
  ASSERT_EQ(hidden->size(), 1u);
  EXPECT_EQ((*hidden)[0].pseudonym, "W-Cedar");
  EXPECT_FALSE((*hidden)[0].identity.has_value());
  auto shown = ListProtectedWitnesses(*store_, &key, "lead");
  ASSERT_TRUE(shown.ok());
  ASSERT_TRUE((*shown)[0].identity.has_value());
  EXPECT_EQ((*shown)[0].identity->name, "Rania Qassab");
  EXPECT_EQ((*shown)[0].identity->risk, "detained once");
  store_.reset();  // close, checkpointing the WAL into the file
  EXPECT_EQ(FileBytes(path_).find("Rania"), std::string::npos);
  EXPECT_NE(FileBytes(path_).find("W-Cedar"), std::string::npos);
}

TEST_F(WitnessesTest, WrongKeyIsAClearErrorAndChangesNothing) {
  auto wrong = OpenCaseKey(*store_, Pass("second"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message(), "the key does not open this case");
  auto before = store_->LoadCaseKey();
  auto change =
      ChangeCaseKey(*store_, Pass("second"), Pass("third"), KdfLimits::TestOnlyMinimum(), "lead");
  EXPECT_FALSE(change.ok());
  auto after = store_->LoadCaseKey();
  ASSERT_TRUE(before.ok() && after.ok() && *before && *after);
  EXPECT_EQ((*before)->wrapped, (*after)->wrapped);
  EXPECT_EQ(store_->AuditLog()->size(), 1u);  // only the key's creation
}

TEST_F(WitnessesTest, PassphraseChangeKeepsWitnessesReadable) {
  {
    CaseKey key = std::move(OpenCaseKey(*store_, Pass("first"))).value();
    ASSERT_TRUE(AddProtectedWitness(*store_, key, "W-1", {"Name One", "", "", ""}, "lead").ok());
  }
  auto witnesses_before = store_->ListWitnesses();
  ASSERT_TRUE(
      ChangeCaseKey(*store_, Pass("first"), Pass("second"), KdfLimits::TestOnlyMinimum(), "lead")
          .ok());
  EXPECT_FALSE(OpenCaseKey(*store_, Pass("first")).ok());
  CaseKey key = std::move(OpenCaseKey(*store_, Pass("second"))).value();
  auto shown = ListProtectedWitnesses(*store_, &key, "lead");
  ASSERT_TRUE(shown.ok()) << shown.status().message();
  EXPECT_EQ((*shown)[0].identity->name, "Name One");
  // Only the wrapped key changed: the sealed fields are the same bytes.
  EXPECT_EQ((*witnesses_before)[0].sealed.name, (*store_->ListWitnesses())[0].sealed.name);
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back().action, "witness.reveal");
  EXPECT_EQ((*log)[log->size() - 2].action, "case_key.change");
}

TEST_F(WitnessesTest, SealedFieldsCannotBeSwappedBetweenWitnesses) {
  CaseKey key = std::move(OpenCaseKey(*store_, Pass("first"))).value();
  ASSERT_TRUE(AddProtectedWitness(*store_, key, "W-A", {"Alpha", "", "", ""}, "lead").ok());
  ASSERT_TRUE(AddProtectedWitness(*store_, key, "W-B", {"Bravo", "", "", ""}, "lead").ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE witnesses SET name_sealed = (SELECT name_sealed FROM witnesses "
                         "WHERE witness_id = 1) WHERE witness_id = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto shown = ListProtectedWitnesses(*store_, &key, "lead");
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.status().code(), StatusCode::kCorruption);
  EXPECT_NE(shown.status().message().find("W-B"), std::string::npos);
  EXPECT_EQ(shown.status().message().find("Alpha"), std::string::npos);
}

TEST_F(WitnessesTest, AuditNeverHoldsIdentities) {
  CaseKey key = std::move(OpenCaseKey(*store_, Pass("first"))).value();
  ASSERT_TRUE(AddProtectedWitness(*store_, key, "W-Oak",
                                  {"Hidden Name", "contact-x", "place-y", "z"}, "lead")
                  .ok());
  EXPECT_FALSE(AddProtectedWitness(*store_, key, "W-Oak", {"Other", "", "", ""}, "lead").ok());
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[1].action, "witness.add");
  EXPECT_NE((*log)[1].details_json.find("W-Oak"), std::string::npos);
  for (const AuditEntry& entry : *log) {
    EXPECT_EQ(entry.details_json.find("Hidden"), std::string::npos);
    EXPECT_EQ(entry.details_json.find("contact-x"), std::string::npos);
  }
  EXPECT_FALSE(InitCaseKey(*store_, Pass("x"), KdfLimits::TestOnlyMinimum(), "lead").ok());
}

}  // namespace
}  // namespace reckon
