#include "report/person_captures.h"

#include <algorithm>
#include <map>

namespace reckon::report {
namespace {

std::string ValueOf(const PersonSummary& p, const std::string& by) {
  if (by == "governorate") return p.governorate;
  if (by == "district") return p.district;
  if (by == "locality") return p.locality;
  if (by == "sex") return p.sex;
  if (by == "month") return p.death_date.substr(0, std::min<size_t>(7, p.death_date.size()));
  if (by == "age_group") return p.age_group == "unknown" ? "" : p.age_group;
  return {};
}

}  // namespace

const std::vector<std::string>& CaptureStrataFields() {
  static const std::vector<std::string> kFields = {"governorate", "district", "locality",
                                                   "sex",         "month",    "age_group"};
  return kFields;
}

Result<std::vector<estimate::Stratum>> PersonCaptureStrata(
    const std::vector<Source>& sources, const std::vector<PersonSummary>& persons,
    const std::string& by) {
  if (!by.empty() && std::find(CaptureStrataFields().begin(), CaptureStrataFields().end(), by) ==
                         CaptureStrataFields().end()) {
    return Status::InvalidArgument("cannot stratify by '" + by +
                                   "' (governorate, district, locality, sex, month, age_group)");
  }
  // Each source's list: its root after following derived_from.
  std::map<std::string, const Source*> by_name;
  for (const Source& s : sources) by_name[s.name] = &s;
  std::vector<std::string> lists;
  std::map<std::string, int> list_of_source;
  for (const Source& s : sources) {
    if (s.record_count == 0) continue;
    const Source* root = &s;
    for (int depth = 0; root->derived_from && depth < 16; ++depth) {
      const auto parent = by_name.find(*root->derived_from);
      if (parent == by_name.end()) break;
      root = parent->second;
    }
    auto it = std::find(lists.begin(), lists.end(), root->name);
    if (it == lists.end()) it = lists.insert(lists.end(), root->name);
    list_of_source[s.name] = static_cast<int>(it - lists.begin());
  }
  std::map<std::string, std::vector<uint32_t>> patterns;
  for (const PersonSummary& p : persons) {
    uint32_t pattern = 0;
    for (const std::string& s : p.sources) {
      const auto it = list_of_source.find(s);
      if (it != list_of_source.end()) pattern |= 1u << it->second;
    }
    std::string stratum;
    if (!by.empty()) {
      stratum = ValueOf(p, by);
      if (stratum.empty()) stratum = "(unknown)";
    }
    patterns[stratum].push_back(pattern);
  }
  std::vector<estimate::Stratum> strata;
  for (const auto& [name, stratum_patterns] : patterns) {
    RECKON_ASSIGN_OR_RETURN(estimate::CaptureTable table,
                            estimate::FromHistories(lists, stratum_patterns));
    strata.push_back({name, std::move(table)});
  }
  return strata;
}

}  // namespace reckon::report
