// Verification: each person of the register has a status (docs/verification.md).
//
//  - reported: named by one independent source;
//  - corroborated: named by two or more independent sources, where a source
//    derived from another counts as its root ancestor (a copy is not
//    independent evidence);
//  - verified, disputed, rejected: an investigator's decision, with reviewer,
//    time and rationale. The latest decision is in force; "cleared" returns the
//    person to the computed status. Every decision is kept.
//
// Verified needs a non-empty rationale and, for that person, at least one
// piece of evidence (cited in the decision or linked to the person) or a
// testimony (cited or linked) whose witness is an eyewitness or a relative;
// hearsay alone is not enough. Disputed and rejected need a rationale.
//
// Not thread-safe (uses one Store).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/store.h"

namespace reckon {

enum class PersonStatus { kReported, kCorroborated, kVerified, kDisputed, kRejected };

// "reported", "corroborated", "verified", "disputed", "rejected".
std::string_view PersonStatusName(PersonStatus s);
std::optional<PersonStatus> ParsePersonStatus(std::string_view name);

// VerificationDecision (store/model.h): decision_id, person_id, status
// (verified|disputed|rejected|cleared), reviewer, rationale, decided_at,
// evidence_sha256, testimony_ids.

struct PersonVerification {
  int64_t person_id = 0;
  PersonStatus status = PersonStatus::kReported;    // in force
  PersonStatus computed = PersonStatus::kReported;  // from the sources alone
  int independent_sources = 0;
  std::vector<std::string> sources;              // the independent (root) sources' names, sorted
  std::optional<VerificationDecision> decision;  // the latest decision, if any
};

// Every person of the latest link run, by person_id ascending.
Result<std::vector<PersonVerification>> ComputePersonStatuses(Store& store);

// One person; NotFound when the person is not in the latest link run.
Result<PersonVerification> PersonStatusOf(Store& store, int64_t person_id);

struct VerificationRequest {
  int64_t person_id = 0;
  std::string status;  // verified|disputed|rejected|cleared
  std::string reviewer, rationale;
  std::vector<std::string> evidence_sha256;  // full hashes or unique prefixes (>= 8 hex digits)
  std::vector<int64_t> testimony_ids;
};

// Enforces the rules with clear errors (InvalidArgument naming the person and
// what is missing; NotFound for an unknown person, evidence or testimony);
// one transaction, audited ("verification.decide"). Cited evidence prefixes
// are stored as full hashes.
Result<VerificationDecision> DecideVerification(Store& store, const VerificationRequest& request);

// The person's decisions, oldest first (the last one is in force).
Result<std::vector<VerificationDecision>> VerificationHistory(Store& store, int64_t person_id);

}  // namespace reckon
