// A person's file: everything the case holds about one person of the
// register — records by source, verification status and history, incidents,
// burial sites, evidence and testimonies (witnesses by pseudonym only).
//
// Not thread-safe (uses one Store).
#pragma once

#include <cstdint>
#include <vector>

#include "casework/verification.h"
#include "common/status.h"
#include "store/model.h"
#include "store/store.h"

namespace reckon {

struct PersonFile {
  PersonVerification verification;
  std::vector<StoredRecord> records;          // by record_pk (so by source, then row)
  std::vector<VerificationDecision> history;  // oldest first
  std::vector<Incident> incidents;
  std::vector<BurialSite> burial_sites;
  // Linked to the person, or cited by one of its decisions; by evidence_id.
  std::vector<Evidence> evidence;
  // Linked to the person, or cited by one of its decisions; by testimony_id.
  std::vector<Testimony> testimonies;
};

// NotFound when the person is not in the latest link run.
Result<PersonFile> PersonFileOf(Store& store, int64_t person_id);

}  // namespace reckon
