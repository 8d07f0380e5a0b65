// Incidents: what happened, where, when and (allegedly) by whom, and the
// persons, evidence and testimony linked to each.
//
// Not thread-safe (uses one Store).
#pragma once

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/store.h"

namespace reckon {

// Checks the dates (ISO prefixes, start not after end) and the alleged
// perpetrator's attribution basis, then adds the incident (audited).
Result<Incident> RecordIncident(Store& store, const Incident& incident);

// NotFound "no incident #N".
Result<Incident> FindIncident(Store& store, int64_t incident_id);

struct IncidentFile {
  Incident incident;
  std::vector<int64_t> person_ids;    // ascending
  std::vector<int64_t> evidence_ids;  // ascending
  std::vector<int64_t> testimony_ids;
};
Result<IncidentFile> IncidentFileOf(Store& store, int64_t incident_id);

// The ids on the other side of every link touching (entity, id), for one kind
// of entity ("person", "evidence", ...), ascending.
std::vector<int64_t> LinkedIds(const std::vector<EntityLink>& links, const std::string& entity,
                               int64_t id, const std::string& other);

}  // namespace reckon
