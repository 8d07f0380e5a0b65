#include "simulate/gazetteer_data.h"

#include <gtest/gtest.h>

#include <set>

namespace reckon::simulate {
namespace {

constexpr std::string_view kHeader =
    "admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode,"
    "admin3Name_en,admin3Name_ar,admin3Pcode,admin4Name_en,admin4Name_ar,admin4Pcode\n";

TEST(GazetteerTest, EmbeddedGazetteerParsesAndCoversTheCoast) {
  Result<Gazetteer> gazetteer = LoadEmbeddedGazetteer();
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  std::set<std::string> governorates;
  std::set<std::string> districts;
  std::set<std::string> locality_names;
  for (const GazetteerLocality& row : gazetteer->localities()) {
    governorates.insert(row.governorate.name_en);
    districts.insert(row.district.name_en);
    locality_names.insert(row.locality.name_en);
    // Codes nest: a locality's code starts with its subdistrict's, and so on.
    EXPECT_EQ(row.district.pcode.rfind(row.governorate.pcode, 0), 0u) << row.district.pcode;
    EXPECT_EQ(row.subdistrict.pcode.rfind(row.district.pcode, 0), 0u) << row.subdistrict.pcode;
    EXPECT_EQ(row.locality.pcode.rfind(row.subdistrict.pcode, 0), 0u) << row.locality.pcode;
  }
  EXPECT_EQ(governorates, (std::set<std::string>{"Latakia", "Tartus"}));
  EXPECT_EQ(districts.size(), 10u);
  for (const char* place : {"Baniyas", "Jableh", "Latakia", "Tartus", "Qardaha", "Al-Qadmus"}) {
    EXPECT_TRUE(locality_names.count(place)) << place;
  }
  EXPECT_FALSE(gazetteer->Variants("RK-TA-02-01-001").empty());  // Baniyas: Banias, Banyas
  EXPECT_TRUE(gazetteer->Variants("RK-XX").empty());
}

TEST(GazetteerTest, RejectsWrongHeader) {
  Result<Gazetteer> gazetteer = Gazetteer::Parse("name,pcode\nA,1\n", "pcode,variant\n");
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_NE(gazetteer.status().message().find("coastal.csv:1"), std::string::npos);
}

TEST(GazetteerTest, RejectsShortRowWithLineNumber) {
  const std::string csv = std::string(kHeader) + "G,غ,RK-G,D,د,RK-G-01,S,س,RK-G-01-01,L,ل\n";
  Result<Gazetteer> gazetteer = Gazetteer::Parse(csv, "pcode,variant\n");
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_NE(gazetteer.status().message().find("coastal.csv:2"), std::string::npos);
}

TEST(GazetteerTest, RejectsVariantOfUnknownPcode) {
  const std::string csv =
      std::string(kHeader) + "G,غ,RK-G,D,د,RK-G-01,S,س,RK-G-01-01,L,ل,RK-G-01-01-001\n";
  Result<Gazetteer> gazetteer = Gazetteer::Parse(csv, "pcode,variant\nRK-Z,Zed\n");
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_NE(gazetteer.status().message().find("variants.csv:2"), std::string::npos);
  Result<Gazetteer> good = Gazetteer::Parse(csv, "pcode,variant\r\nRK-G-01,Dee\r\n");
  ASSERT_TRUE(good.ok()) << good.status().message();
  EXPECT_EQ(good->Variants("RK-G-01"), std::vector<std::string>{"Dee"});
}

TEST(GazetteerTest, RejectsDuplicateLocalityAndConflictingNames) {
  const std::string row = "G,غ,RK-G,D,د,RK-G-01,S,س,RK-G-01-01,L,ل,RK-G-01-01-001\n";
  EXPECT_FALSE(Gazetteer::Parse(std::string(kHeader) + row + row, "pcode,variant\n").ok());
  const std::string other = "G,غ,RK-G,E,د,RK-G-01,S,س,RK-G-01-01,M,م,RK-G-01-01-002\n";
  EXPECT_FALSE(Gazetteer::Parse(std::string(kHeader) + row + other, "pcode,variant\n").ok());
}

}  // namespace
}  // namespace reckon::simulate
