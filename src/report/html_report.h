// The self-contained HTML report of a case (`reckon report`, docs/report.md):
// one file with inline CSS and SVG, no external request of any kind, readable
// in print (@media print), with right-to-left text marked (dir="auto").
//
// Every figure is a cell with a data-figure attribute whose key is the path
// of the figure in CaseFiguresJson ("unique_persons", "by_sex.M",
// "sources.list_1.records", "overlap.list_1+list_3"), so tests and readers
// can check the report against `reckon stats --json`.
//
// Thread-safety: LoadReportData uses the Store from the calling thread only;
// RenderHtmlReport is a pure function.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "report/case_figures.h"
#include "report/person_summary.h"
#include "report/redaction.h"
#include "store/store.h"

namespace reckon::report {

// An estimate as stored by `reckon estimate` (schema v4 estimate_runs).
struct StoredEstimateView {
  int64_t id = 0;
  std::string created_at;
  std::string method;
  std::string stratify_by;
  std::optional<int64_t> link_run_id;
  nlohmann::json result;  // estimate/estimate_report.h ReportJson, as stored
};

struct ReportData {
  CaseFigures figures;
  std::vector<PersonSummary> persons;
  std::optional<LinkRunInfo> link_run;
  int64_t review_decisions = 0;
  std::optional<StoredEstimateView> estimate;         // figures.estimate's full result
  std::optional<nlohmann::json> linkage_sensitivity;  // the latest stored sensitivity rows
  std::map<int64_t, std::string> status_of_person;    // PersonStatusName, when known
  std::vector<Incident> incidents;
};

Result<ReportData> LoadReportData(Store& store);

struct ReportOptions {
  std::string title = "Report on the victims of the case";
  std::string case_name;     // shown in the header
  std::string generated_at;  // UTC, shown in the header
  RedactionPolicy policy;
};

std::string RenderHtmlReport(const ReportData& data, const ReportOptions& options);

}  // namespace reckon::report
