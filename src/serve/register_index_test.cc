#include "serve/register_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "store/sqlite_store.h"

namespace reckon::serve {
namespace {

// A case with two sources, four persons, and the register a linker would save.
class RegisterIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("reckon_register_index_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "case.reckon").string(), OpenMode::kCreateNew);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    Import("ngo", {{"أحمد محمد الخطيب", "M", 34, "بانياس"},
                   {"فاطمة حسن", "F", 12, "Baniyas"},
                   {"علي يوسف", "M", 40, "Jableh"}});
    Import("hospital",
           {{"Ahmad Mohammed al-Khatib", "M", 34, "Baniyas"}, {"احمد علي", "M", 22, "Tartus"}});
    // record_pk in import order: 1..3 ngo, 4..5 hospital.
    LinkRunResult run;
    run.settings_json = "{}";
    run.model_json = "{}";
    run.summary_json = "{}";
    run.assignments = {{1, 1}, {4, 1}, {2, 2}, {3, 3}, {5, 4}};
    ASSERT_TRUE(store_->SaveLinkRun(run).ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  struct Row {
    std::string name;
    std::string sex;
    int age;
    std::string place;
  };
  void Import(const std::string& source, const std::vector<Row>& rows) {
    NewImport import;
    import.new_source = NewSource{source, SourceKind::kNgoList, "", std::nullopt};
    import.file_name = source + ".csv";
    import.encoding = "UTF-8";
    import.delimiter = "comma";
    import.header_json = "[]";
    import.mapping_json = "{}";
    auto writer = store_->BeginImport(import);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    int64_t row_number = 0;
    for (const Row& row : rows) {
      NewRecord r;
      r.row_number = ++row_number;
      r.line_number = row_number + 1;
      r.raw_json = "[]";
      r.fields.record_id = source + std::to_string(row_number);
      r.fields.full_name = row.name;
      r.fields.sex = row.sex;
      r.fields.age = r.fields.age_min = r.fields.age_max = row.age;
      r.fields.death_date = "2025-03-0" + std::to_string(row_number + 5);
      r.fields.locality = row.place;
      ASSERT_TRUE((*writer)->Add(r).ok());
    }
    ASSERT_TRUE(
        (*writer)->Commit(std::string(64, 'a' + static_cast<char>(source.size())), 10).ok());
  }

  std::vector<int64_t> Find(const RegisterIndex& index, PersonQuery query) {
    auto page = index.Search(query);
    EXPECT_TRUE(page.ok()) << page.status().message();
    std::vector<int64_t> ids;
    if (!page.ok()) return ids;
    for (const PersonEntry* p : page->persons) ids.push_back(p->person_id);
    return ids;
  }
  std::vector<int64_t> FindName(const RegisterIndex& index, const std::string& q) {
    PersonQuery query;
    query.q = q;
    return Find(index, query);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(RegisterIndexTest, GroupsRecordsIntoPersonsWithStatus) {
  auto index = RegisterIndex::Build(*store_, 1);
  ASSERT_TRUE(index.ok()) << index.status().message();
  auto snap = (*index)->Snapshot();
  ASSERT_EQ(snap->persons.size(), 4u);
  const PersonEntry* ahmad = snap->FindPerson(1);
  ASSERT_NE(ahmad, nullptr);
  EXPECT_EQ(ahmad->records.size(), 2u);
  EXPECT_EQ(ahmad->names.size(), 2u);
  EXPECT_EQ(ahmad->status, "corroborated");
  EXPECT_EQ(snap->FindPerson(3)->status, "reported");
  EXPECT_TRUE(snap->FindPerson(2)->minor);
  EXPECT_FALSE(ahmad->minor);
}

TEST_F(RegisterIndexTest, SearchFoldsArabicAndCrossesScripts) {
  auto index = RegisterIndex::Build(*store_, 1);
  ASSERT_TRUE(index.ok());
  // احمد (no hamza) finds أحمد (person 1, also spelled Ahmad) and احمد (person 4).
  EXPECT_EQ(FindName(**index, "احمد"), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(FindName(**index, "أحمد"), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(FindName(**index, "Ahmad"), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(FindName(**index, "ahmed"), (std::vector<int64_t>{1, 4}));
  // Every token must match.
  EXPECT_EQ(FindName(**index, "احمد الخطيب"), (std::vector<int64_t>{1}));
  EXPECT_EQ(FindName(**index, "Fatima"), (std::vector<int64_t>{2}));
  EXPECT_TRUE(FindName(**index, "Zainab").empty());
}

TEST_F(RegisterIndexTest, FiltersAndPages) {
  auto index = RegisterIndex::Build(*store_, 1);
  ASSERT_TRUE(index.ok());
  PersonQuery by_place;
  by_place.place = "baniyas";
  EXPECT_EQ(Find(**index, by_place), (std::vector<int64_t>{1, 2}));
  PersonQuery by_source;
  by_source.source = "hospital";
  EXPECT_EQ(Find(**index, by_source), (std::vector<int64_t>{1, 4}));
  PersonQuery published;
  published.published_only = true;
  EXPECT_EQ(Find(**index, published), (std::vector<int64_t>{1}));
  PersonQuery page;
  page.page = 2;
  page.page_size = 3;
  auto found = (*index)->Search(page);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->total, 4);
  ASSERT_EQ(found->persons.size(), 1u);
  EXPECT_EQ(found->persons[0]->person_id, 4);
}

TEST_F(RegisterIndexTest, ReviewDecisionsChangeTheRegisterAtOnce) {
  auto index = RegisterIndex::Build(*store_, 1);
  ASSERT_TRUE(index.ok());
  // Merge persons 3 and 4 (records 3 and 5): the lower id survives.
  auto merged = store_->ApplyReviewDecision({3, 5, true, "inv", "", ""}, "inv");
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->person_kept, 3);
  EXPECT_EQ(merged->person_removed, 4);
  ASSERT_TRUE((*index)->Regroup(*store_).ok());
  EXPECT_EQ((*index)->Snapshot()->FindPerson(3)->records.size(), 2u);
  EXPECT_EQ((*index)->Snapshot()->FindPerson(4), nullptr);
  // Split record 4 off person 1 into a new person above the highest id.
  auto split = store_->ApplyReviewDecision({1, 4, false, "inv", "", ""}, "inv");
  ASSERT_TRUE(split.ok()) << split.status().message();
  EXPECT_EQ(split->person_created, 5);
  ASSERT_TRUE((*index)->Regroup(*store_).ok());
  EXPECT_EQ((*index)->Snapshot()->FindPerson(1)->records.size(), 1u);
  EXPECT_EQ((*index)->Snapshot()->FindPerson(5)->records.size(), 1u);
  auto decisions = store_->ReviewDecisions();
  ASSERT_TRUE(decisions.ok());
  EXPECT_EQ(decisions->size(), 2u);
  auto audit = store_->AuditLog();
  ASSERT_TRUE(audit.ok());
  auto count = [&](const std::string& action) {
    return std::count_if(audit->begin(), audit->end(),
                         [&](const AuditEntry& e) { return e.action == action; });
  };
  EXPECT_EQ(count("review.decide"), 2);
  EXPECT_EQ(count("register.apply_review"), 2);
}

TEST_F(RegisterIndexTest, AccountsAndSessionsInTheStore) {
  User user;
  user.name = "amira";
  user.role = "investigator";
  user.password_hash = "$argon2id$...";
  auto id = store_->AddUser(user, "admin");
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(store_->AddUser(user, "admin").status().code(), StatusCode::kAlreadyExists);
  ASSERT_TRUE(
      store_->SaveSession({"hash1", *id, "csrf", "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z"})
          .ok());
  auto live = store_->FindSession("hash1", "2025-01-01T12:00:00Z");
  ASSERT_TRUE(live.ok() && live->has_value());
  EXPECT_EQ((*live)->second.name, "amira");
  auto expired = store_->FindSession("hash1", "2025-01-02T00:00:01Z");
  ASSERT_TRUE(expired.ok());
  EXPECT_FALSE(expired->has_value());
  auto removed = store_->DeleteExpiredSessions("2025-01-03T00:00:00Z");
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 1);
  auto audit = store_->AuditLog();
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->back().action, "user.add");
  EXPECT_EQ(audit->back().details_json.find("argon2"), std::string::npos);
}

}  // namespace
}  // namespace reckon::serve
