#include "simulate/simulator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/strings.h"
#include "simulate/noise.h"
#include "simulate/record_renderer.h"

namespace reckon::simulate {
namespace {

using Table = std::vector<std::vector<std::string>>;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A strict RFC 4180 reader for the tests: fails the test on malformed input.
Table ParseCsv(const std::string& text) {
  Table rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool field_started = false;
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
      EXPECT_FALSE(field_started) << "quote inside an unquoted field";
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(row.empty() && field.empty()) << "last row lacks a newline";
  return rows;
}

struct Output {
  std::filesystem::path dir;
  SimulationSummary summary;
  std::vector<Table> lists;
  Table truth;
  Table population;
  Table captures;
};

class SimulatorTest : public ::testing::Test {
 protected:
  static std::filesystem::path TempDir(const std::string& name) {
    const std::filesystem::path dir =
        std::filesystem::path(::testing::TempDir()) /
        ("reckon_simulate_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
  }

  static Output Run(Profile profile, int64_t people, uint64_t seed, const std::string& name) {
    CommandLineOverrides overrides;
    overrides.profile = profile;
    overrides.people = people;
    overrides.seed = seed;
    Result<SimulateConfig> config = BuildConfig(overrides, std::nullopt, "");
    EXPECT_TRUE(config.ok());
    Output out;
    out.dir = TempDir(name);
    Result<SimulationSummary> summary = RunSimulation(*config, out.dir.string());
    EXPECT_TRUE(summary.ok()) << summary.status().message();
    out.summary = *summary;
    for (size_t list_idx = 0; list_idx < config->lists.size(); ++list_idx) {
      out.lists.push_back(
          ParseCsv(ReadFile(out.dir / ("list_" + std::to_string(list_idx + 1) + ".csv"))));
    }
    out.truth = ParseCsv(ReadFile(out.dir / "truth.csv"));
    out.population = ParseCsv(ReadFile(out.dir / "population.csv"));
    out.captures = ParseCsv(ReadFile(out.dir / "captures.csv"));
    return out;
  }
};

TEST_F(SimulatorTest, FilesAreStructurallyValidAndTruthIsConsistent) {
  const Output out = Run(Profile::kRealistic, 4000, 17, "truth");
  ASSERT_EQ(out.lists.size(), 5u);

  // Every list row is valid UTF-8 with the header's column count; record ids
  // are unique across lists.
  std::set<std::string> record_ids;
  for (const Table& list : out.lists) {
    ASSERT_GE(list.size(), 2u);
    EXPECT_EQ(list[0][0], "record_id");
    for (const std::vector<std::string>& row : list) {
      ASSERT_EQ(row.size(), list[0].size());
      for (const std::string& cell : row) ASSERT_TRUE(IsValidUtf8(cell));
    }
    for (size_t row_idx = 1; row_idx < list.size(); ++row_idx) {
      EXPECT_TRUE(record_ids.insert(list[row_idx][0]).second) << list[row_idx][0];
    }
  }

  // Every record is in truth.csv exactly once, and truth names nothing else.
  ASSERT_EQ(out.truth[0],
            (std::vector<std::string>{"record_id", "person_id", "list", "report", "copied_from"}));
  std::set<std::string> truth_ids;
  std::map<std::string, std::set<int>> lists_of_person;  // from truth
  std::vector<std::set<std::string>> persons_per_list(5);
  std::vector<int64_t> duplicates(5, 0);
  for (size_t row_idx = 1; row_idx < out.truth.size(); ++row_idx) {
    const std::vector<std::string>& row = out.truth[row_idx];
    EXPECT_TRUE(truth_ids.insert(row[0]).second);
    const int list_idx = std::stoi(row[2].substr(5)) - 1;  // "list_3"
    lists_of_person[row[1]].insert(list_idx);
    persons_per_list[static_cast<size_t>(list_idx)].insert(row[1]);
    if (row[3] == "1") ++duplicates[static_cast<size_t>(list_idx)];
  }
  EXPECT_EQ(truth_ids, record_ids);

  // Per-list counts: duplicates count once as persons.
  for (size_t list_idx = 0; list_idx < 5; ++list_idx) {
    const ListSummary& summary = out.summary.lists[list_idx];
    EXPECT_EQ(summary.records, static_cast<int64_t>(out.lists[list_idx].size() - 1));
    EXPECT_EQ(summary.persons, static_cast<int64_t>(persons_per_list[list_idx].size()));
    EXPECT_EQ(summary.duplicates, duplicates[list_idx]);
    EXPECT_EQ(summary.records, summary.persons + summary.duplicates);
  }
  EXPECT_GT(out.summary.lists[3].copied, 0);  // list 4 copies list 1

  // population.csv: N people; capture histories agree with truth.
  ASSERT_EQ(out.population.size(), 4001u);
  const std::vector<std::string>& header = out.population[0];
  const size_t history_col = header.size() - 1;
  ASSERT_EQ(header[history_col], "capture_history");
  int64_t documented = 0;
  std::map<std::string, int64_t> pattern_counts;
  for (size_t row_idx = 1; row_idx < out.population.size(); ++row_idx) {
    const std::vector<std::string>& row = out.population[row_idx];
    const std::string& history = row[history_col];
    std::set<int> expected;
    for (size_t list_idx = 0; list_idx < history.size(); ++list_idx) {
      if (history[list_idx] == '1') expected.insert(static_cast<int>(list_idx));
    }
    const auto it = lists_of_person.find(row[0]);
    EXPECT_EQ(it == lists_of_person.end() ? std::set<int>{} : it->second, expected) << row[0];
    if (!expected.empty()) {
      ++documented;
      ++pattern_counts[history];
    }
  }
  EXPECT_EQ(documented, out.summary.documented);
  EXPECT_EQ(out.summary.true_n, 4000);

  // captures.csv sums to the documented persons and matches the histories.
  ASSERT_EQ(out.captures[0].back(), "count");
  int64_t capture_sum = 0;
  for (size_t row_idx = 1; row_idx < out.captures.size(); ++row_idx) {
    const std::vector<std::string>& row = out.captures[row_idx];
    std::string history;
    for (size_t list_idx = 0; list_idx + 1 < row.size(); ++list_idx) history += row[list_idx];
    EXPECT_NE(history, "00000");
    EXPECT_EQ(pattern_counts[history], std::stoll(row.back())) << history;
    capture_sum += std::stoll(row.back());
  }
  EXPECT_EQ(capture_sum, documented);

  // summary.json carries N and the documented count.
  const std::string summary_json = ReadFile(out.dir / "summary.json");
  EXPECT_NE(summary_json.find("\"true_n\": 4000"), std::string::npos);
  EXPECT_NE(summary_json.find("\"documented_persons\": " + std::to_string(documented)),
            std::string::npos);
  std::filesystem::remove_all(out.dir);
}

TEST_F(SimulatorTest, HouseholdsInTheOutputShareWhatTheyShould) {
  const Output out = Run(Profile::kRealistic, 4000, 23, "households");
  const std::vector<std::string>& header = out.population[0];
  auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::string, std::vector<const std::vector<std::string>*>> households;
  for (size_t row_idx = 1; row_idx < out.population.size(); ++row_idx) {
    households[out.population[row_idx][col("household_id")]].push_back(&out.population[row_idx]);
  }
  int families_with_father = 0;
  for (const auto& [id, members] : households) {
    const std::vector<std::string>* father = nullptr;
    for (const auto* member : members) {
      EXPECT_EQ((*member)[col("locality_pcode")], (*members.front())[col("locality_pcode")]);
      EXPECT_EQ((*member)[col("death_date")], (*members.front())[col("death_date")]);
      if ((*member)[col("relation")] == "father") father = member;
    }
    for (const auto* member : members) {
      const std::string& relation = (*member)[col("relation")];
      if (relation != "son" && relation != "daughter") continue;
      if (father != nullptr) {
        EXPECT_EQ((*member)[col("father_name")], (*father)[col("given_name")]);
        EXPECT_EQ((*member)[col("grandfather_name")], (*father)[col("father_name")]);
        EXPECT_EQ((*member)[col("family_name")], (*father)[col("family_name")]);
        ++families_with_father;
      }
    }
  }
  EXPECT_GT(families_with_father, 100);
  std::filesystem::remove_all(out.dir);
}

TEST_F(SimulatorTest, SameSeedGivesByteIdenticalFiles) {
  const Output a = Run(Profile::kHard, 3000, 99, "det_a");
  const Output b = Run(Profile::kHard, 3000, 99, "det_b");
  const Output c = Run(Profile::kHard, 3000, 100, "det_c");
  for (const char* file : {"list_1.csv", "list_2.csv", "list_3.csv", "list_4.csv", "list_5.csv",
                           "truth.csv", "population.csv", "captures.csv", "summary.json"}) {
    EXPECT_EQ(ReadFile(a.dir / file), ReadFile(b.dir / file)) << file;
    if (std::string(file) != "summary.json") {
      EXPECT_NE(ReadFile(a.dir / file), ReadFile(c.dir / file)) << file;
    }
  }
  for (const Output* out : {&a, &b, &c}) std::filesystem::remove_all(out->dir);
}

// What a profile's lists look like when measured the way a user would.
struct Measured {
  double exact_names = 0.0;  // records whose written name equals the canonical one
  double latin_records = 0.0;
  double missing_age = 0.0;  // among lists with an age column
  double overlap_1_4 = 0.0;  // P(on 1 and 4) / (P(on 1) P(on 4)), from population.csv
  double documented = 0.0;   // documented / N
};

Measured Measure(const Output& out) {
  const Table& population = out.population;
  const std::vector<std::string>& header = population[0];
  auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::string, const std::vector<std::string>*> people;
  for (size_t row_idx = 1; row_idx < population.size(); ++row_idx) {
    people[population[row_idx][0]] = &population[row_idx];
  }
  std::map<std::string, std::string> person_of_record;
  for (size_t row_idx = 1; row_idx < out.truth.size(); ++row_idx) {
    person_of_record[out.truth[row_idx][0]] = out.truth[row_idx][1];
  }
  Measured measured;
  double records = 0;
  double age_cells = 0;
  for (const Table& list : out.lists) {
    const std::vector<std::string>& columns = list[0];
    auto find = [&](const std::string& name) {
      const auto it = std::find(columns.begin(), columns.end(), name);
      return it == columns.end() ? std::string::npos : static_cast<size_t>(it - columns.begin());
    };
    for (size_t row_idx = 1; row_idx < list.size(); ++row_idx) {
      const std::vector<std::string>& row = list[row_idx];
      const std::vector<std::string>& person = *people.at(person_of_record.at(row[0]));
      std::string written;
      if (find("full_name") != std::string::npos) {
        written = row[find("full_name")];
      } else {
        for (const char* part : {"given_name", "father_name", "grandfather_name", "family_name"}) {
          if (find(part) == std::string::npos || row[find(part)].empty()) continue;
          written += (written.empty() ? "" : " ") + row[find(part)];
        }
      }
      const bool latin = !ContainsArabic(written);
      const std::string suffix = latin ? "_latin" : "";
      std::string canonical;
      for (const char* part : {"given_name", "father_name", "grandfather_name", "family_name"}) {
        if (std::string(part) == "grandfather_name" && find("full_name") == std::string::npos &&
            find(part) == std::string::npos) {
          continue;  // a chain without grandfather
        }
        canonical += (canonical.empty() ? "" : " ") + person[col(part + suffix)];
      }
      measured.exact_names += written == canonical ? 1 : 0;
      measured.latin_records += latin ? 1 : 0;
      if (find("age") != std::string::npos) {
        ++age_cells;
        measured.missing_age += row[find("age")].empty() ? 1 : 0;
      }
      ++records;
    }
  }
  measured.exact_names /= records;
  measured.latin_records /= records;
  measured.missing_age /= age_cells;
  double on_1 = 0;
  double on_4 = 0;
  double on_both = 0;
  double documented = 0;
  for (size_t row_idx = 1; row_idx < population.size(); ++row_idx) {
    const std::string& history = population[row_idx][col("capture_history")];
    on_1 += history[0] == '1' ? 1 : 0;
    on_4 += history[3] == '1' ? 1 : 0;
    on_both += history[0] == '1' && history[3] == '1' ? 1 : 0;
    documented += history.find('1') != std::string::npos ? 1 : 0;
  }
  const double n = static_cast<double>(population.size() - 1);
  measured.overlap_1_4 = on_both * n / (on_1 * on_4);
  measured.documented = documented / n;
  return measured;
}

TEST_F(SimulatorTest, ProfilesDifferAsDescribed) {
  const Output clean_out = Run(Profile::kClean, 6000, 5, "clean");
  const Output realistic_out = Run(Profile::kRealistic, 6000, 5, "realistic");
  const Output hard_out = Run(Profile::kHard, 6000, 5, "hard");
  const Measured clean = Measure(clean_out);
  const Measured realistic = Measure(realistic_out);
  const Measured hard = Measure(hard_out);

  // Noise: nearly every clean name is written canonically, fewer in
  // realistic, fewer still in hard.
  EXPECT_GT(clean.exact_names, 0.9);
  EXPECT_GT(clean.exact_names, realistic.exact_names + 0.2);
  EXPECT_GT(realistic.exact_names, hard.exact_names + 0.1);
  // Scripts: clean is all Arabic; hard has more Latin than realistic.
  EXPECT_EQ(clean.latin_records, 0.0);
  EXPECT_GT(realistic.latin_records, 0.1);
  EXPECT_GT(hard.latin_records, realistic.latin_records);
  // Completeness.
  EXPECT_EQ(clean.missing_age, 0.0);
  EXPECT_GT(hard.missing_age, realistic.missing_age);
  // Dependence between lists 1 and 4: none, some, strong.
  EXPECT_NEAR(clean.overlap_1_4, 1.0, 0.08);
  EXPECT_GT(realistic.overlap_1_4, 1.3);
  EXPECT_GT(hard.overlap_1_4, realistic.overlap_1_4);
  // Coverage: lower capture leaves more of the dead undocumented.
  EXPECT_GT(clean.documented, realistic.documented);
  EXPECT_GT(realistic.documented, hard.documented);
  for (const Output* out : {&clean_out, &realistic_out, &hard_out}) {
    std::filesystem::remove_all(out->dir);
  }
}

TEST_F(SimulatorTest, RejectsInvalidConfigAndUnwritableDirectory) {
  Result<SimulateConfig> config = BuildConfig({}, std::nullopt, "");
  ASSERT_TRUE(config.ok());
  SimulateConfig bad = *config;
  bad.lists[0].depends_on = 2;
  Result<SimulationSummary> summary = RunSimulation(bad, TempDir("bad").string());
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), StatusCode::kInvalidArgument);

  const std::filesystem::path blocker = TempDir("blocker");
  std::ofstream(blocker) << "a file, not a directory";
  Result<SimulationSummary> blocked = RunSimulation(*config, (blocker / "out").string());
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), StatusCode::kIoError);
  std::filesystem::remove(blocker);
}

}  // namespace
}  // namespace reckon::simulate
