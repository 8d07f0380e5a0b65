#include "link/blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

namespace reckon::link {
namespace {

// One place table for every record these tests build, as for one link run.
PlaceIds& PlaceIdsOfTheTests() {
  static PlaceIds ids;
  return ids;
}

LinkRecord Make(text::TokenTable& tokens, const std::string& name, int day) {
  StoredRecord stored;
  stored.fields.full_name = name;
  stored.fields.death_date = "2025-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
  stored.fields.death_date_precision = "day";
  return BuildLinkRecord(stored, 0, tokens, nullptr, PlaceIdsOfTheTests()).value();
}

// A record from a list with name columns (no guessed name order).
LinkRecord MakeChain(text::TokenTable& tokens, std::array<std::string, 4> names, int day) {
  StoredRecord stored;
  stored.fields.given_name = names[0];
  stored.fields.father_name = names[1];
  stored.fields.grandfather_name = names[2];
  stored.fields.family_name = names[3];
  if (day > 0) {
    stored.fields.death_date = "2025-03-0" + std::to_string(day);
    stored.fields.death_date_precision = "day";
  }
  return BuildLinkRecord(stored, 0, tokens, nullptr, PlaceIdsOfTheTests()).value();
}

bool HasPair(const BlockingResult& result, uint32_t a, uint32_t b) {
  return std::binary_search(result.pairs.begin(), result.pairs.end(), MakePair(a, b));
}

TEST(BlockingTest, CrossScriptNamesShareBlocksAndPairsAreUnique) {
  text::TokenTable tokens;
  std::vector<LinkRecord> records = {
      Make(tokens, "محمد علي حسن الخطيب", 8),
      Make(tokens, "Mohammed Ali Hasan al-Khatib", 8),
      Make(tokens, "يوسف كامل شاهين", 10),
  };
  const auto result = BlockPairs(records, tokens, {});
  EXPECT_TRUE(HasPair(result, 0, 1));
  EXPECT_FALSE(HasPair(result, 0, 2));
  EXPECT_TRUE(std::is_sorted(result.pairs.begin(), result.pairs.end()));
  EXPECT_EQ(std::adjacent_find(result.pairs.begin(), result.pairs.end()), result.pairs.end());
  uint64_t reported = 0;
  for (const auto& rule : result.rules) reported += rule.pairs;
  EXPECT_GE(reported, result.pairs.size());  // found by several rules, kept once
}

TEST(BlockingTest, LargeBlocksUseSortedNeighbourhood) {
  text::TokenTable tokens;
  std::vector<LinkRecord> records;
  for (int i = 0; i < 500; ++i) records.push_back(Make(tokens, "محمد أحمد", 1 + i % 28));
  BlockingSettings settings;
  settings.max_block = 100;
  settings.window = 10;
  const auto result = BlockPairs(records, tokens, settings);
  EXPECT_LT(result.pairs.size(), 500u * 499u / 2u);
  EXPECT_LE(result.pairs.size(), 500u * 10u * 2u);
  EXPECT_GE(result.rules[0].large_blocks, 1u);
  EXPECT_EQ(result.rules[0].largest_block, 500u);
}

// Regression: a Latin list writing the family name first, and a kunya in
// place of the given name, kept these pairs from ever being compared.
TEST(BlockingTest, FamilyFirstAndKunyaReadingsAreBlockedWithTheFullName) {
  text::TokenTable tokens;
  std::vector<LinkRecord> records = {
      Make(tokens, "فاطمة نبيل رياض درويش", 8),
      Make(tokens, "Darwish Fatima Nabil Riad", 8),
      Make(tokens, "سامر محمد عيسى زيدان", 7),
      Make(tokens, "Abu Lohai Mohammad Issa Zaidan", 7),
  };
  const auto result = BlockPairs(records, tokens, {});
  EXPECT_TRUE(HasPair(result, 0, 1));
  EXPECT_TRUE(HasPair(result, 2, 3));
}

// Regression: a record without a date had a "month" of its own in the father
// + family rule, so with another given name (a nickname, a slip) it met the
// dated records of the same man under no rule.
TEST(BlockingTest, ARecordWithoutADateJoinsTheMonthMostDiedIn) {
  text::TokenTable tokens;
  std::vector<LinkRecord> records = {
      MakeChain(tokens, {"حمزة", "أحمد", "خالد", "إسماعيل"}, 8),
      MakeChain(tokens, {"يوسف", "كامل", "", "شاهين"}, 9),
      MakeChain(tokens, {"سمير", "أحمد", "خالد", "الإسماعيل"}, 0),
      MakeChain(tokens, {"رامي", "أحمد", "خالد", "إسماعيل"}, 0),
  };
  const auto result = BlockPairs(records, tokens, {});
  EXPECT_TRUE(HasPair(result, 0, 2));
  EXPECT_TRUE(HasPair(result, 2, 3));  // undated records still meet each other
  EXPECT_FALSE(HasPair(result, 1, 2));
}

// Regression: a slip of the dots in the given name (غلي for علي) changes the
// skeleton every rule keyed on, so with another father the pair never met.
TEST(BlockingTest, ASlipOfTheDotsStillMeetsTheSameNames) {
  text::TokenTable tokens;
  std::vector<LinkRecord> records = {
      MakeChain(tokens, {"علي", "نبيل", "أحمد", "ديب"}, 7),
      MakeChain(tokens, {"غلي", "أحمد", "", "ديب"}, 0),
      MakeChain(tokens, {"عمر", "أحمد", "", "ديب"}, 0),
  };
  const auto result = BlockPairs(records, tokens, {});
  EXPECT_TRUE(HasPair(result, 0, 1));
  EXPECT_FALSE(HasPair(result, 0, 2));
}

// Regression: a kunya in place of the given name and no father in the other
// record left the pair without a shared name key; family name, day,
// district and exact age still meet.
TEST(BlockingTest, AKunyaMeetsItsMatchByFamilyDayPlaceAndAge) {
  text::TokenTable tokens;
  auto make = [&tokens](std::array<std::string, 4> names, int age, const std::string& district) {
    StoredRecord stored;
    stored.fields.given_name = names[0];
    stored.fields.father_name = names[1];
    stored.fields.grandfather_name = names[2];
    stored.fields.family_name = names[3];
    stored.fields.death_date = "2025-03-10";
    stored.fields.death_date_precision = "day";
    stored.fields.age = stored.fields.age_min = stored.fields.age_max = age;
    stored.fields.district = district;
    return BuildLinkRecord(stored, 0, tokens, nullptr, PlaceIdsOfTheTests()).value();
  };
  std::vector<LinkRecord> records = {
      make({"أحمد", "", "", "سليمان"}, 37, "جبلة"),
      make({"أبو نبيل", "حسن", "حسين", "سليمان"}, 37, "جبلة"),
      make({"أبو نبيل", "حسن", "حسين", "سليمان"}, 52, "جبلة"),  // another age
  };
  const auto result = BlockPairs(records, tokens, {});
  EXPECT_TRUE(HasPair(result, 0, 1));
  EXPECT_FALSE(HasPair(result, 0, 2));
}

// The family + day + place + age rule leaves out two different known given
// names, but not a kunya written in a full name, whose parsed given name is
// the father's (أبو نبيل حسن حسين سليمان: حسن); and the explanation's block
// neighbours agree with the run's pairs.
TEST(BlockingTest, TheFamilyDayAgeRuleKeepsKunyasAndLeavesOutTwoKnownNames) {
  text::TokenTable tokens;
  auto make = [&tokens](const std::string& full_name) {
    StoredRecord stored;
    stored.fields.full_name = full_name;
    stored.fields.death_date = "2025-03-10";
    stored.fields.death_date_precision = "day";
    stored.fields.age = stored.fields.age_min = stored.fields.age_max = 37;
    stored.fields.district = "جبلة";
    return BuildLinkRecord(stored, 0, tokens, nullptr, PlaceIdsOfTheTests()).value();
  };
  std::vector<LinkRecord> records = {
      make("أحمد سليمان"),
      make("أبو نبيل حسن حسين سليمان"),
      make("خالد سليمان"),
  };
  const auto result = BlockPairs(records, tokens, {});
  EXPECT_TRUE(HasPair(result, 0, 1));   // a kunya: kept
  EXPECT_FALSE(HasPair(result, 0, 2));  // أحمد and خالد: two people
  EXPECT_EQ(BlockNeighbours(records, tokens, 0), (std::vector<uint32_t>{1}));
}

}  // namespace
}  // namespace reckon::link
