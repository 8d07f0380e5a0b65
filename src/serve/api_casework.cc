// Casework for investigators and admins: evidence, incidents, verification,
// witnesses; stored estimates for analysts.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "casework/evidence_store.h"
#include "casework/witnesses.h"
#include "serve/api.h"

namespace reckon::serve {
namespace {

Reply NotYet(ApiContext&) {
  return ErrorReply(503, "this part of casework is not available in this build yet");
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
      auto added = AddEvidenceFile(**store, ctx.state.options.case_path, e);
      if (added.ok()) {
        reply = JsonReply({{"sha256", added->sha256},
                           {"size", added->size},
                           {"media_type", added->media_type},
                           {"duplicate", false}},
                          201);
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
  return {{"GET /api/evidence", ListEvidence}, {"POST /api/evidence", UploadEvidence},
          {"GET /api/incidents", NotYet},      {"POST /api/incidents", NotYet},
          {"GET /api/incidents/{id}", NotYet}, {"POST /api/persons/{id}/verification", NotYet},
          {"GET /api/witnesses", Witnesses},   {"GET /api/estimates", Estimates}};
}

}  // namespace reckon::serve
