// Casework for investigators and admins: evidence, incidents, verification,
// witnesses; stored estimates for analysts.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "casework/evidence_store.h"
#include "casework/verification.h"
#include "casework/witnesses.h"
#include "serve/api.h"

namespace reckon::serve {
namespace {

nlohmann::ordered_json IncidentJson(const Incident& i) {
  return {{"incident_id", i.incident_id},     {"title", i.title},
          {"incident_type", i.incident_type}, {"start_date", i.start_date},
          {"end_date", i.end_date},           {"place", i.place},
          {"place_pcode", i.place_pcode},     {"description", i.description},
          {"perpetrator", i.perpetrator},     {"attribution_basis", i.attribution_basis},
          {"created_by", i.created_by},       {"created_at", i.created_at}};
}

Reply ListIncidents(ApiContext& ctx) {
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto incidents = (*store)->ListIncidents();
  if (!incidents.ok()) return StatusReply(incidents.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const Incident& i : *incidents) out.push_back(IncidentJson(i));
  return JsonReply({{"incidents", out}});
}

Reply GetIncident(ApiContext& ctx) {
  auto id = ParseId(ctx.params[0]);
  if (!id.ok()) return StatusReply(id.status());
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto incidents = (*store)->ListIncidents();
  if (!incidents.ok()) return StatusReply(incidents.status());
  for (const Incident& i : *incidents) {
    if (i.incident_id != *id) continue;
    nlohmann::ordered_json out = IncidentJson(i);
    auto links = (*store)->LinksOf("incident", i.incident_id);
    if (!links.ok()) return StatusReply(links.status());
    std::vector<int64_t> persons;
    for (const EntityLink& l : *links) {
      if (l.to_entity == "person") persons.push_back(l.to_id);
    }
    out["persons"] = persons;
    return JsonReply(out);
  }
  return ErrorReply(404, "no such incident");
}

Reply AddIncident(ApiContext& ctx) {
  auto body = JsonBody(ctx.request);
  if (!body.ok()) return StatusReply(body.status());
  Incident i;
  i.title = body->value("title", "");
  i.incident_type = body->value("incident_type", "");
  i.start_date = body->value("start_date", "");
  i.end_date = body->value("end_date", "");
  i.place = body->value("place", "");
  i.description = body->value("description", "");
  i.perpetrator = body->value("perpetrator", "");
  i.attribution_basis = body->value("attribution_basis", "");
  i.created_by = ctx.user();
  if (i.title.empty()) return ErrorReply(400, "an incident needs a title");
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto added = (*store)->AddIncident(i);
  if (!added.ok()) return StatusReply(added.status());
  // Incidents are figures too (by_incident).
  if (Status s = ctx.state.figures.RefreshCasework(**store); !s.ok()) return StatusReply(s);
  return JsonReply(IncidentJson(*added), 201);
}

Reply DecideVerificationHandler(ApiContext& ctx) {
  auto id = ParseId(ctx.params[0]);
  if (!id.ok()) return StatusReply(id.status());
  auto body = JsonBody(ctx.request);
  if (!body.ok()) return StatusReply(body.status());
  VerificationRequest request;
  request.person_id = *id;
  request.status = body->value("status", "");
  request.rationale = body->value("rationale", "");
  request.reviewer = ctx.user();
  try {
    if (body->contains("evidence")) {
      request.evidence_sha256 = (*body)["evidence"].get<std::vector<std::string>>();
    }
    if (body->contains("testimonies")) {
      request.testimony_ids = (*body)["testimonies"].get<std::vector<int64_t>>();
    }
  } catch (const nlohmann::json::exception&) {
    return ErrorReply(400, "evidence is a list of hashes and testimonies a list of ids");
  }
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto decision = DecideVerification(**store, request);
  if (!decision.ok()) return StatusReply(decision.status());
  // The register's statuses (and the dashboard's figures) change at once.
  if (Status s = ctx.state.index->Regroup(**store); !s.ok()) return StatusReply(s);
  if (Status s = ctx.state.figures.RefreshCasework(**store); !s.ok()) return StatusReply(s);
  auto status = PersonStatusOf(**store, *id);
  if (!status.ok()) return StatusReply(status.status());
  return JsonReply({{"person_id", *id},
                    {"decision", decision->status},
                    {"status", PersonStatusName(status->status)},
                    {"decided_at", decision->decided_at}});
}

Reply ListEvidence(ApiContext& ctx) {
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto evidence = (*store)->ListEvidence();
  if (!evidence.ok()) return StatusReply(evidence.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const Evidence& e : *evidence) {
    auto events = (*store)->CustodyEvents(e.evidence_id);
    if (!events.ok()) return StatusReply(events.status());
    nlohmann::ordered_json custody = nlohmann::json::array();
    for (const CustodyEvent& c : *events) {
      custody.push_back(
          {{"event_type", c.event_type}, {"actor", c.actor}, {"at", c.at}, {"details", c.details}});
    }
    out.push_back({{"sha256", e.sha256},
                   {"original_name", e.original_name},
                   {"media_type", e.media_type},
                   {"size", e.size},
                   {"acquired_by", e.acquired_by},
                   {"acquired_at", e.acquired_at},
                   {"description", e.description},
                   {"custody", custody}});
  }
  return JsonReply({{"evidence", out}});
}

// The uploaded file's name without any directory part or control characters.
std::string SafeFileName(const std::string& name) {
  std::string base = std::filesystem::path(name).filename().string();
  std::string out;
  for (char ch : base) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f && c != '/' && c != '\\') out += ch;
  }
  if (out.empty() || out == "." || out == "..") out = "upload";
  return out.substr(0, 200);
}

