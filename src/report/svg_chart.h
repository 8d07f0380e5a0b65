// Charts as SVG strings: pure functions from figures to markup, shared by the
// HTML report and the web application's dashboard.
//
// Every text is escaped (html_escape.h). A label whose first strong
// character is right-to-left (Arabic) is written with direction="rtl" and
// unicode-bidi="embed", anchored so it ends at the same edge as Latin labels.
// The SVG carries a <title> and role="img" with aria-label for screen readers,
// a viewBox so it scales, and no external reference. The markup is meant to be
// inlined in HTML, so it has no xmlns (add one to serve it as a .svg file).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reckon::report {

struct ChartValue {
  std::string label;
  int64_t value = 0;
};

struct ChartOptions {
  std::string title;
  int width = 640;
  std::string color = "#4b6c8f";
};

// Horizontal bars, one per value, in the order given, with the value at the
// end of each bar.
std::string BarChartSvg(const std::vector<ChartValue>& values, const ChartOptions& options);

// Deaths by day: one column per day from the first to the last date given
// (labels "YYYY-MM-DD"; days between them without deaths drawn as zero).
// Labels that are not dates are left out.
std::string TimelineSvg(const std::vector<ChartValue>& days, const ChartOptions& options);

// An UpSet chart of source overlap: one column per combination (a bar of its
// persons over a matrix of dots marking which sets it contains, joined by a
// line), and per set a horizontal bar of its size.
struct UpsetColumn {
  std::vector<bool> member;  // one per set
  int64_t value = 0;
};
std::string UpsetSvg(const std::vector<std::string>& sets, const std::vector<UpsetColumn>& columns,
                     const ChartOptions& options);

}  // namespace reckon::report
