// The held-out profile (issue 18 item 4): each phenomenon it adds is checked
// here on a small run, and each check fails if the phenomenon is absent. Also
// checks that the older profiles' output did not change when it was added.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/sha256.h"
#include "simulate/profiles.h"
#include "simulate/simulator.h"

namespace reckon::simulate {
namespace {

using Row = std::vector<std::string>;
using Table = std::vector<Row>;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// RFC 4180, enough for the simulator's own output.
Table ParseCsv(const std::string& text) {
  Table rows;
  Row row;
  std::string field;
  bool quoted = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (quoted) {
      if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"') {
        field.push_back('"');
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
    }
  }
  return rows;
}

size_t Column(const Table& table, const std::string& name) {
  const auto it = std::find(table[0].begin(), table[0].end(), name);
  EXPECT_NE(it, table[0].end()) << "no column " << name;
  return static_cast<size_t>(it - table[0].begin());
}

bool HasColumn(const Table& table, const std::string& name) {
  return std::find(table[0].begin(), table[0].end(), name) != table[0].end();
}

std::filesystem::path TempDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("reckon_heldout_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

std::filesystem::path RunTo(Profile profile, int64_t people, uint64_t seed,
                            const std::string& name) {
  CommandLineOverrides overrides;
  overrides.profile = profile;
  overrides.people = people;
  overrides.seed = seed;
  overrides.lists = 5;
  Result<SimulateConfig> config = BuildConfig(overrides, std::nullopt, "");
  EXPECT_TRUE(config.ok());
  const std::filesystem::path dir = TempDir(name);
  Result<SimulationSummary> summary = RunSimulation(*config, dir.string());
  EXPECT_TRUE(summary.ok()) << summary.status().message();
  return dir;
}

// One heldout run shared by the tests below (2,000 people, seed 3).
class HeldoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(RunTo(Profile::kHeldout, 2000, 3, "shared"));
    lists_ = new std::vector<Table>();
    for (int list = 1; list <= 5; ++list) {
      lists_->push_back(ParseCsv(ReadFile(*dir_ / ("list_" + std::to_string(list) + ".csv"))));
    }
    truth_ = new Table(ParseCsv(ReadFile(*dir_ / "truth.csv")));
    population_ = new Table(ParseCsv(ReadFile(*dir_ / "population.csv")));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete lists_;
    delete truth_;
    delete population_;
  }
  // person id -> population row
  static std::map<std::string, const Row*> PersonRows() {
    std::map<std::string, const Row*> rows;
    for (size_t idx = 1; idx < population_->size(); ++idx)
      rows[(*population_)[idx][0]] = &(*population_)[idx];
    return rows;
  }
  // record id -> person id
  static std::map<std::string, std::string> RecordPersons() {
    std::map<std::string, std::string> out;
    for (size_t idx = 1; idx < truth_->size(); ++idx) out[(*truth_)[idx][0]] = (*truth_)[idx][1];
    return out;
  }

  static std::filesystem::path* dir_;
  static std::vector<Table>* lists_;
  static Table* truth_;
  static Table* population_;
};
std::filesystem::path* HeldoutTest::dir_ = nullptr;
std::vector<Table>* HeldoutTest::lists_ = nullptr;
Table* HeldoutTest::truth_ = nullptr;
Table* HeldoutTest::population_ = nullptr;

TEST(HeldoutProfile, NameAndDefaults) {
  EXPECT_EQ(ParseProfileName("heldout"), Profile::kHeldout);
  EXPECT_EQ(ProfileName(Profile::kHeldout), "heldout");
  const SimulateConfig config = ProfileDefaults(Profile::kHeldout, 5);
  EXPECT_GT(config.population.clans_per_village, 0);
  EXPECT_GT(config.population.extended_household_share, 0.0);
  EXPECT_EQ(config.population.name_tables, NameTableSet::kExtended);
}

