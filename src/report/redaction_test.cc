#include "report/redaction.h"

#include <gtest/gtest.h>

#include "report/html_report.h"

namespace reckon::report {
namespace {

PersonSummary Minor() {
  PersonSummary p;
  p.person_id = 7;
  p.name_arabic = "سارة خليل";
  p.name_latin = "Sara Khalil";
  p.minor = true;
  p.age_text = "9";
  p.age_group = "5-9";
  return p;
}

TEST(RedactionTest, PublicWithholdsMinorsNamesUnlessAsked) {
  RedactionPolicy policy = RedactionPolicy::Public();
  EXPECT_FALSE(MayShowName(Minor(), policy));
  EXPECT_EQ(NamesFor(Minor(), policy).latin, kMinorNameWithheld);
  policy.include_minor_names = true;
  EXPECT_EQ(NamesFor(Minor(), policy).arabic, "سارة خليل");
  PersonSummary adult = Minor();
  adult.minor = false;
  EXPECT_EQ(NamesFor(adult, RedactionPolicy::Public()).latin, "Sara Khalil");
}

TEST(RedactionTest, InternalStillWithholdsMinorsByDefaultAndPoliciesParse) {
  const RedactionPolicy internal = RedactionPolicy::Internal();
  EXPECT_FALSE(MayShowName(Minor(), internal));
  EXPECT_TRUE(internal.include_burial_locations);
  EXPECT_FALSE(RedactionPolicy::Public().include_burial_locations);
  EXPECT_FALSE(RedactionPolicy::Public().include_testimony);
  EXPECT_TRUE(PolicyNamed("internal").ok());
  EXPECT_FALSE(PolicyNamed("open").ok());
}

TEST(HtmlReportTest, PublicReportWithholdsNamesEscapesAndMarksFigures) {
  ReportData data;
  data.persons = {Minor()};
  data.figures.unique_persons = 1;
  data.figures.records_received = 2;
  data.figures.by_sex = {{"F", 1}};
  Incident incident;
  incident.incident_id = 1;
  incident.title = "<raid>";
  incident.description = "secret description";
  data.incidents = {incident};
  data.figures.by_incident = {{1, "<raid>", 1}};
  ReportOptions options;
  const std::string html = RenderHtmlReport(data, options);
  EXPECT_EQ(html.find("Sara Khalil"), std::string::npos);
  EXPECT_EQ(html.find("سارة"), std::string::npos);
  EXPECT_NE(html.find("name withheld (minor)"), std::string::npos);
  EXPECT_NE(html.find("data-figure=\"unique_persons\">1<"), std::string::npos);
  EXPECT_NE(html.find("data-figure=\"by_sex.F\">1<"), std::string::npos);
  EXPECT_NE(html.find("data-figure=\"by_incident.1.persons\">1<"), std::string::npos);
  EXPECT_NE(html.find("&lt;raid&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<raid>"), std::string::npos);
  EXPECT_EQ(html.find("secret description"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  options.policy = RedactionPolicy::Internal();
  options.policy.include_minor_names = true;
  const std::string internal = RenderHtmlReport(data, options);
  EXPECT_NE(internal.find("Sara Khalil"), std::string::npos);
  EXPECT_NE(internal.find("secret description"), std::string::npos);
}

}  // namespace
}  // namespace reckon::report
