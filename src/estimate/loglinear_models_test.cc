#include "estimate/loglinear_models.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "common/strings.h"
#include "estimate/test_data.h"

namespace reckon::estimate {
namespace {

double RelDiff(double ours, double reference) {
  return std::fabs(ours - reference) / std::fabs(reference);
}

const LoglinearFit* Find(const LoglinearAnalysis& analysis, const std::string& name) {
  for (const LoglinearFit& fit : analysis.models) {
    if (fit.name == name) return &fit;
  }
  return nullptr;
}

struct ReferenceRow {
  std::string model;
  double abundance, stderr_n, deviance, df, aic, bic;
};

std::vector<ReferenceRow> ReadRcaptureReference() {
  std::ifstream in(testing::MseDataPath("kosovo_rcapture_closedp.csv"));
  std::string line;
  std::getline(in, line);  // header
  std::vector<ReferenceRow> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto fields = Split(line, ',');
    ReferenceRow row;
    row.model = std::string(fields[0].substr(1, fields[0].size() - 2));
    row.abundance = std::stod(std::string(fields[1]));
    row.stderr_n = std::stod(std::string(fields[2]));
    row.deviance = std::stod(std::string(fields[3]));
    row.df = std::stod(std::string(fields[4]));
    row.aic = std::stod(std::string(fields[5]));
    row.bic = std::stod(std::string(fields[6]));
    rows.push_back(row);
  }
  return rows;
}

// Every model of Rcapture's closedp.t on the Kosovo table, to 0.1%.
TEST(LoglinearModelsTest, KosovoMatchesRcaptureClosedp) {
  const CaptureTable table = testing::LoadTable("kosovo.csv");
  const std::vector<ReferenceRow> reference = ReadRcaptureReference();
  ASSERT_EQ(reference.size(), 12u);
  const std::vector<LoglinearModel> family = ClosedpFamily(4);
  ASSERT_EQ(family.size(), 12u);
  for (size_t idx = 0; idx < family.size(); ++idx) {
    const LoglinearFit fit = FitLoglinearModel(table, family[idx]);
    const ReferenceRow& ref = reference[idx];
    SCOPED_TRACE(ref.model);
    EXPECT_EQ(fit.name, ref.model);
    ASSERT_TRUE(fit.has_estimate()) << fit.reason;
    EXPECT_LT(RelDiff(fit.abundance, ref.abundance), 1e-3) << fit.abundance;
    EXPECT_LT(RelDiff(fit.stderr_n, ref.stderr_n), 1e-3) << fit.stderr_n;
    EXPECT_LT(RelDiff(fit.deviance, ref.deviance), 1e-3) << fit.deviance;
    EXPECT_EQ(fit.df, static_cast<int>(ref.df));
    EXPECT_LT(RelDiff(fit.aic, ref.aic), 1e-3) << fit.aic;
    EXPECT_LT(RelDiff(fit.bic, ref.bic), 1e-3) << fit.bic;
  }
}

// Published: all two-way terms N = 14,402.5, deviance 39.83 on 4 df,
// profile-likelihood 95% CI [12,523, 16,668].
TEST(LoglinearModelsTest, KosovoAllTwoWayWithProfileInterval) {
  const CaptureTable table = testing::LoadTable("kosovo.csv");
  auto model = ParseHierarchicalModel("[12,13,14,23,24,34]", 4);
  ASSERT_TRUE(model.ok());
  LoglinearFit fit = FitLoglinearModel(table, *model);
  ASSERT_EQ(fit.status, FitStatus::kOk) << fit.reason;
  EXPECT_LT(RelDiff(fit.abundance, 14402.5), 1e-4) << fit.abundance;
  EXPECT_NEAR(fit.deviance, 39.83, 0.01);
  EXPECT_EQ(fit.df, 4);
  AddProfileInterval(fit, 0.95);
  ASSERT_TRUE(fit.has_ci);
  EXPECT_LT(RelDiff(fit.ci_low, 12523), 1e-3) << fit.ci_low;
  EXPECT_LT(RelDiff(fit.ci_high, 16668), 1e-3) << fit.ci_high;
}

// Published (MultipleSystemsEstimation): [12,23] N = 157.17, BIC 57.14;
// [12,3] N = 268.78, BIC 58.97; [1,2,3] N = 141.99, BIC 184.14.
TEST(LoglinearModelsTest, KoreaPublishedModels) {
  const CaptureTable table = testing::LoadTable("korea.csv");
  struct Case {
    const char* name;
    double n;
    double bic;
  };
  for (const Case& c : {Case{"[12,23]", 157.17, 57.14}, Case{"[12,3]", 268.78, 58.97},
                        Case{"[1,2,3]", 141.99, 184.14}}) {
    SCOPED_TRACE(c.name);
    auto model = ParseHierarchicalModel(c.name, 3);
    ASSERT_TRUE(model.ok());
    const LoglinearFit fit = FitLoglinearModel(table, *model);
    ASSERT_TRUE(fit.has_estimate()) << fit.reason;
    EXPECT_NEAR(fit.abundance, c.n, 0.01);
    EXPECT_NEAR(fit.bic, c.bic, 0.01) << fit.bic << " deviance " << fit.deviance;
  }
}

// Published: the independence model on the UK 2013 table gives 12,214.0.
TEST(LoglinearModelsTest, Uk2013Independence) {
  const CaptureTable table = testing::LoadTable("uk2013.csv");
  const LoglinearFit fit = FitLoglinearModel(table, LoglinearModel{});
  ASSERT_EQ(fit.status, FitStatus::kOk) << fit.reason;
  EXPECT_EQ(fit.name, "[1,2,3,4,5,6]");
  EXPECT_NEAR(fit.abundance, 12214.0, 0.05);
}

TEST(LoglinearModelsTest, NamesAndParsing) {
  auto model = ParseHierarchicalModel("[123,4]", 4);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->terms.size(), 4u);  // 12, 13, 23, 123
  EXPECT_EQ(ModelName(*model, 4), "[123,4]");
  EXPECT_EQ(ModelName(LoglinearModel{}, 3), "[1,2,3]");
  EXPECT_FALSE(ParseHierarchicalModel("[1234]", 4).ok());
  EXPECT_FALSE(ParseHierarchicalModel("[15]", 4).ok());
  EXPECT_FALSE(ParseHierarchicalModel("[1x]", 4).ok());
  EXPECT_EQ(HierarchicalSearchSpace(3).size(), 8u);
  EXPECT_EQ(HierarchicalSearchSpace(5).size(), 1024u);
}