TEST(HeldoutProfile, ConfigRoundTripsAndOlderProfilesHideNewKeys) {
  CommandLineOverrides overrides;
  overrides.profile = Profile::kHeldout;
  const Result<SimulateConfig> heldout = BuildConfig(overrides, std::nullopt, "");
  ASSERT_TRUE(heldout.ok());
  const std::string dumped = ConfigToJson(*heldout).dump();
  EXPECT_NE(dumped.find("\"clans_per_village\""), std::string::npos);
  EXPECT_NE(dumped.find("\"wife_of\""), std::string::npos);
  // The dump, read back with another profile on the command line absent, is the same config.
  const Result<SimulateConfig> again = BuildConfig({}, dumped, "summary.json");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(ConfigToJson(*again).dump(), dumped);
  // A heldout knob set to 0 in a heldout config survives the round trip.
  const Result<SimulateConfig> off =
      BuildConfig({}, R"({"profile":"heldout","population":{"clan_share":0}})", "x.json");
  ASSERT_TRUE(off.ok());
  const Result<SimulateConfig> off_again = BuildConfig({}, ConfigToJson(*off).dump(), "y.json");
  ASSERT_TRUE(off_again.ok());
  EXPECT_EQ(off_again->population.clan_share, 0.0);

  overrides.profile = Profile::kRealistic;
  const Result<SimulateConfig> realistic = BuildConfig(overrides, std::nullopt, "");
  ASSERT_TRUE(realistic.ok());
  const std::string realistic_dump = ConfigToJson(*realistic).dump();
  EXPECT_EQ(realistic_dump.find("clans_per_village"), std::string::npos);
  EXPECT_EQ(realistic_dump.find("wife_of"), std::string::npos);
  // ...but a realistic config that switches one on keeps it.
  const Result<SimulateConfig> with_caps =
      BuildConfig({}, R"({"profile":"realistic","noise":{"all_caps":0.5}})", "z.json");
  ASSERT_TRUE(with_caps.ok());
  EXPECT_NE(ConfigToJson(*with_caps).dump().find("\"all_caps\":0.5"), std::string::npos);
}

// Files written by the profiles that existed before the held-out one, hashed
// with the binary of the commit before it (3,000 people, 5 lists, seed 11).
TEST(HeldoutProfile, OlderProfilesOutputUnchanged) {
  const std::map<std::string, std::map<std::string, std::string>> expected = {
      {"clean",
       {{"list_1.csv", "3802f1379192b2f15ab60ec1a823d186a0bbdf234904d8b12566142820632100"},
        {"list_3.csv", "50ec26c1fcc27ba34e89461a1057d0f0fae38dc6ad173ae2bd816ceba3659268"},
        {"population.csv", "4d9acd43f11ea0e14c1746b36ef41cdba5058723f94acbc25de74bc54a8124ec"},
        {"summary.json", "cc7ce5e9f0eb6c369a366d46c3c68c106b016d766b73be2fcdf183ef9d4cd060"},
        {"truth.csv", "1f909d435d4195659b92968c9538a2cfa4b6e8e6eb668ddb1680e5e91ccee4e0"}}},
      {"realistic",
       {{"list_1.csv", "e018f3f721315c648536680c667ed2e225da08efcc8f0085c5820854e17a356b"},
        {"list_2.csv", "d4de7b47cd8175dfa69d5e2ab9b890c54c2ec5223ba0b4645146d6586fc02af4"},
        {"list_3.csv", "653675b8bb43bfad26cf3a75d6a572d56866a9b99f35c315fdfa6eb680930fde"},
        {"list_4.csv", "1cd96f1a96910c3bf863dd31fc94dec2b5767e730e777fdb60402e90e4ab6404"},
        {"list_5.csv", "edc9fdb3855f2da1f57b5700c3e040eb6f8150525ef5aa7c61b06ddb7f9e213f"},
        {"population.csv", "4e52619340d868c2ec28a6abe9f2fdea4b888a17a621b351dd78b8fe352e921a"},
        {"summary.json", "db283dffac7c2c45118e281d8761ba0eb1a242e3641eaea98a9b25cb82b22d2d"},
        {"truth.csv", "609144ee265540a6e5e3cdc0d3bfd852ddbb45a2b2756abebd498f6562373608"},
        {"captures.csv", "258ffd8afab1e720aaa81a37451f896dc0a3ec565d4d7f251a681ee4914d74db"}}},
      {"hard",
       {{"list_1.csv", "bc5125c4f90bce262ec8359c523ad9a981b5094fcad67dbd12ae7773b9e6d9ae"},
        {"list_4.csv", "67ce177e6576d7f620b9c9b4696dd6a6268eca0bbf5d6e54222b0691f566de31"},
        {"population.csv", "5d3966492f70499e7dc0c915d2d1f235a9614377cf1f60a7cf321f63129c6354"},
        {"summary.json", "daaae846d02b0a68d9d9b713c114c729bd813d230b190ecfb76df7666864438b"}}},
  };
  for (const auto& [profile_name, files] : expected) {
    const std::filesystem::path dir =
        RunTo(*ParseProfileName(profile_name), 3000, 11, "golden_" + profile_name);
    for (const auto& [file, hash] : files) {
      const Result<std::string> actual = Sha256OfFile((dir / file).string());
      ASSERT_TRUE(actual.ok());
      EXPECT_EQ(*actual, hash) << profile_name << " " << file;
    }
    std::filesystem::remove_all(dir);
  }
}

