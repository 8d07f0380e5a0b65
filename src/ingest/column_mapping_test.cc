#include "ingest/column_mapping.h"

#include <gtest/gtest.h>

namespace reckon {
namespace {

TEST(ColumnMappingTest, CanonicalHeadersNeedNoMapping) {
  auto resolved = ResolveColumns({"record_id", "Full Name", "SEX", "other"}, std::nullopt, "f.csv");
  ASSERT_TRUE(resolved.ok()) << resolved.status().message();
  EXPECT_EQ(resolved->column_of_field[static_cast<size_t>(CanonicalField::kRecordId)], 0u);
  EXPECT_EQ(resolved->column_of_field[static_cast<size_t>(CanonicalField::kFullName)], 1u);
  EXPECT_EQ(resolved->column_of_field[static_cast<size_t>(CanonicalField::kSex)], 2u);
  EXPECT_EQ(resolved->unmapped_columns, (std::vector<std::string>{"other"}));
}

TEST(ColumnMappingTest, ArabicHeadersThroughMapping) {
  auto mapping = ParseColumnMapping(
      "# Arabic list\n"
      "الاسم = full_name\n"
      "اسم الأب = father_name\n"
      "الجنس = sex\n"
      "العمر = age\n"
      "تاريخ الوفاة = death_date\n"
      "المنطقة = district\n"
      "@date_order = mdy\n",
      "ar.map");
  ASSERT_TRUE(mapping.ok()) << mapping.status().message();
  EXPECT_EQ(mapping->date_order, DateOrder::kMonthDayYear);
  auto resolved = ResolveColumns({"الاسم", "اسم الأب", "الجنس", "العمر", "تاريخ الوفاة", "المنطقة"},
                                 *mapping, "ar.csv");
  ASSERT_TRUE(resolved.ok()) << resolved.status().message();
  EXPECT_EQ(resolved->column_of_field[static_cast<size_t>(CanonicalField::kFatherName)], 1u);
  EXPECT_EQ(resolved->column_of_field[static_cast<size_t>(CanonicalField::kDistrict)], 5u);
  EXPECT_TRUE(resolved->unmapped_columns.empty());
  EXPECT_EQ(resolved->date_order, DateOrder::kMonthDayYear);
}

TEST(ColumnMappingTest, MappingErrorsNameFileAndLine) {
  auto bad_field = ParseColumnMapping("a = full_name\nb = nickname\n", "m.map");
  ASSERT_FALSE(bad_field.ok());
  EXPECT_NE(bad_field.status().message().find("m.map, line 2"), std::string::npos);
  EXPECT_NE(bad_field.status().message().find("nickname"), std::string::npos);

  auto no_equals = ParseColumnMapping("just text\n", "m.map");
  ASSERT_FALSE(no_equals.ok());
  EXPECT_NE(no_equals.status().message().find("line 1"), std::string::npos);

  auto twice = ParseColumnMapping("a = full_name\na = notes\n", "m.map");
  EXPECT_FALSE(twice.ok());

  auto bad_setting = ParseColumnMapping("@date_order = dym\n", "m.map");
  EXPECT_FALSE(bad_setting.ok());
}

TEST(ColumnMappingTest, UnknownColumnInMappingIsAnError) {
  auto mapping = ParseColumnMapping("الاسم = full_name\nmissing = age\n", "m.map");
  ASSERT_TRUE(mapping.ok());
  auto resolved = ResolveColumns({"الاسم"}, *mapping, "list.csv");
  ASSERT_FALSE(resolved.ok());
  EXPECT_NE(resolved.status().message().find("m.map, line 2"), std::string::npos);
  EXPECT_NE(resolved.status().message().find("'missing'"), std::string::npos);
}

TEST(ColumnMappingTest, TwoColumnsForOneFieldIsAnError) {
  auto resolved = ResolveColumns({"full_name", "Full Name"}, std::nullopt, "list.csv");
  EXPECT_FALSE(resolved.ok());
  auto mapping = ParseColumnMapping("a = full_name\nb = full_name\n", "m.map");
  ASSERT_TRUE(mapping.ok());
  EXPECT_FALSE(ResolveColumns({"a", "b"}, *mapping, "list.csv").ok());
}

TEST(ColumnMappingTest, MappingOverridesCanonicalHeader) {
  auto mapping = ParseColumnMapping("name_ar = full_name\n", "m.map");
  ASSERT_TRUE(mapping.ok());
  auto resolved = ResolveColumns({"full_name", "name_ar"}, *mapping, "list.csv");
  ASSERT_TRUE(resolved.ok()) << resolved.status().message();
  EXPECT_EQ(resolved->column_of_field[static_cast<size_t>(CanonicalField::kFullName)], 1u);
  EXPECT_EQ(resolved->unmapped_columns, (std::vector<std::string>{"full_name"}));
}

TEST(ColumnMappingTest, NoRecognisedColumnSuggestsMapping) {
  auto resolved = ResolveColumns({"الاسم", "العمر"}, std::nullopt, "ar.csv");
  ASSERT_FALSE(resolved.ok());
  EXPECT_NE(resolved.status().message().find("--mapping"), std::string::npos);
}

}  // namespace
}  // namespace reckon
