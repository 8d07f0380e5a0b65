#include "text/name_variants.h"

#include <gtest/gtest.h>

#include "text/token_analysis.h"

namespace reckon::text {
namespace {

std::vector<VariantGroupId> Groups(std::string_view spelling) {
  Result<TokenAnalysis> a = AnalyzeToken(spelling);
  EXPECT_TRUE(a.ok());
  const auto span = VariantTable::Default().Lookup(a->script, a->lookup);
  return {span.begin(), span.end()};
}

TEST(NameVariantsTest, TableIsLargeEnough) {
  EXPECT_GE(VariantTable::Default().group_count(), 200u);
  EXPECT_GE(VariantTable::Default().spelling_count(), 600u);
}

TEST(NameVariantsTest, SpellingsShareAGroup) {
  const auto muhammad = Groups("محمد");
  ASSERT_EQ(muhammad.size(), 1u);
  for (const char* s : {"Mohammad", "Muhammad", "Mohamed", "Mohammed", "Mouhamad", "مُحَمَّد"}) {
    EXPECT_EQ(Groups(s), muhammad) << s;
  }
  EXPECT_EQ(Groups("Abdul Rahman"), Groups("عبدالرحمن"));
  EXPECT_EQ(Groups("Noureddine"), Groups("نور الدين"));
}

TEST(NameVariantsTest, DifferentNamesDifferentGroups) {
  EXPECT_NE(Groups("Hassan"), Groups("Hussein"));
  EXPECT_NE(Groups("محمد"), Groups("محمود"));
  EXPECT_TRUE(Groups("Rareunknownname").empty());
  EXPECT_EQ(VariantTable::Default().Label(Groups("Mohammed").front()), "محمد / Mohammad");
}

}  // namespace
}  // namespace reckon::text