TEST_F(HeldoutTest, TruthIsConsistent) {
  const std::map<std::string, const Row*> persons = PersonRows();
  const std::map<std::string, std::string> record_person = RecordPersons();
  EXPECT_EQ(population_->size(), 2001u);
  std::set<std::string> record_ids;
  std::map<std::string, std::string> histories;  // person -> capture history from truth
  for (const auto& [person, row] : persons) histories[person] = "00000";
  for (size_t list_idx = 0; list_idx < 5; ++list_idx) {
    const Table& list = (*lists_)[list_idx];
    for (size_t idx = 1; idx < list.size(); ++idx) {
      ASSERT_EQ(list[idx].size(), list[0].size());
      EXPECT_TRUE(record_ids.insert(list[idx][0]).second);
      const auto it = record_person.find(list[idx][0]);
      ASSERT_NE(it, record_person.end()) << list[idx][0];
      ASSERT_EQ(persons.count(it->second), 1u);
      histories[it->second][list_idx] = '1';
    }
  }
  EXPECT_EQ(record_ids.size(), truth_->size() - 1);
  const size_t history_col = Column(*population_, "capture_history");
  for (const auto& [person, row] : persons) EXPECT_EQ((*row)[history_col], histories[person]);
}

TEST_F(HeldoutTest, WholeListWithoutSexAndAgesAsWordsAndDayFirstDots) {
  const Table& list = (*lists_)[0];
  EXPECT_FALSE(HasColumn(list, "sex"));
  const size_t age = Column(list, "age");
  const size_t date = Column(list, "death_date");
  std::map<std::string, int> ages;
  int dotted = 0;
  for (size_t idx = 1; idx < list.size(); ++idx) {
    ++ages[list[idx][age]];
    const std::string& d = list[idx][date];
    if (d.size() == 10 && d[2] == '.' && d[5] == '.') ++dotted;
  }
  for (const auto& [word, count] : ages) {
    EXPECT_TRUE(word.empty() || word == "طفل" || word == "بالغ" || word == "مسن") << word;
  }
  EXPECT_GT(ages["بالغ"], 0);
  EXPECT_GT(ages["طفل"], 0);
  EXPECT_GT(ages["مسن"], 0);
  EXPECT_GT(dotted, static_cast<int>(list.size()) * 8 / 10);
  // Five-year bands on list 2.
  const Table& bands = (*lists_)[1];
  int five_year = 0;
  for (size_t idx = 1; idx < bands.size(); ++idx) {
    const std::string& a = bands[idx][Column(bands, "age")];
    if (a.size() >= 3 && a[0] >= '0' && a[0] <= '9' && a.find('-') != std::string::npos) {
      const int low = std::stoi(a.substr(0, a.find('-')));
      const int high = std::stoi(a.substr(a.find('-') + 1));
      if (high - low == 4) ++five_year;
    }
  }
  EXPECT_GT(five_year, static_cast<int>(bands.size()) / 3);  // 40% use Arabic-Indic digits
}

