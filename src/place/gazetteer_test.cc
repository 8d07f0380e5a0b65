#include "place/gazetteer.h"

#include <gtest/gtest.h>

#include <string>

namespace reckon::place {
namespace {

constexpr std::string_view kHeader =
    "admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode\n";

// The error message of a parse that must fail.
std::string ParseError(std::string_view csv) {
  Result<Gazetteer> gazetteer = Gazetteer::Parse(csv, "g.csv");
  EXPECT_FALSE(gazetteer.ok());
  return gazetteer.ok() ? std::string() : gazetteer.status().message();
}

TEST(GazetteerTest, DefaultGazetteerHasTheCoastalTree) {
  Result<Gazetteer> gazetteer = LoadDefaultGazetteer();
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  EXPECT_EQ(gazetteer->levels(), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(gazetteer->CountAtLevel(kGovernorateLevel), 2u);
  EXPECT_EQ(gazetteer->CountAtLevel(kDistrictLevel), 10u);
  EXPECT_EQ(gazetteer->CountAtLevel(kSubdistrictLevel), 36u);
  EXPECT_EQ(gazetteer->CountAtLevel(kLocalityLevel), 49u);
  const AdminUnit* baniyas = gazetteer->Find("RK-TA-02-01-001");
  ASSERT_NE(baniyas, nullptr);
  EXPECT_EQ(baniyas->name_en, "Baniyas");
  EXPECT_EQ(baniyas->name_ar, "بانياس");
  EXPECT_EQ(baniyas->level, kLocalityLevel);
  EXPECT_EQ(baniyas->parent_pcode, "RK-TA-02-01");
  const AdminUnit* district = gazetteer->AncestorAt(*baniyas, kDistrictLevel);
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->pcode, "RK-TA-02");
  EXPECT_EQ(gazetteer->AncestorAt(*baniyas, kLocalityLevel), baniyas);
  EXPECT_EQ(gazetteer->AncestorAt(*district, kLocalityLevel), nullptr);
  EXPECT_EQ(gazetteer->Find("RK-XX"), nullptr);
  // Parents come before their children.
  EXPECT_EQ(gazetteer->units().front().pcode, "RK-LA");
}

TEST(GazetteerTest, AnySubsetOfLevelsAndExtraColumns) {
  const std::string csv =
      "admin0Name_en,admin0Pcode,admin1Name_en,admin1Pcode,admin3Name_ar,admin3Pcode,notes\n"
      "Syria,SY,Tartus,T,بانياس,T-1,x\n"
      "Syria,SY,Tartus,T,\"صافيتا, المدينة\",T-2,\n";
  Result<Gazetteer> gazetteer = Gazetteer::Parse(csv, "g.csv");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  EXPECT_EQ(gazetteer->levels(), (std::vector<int>{1, 3}));
  ASSERT_EQ(gazetteer->units().size(), 3u);
  EXPECT_EQ(gazetteer->Find("T-2")->name_ar, "صافيتا, المدينة");
  EXPECT_EQ(gazetteer->Find("T-2")->parent_pcode, "T");  // nearest level above
  EXPECT_EQ(gazetteer->Find("SY"), nullptr);             // admin0 is ignored
}

TEST(GazetteerTest, ShapefileColumnNamesBomCrlfAndSemicolons) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "ADM1_EN;ADM1_AR;ADM1_PCODE\r\nLatakia;اللاذقية;L\r\n";
  Result<Gazetteer> gazetteer = Gazetteer::Parse(csv, "g.csv");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  EXPECT_EQ(gazetteer->Find("L")->name_en, "Latakia");
}

TEST(GazetteerTest, HeaderErrorsNameLineOneAndTheColumn) {
  EXPECT_NE(ParseError("name,pcode\nA,1\n").find("g.csv:1: no administrative columns"),
            std::string::npos);
  EXPECT_NE(ParseError("admin1Name_en,admin1Name_ar\nA,B\n")
                .find("g.csv:1: missing column "
                      "admin1Pcode"),
            std::string::npos);
  EXPECT_NE(ParseError("admin1Pcode,x\nA,B\n").find("missing column admin1Name_en or"),
            std::string::npos);
  EXPECT_NE(ParseError("admin1Pcode,admin1Name_en,ADM1_PCODE\nA,B,C\n")
                .find("g.csv:1:3: column admin1Pcode appears twice (also column 1)"),
            std::string::npos);
  EXPECT_NE(ParseError("").find("g.csv: empty file"), std::string::npos);
}

TEST(GazetteerTest, RowErrorsNameLineAndColumn) {
  const std::string header(kHeader);
  EXPECT_NE(ParseError(header + "Latakia,اللاذقية,L,Jableh,جبلة\n").find("g.csv:2: expected 6"),
            std::string::npos);
  EXPECT_NE(ParseError(header + "Latakia,اللاذقية,L,Jableh,,L-2\n")
                .find("g.csv:2:5: admin2 L-2 has an empty Arabic name"),
            std::string::npos);
  EXPECT_NE(ParseError(header + "\nLatakia,اللاذقية,L,Jableh,جبلة,\n")
                .find("g.csv:3:6: admin2 has no P-code"),
            std::string::npos);
  EXPECT_NE(ParseError(header + ",,,Jableh,جبلة,L-2\n")
                .find("g.csv:2:6: admin2 is given but admin1 above it is empty"),
            std::string::npos);
  EXPECT_NE(ParseError(header + ",,,,,\n").find("g.csv:2: the row names no"), std::string::npos);
}

TEST(GazetteerTest, ConflictsNameBothLines) {
  const std::string header(kHeader);
  EXPECT_NE(ParseError(header + "Latakia,اللاذقية,L,Jableh,جبلة,L-2\n" +
                       "Lattakia,اللاذقية,L,Qardaha,القرداحة,L-4\n")
                .find("g.csv:3:1: P-code L is named 'Latakia' on line 2 but 'Lattakia' here"),
            std::string::npos);
  EXPECT_NE(ParseError(header + "Latakia,اللاذقية,L,Jableh,جبلة,L-2\n" +
                       "Tartus,طرطوس,T,Jableh,جبلة,L-2\n")
                .find("g.csv:3:6: P-code L-2 lies in 'L' on line 2 but in 'T' here"),
            std::string::npos);
  EXPECT_NE(ParseError(header + "Latakia,اللاذقية,L,Latakia,اللاذقية,L\n")
                .find("g.csv:2:6: P-code L is admin1 on line 2 but admin2 here"),
            std::string::npos);
  EXPECT_NE(ParseError(header + "Latakia,اللاذقية,L,Jableh,جبلة,L-2\n" +
                       "Latakia,اللاذقية,L,Jableh,جبلة,L-2\n")
                .find("g.csv:3: a second row for P-code L-2 (first on line 2)"),
            std::string::npos);
}

TEST(GazetteerTest, CsvStructureErrorsNameTheFile) {
  const std::string message = ParseError(std::string(kHeader) + "\"Latakia,x,L,J,ج,L-2\n");
  EXPECT_NE(message.find("g.csv: line 2"), std::string::npos) << message;
}

}  // namespace
}  // namespace reckon::place
