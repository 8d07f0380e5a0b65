// JSON forms of the investigation's entities for `--json` output (incident,
// burial, testimony, verify, person). Witnesses appear by id and pseudonym
// only. Thread-safe: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "casework/verification.h"
#include "store/model.h"

namespace reckon::cli {

nlohmann::ordered_json IncidentJson(const Incident& incident);
nlohmann::ordered_json BurialSiteJson(const BurialSite& site);
nlohmann::ordered_json TestimonyJson(const Testimony& testimony);
nlohmann::ordered_json DecisionJson(const VerificationDecision& decision);
nlohmann::ordered_json VerificationJson(const PersonVerification& verification);
nlohmann::ordered_json EvidenceJson(const Evidence& evidence);

// "1, 4, 7" for tables.
std::string JoinIds(const std::vector<int64_t>& ids);

}  // namespace reckon::cli
