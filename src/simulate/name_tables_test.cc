#include "simulate/name_tables.h"

#include <gtest/gtest.h>

#include <set>

#include "common/strings.h"

namespace reckon::simulate {
namespace {

void ExpectWellFormed(const NameTable& table) {
  std::set<std::string> arabic;
  for (size_t name_idx = 0; name_idx < table.size(); ++name_idx) {
    const Name& name = table.at(name_idx);
    EXPECT_TRUE(IsValidUtf8(name.arabic));
    EXPECT_FALSE(name.arabic.empty());
    EXPECT_FALSE(name.latin.empty()) << name.arabic;
    for (const std::string& latin : name.latin) EXPECT_FALSE(latin.empty()) << name.arabic;
    // A name's identity is its Arabic spelling plus the article flag.
    EXPECT_TRUE(arabic.insert(name.arabic + (name.article ? "+" : "")).second) << name.arabic;
  }
}

TEST(NameTablesTest, TablesAreWellFormed) {
  NameTables tables(1.0, 0.8);
  EXPECT_GE(tables.male().size(), 60u);
  EXPECT_GE(tables.female().size(), 30u);
  EXPECT_GE(tables.family().size(), 50u);
  ExpectWellFormed(tables.male());
  ExpectWellFormed(tables.female());
  ExpectWellFormed(tables.family());
  EXPECT_EQ(tables.male().at(0).arabic, "محمد");
  EXPECT_EQ(tables.male().at(0).latin.size(), 5u);
  EXPECT_TRUE(tables.family().at(0).article);  // الأحمد
}

TEST(NameTablesTest, ZipfMakesAFewNamesVeryCommon) {
  NameTables tables(1.0, 0.8);
  const NameTable& male = tables.male();
  EXPECT_GT(male.Probability(0), 5 * male.Probability(20));
  Rng rng(1);
  int mohammad = 0;
  const int n = 20000;
  for (int draw_idx = 0; draw_idx < n; ++draw_idx) mohammad += male.Sample(rng) == 0 ? 1 : 0;
  EXPECT_NEAR(mohammad / static_cast<double>(n), male.Probability(0), 0.01);
  EXPECT_GT(mohammad, n / 10);  // over a tenth of men are called Mohammad
}

TEST(NameTablesTest, CompoundNamesAreSingleEntries) {
  NameTables tables(1.0, 1.0);
  bool found = false;
  for (size_t name_idx = 0; name_idx < tables.male().size(); ++name_idx) {
    const Name& name = tables.male().at(name_idx);
    if (name.arabic == "عبد الرحمن") {
      found = true;
      EXPECT_EQ(name.latin.front(), "Abd al-Rahman");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace reckon::simulate
