#include "serve/figures_cache.h"

#include "casework/verification.h"
#include "report/svg_chart.h"

namespace reckon::serve {
namespace {

// The report's chart markup is meant to be inlined in HTML; served as a file
// (an <img> source) it needs the SVG namespace.
std::string Standalone(std::string svg) {
  if (svg.rfind("<svg ", 0) == 0) {
    svg.insert(4, " xmlns=\"http://www.w3.org/2000/svg\"");
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
}

std::vector<report::ChartValue> Values(const std::vector<report::ValueCount>& counts,
                                       bool known_only, size_t limit) {
  std::vector<report::ChartValue> out;
  for (const report::ValueCount& c : counts) {
    if (out.size() >= limit) break;
    if (known_only && c.value == "unknown") continue;
    out.push_back({c.value, c.persons});
  }
  return out;
}

}  // namespace

CachedFigures RenderFigures(const report::CaseFigures& f) {
  CachedFigures out;
  out.stats_json =
      report::CaseFiguresJson(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The same selections as the report (report/html_report.cc).
  out.charts["timeline.svg"] = Standalone(report::TimelineSvg(
      Values(f.by_death_date, false, f.by_death_date.size()), {"Deaths by day", 900}));
  out.charts["places.svg"] = Standalone(
      report::BarChartSvg(Values(f.by_governorate, true, 25), {"Persons by governorate", 640}));
  std::vector<std::string> names;
  for (const report::SourceFigures& s : f.sources) names.push_back(s.name);
  std::vector<report::UpsetColumn> columns;
  for (const report::SourceCombination& c : f.overlap) {
    if (columns.size() >= 40) break;
    columns.push_back({c.member, c.persons});
  }
  out.charts["overlap.svg"] =
      Standalone(report::UpsetSvg(names, columns, {"Persons by combination of sources", 900}));
  return out;
}

Status FiguresCache::Refresh(Store& store) {
  std::lock_guard refresh(refresh_mutex_);
  persons_.reset();
  return Publish(store);
}

Status FiguresCache::RefreshCasework(Store& store) {
  std::lock_guard refresh(refresh_mutex_);
  return Publish(store);
}

Status FiguresCache::Publish(Store& store) {
  if (!persons_) {
    RECKON_ASSIGN_OR_RETURN(std::vector<report::PersonSummary> persons,
                            report::SummarisePersons(store));
    persons_ = std::move(persons);
  }
  std::vector<PersonVerification> statuses;
  RECKON_ASSIGN_OR_RETURN(std::optional<LinkRunInfo> link_run, store.LatestLinkRun());
  if (link_run) {
    RECKON_ASSIGN_OR_RETURN(statuses, ComputePersonStatuses(store));
  }
  RECKON_ASSIGN_OR_RETURN(report::CaseFigures figures,
                          report::ComputeCaseFigures(store, *persons_, statuses));
  auto rendered = std::make_shared<const CachedFigures>(RenderFigures(figures));
  std::lock_guard lock(mutex_);
  current_ = std::move(rendered);
  return Status::Ok();
}

std::shared_ptr<const CachedFigures> FiguresCache::Current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace reckon::serve
