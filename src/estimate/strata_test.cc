#include "estimate/strata.h"

#include <gtest/gtest.h>

#include "estimate/test_data.h"

namespace reckon::estimate {
namespace {

EstimateOptions QuickOptions() {
  EstimateOptions options;
  options.loglinear = true;
  options.lcmcr = true;
  options.dga = true;
  options.loglinear_options.profile_ci = false;
  options.lcmcr_options.burnin = 500;
  options.lcmcr_options.samples = 200;
  options.lcmcr_options.thinning = 5;
  options.lcmcr_options.chains = 2;
  options.lcmcr_options.seed = 5;
  options.dga_options.max_missing = 20000;
  return options;
}

TEST(StrataTest, UnstratifiedRunsEveryMethod) {
  const CaptureTable table = testing::LoadTable("kosovo.csv");
  auto report = EstimateStrata({{"", table}}, QuickOptions());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_FALSE(report->stratified);
  ASSERT_EQ(report->strata.size(), 1u);
  const StratumEstimate& s = report->strata[0];
  EXPECT_TRUE(s.estimable);
  ASSERT_TRUE(s.loglinear && s.lcmcr && s.dga);
  EXPECT_TRUE(s.loglinear->selected.has_value());
  EXPECT_FALSE(report->total.has_value());
}

TEST(StrataTest, StrataAndTotals) {
  const CaptureTable kosovo = testing::LoadTable("kosovo.csv");
  CaptureTable two_lists({"EXH", "ABA", "OSCE", "HRW"});
  two_lists.Add(0b0001, 40);
  two_lists.Add(0b0010, 30);
  two_lists.Add(0b0011, 5);
  CaptureTable apart({"EXH", "ABA", "OSCE", "HRW"});
  apart.Add(0b0001, 10);
  apart.Add(0b0010, 10);
  apart.Add(0b0100, 10);
  std::vector<Stratum> strata = {
      {"a", kosovo}, {"b", kosovo}, {"few", two_lists}, {"apart", apart}};
  auto report = EstimateStrata(strata, QuickOptions());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_TRUE(report->stratified);
  EXPECT_TRUE(report->strata[0].estimable);
  EXPECT_FALSE(report->strata[2].estimable);
  EXPECT_NE(report->strata[2].reason.find("only 2 list(s)"), std::string::npos);
  EXPECT_FALSE(report->strata[3].estimable);
  EXPECT_NE(report->strata[3].reason.find("never overlap"), std::string::npos);
  ASSERT_TRUE(report->total.has_value());
  const TotalEstimate& t = *report->total;
  EXPECT_EQ(t.strata_estimated, 2u);
  EXPECT_EQ(t.observed_not_estimable, 75 + 30);
  const double a =
      report->strata[0].loglinear->models[*report->strata[0].loglinear->selected].abundance;
  ASSERT_TRUE(t.loglinear_abundance.has_value());
  EXPECT_NEAR(*t.loglinear_abundance, 2 * a + 105, 1e-6);
  ASSERT_TRUE(t.lcmcr.has_value());
  // The sum of two strata's draws: its median near the sum of the medians.
  const double m0 = report->strata[0].lcmcr->n.median;
  const double m1 = report->strata[1].lcmcr->n.median;
  EXPECT_NEAR(t.lcmcr->median, m0 + m1 + 105, 0.1 * (m0 + m1));
  ASSERT_TRUE(t.dga.has_value());
  EXPECT_NEAR(t.dga->median, 2 * report->strata[0].dga->median + 105,
              0.03 * report->strata[0].dga->median);
  EXPECT_FALSE(report->notes.empty());
  // Strata get their own seeds: identical tables, different chains.
  EXPECT_NE(report->strata[0].lcmcr->draws[0], report->strata[1].lcmcr->draws[0]);
}

TEST(StrataTest, MethodFailureIsRecordedNotFatal) {
  const CaptureTable uk = testing::LoadTable("uk2013.csv");
  EstimateOptions options = QuickOptions();
  options.lcmcr = false;
  options.loglinear = false;
  auto report = EstimateStrata({{"", uk}}, options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->strata[0].errors.size(), 1u);
  EXPECT_NE(report->strata[0].errors[0].find("dga"), std::string::npos);
}

TEST(StrataTest, RejectsNothingToDo) {
  EstimateOptions options;
  options.loglinear = false;
  EXPECT_FALSE(EstimateStrata({{"", testing::LoadTable("korea.csv")}}, options).ok());
  EXPECT_FALSE(EstimateStrata({}, EstimateOptions{}).ok());
}

}  // namespace
}  // namespace reckon::estimate