TEST_F(HeldoutTest, FamilyNameFirstOnTheHospitalList) {
  const std::map<std::string, const Row*> persons = PersonRows();
  const std::map<std::string, std::string> record_person = RecordPersons();
  const size_t family_col = Column(*population_, "family_name");
  const size_t given_col = Column(*population_, "given_name");
  const Table& list = (*lists_)[1];
  const size_t full = Column(list, "full_name");
  int first = 0;
  int total = 0;
  for (size_t idx = 1; idx < list.size(); ++idx) {
    const Row& person = *persons.at(record_person.at(list[idx][0]));
    const std::string& name = list[idx][full];
    ++total;
    // Family names of one word, written exactly, before the given name.
    const std::string& family = person[family_col];
    if (name.starts_with(family + " ") && !name.starts_with(person[given_col] + " ")) ++first;
  }
  EXPECT_GT(first, total / 5) << first << " of " << total;
}

TEST_F(HeldoutTest, AllCapitalLatinList) {
  const Table& list = (*lists_)[2];
  const size_t full = Column(list, "full_name");
  for (size_t idx = 1; idx < list.size(); ++idx) {
    for (char c : list[idx][full]) ASSERT_FALSE(c >= 'a' && c <= 'z') << list[idx][full];
  }
}

TEST_F(HeldoutTest, KunyaAloneAndWivesUnderTheirHusbands) {
  const std::map<std::string, const Row*> persons = PersonRows();
  const std::map<std::string, std::string> record_person = RecordPersons();
  const size_t relation = Column(*population_, "relation");
  // List 3: "ABU X FAMILY" with nothing between.
  const Table& media = (*lists_)[2];
  int kunya_alone = 0;
  for (size_t idx = 1; idx < media.size(); ++idx) {
    const std::string& name = media[idx][Column(media, "full_name")];
    const bool prefix = name.starts_with("ABU ") || name.starts_with("ABOU ") ||
                        name.starts_with("ABO ") || name.starts_with("UMM ") ||
                        name.starts_with("UM ") || name.starts_with("OUM ");
    if (prefix && std::count(name.begin(), name.end(), ' ') <= 2) ++kunya_alone;
  }
  EXPECT_GT(kunya_alone, 0);
  // List 1: "زوجة X" only for married women; some women under the husband's
  // family name (the family of the household's men), not their own.
  const size_t household = Column(*population_, "household_id");
  const size_t pop_family = Column(*population_, "family_name");
  std::map<std::string, std::string> male_line;  // household -> its men's family name
  for (size_t idx = 1; idx < population_->size(); ++idx) {
    const Row& row = (*population_)[idx];
    if (row[relation] == "father" || row[relation] == "son" || row[relation] == "grandfather") {
      male_line[row[household]] = row[pop_family];
    }
  }
  const Table& local = (*lists_)[0];
  const size_t given = Column(local, "given_name");
  const size_t family = Column(local, "family_name");
  int wife_of = 0;
  int husband_family = 0;
  for (size_t idx = 1; idx < local.size(); ++idx) {
    const Row& person = *persons.at(record_person.at(local[idx][0]));
    if (local[idx][given].starts_with("زوجة ")) {
      ++wife_of;
      EXPECT_TRUE(person[relation] == "mother" || person[relation] == "grandmother" ||
                  person[relation] == "daughter_in_law")
          << person[relation];
    } else if (person[relation] == "mother" || person[relation] == "daughter_in_law" ||
               person[relation] == "grandmother") {
      const auto it = male_line.find(person[household]);
      if (it != male_line.end() && it->second != person[pop_family] &&
          local[idx][family] == it->second) {
        ++husband_family;
      }
    }
  }
  EXPECT_GT(wife_of, 0);
  EXPECT_GT(husband_family, 0);
}

TEST_F(HeldoutTest, RegionsInsteadOfVillages) {
  const Table& list = (*lists_)[1];
  const size_t district = Column(list, "district");
  int regions = 0;
  for (size_t idx = 1; idx < list.size(); ++idx) {
    const std::string& d = list[idx][district];
    if (d.starts_with("ريف ") || d.starts_with("منطقة ")) ++regions;
  }
  EXPECT_GT(regions, static_cast<int>(list.size()) / 4);
}

