#include "cli/investigation_json.h"

namespace reckon::cli {

nlohmann::ordered_json IncidentJson(const Incident& i) {
  return {{"incident_id", i.incident_id}, {"title", i.title},
          {"type", i.incident_type},      {"start_date", i.start_date},
          {"end_date", i.end_date},       {"place", i.place},
          {"place_pcode", i.place_pcode}, {"description", i.description},
          {"perpetrator", i.perpetrator}, {"attribution_basis", i.attribution_basis},
          {"created_by", i.created_by},   {"created_at", i.created_at}};
}

nlohmann::ordered_json BurialSiteJson(const BurialSite& s) {
  nlohmann::ordered_json j = {{"burial_site_id", s.burial_site_id},
                              {"name", s.name},
                              {"kind", s.site_kind},
                              {"status", s.status},
                              {"location", s.location},
                              {"latitude", nullptr},
                              {"longitude", nullptr},
                              {"place_pcode", s.place_pcode},
                              {"description", s.description},
                              {"created_by", s.created_by},
                              {"created_at", s.created_at}};
  if (s.latitude) j["latitude"] = *s.latitude;
  if (s.longitude) j["longitude"] = *s.longitude;
  return j;
}

nlohmann::ordered_json TestimonyJson(const Testimony& t) {
  return {{"testimony_id", t.testimony_id}, {"witness_id", t.witness_id},
          {"witness", t.witness_pseudonym}, {"taken_on", t.taken_on},
          {"interviewer", t.interviewer},   {"language", t.language},
          {"relation", t.relation},         {"summary", t.summary},
          {"person_ids", t.person_ids},     {"incident_ids", t.incident_ids},
          {"created_by", t.created_by},     {"created_at", t.created_at}};
}

nlohmann::ordered_json DecisionJson(const VerificationDecision& d) {
  return {{"decision_id", d.decision_id},
          {"person_id", d.person_id},
          {"status", d.status},
          {"reviewer", d.reviewer},
          {"rationale", d.rationale},
          {"decided_at", d.decided_at},
          {"evidence_sha256", d.evidence_sha256},
          {"testimony_ids", d.testimony_ids}};
}

nlohmann::ordered_json VerificationJson(const PersonVerification& v) {
  nlohmann::ordered_json j = {{"person_id", v.person_id},
                              {"status", PersonStatusName(v.status)},
                              {"computed", PersonStatusName(v.computed)},
                              {"independent_sources", v.independent_sources},
                              {"sources", v.sources},
                              {"decision", nullptr}};
  if (v.decision) j["decision"] = DecisionJson(*v.decision);
  return j;
}

nlohmann::ordered_json EvidenceJson(const Evidence& e) {
  return {{"evidence_id", e.evidence_id},
          {"sha256", e.sha256},
          {"original_name", e.original_name},
          {"media_type", e.media_type},
          {"size", e.size},
          {"acquired_by", e.acquired_by},
          {"acquired_at", e.acquired_at},
          {"acquired_from", e.acquired_from},
          {"description", e.description},
          {"stored_path", e.stored_path}};
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

}  // namespace reckon::cli
