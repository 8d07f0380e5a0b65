#include "report/case_figures.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace reckon::report {
namespace {

// A small case: two sources (one derived), five records, four persons.
class CaseFiguresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("reckon_figures_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "case.reckon").string(), OpenMode::kCreateNew);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Imports `records` into a new source; returns their record_pks.
  std::vector<int64_t> Import(const std::string& source, std::optional<std::string> derived,
                              const std::vector<RecordFields>& records) {
    NewImport import;
    import.new_source = NewSource{source, SourceKind::kNgoList, "", derived};
    import.file_name = source + ".csv";
    import.encoding = "UTF-8";
    import.delimiter = "comma";
    import.header_json = "[]";
    import.mapping_json = "{}";
    auto writer = store_->BeginImport(import);
    EXPECT_TRUE(writer.ok()) << writer.status().message();
    int64_t row = 0;
    for (const RecordFields& fields : records) {
      NewRecord r;
      r.row_number = ++row;
      r.line_number = row + 1;
      r.raw_json = "[]";
      r.fields = fields;
      r.fields.record_id = source + "-" + std::to_string(row);
      EXPECT_TRUE((*writer)->Add(r).ok());
    }
    EXPECT_TRUE((*writer)->Commit(source, 1).ok());
    std::vector<int64_t> pks;
    RecordFilter filter;
    filter.source = source;
    EXPECT_TRUE(store_
                    ->ScanRecords(filter,
                                  [&](const StoredRecord& r) {
                                    pks.push_back(r.record_pk);
                                    return Status::Ok();
                                  })
                    .ok());
    return pks;
  }

  static RecordFields Person(std::string name, std::string sex, std::optional<int> age,
                             std::string date, std::string governorate) {
    RecordFields f;
    f.full_name = std::move(name);
    f.sex = std::move(sex);
    f.age = age;
    if (age) f.age_min = f.age_max = age;
    f.death_date = std::move(date);
    f.death_date_precision = f.death_date.size() == 10 ? "day" : "";
    f.governorate = std::move(governorate);
    return f;
  }

  void BuildCase() {
    auto a = Import("ngo", std::nullopt,
                    {Person("أحمد علي", "M", 34, "2025-03-07", "اللاذقية"),
                     Person("Ahmad Ali", "M", 34, "2025-03-07", "Latakia"),
                     Person("Sara Khalil", "F", 9, "2025-03-08", "Latakia")});
    auto b = Import("copy", std::string("ngo"),
                    {Person("أحمد علي", "M", 35, "2025-03-07", "اللاذقية"),
                     Person("Omar Hassan", "", std::nullopt, "2025-03", "")});
    LinkRunResult run;
    run.settings_json = run.model_json = run.summary_json = "{}";
    run.assignments = {{a[0], 1}, {a[1], 1}, {b[0], 1}, {a[2], 2}, {b[1], 3}};
    ASSERT_TRUE(store_->SaveLinkRun(run).ok());
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

int64_t CountOf(const std::vector<ValueCount>& counts, const std::string& value) {
  for (const ValueCount& c : counts) {
    if (c.value == value) return c.persons;
  }
  return -1;
}

TEST_F(CaseFiguresTest, BeforeLinkingOnlyRecordsAndSources) {
  Import("ngo", std::nullopt, {Person("X", "M", 1, "", "")});
  auto figures = ComputeCaseFigures(*store_);
  ASSERT_TRUE(figures.ok()) << figures.status().message();
  EXPECT_EQ(figures->records_received, 1);
  EXPECT_FALSE(figures->link_run_id.has_value());
  EXPECT_EQ(figures->unique_persons, 0);
  EXPECT_TRUE(figures->overlap.empty());
}

TEST_F(CaseFiguresTest, CountsPersonsOnceWithTheirMostCommonValues) {
  BuildCase();
  auto figures = ComputeCaseFigures(*store_);
  ASSERT_TRUE(figures.ok()) << figures.status().message();
  const CaseFigures& f = *figures;
  EXPECT_EQ(f.records_received, 5);
  ASSERT_EQ(f.sources.size(), 2u);
  EXPECT_TRUE(f.sources[0].independent);
  EXPECT_FALSE(f.sources[1].independent);
  EXPECT_EQ(f.unique_persons, 3);
  EXPECT_EQ(f.records_linked, 5);
  EXPECT_EQ(CountOf(f.by_sex, "M"), 1);
  EXPECT_EQ(CountOf(f.by_sex, "F"), 1);
  EXPECT_EQ(CountOf(f.by_sex, "unknown"), 1);
  // Person 1: two records say 34, one 35.
  EXPECT_EQ(CountOf(f.by_age_group, "30-44"), 1);
  EXPECT_EQ(CountOf(f.by_age_group, "5-9"), 1);
  EXPECT_EQ(CountOf(f.by_age_group, "unknown"), 1);
  EXPECT_EQ(f.minors, 1);
  // Places resolve through the gazetteer: اللاذقية and Latakia are one governorate.
  EXPECT_EQ(CountOf(f.by_governorate, "Latakia"), 2);
  EXPECT_EQ(f.by_governorate.back().value, "unknown");
  EXPECT_EQ(CountOf(f.by_death_date, "2025-03-07"), 1);
  EXPECT_EQ(CountOf(f.by_death_date, "unknown"), 1);  // month precision only
  // Overlap: {ngo,copy} 1, {ngo} 1, {copy} 1.
  ASSERT_EQ(f.overlap.size(), 3u);
  int64_t total = 0;
  for (const SourceCombination& c : f.overlap) total += c.persons;
  EXPECT_EQ(total, 3);
  for (const auto* breakdown :
       {&f.by_sex, &f.by_age_group, &f.by_death_date, &f.by_governorate, &f.by_district}) {
    int64_t sum = 0;
    for (const ValueCount& c : *breakdown) sum += c.persons;
    EXPECT_EQ(sum, f.unique_persons);
  }
}

TEST_F(CaseFiguresTest, PersonSummariesPickNamesPerScript) {
  BuildCase();
  auto persons = SummarisePersons(*store_);
  ASSERT_TRUE(persons.ok());
  ASSERT_EQ(persons->size(), 3u);
  const PersonSummary& p = (*persons)[0];
  EXPECT_EQ(p.person_id, 1);
  EXPECT_EQ(p.name_arabic, "أحمد علي");
  EXPECT_EQ(p.name_latin, "Ahmad Ali");
  EXPECT_EQ(p.age, 34);
  EXPECT_EQ(p.sources, (std::vector<std::string>{"ngo", "copy"}));
  EXPECT_TRUE((*persons)[1].minor);
  EXPECT_FALSE(p.minor);
}

TEST_F(CaseFiguresTest, JsonHasTheDocumentedFields) {
  BuildCase();
  auto figures = ComputeCaseFigures(*store_);
  ASSERT_TRUE(figures.ok());
  const auto j = CaseFiguresJson(*figures);
  EXPECT_EQ(j["unique_persons"], 3);
  EXPECT_EQ(j["records_received"], 5);
  EXPECT_EQ(j["sources"][1]["derived_from"], "ngo");
  EXPECT_EQ(j["sources"][1]["independent"], false);
  EXPECT_EQ(j["by_age_group"].size(), AgeGroups().size());
  EXPECT_TRUE(j.contains("overlap"));
}

TEST(AgeGroupTest, GroupsExactAgesAndNarrowBands) {
  EXPECT_EQ(AgeGroupOf(0, 0, 0), "0-4");
  EXPECT_EQ(AgeGroupOf(17, 17, 17), "15-17");
  EXPECT_EQ(AgeGroupOf(18, 18, 18), "18-29");
  EXPECT_EQ(AgeGroupOf(90, 90, 90), "60+");
  EXPECT_EQ(AgeGroupOf(std::nullopt, 30, 39), "30-44");
  EXPECT_EQ(AgeGroupOf(std::nullopt, 25, 34), "unknown");
  EXPECT_EQ(AgeGroupOf(std::nullopt, 60, std::nullopt), "60+");
  EXPECT_EQ(AgeGroupOf(std::nullopt, 18, std::nullopt), "unknown");
  EXPECT_EQ(AgeGroupOf(std::nullopt, std::nullopt, std::nullopt), "unknown");
}

}  // namespace
}  // namespace reckon::report