Reply UploadEvidence(ApiContext& ctx) {
  if (!ctx.request.has_file("file")) return ErrorReply(400, "the upload needs a field 'file'");
  const httplib::MultipartFormData file = ctx.request.get_file_value("file");
  const std::string description =
      ctx.request.has_file("description") ? ctx.request.get_file_value("description").content : "";
  // The person it concerns (optional; repeatable), linked in the same transaction as the add.
  std::vector<int64_t> person_ids;
  {
    const auto [first, last] = ctx.request.files.equal_range("person_id");
    for (auto field = first; field != last; ++field) {
      std::string text = field->second.content;
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
      if (text.empty()) continue;
      auto id = ParseId(text);
      if (!id.ok() || *id < 1) return ErrorReply(400, "person_id must be a person's id");
      if (ctx.state.index->Snapshot()->FindPerson(*id) == nullptr) {
        return ErrorReply(404, "no such person");
      }
      person_ids.push_back(*id);
    }
  }
  // The evidence store copies from a path: write the upload to a private
  // temporary directory under its own name, then let the store copy and hash it.
  std::string dir_template = std::filesystem::temp_directory_path() / "reckon-upload-XXXXXX";
  if (mkdtemp(dir_template.data()) == nullptr) return ErrorReply(500, "internal error");
  const std::filesystem::path dir(dir_template);
  const std::filesystem::path path = dir / SafeFileName(file.filename);
  Reply reply;
  {
    std::ofstream out(path, std::ios::binary);
    out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
    if (!out) reply = ErrorReply(500, "internal error");
  }
  if (reply.body.empty()) {
    auto store = ctx.state.pool.Acquire();
    if (!store.ok()) {
      reply = StatusReply(store.status());
    } else {
      EvidenceFile e;
      e.path = path.string();
      e.acquired_by = ctx.user();
      e.acquired_from = "web upload";
      e.description = description;
      e.person_ids = person_ids;
      auto added = AddEvidenceFile(**store, ctx.state.options.case_path, e);
      if (added.ok()) {
        reply = JsonReply({{"sha256", added->sha256},
                           {"size", added->size},
                           {"media_type", added->media_type},
                           {"persons", person_ids},
                           {"duplicate", false}},
                          201);
        // No figure counts evidence: the cached figures stay valid.
      } else if (added.status().code() == StatusCode::kAlreadyExists) {
        reply = JsonReply({{"error", "this file is already evidence"}, {"duplicate", true}}, 409);
      } else {
        reply = StatusReply(added.status());
      }
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return reply;
}

Reply Witnesses(ApiContext& ctx) {
  const bool reveal = Param(ctx.request, "reveal") == "1";
  if (reveal && !ctx.state.case_key) {
    return ErrorReply(403, "identities need the case key: start the server with it");
  }
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  // A reveal is audited by ListProtectedWitnesses, as `reckon witness list --reveal` is.
  auto witnesses =
      ListProtectedWitnesses(**store, reveal ? &*ctx.state.case_key : nullptr, ctx.user());
  if (!witnesses.ok()) return StatusReply(witnesses.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const WitnessView& w : *witnesses) {
    nlohmann::ordered_json j = {
        {"witness_id", w.witness_id}, {"pseudonym", w.pseudonym}, {"created_at", w.created_at}};
    if (w.identity) {
      j["identity"] = {{"name", w.identity->name},
                       {"contact", w.identity->contact},
                       {"location", w.identity->location},
                       {"risk", w.identity->risk}};
    }
    out.push_back(std::move(j));
  }
  return JsonReply({{"key_unlocked", ctx.state.case_key.has_value()}, {"witnesses", out}});
}

Reply Estimates(ApiContext& ctx) {
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto runs = (*store)->EstimateRuns();  // newest first
  if (!runs.ok()) return StatusReply(runs.status());
  if (runs->empty()) return JsonReply({{"estimate", nullptr}});
  const EstimateRun& e = runs->front();
  auto parse = [](const std::string& text) {
    auto j = nlohmann::ordered_json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::ordered_json(text) : j;
  };
  return JsonReply({{"estimate",
                     {{"estimate_run_id", e.estimate_run_id},
                      {"created_at", e.created_at},
                      {"method", e.method},
                      {"input", e.input},
                      {"stratify_by", e.stratify_by},
                      {"parameters", parse(e.parameters_json)},
                      {"result", parse(e.result_json)}}}});
}

}  // namespace

std::map<std::string, ApiHandler> CaseworkHandlers() {
  return {{"GET /api/evidence", ListEvidence},
          {"POST /api/evidence", UploadEvidence},
          {"GET /api/incidents", ListIncidents},
          {"POST /api/incidents", AddIncident},
          {"GET /api/incidents/{id}", GetIncident},
          {"POST /api/persons/{id}/verification", DecideVerificationHandler},
          {"GET /api/witnesses", Witnesses},
          {"GET /api/estimates", Estimates}};
}

}  // namespace reckon::serve
