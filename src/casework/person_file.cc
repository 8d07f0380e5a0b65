#include "casework/person_file.h"

#include <algorithm>
#include <set>

#include "casework/incidents.h"

namespace reckon {

Result<PersonFile> PersonFileOf(Store& store, int64_t person_id) {
  PersonFile file;
  RECKON_ASSIGN_OR_RETURN(file.verification, PersonStatusOf(store, person_id));
  RecordFilter filter;
  filter.person_id = person_id;
  RECKON_RETURN_IF_ERROR(store.ScanRecords(filter, [&](const StoredRecord& record) {
    file.records.push_back(record);
    return Status::Ok();
  }));
  RECKON_ASSIGN_OR_RETURN(file.history, store.VerificationDecisions(person_id));
  RECKON_ASSIGN_OR_RETURN(std::vector<EntityLink> links, store.LinksOf("person", person_id));

  const std::vector<int64_t> incident_ids = LinkedIds(links, "person", person_id, "incident");
  RECKON_ASSIGN_OR_RETURN(std::vector<Incident> incidents, store.ListIncidents());
  for (Incident& i : incidents) {
    if (std::binary_search(incident_ids.begin(), incident_ids.end(), i.incident_id)) {
      file.incidents.push_back(std::move(i));
    }
  }
  const std::vector<int64_t> site_ids = LinkedIds(links, "person", person_id, "burial_site");
  RECKON_ASSIGN_OR_RETURN(std::vector<BurialSite> sites, store.ListBurialSites());
  for (BurialSite& s : sites) {
    if (std::binary_search(site_ids.begin(), site_ids.end(), s.burial_site_id)) {
      file.burial_sites.push_back(std::move(s));
    }
  }

  const std::vector<int64_t> evidence_ids = LinkedIds(links, "person", person_id, "evidence");
  std::set<std::string> cited_sha;
  std::vector<int64_t> testimony_ids = LinkedIds(links, "person", person_id, "testimony");
  for (const VerificationDecision& d : file.history) {
    cited_sha.insert(d.evidence_sha256.begin(), d.evidence_sha256.end());
    testimony_ids.insert(testimony_ids.end(), d.testimony_ids.begin(), d.testimony_ids.end());
  }
  std::sort(testimony_ids.begin(), testimony_ids.end());
  RECKON_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store.ListEvidence());
  for (Evidence& e : evidence) {
    if (std::binary_search(evidence_ids.begin(), evidence_ids.end(), e.evidence_id) ||
        cited_sha.count(e.sha256)) {
      file.evidence.push_back(std::move(e));
    }
  }
  RECKON_ASSIGN_OR_RETURN(std::vector<Testimony> testimonies, store.ListTestimonies());
  for (Testimony& t : testimonies) {
    if (std::binary_search(testimony_ids.begin(), testimony_ids.end(), t.testimony_id)) {
      file.testimonies.push_back(std::move(t));
    }
  }
  return file;
}

}  // namespace reckon
