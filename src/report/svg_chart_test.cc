#include "report/svg_chart.h"

#include <gtest/gtest.h>

#include "report/html_escape.h"

namespace reckon::report {
namespace {

TEST(HtmlEscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ(EscapeHtml("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(EscapeHtml("أحمد"), "أحمد");
  EXPECT_EQ(EscapeHtml(std::string("a\x01z")), "az");
  EXPECT_EQ(EscapeHtml(std::string("a\xff")), "a\xEF\xBF\xBD");  // U+FFFD
}

TEST(HtmlEscapeTest, DetectsRightToLeftFromTheFirstStrongCharacter) {
  EXPECT_TRUE(IsRightToLeft("اللاذقية"));
  EXPECT_TRUE(IsRightToLeft("12 بانياس"));
  EXPECT_FALSE(IsRightToLeft("Latakia اللاذقية"));
  EXPECT_FALSE(IsRightToLeft("2025-03-07"));
}

TEST(SvgChartTest, BarChartEscapesLabelsAndMarksArabicRightToLeft) {
  const std::string svg = BarChartSvg({{"<b>Latakia</b>", 3}, {"بانياس", 5}}, {"By <place>"});
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;Latakia&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(svg.find("<title>By &lt;place&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("direction=\"rtl\" unicode-bidi=\"embed\">بانياس</text>"), std::string::npos);
  EXPECT_EQ(svg.rfind("</svg>"), svg.size() - 6);
  // No external reference of any kind.
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.find("url("), std::string::npos);
}

TEST(SvgChartTest, TimelineFillsDaysWithoutDeaths) {
  const std::string svg =
      TimelineSvg({{"2025-03-06", 2}, {"2025-03-09", 4}, {"unknown", 9}}, {"Deaths by day"});
  for (const char* day : {"2025-03-06: 2", "2025-03-07: 0", "2025-03-08: 0", "2025-03-09: 4"}) {
    EXPECT_NE(svg.find(day), std::string::npos) << day;
  }
  EXPECT_EQ(svg.find("unknown"), std::string::npos);
  // Month ends roll over correctly.
  const std::string leap = TimelineSvg({{"2024-02-28", 1}, {"2024-03-01", 1}}, {"t"});
  EXPECT_NE(leap.find("2024-02-29: 0"), std::string::npos);
}

TEST(SvgChartTest, UpsetDrawsOneColumnPerCombinationAndSetSizes) {
  const std::string svg =
      UpsetSvg({"A", "B"}, {{{true, false}, 7}, {{true, true}, 3}}, {"Overlap"});
  EXPECT_NE(svg.find(">7</text>"), std::string::npos);
  EXPECT_NE(svg.find(">10</text>"), std::string::npos);  // |A| = 7 + 3
  size_t circles = 0;
  for (size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) {
    ++circles;
  }
  EXPECT_EQ(circles, 4u);
  EXPECT_NE(svg.find("<line"), std::string::npos);  // the joined dots of {A,B}
}

}  // namespace
}  // namespace reckon::report
