#include "report/svg_chart.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "report/html_escape.h"

namespace reckon::report {
namespace {

std::string Num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// Opening tag with viewBox, accessible name and title.
std::string Open(const ChartOptions& options, int height) {
  const std::string title = EscapeHtml(options.title);
  return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(options.width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(options.width) + "\" height=\"" +
         std::to_string(height) + "\" aria-label=\"" + title +
         "\" font-family=\"sans-serif\" font-size=\"12\"><title>" + title + "</title>";
}

// A label ending at x (text-anchor end for left-to-right text; for
// right-to-left text the inline end is on the left, so it anchors at start).
std::string LabelEndingAt(double x, double y, const std::string& label,
                          const std::string& extra = "") {
  const bool rtl = IsRightToLeft(label);
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" +
         (rtl ? "start" : "end") + "\"" + (rtl ? " direction=\"rtl\" unicode-bidi=\"embed\"" : "") +
         extra + ">" + EscapeHtml(label) + "</text>";
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return buffer;
}

std::optional<int64_t> ParseDay(const std::string& text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

}  // namespace

std::string BarChartSvg(const std::vector<ChartValue>& values, const ChartOptions& options) {
  constexpr int kRow = 20, kTop = 8, kLabelWidth = 170, kValueWidth = 60;
  const int height = kTop * 2 + kRow * static_cast<int>(std::max<size_t>(values.size(), 1));
  int64_t max = 1;
  for (const ChartValue& v : values) max = std::max(max, v.value);
  const double span = options.width - kLabelWidth - kValueWidth;
  std::string svg = Open(options, height);
  for (size_t i = 0; i < values.size(); ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    const double w = span * static_cast<double>(values[i].value) / static_cast<double>(max);
    svg += LabelEndingAt(kLabelWidth - 6, y + 14, values[i].label);
    svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + Num(y + 3) + "\" width=\"" +
           Num(w) + "\" height=\"" + std::to_string(kRow - 6) + "\" fill=\"" +
           EscapeHtml(options.color) + "\"/>";
    svg += "<text x=\"" + Num(kLabelWidth + w + 4) + "\" y=\"" + Num(y + 14) + "\">" +
           std::to_string(values[i].value) + "</text>";
  }
  if (values.empty()) svg += "<text x=\"10\" y=\"20\">no data</text>";
  return svg + "</svg>";
}

std::string TimelineSvg(const std::vector<ChartValue>& days, const ChartOptions& options) {
  std::map<int64_t, int64_t> by_day;
  for (const ChartValue& v : days) {
    if (auto day = ParseDay(v.label)) by_day[*day] += v.value;
  }
  constexpr int kHeight = 220, kLeft = 50, kBottom = 60, kTop = 16;
  std::string svg = Open(options, kHeight);
  if (by_day.empty()) return svg + "<text x=\"10\" y=\"20\">no dated deaths</text></svg>";
  const int64_t first = by_day.begin()->first, last = by_day.rbegin()->first;
  const int64_t count = std::min<int64_t>(last - first + 1, 3660);
  int64_t max = 1;
  for (const auto& [day, n] : by_day) max = std::max(max, n);
  const double plot_w = options.width - kLeft - 10, plot_h = kHeight - kTop - kBottom;
  const double col = plot_w / static_cast<double>(count);
  const int64_t label_every = std::max<int64_t>(1, static_cast<int64_t>(40.0 / col) + 1);
  svg += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + Num(kTop + plot_h) + "\" x2=\"" +
         Num(kLeft + plot_w) + "\" y2=\"" + Num(kTop + plot_h) + "\" stroke=\"#888\"/>";
  svg += "<text x=\"" + std::to_string(kLeft - 4) + "\" y=\"" + std::to_string(kTop + 4) +
         "\" text-anchor=\"end\">" + std::to_string(max) + "</text>";
  svg += "<text x=\"" + std::to_string(kLeft - 4) + "\" y=\"" + Num(kTop + plot_h) +
         "\" text-anchor=\"end\">0</text>";
  for (int64_t i = 0; i < count; ++i) {
    const auto it = by_day.find(first + i);
    const int64_t n = it == by_day.end() ? 0 : it->second;
    const double h = plot_h * static_cast<double>(n) / static_cast<double>(max);
    const double x = kLeft + col * static_cast<double>(i);
    const std::string date = CivilFromDays(first + i);
    svg += "<rect x=\"" + Num(x + col * 0.1) + "\" y=\"" + Num(kTop + plot_h - h) + "\" width=\"" +
           Num(col * 0.8) + "\" height=\"" + Num(h) + "\" fill=\"" + EscapeHtml(options.color) +
           "\"><title>" + date + ": " + std::to_string(n) + "</title></rect>";
    if (i % label_every == 0) {
      const double cx = x + col / 2, cy = kTop + plot_h + 8;
      svg += "<text x=\"" + Num(cx) + "\" y=\"" + Num(cy) +
             "\" text-anchor=\"end\" transform=\"rotate(-45 " + Num(cx) + " " + Num(cy) + ")\">" +
             date + "</text>";
    }
  }
  return svg + "</svg>";
}

std::string UpsetSvg(const std::vector<std::string>& sets, const std::vector<UpsetColumn>& columns,
                     const ChartOptions& options) {
  constexpr int kLabelWidth = 150, kSetBarWidth = 110, kBarHeight = 150, kRow = 22, kTop = 14;
  const int matrix_top = kTop + kBarHeight + 8;
  const int height = matrix_top + kRow * static_cast<int>(sets.size()) + 10;
  std::string svg = Open(options, height);
  if (columns.empty()) return svg + "<text x=\"10\" y=\"20\">no persons</text></svg>";
  const int left = kLabelWidth + kSetBarWidth;
  const double col = std::max(
      8.0, static_cast<double>(options.width - left - 10) / static_cast<double>(columns.size()));
  int64_t max = 1;
  std::vector<int64_t> set_size(sets.size(), 0);
  for (const UpsetColumn& c : columns) {
    max = std::max(max, c.value);
    for (size_t s = 0; s < sets.size() && s < c.member.size(); ++s) {
      if (c.member[s]) set_size[s] += c.value;
    }
  }
  int64_t max_set = 1;
  for (int64_t n : set_size) max_set = std::max(max_set, n);
  const std::string color = EscapeHtml(options.color);
  for (size_t s = 0; s < sets.size(); ++s) {
    const double y = matrix_top + kRow * static_cast<double>(s);
    if (s % 2 == 0) {
      svg += "<rect x=\"" + std::to_string(left) + "\" y=\"" + Num(y) + "\" width=\"" +
             Num(col * static_cast<double>(columns.size())) + "\" height=\"" +
             std::to_string(kRow) + "\" fill=\"#f2f2f2\"/>";
    }
    svg += LabelEndingAt(kLabelWidth - 6, y + 15, sets[s]);
    const double w =
        (kSetBarWidth - 40) * static_cast<double>(set_size[s]) / static_cast<double>(max_set);
    svg += "<rect x=\"" + Num(left - 6 - w) + "\" y=\"" + Num(y + 5) + "\" width=\"" + Num(w) +
           "\" height=\"" + std::to_string(kRow - 10) + "\" fill=\"#999\"/>";
    svg += "<text x=\"" + Num(left - 10 - w) + "\" y=\"" + Num(y + 15) +
           "\" text-anchor=\"end\" font-size=\"10\">" + std::to_string(set_size[s]) + "</text>";
  }
  for (size_t c = 0; c < columns.size(); ++c) {
    const double cx = left + col * (static_cast<double>(c) + 0.5);
    const double h =
        (kBarHeight - 14) * static_cast<double>(columns[c].value) / static_cast<double>(max);
    svg += "<rect x=\"" + Num(cx - col * 0.35) + "\" y=\"" + Num(kTop + kBarHeight - h) +
           "\" width=\"" + Num(col * 0.7) + "\" height=\"" + Num(h) + "\" fill=\"" + color + "\"/>";
    svg += "<text x=\"" + Num(cx) + "\" y=\"" + Num(kTop + kBarHeight - h - 3) +
           "\" text-anchor=\"middle\" font-size=\"10\">" + std::to_string(columns[c].value) +
           "</text>";
    double first_y = -1, last_y = -1;
    for (size_t s = 0; s < sets.size(); ++s) {
      const bool in = s < columns[c].member.size() && columns[c].member[s];
      const double cy = matrix_top + kRow * (static_cast<double>(s) + 0.5);
      if (in) {
        if (first_y < 0) first_y = cy;
        last_y = cy;
      }
      svg += "<circle cx=\"" + Num(cx) + "\" cy=\"" + Num(cy) + "\" r=\"5\" fill=\"" +
             (in ? color : std::string("#d0d0d0")) + "\"/>";
    }
    if (first_y >= 0 && last_y > first_y) {
      svg += "<line x1=\"" + Num(cx) + "\" y1=\"" + Num(first_y) + "\" x2=\"" + Num(cx) +
             "\" y2=\"" + Num(last_y) + "\" stroke=\"" + color + "\" stroke-width=\"2\"/>";
    }
  }
  return svg + "</svg>";
}

}  // namespace reckon::report
