#include "casework/burial_sites.h"

#include "casework/incidents.h"
#include "common/strings.h"

namespace reckon {

Result<BurialSite> RecordBurialSite(Store& store, const BurialSite& site) {
  BurialSite cleaned = site;
  cleaned.name = std::string(Trim(site.name));
  return store.AddBurialSite(cleaned);
}

Result<BurialSite> FindBurialSite(Store& store, int64_t burial_site_id) {
  RECKON_ASSIGN_OR_RETURN(std::vector<BurialSite> all, store.ListBurialSites());
  for (BurialSite& site : all) {
    if (site.burial_site_id == burial_site_id) return std::move(site);
  }
  return Status::NotFound("no burial site #" + std::to_string(burial_site_id));
}

Result<BurialSiteFile> BurialSiteFileOf(Store& store, int64_t burial_site_id) {
  BurialSiteFile file;
  RECKON_ASSIGN_OR_RETURN(file.site, FindBurialSite(store, burial_site_id));
  RECKON_ASSIGN_OR_RETURN(std::vector<EntityLink> links,
                          store.LinksOf("burial_site", burial_site_id));
  file.person_ids = LinkedIds(links, "burial_site", burial_site_id, "person");
  file.evidence_ids = LinkedIds(links, "burial_site", burial_site_id, "evidence");
  return file;
}

}  // namespace reckon