TEST_F(HeldoutTest, ClansHoldMostFamilyNamesOfAVillage) {
  const size_t locality = Column(*population_, "locality_pcode");
  const size_t family = Column(*population_, "family_name");
  std::map<std::string, std::map<std::string, int>> by_village;
  for (size_t idx = 1; idx < population_->size(); ++idx) {
    ++by_village[(*population_)[idx][locality]][(*population_)[idx][family]];
  }
  int villages = 0;
  double share_sum = 0.0;
  for (const auto& [village, counts] : by_village) {
    std::vector<int> sorted;
    int total = 0;
    for (const auto& [name, count] : counts) {
      sorted.push_back(count);
      total += count;
    }
    if (total < 60) continue;
    std::sort(sorted.rbegin(), sorted.rend());
    int top = 0;
    for (size_t rank = 0; rank < std::min<size_t>(5, sorted.size()); ++rank) top += sorted[rank];
    share_sum += static_cast<double>(top) / total;
    ++villages;
  }
  ASSERT_GT(villages, 3);
  EXPECT_GT(share_sum / villages, 0.7);
}

TEST_F(HeldoutTest, ExtendedHouseholdsCousinsAndGrandfatherNamesakes) {
  const size_t household = Column(*population_, "household_id");
  const size_t relation = Column(*population_, "relation");
  const size_t given = Column(*population_, "given_name");
  const size_t father = Column(*population_, "father_name");
  const size_t grandfather = Column(*population_, "grandfather_name");
  const size_t family = Column(*population_, "family_name");
  std::map<std::string, std::vector<const Row*>> households;
  std::set<std::string> relations;
  for (size_t idx = 1; idx < population_->size(); ++idx) {
    households[(*population_)[idx][household]].push_back(&(*population_)[idx]);
    relations.insert((*population_)[idx][relation]);
  }
  for (const char* r : {"grandfather", "grandmother", "daughter_in_law", "grandson"}) {
    EXPECT_EQ(relations.count(r), 1u) << r;
  }
  int namesakes = 0;          // a grandson killed with his grandfather, both with one given name
  int cousin_pairs = 0;       // grandchildren of one household with different fathers
  int chain_only_father = 0;  // ...whose chains differ only in the father's name
  for (const auto& [id, members] : households) {
    const Row* head = nullptr;
    for (const Row* m : members) {
      if ((*m)[relation] == "grandfather") head = m;
    }
    for (const Row* m : members) {
      if (head != nullptr && (*m)[relation] == "grandson" && (*m)[given] == (*head)[given]) {
        ++namesakes;
      }
    }
    for (size_t a = 0; a < members.size(); ++a) {
      for (size_t b = a + 1; b < members.size(); ++b) {
        const Row& x = *members[a];
        const Row& y = *members[b];
        const bool grandchildren = (x[relation] == "grandson" || x[relation] == "granddaughter") &&
                                   (y[relation] == "grandson" || y[relation] == "granddaughter");
        if (!grandchildren || x[father] == y[father]) continue;
        ++cousin_pairs;
        if (x[given] == y[given] && x[grandfather] == y[grandfather] && x[family] == y[family]) {
          ++chain_only_father;
        }
      }
    }
  }
  EXPECT_GT(namesakes, 10);
  EXPECT_GT(cousin_pairs, 20);
  EXPECT_GT(chain_only_father, 3);
}

TEST_F(HeldoutTest, LongerNameTables) {
  const size_t given = Column(*population_, "given_name");
  const size_t family = Column(*population_, "family_name");
  std::set<std::string> givens;
  std::set<std::string> families;
  for (size_t idx = 1; idx < population_->size(); ++idx) {
    givens.insert((*population_)[idx][given]);
    families.insert((*population_)[idx][family]);
  }
  // The standard tables have 80 + 38 given and 60 family names.
  EXPECT_GT(givens.size(), 118u);
  EXPECT_GT(families.size(), 60u);
}

}  // namespace
}  // namespace reckon::simulate
