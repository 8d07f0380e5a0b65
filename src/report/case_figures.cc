#include "report/case_figures.h"

#include <algorithm>
#include <map>
#include <set>

#include "casework/verification.h"

namespace reckon::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kUnknown = "unknown";

// Counts persons by `value_of`; most persons first (ties by value), unknown last.
template <typename ValueOf>
std::vector<ValueCount> ByCount(const std::vector<PersonSummary>& persons, ValueOf value_of) {
  std::map<std::string, int64_t> counts;
  for (const PersonSummary& p : persons) {
    std::string value = value_of(p);
    ++counts[value.empty() ? kUnknown : value];
  }
  std::vector<ValueCount> out;
  for (const auto& [value, n] : counts) out.push_back({value, n});
  std::stable_sort(out.begin(), out.end(), [](const ValueCount& a, const ValueCount& b) {
    const bool a_unknown = a.value == kUnknown, b_unknown = b.value == kUnknown;
    if (a_unknown != b_unknown) return b_unknown;
    return a.persons > b.persons;
  });
  return out;
}

// Counts persons by a value from a fixed list, in its order; absent values get 0.
std::vector<ValueCount> ByFixedValues(const std::vector<std::string>& values,
                                      const std::map<std::string, int64_t>& counts) {
  std::vector<ValueCount> out;
  for (const std::string& value : values) {
    const auto it = counts.find(value);
    out.push_back({value, it == counts.end() ? 0 : it->second});
  }
  return out;
}

Json CountsJson(const std::vector<ValueCount>& counts) {
  Json j = Json::array();
  for (const ValueCount& c : counts) j.push_back({{"value", c.value}, {"persons", c.persons}});
  return j;
}

}  // namespace

Result<CaseFigures> ComputeCaseFigures(Store& store, const std::vector<PersonSummary>& persons,
                                       const std::vector<PersonVerification>& statuses) {
  CaseFigures f;
  RECKON_ASSIGN_OR_RETURN(std::vector<Source> sources, store.ListSources());
  std::map<std::string, size_t> index_of_source;
  for (const Source& s : sources) {
    index_of_source[s.name] = f.sources.size();
    f.sources.push_back({s.name, std::string(SourceKindName(s.kind)), s.record_count,
                         s.derived_from, !s.derived_from.has_value()});
    f.records_received += s.record_count;
  }
  RECKON_ASSIGN_OR_RETURN(std::optional<LinkRunInfo> run, store.LatestLinkRun());
  if (run) f.link_run_id = run->run_id;
  f.unique_persons = static_cast<int64_t>(persons.size());

  std::map<std::string, int64_t> sex, age_groups, days;
  std::map<std::vector<bool>, int64_t> combinations;
  for (const PersonSummary& p : persons) {
    f.records_linked += p.record_count;
    ++sex[p.sex.empty() ? kUnknown : p.sex];
    ++age_groups[p.age_group];
    ++days[p.death_date.size() == 10 ? p.death_date : kUnknown];
    std::vector<bool> member(f.sources.size(), false);
    for (const std::string& name : p.sources) {
      const auto it = index_of_source.find(name);
      if (it != index_of_source.end()) member[it->second] = true;
    }
    ++combinations[member];
  }
  for (size_t g = 0; g < 4; ++g) f.minors += age_groups[AgeGroups()[g]];
  f.by_sex = ByFixedValues({"M", "F", kUnknown}, sex);
  f.by_age_group = ByFixedValues(AgeGroups(), age_groups);
  for (const auto& [day, n] : days) {
    if (day != kUnknown) f.by_death_date.push_back({day, n});
  }
  if (days.count(kUnknown)) f.by_death_date.push_back({kUnknown, days[kUnknown]});
  f.by_governorate = ByCount(persons, [](const PersonSummary& p) { return p.governorate; });
  f.by_district = ByCount(persons, [](const PersonSummary& p) { return p.district; });
  for (const auto& [member, n] : combinations) f.overlap.push_back({member, n});
  std::stable_sort(
      f.overlap.begin(), f.overlap.end(),
      [](const SourceCombination& a, const SourceCombination& b) { return a.persons > b.persons; });
  if (f.link_run_id) {
    std::map<std::string, int64_t> status_counts;
    for (const PersonVerification& v : statuses)
      ++status_counts[std::string(PersonStatusName(v.status))];
    std::vector<std::string> names;
    for (PersonStatus s :
         {PersonStatus::kReported, PersonStatus::kCorroborated, PersonStatus::kVerified,
          PersonStatus::kDisputed, PersonStatus::kRejected}) {
      names.emplace_back(PersonStatusName(s));
    }
    f.by_status = ByFixedValues(names, status_counts);
  }
  std::set<int64_t> in_register;
  for (const PersonSummary& p : persons) in_register.insert(p.person_id);
  RECKON_ASSIGN_OR_RETURN(std::vector<Incident> incidents, store.ListIncidents());
  for (const Incident& incident : incidents) {
    RECKON_ASSIGN_OR_RETURN(std::vector<EntityLink> links,
                            store.LinksOf("incident", incident.incident_id));
    std::set<int64_t> linked;
    for (const EntityLink& link : links) {
      if (link.from_entity == "incident" && link.from_id == incident.incident_id &&
          link.to_entity == "person" && in_register.count(link.to_id)) {
        linked.insert(link.to_id);
      }
    }
    f.by_incident.push_back(
        {incident.incident_id, incident.title, static_cast<int64_t>(linked.size())});
  }
  RECKON_ASSIGN_OR_RETURN(std::vector<EstimateRun> estimates, store.EstimateRuns());
  for (const EstimateRun& stored : estimates) {  // newest first
    if (stored.input != "register") continue;
    EstimateFigure e;
    e.estimate_run_id = stored.estimate_run_id;
    e.created_at = stored.created_at;
    e.method = stored.method;
    e.stratify_by = stored.stratify_by;
    e.link_run_id = stored.link_run_id;
    e.on_latest_register = stored.link_run_id && stored.link_run_id == f.link_run_id;
    e.headline = EstimateHeadlineOf(nlohmann::json::parse(stored.result_json, nullptr, false));
    f.estimate = e;
    break;
  }
  return f;
}