TEST(LoglinearModelsTest, SaturatedModelIsNotIdentifiable) {
  const CaptureTable table = testing::LoadTable("korea.csv");
  LoglinearModel model;
  model.terms = {0b011, 0b101, 0b110, 0b111};
  const LoglinearFit fit = FitLoglinearModel(table, model);
  EXPECT_EQ(fit.status, FitStatus::kNotIdentifiable);
  EXPECT_FALSE(fit.reason.empty());
}

TEST(LoglinearModelsTest, ListsThatNeverOverlapHaveNoEstimate) {
  CaptureTable table({"A", "B", "C"});
  table.Add(0b001, 50);
  table.Add(0b010, 40);
  table.Add(0b100, 30);
  const LoglinearFit fit = FitLoglinearModel(table, LoglinearModel{});
  EXPECT_EQ(fit.status, FitStatus::kNotIdentifiable) << fit.abundance;
  auto analysis = AnalyseLoglinear(table);
  ASSERT_TRUE(analysis.ok());
  EXPECT_FALSE(analysis->selected.has_value());
  EXPECT_FALSE(analysis->warnings.empty());
}

TEST(LoglinearModelsTest, AnalysisSelectsByCriterion) {
  const CaptureTable table = testing::LoadTable("korea.csv");
  LoglinearOptions options;
  options.criterion = Criterion::kBic;
  auto analysis = AnalyseLoglinear(table, options);
  ASSERT_TRUE(analysis.ok());
  ASSERT_TRUE(analysis->selected.has_value());
  EXPECT_EQ(analysis->models_searched, 8u);
  const LoglinearFit& best = analysis->models[*analysis->selected];
  for (const LoglinearFit& fit : analysis->models) {
    if (fit.status == FitStatus::kOk && fit.model.kind == LoglinearKind::kHierarchical) {
      EXPECT_LE(best.bic, fit.bic + 1e-9) << fit.name;
    }
  }
  EXPECT_NE(Find(*analysis, "M0"), nullptr);
  EXPECT_NE(Find(*analysis, "[1,2,3]"), nullptr);
}

// Five of the UK lists (the six-list search, 32,768 models, runs in the
// end-to-end test: too slow for the sanitizer build).
TEST(LoglinearModelsTest, FiveListSearchRuns) {
  const CaptureTable table = testing::LoadTable("uk2013.csv").Select({0, 1, 2, 3, 4});
  LoglinearOptions options;
  options.profile_ci = false;
  auto analysis = AnalyseLoglinear(table, options);
  ASSERT_TRUE(analysis.ok());
  EXPECT_EQ(analysis->models_searched, 1024u);
  ASSERT_TRUE(analysis->selected.has_value());
  const LoglinearFit& best = analysis->models[*analysis->selected];
  EXPECT_GT(best.abundance, table.Observed());
}

}  // namespace
}  // namespace reckon::estimate
