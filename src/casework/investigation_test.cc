// Incidents, burial sites, testimony and links through the casework modules
// and the SQLite store.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "casework/burial_sites.h"
#include "casework/incidents.h"
#include "casework/iso_date.h"
#include "casework/person_file.h"
#include "casework/testimony.h"
#include "store/sqlite_store.h"

namespace reckon {
namespace {

namespace fs = std::filesystem;

TEST(IsoDateTest, AcceptsPrefixesAndRejectsTheRest) {
  for (const char* ok : {"", "2025", "2025-03", "2025-03-08", "2024-02-29"}) {
    EXPECT_TRUE(CheckIsoDate("x", "date", ok).ok()) << ok;
  }
  for (const char* bad : {"25", "2025-3-8", "2025-13", "2025-02-29", "08/03/2025", "2025-03-08T"}) {
    Status s = CheckIsoDate("incident 'T'", "start date", bad);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find("incident 'T': start date"), std::string::npos);
  }
}

// One person (#1, two records of source A) in the register.
class InvestigationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("reckon_investigation_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ =
        std::move(OpenSqliteStore((dir_ / "case.reckon").string(), OpenMode::kCreateNew)).value();
    auto source = store_->AddSource({"A", SourceKind::kNgoList, "", std::nullopt}).value();
    NewImport import;
    import.source_id = source.id;
    import.file_name = "a.csv";
    import.encoding = "UTF-8";
    import.delimiter = "comma";
    import.header_json = "[]";
    import.mapping_json = "{}";
    auto writer = std::move(store_->BeginImport(import)).value();
    for (int row = 1; row <= 2; ++row) {
      NewRecord r;
      r.row_number = row;
      r.line_number = row + 1;
      r.raw_json = "[]";
      r.fields.record_id = "A" + std::to_string(row);
      ASSERT_TRUE(writer->Add(r).ok());
    }
    ASSERT_TRUE(writer->Commit("h", 1).ok());
    LinkRunResult run;
    run.settings_json = run.model_json = run.summary_json = "{}";
    run.assignments = {{1, 1}, {2, 1}};
    ASSERT_TRUE(store_->SaveLinkRun(run).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  size_t AuditCount() { return store_->AuditLog().value().size(); }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(InvestigationTest, IncidentsAreCheckedLinkedAndAudited) {
  Incident incident;
  incident.title = " Baniyas ";
  incident.incident_type = "mass_killing";
  incident.start_date = "2025-03-08";
  incident.end_date = "2025-03";  // same month: not before the start
  incident.created_by = "lead";
  auto added = RecordIncident(*store_, incident);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->title, "Baniyas");
  incident.end_date = "2025-02-28";
  EXPECT_EQ(RecordIncident(*store_, incident).status().code(), StatusCode::kInvalidArgument);
  incident.end_date.clear();
  incident.incident_type = "massacre";
  EXPECT_NE(RecordIncident(*store_, incident).status().message().find("unknown type 'massacre'"),
            std::string::npos);
  incident.incident_type = "killing";
  incident.perpetrator = "group";
  EXPECT_EQ(RecordIncident(*store_, incident).status().code(), StatusCode::kInvalidArgument);

  const size_t before = AuditCount();
  ASSERT_TRUE(store_->AddLink({"incident", added->incident_id, "person", 1}, "lead").ok());
  EXPECT_EQ(store_->AddLink({"incident", added->incident_id, "person", 1}, "lead").code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->AddLink({"incident", added->incident_id, "person", 2}, "lead").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->AddLink({"incident", 9, "person", 1}, "lead").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->AddLink({"person", 1, "incident", 1}, "lead").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AuditCount(), before + 1);  // only the link that was made
  auto file = IncidentFileOf(*store_, added->incident_id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->person_ids, std::vector<int64_t>{1});
  EXPECT_EQ(FindIncident(*store_, 9).status().code(), StatusCode::kNotFound);
}

TEST_F(InvestigationTest, BurialSiteLocationStaysOutOfTheAuditLog) {
  BurialSite site;
  site.name = "Field";
  site.site_kind = "mass_grave";
  site.status = "located";
  site.location = "GridRef-77";
  site.latitude = 35.1;
  site.longitude = 35.9;
  site.created_by = "lead";
  auto added = RecordBurialSite(*store_, site);
  ASSERT_TRUE(added.ok()) << added.status().message();
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  for (const AuditEntry& e : *log) {
    EXPECT_EQ(e.details_json.find("GridRef"), std::string::npos);
  }
  auto found = FindBurialSite(*store_, added->burial_site_id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->latitude, 35.1);
  site.longitude.reset();
  EXPECT_EQ(RecordBurialSite(*store_, site).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(InvestigationTest, TestimonyWithLinksIsOneTransaction) {
  auto witness = store_->AddWitness(
      "W-Oak",
      [](int64_t) {
        return Result<SealedIdentity>(SealedIdentity{"n", "c", "l", "r"});
      },
      "lead");
  ASSERT_TRUE(witness.ok());
  EXPECT_EQ(ResolveWitness(*store_, "W-Oak").value(), *witness);
  EXPECT_EQ(ResolveWitness(*store_, "#1").value(), *witness);
  EXPECT_EQ(ResolveWitness(*store_, "W-Elm").status().code(), StatusCode::kNotFound);

  Testimony t;
  t.witness_id = *witness;
  t.taken_on = "2025-03-20";
  t.interviewer = "lead";
  t.relation = "relative";
  t.created_by = "lead";
  t.person_ids = {1, 5};  // 5 is not in the register
  const size_t before = AuditCount();
  EXPECT_EQ(RecordTestimony(*store_, t).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->ListTestimonies().value().empty());
  EXPECT_EQ(AuditCount(), before);
  t.person_ids = {1};
  auto added = RecordTestimony(*store_, t);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->witness_pseudonym, "W-Oak");
  auto read = FindTestimony(*store_, added->testimony_id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->person_ids, std::vector<int64_t>{1});

  auto file = PersonFileOf(*store_, 1);
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->records.size(), 2u);
  ASSERT_EQ(file->testimonies.size(), 1u);
  EXPECT_EQ(file->testimonies[0].witness_pseudonym, "W-Oak");
  EXPECT_EQ(PersonFileOf(*store_, 2).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace reckon
