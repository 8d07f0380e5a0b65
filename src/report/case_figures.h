// The case's figures, computed in one place: `reckon stats`, `reckon report`
// and the web application's /api/stats all call ComputeCaseFigures and show
// CaseFiguresJson, so the three always agree.
//
// Every breakdown of persons (by place, date, sex, age group, status) sums to
// unique_persons: a person without a value is counted under "unknown". Which
// value a person gets when records disagree is person_summary.h's rule.
//
// Thread-safety: free functions; the Store is used by the calling thread only.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "casework/verification.h"
#include "common/status.h"
#include "report/estimate_headline.h"
#include "report/person_summary.h"
#include "store/store.h"

namespace reckon::report {

struct SourceFigures {
  std::string name;
  std::string kind;
  int64_t records = 0;
  std::optional<std::string> derived_from;
  bool independent = true;  // not derived from another source
};

// One value of a breakdown and the persons with it.
struct ValueCount {
  std::string value;
  int64_t persons = 0;
};

// Persons named by exactly this combination of sources (a capture pattern
// over the case's sources as imported, derived ones not merged).
struct SourceCombination {
  std::vector<bool> member;  // one per CaseFigures::sources entry
  int64_t persons = 0;
};

// The latest estimate stored on the register (`reckon estimate CASE`).
struct EstimateFigure {
  int64_t estimate_run_id = 0;
  std::string created_at;
  std::string method;
  std::string stratify_by;
  std::optional<int64_t> link_run_id;
  bool on_latest_register = false;  // computed on the latest link run
  std::optional<EstimateHeadline> headline;
};

// Persons of the register linked to an incident.
struct IncidentFigure {
  int64_t incident_id = 0;
  std::string title;
  int64_t persons = 0;
};

struct CaseFigures {
  int64_t records_received = 0;
  std::vector<SourceFigures> sources;
  std::optional<int64_t> link_run_id;  // nullopt before the first `reckon link`
  int64_t unique_persons = 0;
  int64_t records_linked = 0;
  int64_t minors = 0;                 // persons whose age group is under 18
  std::vector<ValueCount> by_status;  // reported ... rejected (casework/verification.h)
  std::vector<IncidentFigure> by_incident;
  std::vector<ValueCount> by_governorate;  // most persons first, "unknown" last
  std::vector<ValueCount> by_district;
  std::vector<ValueCount> by_death_date;   // by day, in date order, "unknown" last
  std::vector<ValueCount> by_sex;          // M, F, unknown
  std::vector<ValueCount> by_age_group;    // AgeGroups() order
  std::vector<SourceCombination> overlap;  // most persons first
  std::optional<EstimateFigure> estimate;
};

// Figures from the persons and statuses already computed (so a report that
// also lists the persons scans the records and computes statuses once).
// `statuses` is ComputePersonStatuses' result; ignored before the first link run.
Result<CaseFigures> ComputeCaseFigures(Store& store, const std::vector<PersonSummary>& persons,
                                       const std::vector<PersonVerification>& statuses);
Result<CaseFigures> ComputeCaseFigures(Store& store);

// The figures as JSON (field names in docs/report.md, "Figures").
nlohmann::ordered_json CaseFiguresJson(const CaseFigures& figures);

// "list_1+list_3" for a combination.
std::string CombinationName(const CaseFigures& figures, const SourceCombination& combination);

}  // namespace reckon::report
