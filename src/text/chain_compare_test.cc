#include "text/chain_compare.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

class ChainCompareTest : public ::testing::Test {
 protected:
  ChainComparison Compare(std::string_view a, std::string_view b) {
    Result<NameChain> ca = ParseChain(table_, a);
    Result<NameChain> cb = ParseChain(table_, b);
    EXPECT_TRUE(ca.ok() && cb.ok());
    return CompareChains(table_, *ca, *cb);
  }
  TokenTable table_;
};

TEST_F(ChainCompareTest, SamePersonAcrossScripts) {
  const ChainComparison c = Compare("محمد أحمد الخطيب", "Mohammed Ahmad al-Khatib");
  EXPECT_EQ(c.relation, ChainRelation::kSamePerson);
  EXPECT_TRUE(c.matches());
  EXPECT_GT(c.score, 0.9);
}

TEST_F(ChainCompareTest, GrandfatherOmitted) {
  const ChainComparison c = Compare("محمد أحمد علي الخطيب", "محمد أحمد الخطيب");
  EXPECT_EQ(c.relation, ChainRelation::kSamePerson);
  EXPECT_EQ(c.positions[2].agreement, Agreement::kMissing);
}

TEST_F(ChainCompareTest, FatherOmittedIsADroppedAlignment) {
  const ChainComparison c = Compare("محمد أحمد علي الخطيب", "محمد علي الخطيب");
  EXPECT_EQ(c.relation, ChainRelation::kSamePerson);
  EXPECT_EQ(c.alignment, AlignmentKind::kDropped);
}

// Regression: "Abu Lohai" in place of the given name read as the father of
// the man the other list names in full.
TEST_F(ChainCompareTest, AKunyaInPlaceOfTheGivenNameIsNotAParent) {
  const ChainComparison c = Compare("Abu Lohai Mohammad Issa Zaidan", "سامر محمد عيسى زيدان");
  EXPECT_EQ(c.relation, ChainRelation::kInsufficient);
  EXPECT_EQ(c.alignment, AlignmentKind::kShifted);
  EXPECT_EQ(c.positions[0].agreement, Agreement::kMissing);
  EXPECT_EQ(c.positions[1].agreement, Agreement::kAgree);
  // "Abu Ali" next to Ali, son of the same father, is Ali's father.
  const ChainComparison father = Compare("أبو علي محمد عيسى زيدان", "علي محمد عيسى زيدان");
  EXPECT_EQ(father.relation, ChainRelation::kChildParent);
}

// Regression: a kunya whose shifted chain explains the other record was
// read as a brother's given name first (Oum Ali Mohammed Muhammad Mohammad / سمر
// محمد محمد: the kunya's parsed given name is her father's).
TEST_F(ChainCompareTest, AKunyaReadingComesBeforeBrothers) {
  const ChainComparison c = Compare("Oum Ali Mohammed Muhammad Mohammad", "سمر محمد محمد");
  EXPECT_EQ(c.relation, ChainRelation::kInsufficient);
  EXPECT_EQ(c.alignment, AlignmentKind::kShifted);
}

TEST_F(ChainCompareTest, Brothers) {
  const ChainComparison c = Compare("حسن علي محمود الخطيب", "حسين علي محمود الخطيب");
  EXPECT_EQ(c.relation, ChainRelation::kSiblings);
  EXPECT_EQ(c.positions[0].agreement, Agreement::kDisagree);
  EXPECT_EQ(c.positions[1].agreement, Agreement::kAgree);
  EXPECT_FALSE(c.matches());
  EXPECT_LE(c.score, 0.6);
}

// Regression: two misspellings of one given name (حسيت / حسبن for حسين)
// made one man his own brother, so his records could never merge.
TEST_F(ChainCompareTest, LookAlikeSpellingsWeDoNotKnowAreNotBrothers) {
  const ChainComparison c = Compare("حسيت علي محمد خير", "حسبن علي محمد الخير");
  EXPECT_NE(c.relation, ChainRelation::kSiblings);
  // Unknown spellings that do not look alike still are.
  EXPECT_EQ(Compare("زهير علي محمد خير", "قتيبة علي محمد الخير").relation,
            ChainRelation::kSiblings);
}

TEST_F(ChainCompareTest, FatherAndSon) {
  const ChainComparison c = Compare("Ali Hassan Mahmoud Khatib", "Hassan Mahmoud Khatib");
  EXPECT_EQ(c.relation, ChainRelation::kParentChild);
  EXPECT_EQ(Compare("Hassan Mahmoud Khatib", "Ali Hassan Khatib").relation,
            ChainRelation::kChildParent);
}

TEST_F(ChainCompareTest, DifferentFamily) {
  EXPECT_EQ(Compare("Ali Hassan Khatib", "Ali Hassan Haddad").relation, ChainRelation::kDifferent);
}

TEST_F(ChainCompareTest, PlaceholdersAreInsufficient) {
  const ChainComparison c = Compare("ابن أحمد الخطيب", "son of Ahmad al-Khatib");
  EXPECT_EQ(c.relation, ChainRelation::kInsufficient);
  EXPECT_EQ(c.alignment_note, "both unnamed children of the same parent");
}

TEST_F(ChainCompareTest, MergedTokens) {
  const ChainComparison c = Compare("Mohammad Ali Hassan", "MohammadAli Hassan");
  EXPECT_EQ(c.relation, ChainRelation::kSamePerson);
  EXPECT_EQ(c.alignment, AlignmentKind::kMerged);
}

}  // namespace
}  // namespace reckon::text
