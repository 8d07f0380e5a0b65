#include "casework/verification.h"

#include <algorithm>
#include <map>
#include <set>

#include "casework/evidence_store.h"
#include "common/strings.h"

namespace reckon {
namespace {

constexpr std::string_view kStatusNames[] = {"reported", "corroborated", "verified", "disputed",
                                             "rejected"};

// Source id -> name of its root ancestor (derived_from followed to the top).
Result<std::map<int64_t, std::string>> RootSourceNames(Store& store) {
  RECKON_ASSIGN_OR_RETURN(std::vector<Source> sources, store.ListSources());
  std::map<std::string, const Source*> by_name;
  for (const Source& s : sources) by_name[s.name] = &s;
  std::map<int64_t, std::string> root_of;
  for (const Source& s : sources) {
    const Source* current = &s;
    // Bounded: a cycle cannot be created through AddSource, but stay safe.
    for (size_t depth = 0; current->derived_from && depth <= sources.size(); ++depth) {
      auto parent = by_name.find(*current->derived_from);
      if (parent == by_name.end()) break;
      current = parent->second;
    }
    root_of[s.id] = current->name;
  }
  return root_of;
}

PersonVerification Summarise(int64_t person_id, const std::set<std::string>& roots,
                             const std::optional<VerificationDecision>& decision) {
  PersonVerification v;
  v.person_id = person_id;
  v.sources.assign(roots.begin(), roots.end());
  v.independent_sources = static_cast<int>(roots.size());
  v.computed = roots.size() >= 2 ? PersonStatus::kCorroborated : PersonStatus::kReported;
  v.status = v.computed;
  v.decision = decision;
  if (decision && decision->status != "cleared") {
    v.status = ParsePersonStatus(decision->status).value_or(v.computed);
  }
  return v;
}

}  // namespace

std::string_view PersonStatusName(PersonStatus s) { return kStatusNames[static_cast<size_t>(s)]; }

std::optional<PersonStatus> ParsePersonStatus(std::string_view name) {
  for (size_t i = 0; i < std::size(kStatusNames); ++i) {
    if (kStatusNames[i] == name) return static_cast<PersonStatus>(i);
  }
  return std::nullopt;
}

Result<std::vector<PersonVerification>> ComputePersonStatuses(Store& store) {
  RECKON_ASSIGN_OR_RETURN(auto root_of, RootSourceNames(store));
  RECKON_ASSIGN_OR_RETURN(auto person_sources, store.PersonSources());
  RECKON_ASSIGN_OR_RETURN(std::vector<VerificationDecision> decisions,
                          store.VerificationDecisions(std::nullopt));
  std::map<int64_t, VerificationDecision> latest;
  for (VerificationDecision& d : decisions) latest[d.person_id] = std::move(d);
  std::map<int64_t, std::set<std::string>> roots;
  for (const auto& [person_id, source_id] : person_sources) {
    roots[person_id].insert(root_of[source_id]);
  }
  std::vector<PersonVerification> out;
  out.reserve(roots.size());
  for (const auto& [person_id, names] : roots) {
    auto decision = latest.find(person_id);
    out.push_back(Summarise(person_id, names,
                            decision == latest.end()
                                ? std::nullopt
                                : std::optional<VerificationDecision>(decision->second)));
  }
  return out;
}

Result<PersonVerification> PersonStatusOf(Store& store, int64_t person_id) {
  RECKON_ASSIGN_OR_RETURN(auto root_of, RootSourceNames(store));
  RecordFilter filter;
  filter.person_id = person_id;
  filter.with_raw_and_flags = false;
  std::set<std::string> roots;
  RECKON_RETURN_IF_ERROR(store.ScanRecords(filter, [&](const StoredRecord& record) {
    roots.insert(root_of[record.source_id]);
    return Status::Ok();
  }));
  if (roots.empty()) {
    return Status::NotFound("no person #" + std::to_string(person_id) +
                            " in the register (latest link run)");
  }
  RECKON_ASSIGN_OR_RETURN(std::vector<VerificationDecision> history,
                          store.VerificationDecisions(person_id));
  std::optional<VerificationDecision> decision;
  if (!history.empty()) decision = history.back();
  return Summarise(person_id, roots, decision);
}

Result<VerificationDecision> DecideVerification(Store& store, const VerificationRequest& request) {
  const std::string who = "person #" + std::to_string(request.person_id);
  const std::string& status = request.status;
  if (status != "verified" && status != "disputed" && status != "rejected" && status != "cleared") {
    return Status::InvalidArgument(who + ": unknown status '" + status +
                                   "' (verified, disputed, rejected or cleared)");
  }
  if (Trim(request.reviewer).empty()) {
    return Status::InvalidArgument(who + ": a decision needs a reviewer");
  }
  const std::string rationale(Trim(request.rationale));
  if (rationale.empty() && status != "cleared") {
    return Status::InvalidArgument(who + ": marking a person " + status +
                                   " needs a written rationale (--rationale)");
  }
  // NotFound for a person outside the latest run.
  RECKON_RETURN_IF_ERROR(PersonStatusOf(store, request.person_id).status());

  VerificationDecision decision;
  decision.person_id = request.person_id;
  decision.status = status;
  decision.reviewer = std::string(Trim(request.reviewer));
  decision.rationale = rationale;
  for (const std::string& cited : request.evidence_sha256) {
    auto found = FindEvidenceByHash(store, cited);
    if (!found.ok()) return Status(found.status().code(), who + ": " + found.status().message());
    const std::string& sha = found->sha256;
    if (std::find(decision.evidence_sha256.begin(), decision.evidence_sha256.end(), sha) ==
        decision.evidence_sha256.end()) {
      decision.evidence_sha256.push_back(sha);
    }
  }
  RECKON_ASSIGN_OR_RETURN(std::vector<Testimony> testimonies, store.ListTestimonies());
  std::map<int64_t, const Testimony*> testimony_by_id;
  for (const Testimony& t : testimonies) testimony_by_id[t.testimony_id] = &t;
  for (int64_t id : request.testimony_ids) {
    if (!testimony_by_id.count(id)) {
      return Status::NotFound(who + ": no testimony #" + std::to_string(id));
    }
    if (std::find(decision.testimony_ids.begin(), decision.testimony_ids.end(), id) ==
        decision.testimony_ids.end()) {
      decision.testimony_ids.push_back(id);
    }
  }

  if (status == "verified") {
    // The basis: what is cited, and what is already linked to the person.
    RECKON_ASSIGN_OR_RETURN(std::vector<EntityLink> links,
                            store.LinksOf("person", request.person_id));
    bool has_evidence = !decision.evidence_sha256.empty();
    std::vector<int64_t> basis_testimonies = decision.testimony_ids;
    for (const EntityLink& link : links) {
      if (link.to_entity != "person") continue;
      if (link.from_entity == "evidence") has_evidence = true;
      if (link.from_entity == "testimony") basis_testimonies.push_back(link.from_id);
    }
    bool has_direct_witness = false;
    std::vector<int64_t> hearsay;
    for (int64_t id : basis_testimonies) {
      auto t = testimony_by_id.find(id);
      if (t == testimony_by_id.end()) continue;
      if (t->second->relation == "eyewitness" || t->second->relation == "relative") {
        has_direct_witness = true;
      } else if (std::find(hearsay.begin(), hearsay.end(), id) == hearsay.end()) {
        hearsay.push_back(id);
      }
    }
    if (!has_evidence && !has_direct_witness) {
      std::string message =
          who +
          " cannot be verified: verification needs at least one piece of evidence (--evidence "
          "SHA, or `reckon evidence link --person`) or the testimony of an eyewitness or a "
          "relative (--testimony ID)";
      if (!hearsay.empty()) {
        message += "; testimony";
        for (size_t i = 0; i < hearsay.size(); ++i) {
          message += (i ? ", #" : " #") + std::to_string(hearsay[i]);
        }
        message += " is hearsay, which is not enough";
      }
      return Status::InvalidArgument(message);
    }
  }
  return store.SaveVerificationDecision(decision);
}

Result<std::vector<VerificationDecision>> VerificationHistory(Store& store, int64_t person_id) {
  RECKON_ASSIGN_OR_RETURN(std::vector<VerificationDecision> history,
                          store.VerificationDecisions(person_id));
  // A person merged away by a later link run keeps its history.
  if (history.empty()) RECKON_RETURN_IF_ERROR(PersonStatusOf(store, person_id).status());
  return history;
}

}  // namespace reckon
