#include "text/name_chain.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

class NameChainTest : public ::testing::Test {
 protected:
  NameChain Parse(std::string_view name, NameOrder order = NameOrder::kAuto) {
    Result<NameChain> chain = ParseChain(table_, name, order);
    EXPECT_TRUE(chain.ok()) << chain.status().message();
    return chain.ok() ? *chain : NameChain{};
  }
  std::string Folded(TokenId id) { return id == kNoToken ? "-" : table_.Info(id).analysis.folded; }
  std::string Positions(const NameChain& c) {
    return Folded(c.given) + "|" + Folded(c.father) + "|" + Folded(c.grandfather) + "|" +
           Folded(c.family);
  }
  TokenTable table_;
};

TEST_F(NameChainTest, PositionsByLength) {
  EXPECT_EQ(Positions(Parse("محمد")), "محمد|-|-|-");
  EXPECT_EQ(Positions(Parse("محمد الخطيب")), "محمد|-|-|الخطيب");
  EXPECT_EQ(Positions(Parse("محمد أحمد الخطيب")), "محمد|احمد|-|الخطيب");
  EXPECT_EQ(Positions(Parse("محمد أحمد علي الخطيب")), "محمد|احمد|علي|الخطيب");
  const NameChain five = Parse("Rami Ali Hassan Omar Nasser");
  EXPECT_EQ(Positions(five), "rami|ali|hassan|nasser");
  ASSERT_EQ(five.extra.size(), 1u);
}

TEST_F(NameChainTest, CompoundsStayWhole) {
  EXPECT_EQ(Positions(Parse("عبد الرحمن محمد الخطيب")), "عبدالرحمن|محمد|-|الخطيب");
  EXPECT_EQ(Positions(Parse("Abdul Rahman Nour al Din Khatib")), "abdulrahman|nouraldin|-|khatib");
  EXPECT_EQ(Positions(Parse("فتح الله علي")), "فتحالله|-|-|علي");
  EXPECT_EQ(Positions(Parse("محمد ال خطيب")), "محمد|-|-|الخطيب");
}

TEST_F(NameChainTest, ConnectorsAndPatronymicChains) {
  const NameChain c = Parse("علي بن حسين بن محمد");
  EXPECT_EQ(Positions(c), "علي|حسين|محمد|-");
  EXPECT_TRUE(c.has(kChainNoFamily));
  EXPECT_TRUE(c.has(kChainConnector));
  EXPECT_EQ(Positions(Parse("Ahmad bin Ali Khatib")), "ahmad|ali|-|khatib");
}

TEST_F(NameChainTest, KunyaIsAnAlias) {
  const NameChain c = Parse("أبو علي الخطيب");
  EXPECT_EQ(Folded(c.kunya), "ابوعلي");
  EXPECT_EQ(Positions(c), "الخطيب|-|-|-");
  const NameChain d = Parse("Mohammad (Abu Ali) Khatib");
  EXPECT_EQ(Positions(d), "mohammad|-|-|khatib");
  EXPECT_TRUE(d.has(kChainKunya));
  const NameChain family = Parse("أحمد محمد أبو زيد");
  EXPECT_EQ(Positions(family), "احمد|محمد|-|ابوزيد");
  EXPECT_EQ(family.kunya, kNoToken);
}

TEST_F(NameChainTest, Placeholders) {
  const NameChain c = Parse("ابن أحمد الخطيب");
  EXPECT_TRUE(c.has(kChainPlaceholder));
  EXPECT_EQ(c.given, kNoToken);
  ASSERT_EQ(c.parent.size(), 2u);
  EXPECT_TRUE(Parse("son of Fatima").has(kChainPlaceholder));
  EXPECT_TRUE(Parse("ابنة فاطمة").has(kChainFemale));
  EXPECT_TRUE(Parse("طفل").has(kChainPlaceholder));
  EXPECT_TRUE(Parse("Unknown").has(kChainUnknown));
}

TEST_F(NameChainTest, OrderDetection) {
  const NameChain comma = Parse("Nasser, Rami Ali");
  EXPECT_EQ(comma.order, NameOrder::kFamilyFirst);
  EXPECT_EQ(Positions(comma), "rami|ali|-|nasser");
  EXPECT_EQ(Positions(Parse("Al Hassan, Rami")), "rami|-|-|alhassan");
  EXPECT_EQ(Positions(Parse("NASSER Rami Ali")), "rami|ali|-|nasser");
  EXPECT_EQ(Positions(Parse("Rami Ali NASSER")), "rami|ali|-|nasser");
  EXPECT_EQ(Positions(Parse("الخطيب محمد أحمد")), "محمد|احمد|-|الخطيب");
  EXPECT_EQ(Positions(Parse("Khatib Mohammad Ahmad", NameOrder::kFamilyFirst)),
            "mohammad|ahmad|-|khatib");
}

TEST_F(NameChainTest, SeparateFields) {
  Result<NameChain> c = ChainFromFields(table_, {"عبد الله", "محمد", "", "الخطيب"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(Positions(*c), "عبدالله|محمد|-|الخطيب");
}

// Regression: a kunya whose son's name is itself a compound (أبو عبد الله)
// read as أبو and a family name; and a kunya in the given-name field was
// taken for the given name, so the person was his own brother.
TEST_F(NameChainTest, AKunyaOfACompoundNameAndAKunyaInTheGivenField) {
  EXPECT_EQ(Folded(Parse("أبو عبد الله").kunya), "ابوعبدالله");
  EXPECT_EQ(Folded(Parse("Abu Abd al-Latif").kunya), "abuabdallatif");
  Result<NameChain> c = ChainFromFields(table_, {"أبو عبد الله", "أنس", "حيدر", "الحسن"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(Positions(*c), "-|انس|حيدر|الحسن");
  EXPECT_EQ(Folded(c->kunya), "ابوعبدالله");
  EXPECT_TRUE(c->has(kChainKunya));
}

TEST_F(NameChainTest, InvalidUtf8) {
  Result<NameChain> c = ParseChain(table_, "Ali \xFF");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace reckon::text
