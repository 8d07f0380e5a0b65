#include "serve/figures_cache.h"

#include <gtest/gtest.h>

namespace reckon::serve {
namespace {

TEST(FiguresCacheTest, StatsAreTheReportsFiguresAndChartsAreStandaloneSvg) {
  report::CaseFigures f;
  f.records_received = 5;
  f.unique_persons = 3;
  f.sources = {{"list_1", "ngo_list", 3, std::nullopt, true},
               {"list_2", "other", 2, std::nullopt, true}};
  f.by_status = {{"corroborated", 2}, {"reported", 1}};
  f.by_death_date = {{"2025-03-07", 1}, {"2025-03-09", 2}};
  f.by_governorate = {{"اللاذقية", 2}, {"unknown", 1}};
  f.overlap = {{{true, true}, 2}, {{true, false}, 1}};
  const CachedFigures cached = RenderFigures(f);
  EXPECT_EQ(cached.stats_json, report::CaseFiguresJson(f).dump());
  ASSERT_EQ(cached.charts.size(), 3u);
  for (const char* name : {"timeline.svg", "places.svg", "overlap.svg"}) {
    ASSERT_TRUE(cached.charts.count(name)) << name;
    const std::string& svg = cached.charts.at(name);
    EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos) << name;
    EXPECT_EQ(svg.find("<svg", svg.find("<svg") + 1), std::string::npos) << name;
  }
  EXPECT_NE(cached.charts.at("places.svg").find("اللاذقية"), std::string::npos);
  EXPECT_EQ(cached.charts.at("places.svg").find(">unknown<"), std::string::npos);
}

TEST(FiguresCacheTest, EmptyBeforeTheFirstRefresh) {
  FiguresCache cache;
  EXPECT_TRUE(cache.Current()->charts.empty());
}

}  // namespace
}  // namespace reckon::serve
