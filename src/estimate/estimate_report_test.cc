#include "estimate/estimate_report.h"

#include <gtest/gtest.h>

#include <sstream>

#include "estimate/test_data.h"

namespace reckon::estimate {
namespace {

TEST(EstimateReportTest, JsonFieldsForLoglinear) {
  EstimateOptions options;
  auto report = EstimateStrata({{"", testing::LoadTable("kosovo.csv")}}, options);
  ASSERT_TRUE(report.ok());
  const auto j = ReportJson(*report);
  EXPECT_EQ(j["observed"], 4400);
  ASSERT_TRUE(j["models"].is_array());
  const auto& m0 = j["models"][0];
  EXPECT_EQ(m0["name"], "M0");
  for (const char* field :
       {"abundance", "stderr", "deviance", "df", "aic", "bic", "ci_low", "ci_high"}) {
    EXPECT_TRUE(m0.contains(field)) << field;
  }
  EXPECT_NEAR(m0["abundance"].get<double>(), 7608.37, 0.01);
  EXPECT_TRUE(j["loglinear"]["selected"].is_string());
  std::ostringstream text;
  PrintReport(text, *report);
  EXPECT_NE(text.str().find("Mth Chao (LB)"), std::string::npos);
  EXPECT_NE(text.str().find("<- best by AIC"), std::string::npos);
}

TEST(EstimateReportTest, JsonForStrataAndBayesianMethods) {
  EstimateOptions options;
  options.loglinear = false;
  options.lcmcr = true;
  options.dga = true;
  options.lcmcr_options.burnin = 100;
  options.lcmcr_options.samples = 50;
  options.lcmcr_options.thinning = 2;
  options.lcmcr_options.chains = 2;
  options.dga_options.max_missing = 2000;
  const CaptureTable korea = testing::LoadTable("korea.csv");
  CaptureTable empty_list = korea.Select({0, 1});
  auto report = EstimateStrata({{"x", korea}, {"y", empty_list}}, options);
  ASSERT_TRUE(report.ok());
  const auto j = ReportJson(*report);
  ASSERT_EQ(j["strata"].size(), 2u);
  EXPECT_EQ(j["strata"][0]["stratum"], "x");
  for (const char* field : {"median", "mean", "q025", "q975", "rhat", "ess"}) {
    EXPECT_TRUE(j["strata"][0]["lcmcr"].contains(field)) << field;
  }
  for (const char* field : {"median", "mean", "q025", "q975", "model_weights", "tail_mass"}) {
    EXPECT_TRUE(j["strata"][0]["dga"].contains(field)) << field;
  }
  EXPECT_FALSE(j["strata"][1]["estimable"].get<bool>());
  EXPECT_TRUE(j["total"].contains("lcmcr"));
  EXPECT_EQ(j["strata"][0]["lcmcr"]["parameters"]["K"], 10);
  std::ostringstream text;
  PrintReport(text, *report);
  EXPECT_NE(text.str().find("not estimable"), std::string::npos);
  EXPECT_NE(text.str().find("Total over 2 strata"), std::string::npos);
}

}  // namespace
}  // namespace reckon::estimate