Result<CaseFigures> ComputeCaseFigures(Store& store) {
  RECKON_ASSIGN_OR_RETURN(std::vector<PersonSummary> persons, SummarisePersons(store));
  RECKON_ASSIGN_OR_RETURN(std::optional<LinkRunInfo> link_run, store.LatestLinkRun());
  std::vector<PersonVerification> statuses;
  if (link_run) {
    RECKON_ASSIGN_OR_RETURN(statuses, ComputePersonStatuses(store));
  }
  return ComputeCaseFigures(store, persons, statuses);
}

std::string CombinationName(const CaseFigures& figures, const SourceCombination& combination) {
  std::string name;
  for (size_t i = 0; i < combination.member.size() && i < figures.sources.size(); ++i) {
    if (!combination.member[i]) continue;
    if (!name.empty()) name += '+';
    name += figures.sources[i].name;
  }
  return name;
}

Json CaseFiguresJson(const CaseFigures& f) {
  Json j;
  j["records_received"] = f.records_received;
  j["sources"] = Json::array();
  for (const SourceFigures& s : f.sources) {
    j["sources"].push_back({{"name", s.name},
                            {"kind", s.kind},
                            {"records", s.records},
                            {"derived_from", s.derived_from ? Json(*s.derived_from) : Json()},
                            {"independent", s.independent}});
  }
  j["link_run_id"] = f.link_run_id ? Json(*f.link_run_id) : Json();
  j["unique_persons"] = f.unique_persons;
  j["records_linked"] = f.records_linked;
  j["minors"] = f.minors;
  if (!f.by_status.empty()) j["by_status"] = CountsJson(f.by_status);
  j["by_incident"] = Json::array();
  for (const IncidentFigure& i : f.by_incident) {
    j["by_incident"].push_back(
        {{"incident_id", i.incident_id}, {"title", i.title}, {"persons", i.persons}});
  }
  j["by_governorate"] = CountsJson(f.by_governorate);
  j["by_district"] = CountsJson(f.by_district);
  j["by_death_date"] = CountsJson(f.by_death_date);
  j["by_sex"] = CountsJson(f.by_sex);
  j["by_age_group"] = CountsJson(f.by_age_group);
  Json overlap = Json::array();
  for (const SourceCombination& c : f.overlap) {
    Json sources = Json::array();
    for (size_t i = 0; i < c.member.size(); ++i) {
      if (c.member[i]) sources.push_back(f.sources[i].name);
    }
    overlap.push_back({{"sources", sources}, {"persons", c.persons}});
  }
  j["overlap"] = overlap;
  if (f.estimate) {
    const EstimateFigure& e = *f.estimate;
    Json ej = {{"estimate_run_id", e.estimate_run_id},
               {"created_at", e.created_at},
               {"method", e.method},
               {"stratify_by", e.stratify_by},
               {"link_run_id", e.link_run_id ? Json(*e.link_run_id) : Json()},
               {"on_latest_register", e.on_latest_register}};
    if (e.headline) {
      ej["headline"] = {{"method", e.headline->method},
                        {"total", e.headline->value},
                        {"low", e.headline->low},
                        {"high", e.headline->high},
                        {"provisional", e.headline->provisional},
                        {"caveat", e.headline->caveat}};
    }
    j["estimate"] = ej;
  }
  return j;
}

}  // namespace reckon::report
