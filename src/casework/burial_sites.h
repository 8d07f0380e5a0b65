// Burial sites: individual or mass graves, their (sensitive) location, their
// status (reported, located, exhumed), and the persons and evidence linked.
//
// Not thread-safe (uses one Store).
#pragma once

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/store.h"

namespace reckon {

// Adds a site (audited without its location). The store checks kind, status
// and coordinates.
Result<BurialSite> RecordBurialSite(Store& store, const BurialSite& site);

// NotFound "no burial site #N".
Result<BurialSite> FindBurialSite(Store& store, int64_t burial_site_id);

struct BurialSiteFile {
  BurialSite site;
  std::vector<int64_t> person_ids;    // ascending
  std::vector<int64_t> evidence_ids;  // ascending
};
Result<BurialSiteFile> BurialSiteFileOf(Store& store, int64_t burial_site_id);

}  // namespace reckon
