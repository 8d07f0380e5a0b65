#include "casework/incidents.h"

#include <algorithm>

#include "casework/iso_date.h"
#include "common/strings.h"

namespace reckon {

std::vector<int64_t> LinkedIds(const std::vector<EntityLink>& links, const std::string& entity,
                               int64_t id, const std::string& other) {
  std::vector<int64_t> out;
  for (const EntityLink& link : links) {
    if (link.from_entity == entity && link.from_id == id && link.to_entity == other) {
      out.push_back(link.to_id);
    } else if (link.to_entity == entity && link.to_id == id && link.from_entity == other) {
      out.push_back(link.from_id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<Incident> RecordIncident(Store& store, const Incident& incident) {
  Incident cleaned = incident;
  cleaned.title = std::string(Trim(incident.title));
  const std::string what = "incident '" + cleaned.title + "'";
  RECKON_RETURN_IF_ERROR(CheckIsoDate(what, "start date", cleaned.start_date));
  RECKON_RETURN_IF_ERROR(CheckIsoDate(what, "end date", cleaned.end_date));
  if (!cleaned.end_date.empty() && cleaned.start_date.empty()) {
    return Status::InvalidArgument(what + ": an end date needs a start date");
  }
  const size_t common = std::min(cleaned.start_date.size(), cleaned.end_date.size());
  if (!cleaned.end_date.empty() &&
      cleaned.end_date.compare(0, common, cleaned.start_date, 0, common) < 0) {
    return Status::InvalidArgument(what + ": end date " + cleaned.end_date +
                                   " is before start date " + cleaned.start_date);
  }
  if (!Trim(cleaned.perpetrator).empty() && Trim(cleaned.attribution_basis).empty()) {
    return Status::InvalidArgument(
        what + ": an alleged perpetrator needs the basis for the attribution (--basis)");
  }
  return store.AddIncident(cleaned);
}

Result<Incident> FindIncident(Store& store, int64_t incident_id) {
  RECKON_ASSIGN_OR_RETURN(std::vector<Incident> all, store.ListIncidents());
  for (Incident& incident : all) {
    if (incident.incident_id == incident_id) return std::move(incident);
  }
  return Status::NotFound("no incident #" + std::to_string(incident_id));
}

Result<IncidentFile> IncidentFileOf(Store& store, int64_t incident_id) {
  IncidentFile file;
  RECKON_ASSIGN_OR_RETURN(file.incident, FindIncident(store, incident_id));
  RECKON_ASSIGN_OR_RETURN(std::vector<EntityLink> links, store.LinksOf("incident", incident_id));
  file.person_ids = LinkedIds(links, "incident", incident_id, "person");
  file.evidence_ids = LinkedIds(links, "incident", incident_id, "evidence");
  file.testimony_ids = LinkedIds(links, "incident", incident_id, "testimony");
  return file;
}

}  // namespace reckon
