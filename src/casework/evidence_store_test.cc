#include "casework/evidence_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/sqlite_store.h"

namespace reckon {
namespace {

namespace fs = std::filesystem;

class EvidenceStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("reckon_evidence_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    case_path_ = (dir_ / "case.reckon").string();
    store_ = std::move(OpenSqliteStore(case_path_, OpenMode::kCreateNew)).value();
  }
  void TearDown() override {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(dir_, ec)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(dir_, ec);
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
  }

  Result<Evidence> Add(const std::string& path) {
    EvidenceFile file;
    file.path = path;
    file.acquired_by = "investigator";
    file.acquired_from = "a family member";
    return AddEvidenceFile(*store_, case_path_, file);
  }

  fs::path dir_;
  std::string case_path_;
  std::unique_ptr<Store> store_;
};

TEST_F(EvidenceStoreTest, CopiesByteForByteUnderItsHash) {
  const std::string bytes("\x00\xff photo bytes \r\n", 17);
  auto added = Add(Write("photo.jpg", bytes));
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->media_type, "image/jpeg");
  EXPECT_EQ(added->size, 17);
  EXPECT_EQ(added->original_name, "photo.jpg");
  EXPECT_EQ(added->stored_path, added->sha256.substr(0, 2) + "/" + added->sha256);
  std::ifstream in(EvidenceDirectory(case_path_) + "/" + added->stored_path, std::ios::binary);
  std::string copy((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(copy, bytes);
  auto events = store_->CustodyEvents(added->evidence_id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].event_type, "acquired");
  EXPECT_EQ((*events)[0].actor, "investigator");
}

TEST_F(EvidenceStoreTest, RefusesDuplicates) {
  ASSERT_TRUE(Add(Write("a.jpg", "same")).ok());
  auto again = Add(Write("b.png", "same"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("evidence #1"), std::string::npos);
  EXPECT_EQ(store_->ListEvidence()->size(), 1u);
}

TEST_F(EvidenceStoreTest, VerifyDetectsModifiedAndMissingFiles) {
  auto first = Add(Write("one.txt", "first"));
  auto second = Add(Write("two.txt", "second"));
  auto third = Add(Write("three.txt", "third"));
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  auto intact = VerifyEvidenceStore(*store_, case_path_);
  ASSERT_TRUE(intact.ok());
  for (const EvidenceCheck& check : *intact) {
    EXPECT_EQ(check.state, EvidenceCheck::State::kIntact);
  }
  const fs::path evidence_dir(EvidenceDirectory(case_path_));
  const fs::path modified = evidence_dir / first->stored_path;
  fs::permissions(modified, fs::perms::owner_write, fs::perm_options::add);
  {
    std::ofstream out(modified, std::ios::binary | std::ios::app);
    out << "!";
  }
  fs::remove(evidence_dir / second->stored_path);
  auto checks = VerifyEvidenceStore(*store_, case_path_);
  ASSERT_TRUE(checks.ok());
  ASSERT_EQ(checks->size(), 3u);
  EXPECT_EQ((*checks)[0].state, EvidenceCheck::State::kModified);
  EXPECT_NE((*checks)[0].actual_sha256, first->sha256);
  EXPECT_EQ((*checks)[1].state, EvidenceCheck::State::kMissing);
  EXPECT_EQ((*checks)[2].state, EvidenceCheck::State::kIntact);
}

TEST_F(EvidenceStoreTest, MissingInputIsNamed) {
  auto missing = Add((dir_ / "nope.jpg").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nope.jpg"), std::string::npos);
}

}  // namespace
}  // namespace reckon
