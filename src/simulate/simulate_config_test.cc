#include "simulate/simulate_config.h"

#include <gtest/gtest.h>

#include "simulate/gazetteer_data.h"

namespace reckon::simulate {
namespace {

Result<SimulateConfig> FromText(const std::string& text, CommandLineOverrides overrides = {}) {
  return BuildConfig(overrides, text, "sim.json");
}

void ExpectError(const std::string& text, const std::string& fragment) {
  Result<SimulateConfig> config = FromText(text);
  ASSERT_FALSE(config.ok()) << text;
  EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(config.status().message().find(fragment), std::string::npos)
      << config.status().message();
}

TEST(SimulateConfigTest, DefaultsWithoutFile) {
  Result<SimulateConfig> config = BuildConfig({}, std::nullopt, "");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->profile, Profile::kRealistic);
  EXPECT_EQ(config->lists.size(), 5u);
  EXPECT_EQ(config->people, 10000);
  EXPECT_EQ(config->lists[0].name, "list_1");
}

TEST(SimulateConfigTest, CommandLineBeatsFileBeatsProfile) {
  CommandLineOverrides overrides;
  overrides.people = 200;
  Result<SimulateConfig> config =
      FromText(R"({"profile": "hard", "people": 100, "seed": 9, "lists": [{"capture": 0.9}, {}]})",
               overrides);
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->profile, Profile::kHard);
  EXPECT_EQ(config->people, 200);
  EXPECT_EQ(config->seed, 9u);
  ASSERT_EQ(config->lists.size(), 2u);
  EXPECT_DOUBLE_EQ(config->lists[0].capture, 0.9);
  EXPECT_DOUBLE_EQ(config->lists[1].capture, 0.15);  // hard profile's morgue list
}

TEST(SimulateConfigTest, ListCountFromCommandLineExtendsFileLists) {
  CommandLineOverrides overrides;
  overrides.lists = 4;
  Result<SimulateConfig> config = FromText(R"({"lists": [{"name": "ngo"}]})", overrides);
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_EQ(config->lists.size(), 4u);
  EXPECT_EQ(config->lists[0].name, "ngo");
  EXPECT_EQ(config->lists[3].name, "list_4");
  overrides.lists = 1;
  EXPECT_FALSE(FromText(R"({"lists": [{}, {}]})", overrides).ok());
}

TEST(SimulateConfigTest, GlobalNoiseThenListNoise) {
  Result<SimulateConfig> config =
      FromText(R"({"noise": {"typo": 0.5}, "lists": [{"noise": {"typo": 0.1}}, {}]})");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_DOUBLE_EQ(config->lists[0].noise.typo, 0.1);
  EXPECT_DOUBLE_EQ(config->lists[1].noise.typo, 0.5);
}

TEST(SimulateConfigTest, ErrorsNameFileAndKey) {
  ExpectError("{", "sim.json: not valid JSON");
  ExpectError("[1]", "sim.json: expected a JSON object");
  ExpectError(R"({"peple": 3})", "sim.json: peple: unknown key");
  ExpectError(R"({"lists": [{}, {"captur": 0.3}]})", "sim.json: lists[1].captur: unknown key");
  ExpectError(R"({"lists": [{"capture": 1.5}]})", "sim.json: lists[0].capture: must be between 0");
  ExpectError(R"({"lists": [{"script": "cyrillic"}]})", "lists[0].script: expected one of arabic");
  ExpectError(R"({"lists": [{"noise": {"typo": "x"}}]})", "lists[0].noise.typo: expected a number");
  ExpectError(R"({"population": {"death_window_end": "2025-02-30"}})",
              "population.death_window_end: expected a date");
  ExpectError(R"({"population": {"place_weights": {"RK-TA": -1}}})",
              "population.place_weights.RK-TA: must be a number");
  ExpectError(R"({"people": 0})", "sim.json: people: expected an integer");
  ExpectError(R"({"seed": -1})", "sim.json: seed: expected a non-negative integer");
  ExpectError(R"({"profile": "easy"})", "sim.json: profile: expected one of clean");
  ExpectError(R"({"lists": 3})", "sim.json: lists: expected an array");
}

TEST(SimulateConfigTest, JsonRoundTrip) {
  for (Profile profile : {Profile::kClean, Profile::kRealistic, Profile::kHard}) {
    CommandLineOverrides overrides;
    overrides.profile = profile;
    overrides.lists = 7;
    overrides.seed = 18446744073709551615ULL;
    Result<SimulateConfig> config = BuildConfig(overrides, std::nullopt, "");
    ASSERT_TRUE(config.ok());
    const std::string dumped = ConfigToJson(*config).dump();
    Result<SimulateConfig> again = BuildConfig({}, dumped, "summary.json");
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(ConfigToJson(*again).dump(), dumped);
  }
}

TEST(SimulateConfigTest, ValidateChecksCrossReferences) {
  Result<Gazetteer> gazetteer = LoadEmbeddedGazetteer();
  ASSERT_TRUE(gazetteer.ok());
  Result<SimulateConfig> config = BuildConfig({}, std::nullopt, "");
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(Validate(*config, *gazetteer).ok());

  SimulateConfig forward = *config;
  forward.lists[1].depends_on = 3;
  EXPECT_NE(Validate(forward, *gazetteer).message().find("lists[1].depends_on"), std::string::npos);

  SimulateConfig unknown_place = *config;
  unknown_place.lists[0].place_log_odds = {{"RK-XX", 1.0}};
  EXPECT_NE(Validate(unknown_place, *gazetteer).message().find("unknown P-code RK-XX"),
            std::string::npos);

  SimulateConfig bad_peak = *config;
  bad_peak.population.peak_days = {"2025-04-01"};
  EXPECT_FALSE(Validate(bad_peak, *gazetteer).ok());

  SimulateConfig same_names = *config;
  same_names.lists[1].name = same_names.lists[0].name;
  EXPECT_FALSE(Validate(same_names, *gazetteer).ok());
}

}  // namespace
}  // namespace reckon::simulate
