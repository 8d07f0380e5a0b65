#include "simulate/record_renderer.h"

#include <gtest/gtest.h>

#include "common/strings.h"
#include "simulate/civil_date.h"
#include "simulate/profiles.h"

namespace reckon::simulate {
namespace {

class RecordRendererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Gazetteer> loaded = LoadEmbeddedGazetteer();
    ASSERT_TRUE(loaded.ok());
    gazetteer_ = std::move(loaded).value();
    config_ = ProfileDefaults(Profile::kClean, 2);
    for (ListSpec& list : config_.lists) {
      list.noise = NoiseRates{};
      list.missing = MissingRates{};
      list.arabic_digits = 0.0;
    }
    // Mohammad son of Ali son of Hasan, al-Ahmad; mother Fatima; Baniyas.
    person_.given = 0;
    person_.father = 1;
    person_.grandfather = 3;
    person_.family = 0;
    person_.mother = 0;
    person_.age = 34;
    person_.death_day = *ParseIsoDay("2025-03-08");
    for (size_t idx = 0; idx < gazetteer_.localities().size(); ++idx) {
      if (gazetteer_.localities()[idx].locality.name_en == "Baniyas") {
        person_.locality = static_cast<uint16_t>(idx);
      }
    }
  }

  std::vector<std::string> Cells(size_t list_idx, const NoisyRecord& record) {
    RecordRenderer renderer(config_, gazetteer_, names_);
    std::vector<std::string> cells;
    renderer.Format(list_idx, 1, 0, record, cells);
    return cells;
  }

  Gazetteer gazetteer_;
  NameTables names_{1.0, 0.8};
  SimulateConfig config_;
  Person person_;
};

TEST_F(RecordRendererTest, ColumnsAreACanonicalSubsetInOrder) {
  const std::vector<std::string> canonical = {
      "record_id",   "full_name",   "given_name", "father_name", "grandfather_name", "family_name",
      "mother_name", "sex",         "age",        "birth_date",  "death_date",       "locality",
      "district",    "governorate", "cause",      "notes"};
  for (Profile profile : {Profile::kClean, Profile::kRealistic, Profile::kHard}) {
    for (const ListSpec& list : ProfileDefaults(profile, 5).lists) {
      const std::vector<std::string> columns = RecordRenderer::Columns(list);
      size_t next = 0;
      for (const std::string& column : columns) {
        while (next < canonical.size() && canonical[next] != column) ++next;
        ASSERT_LT(next, canonical.size()) << column << " out of order";
      }
      EXPECT_EQ(columns.front(), "record_id");
    }
  }
}

TEST_F(RecordRendererTest, NoiselessArabicRecordIsCanonical) {
  RecordRenderer renderer(config_, gazetteer_, names_);
  const NoisyRecord record = renderer.Render(0, 1, person_, 0);
  EXPECT_FALSE(record.latin);
  EXPECT_EQ(record.full_name, "محمد علي حسن الأحمد");
  EXPECT_EQ(record.given, renderer.CanonicalGiven(person_, false));
  EXPECT_EQ(record.family, renderer.CanonicalFamily(0, false));
  EXPECT_EQ(record.age, 34);
  EXPECT_EQ(record.locality, "بانياس");
  EXPECT_EQ(record.governorate, "طرطوس");
  const std::vector<std::string> cells = Cells(0, record);
  EXPECT_EQ(cells.size(), RecordRenderer::Columns(config_.lists[0]).size() - 1);
  EXPECT_EQ(cells[0], "محمد");
  EXPECT_EQ(cells[2], "حسن");  // grandfather
  EXPECT_EQ(cells[3], "الأحمد");
  EXPECT_EQ(cells[4], "فاطمة");
  EXPECT_EQ(cells[5], "M");
  EXPECT_EQ(cells[6], "34");
  EXPECT_EQ(cells[7], "2025-03-08");
}

TEST_F(RecordRendererTest, LatinFullNameBandsAndDayMonthYear) {
  ListSpec& list = config_.lists[1];
  list.script = Script::kLatin;
  list.name_format = NameFormat::kFullName;
  list.mother_name = false;
  list.age_format = AgeFormat::kBand;
  list.date_format = DateFormat::kDayMonthYear;
  list.sex_format = SexFormat::kEnglish;
  list.place_level = PlaceLevel::kDistrict;
  RecordRenderer renderer(config_, gazetteer_, names_);
  const NoisyRecord record = renderer.Render(1, 1, person_, 0);
  const std::vector<std::string> cells = Cells(1, record);
  const std::vector<std::string> columns = RecordRenderer::Columns(list);
  ASSERT_EQ(cells.size(), columns.size() - 1);
  EXPECT_EQ(columns[1], "full_name");
  EXPECT_EQ(cells[0], "Mohammad Ali Hasan al-Ahmad");
  EXPECT_EQ(cells[1], "male");
  EXPECT_EQ(cells[2], "30-39");
  EXPECT_EQ(cells[3], "08/03/2025");
  EXPECT_EQ(cells[4], "Baniyas");  // district
}

TEST_F(RecordRendererTest, WordsArabicDigitsAndMonthOnly) {
  ListSpec& list = config_.lists[0];
  list.age_format = AgeFormat::kWords;
  list.arabic_digits = 1.0;
  list.noise.date_month_only = 1.0;
  Person child = person_;
  child.age = 9;
  RecordRenderer renderer(config_, gazetteer_, names_);
  const std::vector<std::string> cells = Cells(0, renderer.Render(0, 1, child, 0));
  EXPECT_EQ(cells[6], "طفل");
  EXPECT_EQ(cells[7], "٢٠٢٥-٠٣");
}

TEST_F(RecordRendererTest, NoiseChangesNamesButKeepsThemValid) {
  for (ListSpec& list : config_.lists)
    list.noise = ProfileDefaults(Profile::kHard, 1).lists[0].noise;
  config_.lists[1].script = Script::kLatin;
  RecordRenderer renderer(config_, gazetteer_, names_);
  int changed = 0;
  for (uint32_t person_idx = 0; person_idx < 500; ++person_idx) {
    for (size_t list_idx = 0; list_idx < 2; ++list_idx) {
      const NoisyRecord record = renderer.Render(list_idx, person_idx, person_, 0);
      ASSERT_TRUE(IsValidUtf8(record.full_name));
      const std::string canonical =
          list_idx == 0 ? "محمد علي حسن الأحمد" : "Mohammad Ali Hasan al-Ahmad";
      changed += record.full_name != canonical ? 1 : 0;
    }
  }
  EXPECT_GT(changed, 500);
}

TEST_F(RecordRendererTest, SameKeySameRecordDuplicateDiffers) {
  for (ListSpec& list : config_.lists)
    list.noise = ProfileDefaults(Profile::kHard, 1).lists[0].noise;
  RecordRenderer renderer(config_, gazetteer_, names_);
  int duplicates_differ = 0;
  for (uint32_t person_idx = 0; person_idx < 200; ++person_idx) {
    const NoisyRecord a = renderer.Render(0, person_idx, person_, 0);
    const NoisyRecord b = renderer.Render(0, person_idx, person_, 0);
    const NoisyRecord duplicate = renderer.Render(0, person_idx, person_, 1);
    ASSERT_EQ(a.full_name, b.full_name);
    ASSERT_EQ(a.age, b.age);
    duplicates_differ += a.full_name != duplicate.full_name ? 1 : 0;
  }
  EXPECT_GT(duplicates_differ, 50);
}

}  // namespace
}  // namespace reckon::simulate
