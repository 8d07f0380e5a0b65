// Figures, sources and the register: search and a person's file.
#include "casework/verification.h"
#include "common/strings.h"
#include "link/explain.h"
#include "serve/api.h"

namespace reckon::serve {
namespace {

nlohmann::ordered_json PersonSummary(const PersonEntry& p, bool withhold_minor) {
  nlohmann::ordered_json j;
  j["person_id"] = p.person_id;
  const bool withheld = withhold_minor && p.minor;
  j["names"] = withheld ? std::vector<std::string>{} : p.names;
  if (withheld) j["name_withheld"] = true;
  j["sex"] = p.sex;
  j["age"] = p.age ? nlohmann::ordered_json(*p.age) : nlohmann::ordered_json();
  j["death_date"] = p.death_date;
  j["place"] = p.place;
  j["status"] = p.status;
  j["sources"] = p.sources;
  return j;
}

// The case's figures (report/case_figures.h), as `reckon stats --json` gives them under
// "figures"; computed when the server starts and after every change (figures_cache.h).
// JSON string literal of `text`, appended to `out` (the register search writes its page
// directly: nlohmann's ordered_json costs an allocation per key and value).
void AppendString(std::string& out, std::string_view text) {
  if (!IsValidUtf8(text)) {  // never in a register imported by Reckon, but never a broken reply
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

void AppendStrings(std::string& out, const std::vector<std::string>& values) {
  out += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    AppendString(out, values[i]);
  }
  out += ']';
}

// The same fields as PersonSummary, written directly.
void AppendPersonSummary(std::string& out, const PersonEntry& p, bool withhold_minor) {
  const bool withheld = withhold_minor && p.minor;
  out += "{\"person_id\":";
  out += std::to_string(p.person_id);
  out += ",\"names\":";
  if (withheld) {
    out += "[],\"name_withheld\":true";
  } else {
    AppendStrings(out, p.names);
  }
  out += ",\"sex\":";
  AppendString(out, p.sex);
  out += ",\"age\":";
  out += p.age ? std::to_string(*p.age) : "null";
  out += ",\"death_date\":";
  AppendString(out, p.death_date);
  out += ",\"place\":";
  AppendString(out, p.place);
  out += ",\"status\":";
  AppendString(out, p.status);
  out += ",\"sources\":";
  AppendStrings(out, p.sources);
  out += '}';
}

Reply Stats(ApiContext& ctx) {
  Reply reply;
  reply.body = ctx.state.figures.Current()->stats_json;
  return reply;
}

Reply Chart(ApiContext& ctx) {
  auto figures = ctx.state.figures.Current();
  const auto it = figures->charts.find(ctx.params[0]);
  if (it == figures->charts.end()) return ErrorReply(404, "no such chart");
  Reply reply;
  reply.body = it->second;
  reply.content_type = "image/svg+xml";
  return reply;
}

Reply Sources(ApiContext& ctx) {
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto sources = (*store)->ListSources();
  if (!sources.ok()) return StatusReply(sources.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const Source& s : *sources) {
    out.push_back({{"name", s.name},
                   {"kind", SourceKindName(s.kind)},
                   {"derived_from", s.derived_from ? *s.derived_from : ""},
                   {"records", s.record_count}});
  }
  return JsonReply({{"sources", out}});
}

Result<int64_t> PositiveParam(const httplib::Request& request, const std::string& name,
                              int64_t fallback, int64_t max) {
  const std::string text = Param(request, name);
  if (text.empty()) return fallback;
  RECKON_ASSIGN_OR_RETURN(int64_t value, ParseId(text));
  if (value < 1 || value > max) {
    return Status::InvalidArgument(name + " must be between 1 and " + std::to_string(max));
  }
  return value;
}

Reply Persons(ApiContext& ctx) {
  const httplib::Request& r = ctx.request;
  PersonQuery query;
  query.q = Param(r, "q");
  if (query.q.size() > 200) return ErrorReply(400, "the search text is too long");
  query.place = Param(r, "place");
  query.status = Param(r, "status");
  query.source = Param(r, "source");
  query.sex = Param(r, "sex");
  query.date_from = Param(r, "date_from");
  query.date_to = Param(r, "date_to");
  auto page = PositiveParam(r, "page", 1, 1000000);
  if (!page.ok()) return StatusReply(page.status());
  auto page_size = PositiveParam(r, "page_size", 50, 500);
  if (!page_size.ok()) return StatusReply(page_size.status());
  query.page = *page;
  query.page_size = *page_size;
  const bool viewer = !RoleAtLeast(ctx.role(), Role::kAnalyst);
  query.published_only = viewer;
  auto found = ctx.state.index->Search(query);
  if (!found.ok()) return StatusReply(found.status());
  Reply reply;
  std::string& out = reply.body;
  out.reserve(64 + 200 * found->persons.size());
  out += "{\"total\":" + std::to_string(found->total) + ",\"page\":" + std::to_string(query.page) +
         ",\"page_size\":" + std::to_string(query.page_size) + ",\"persons\":[";
  for (size_t i = 0; i < found->persons.size(); ++i) {
    if (i) out += ',';
    AppendPersonSummary(out, *found->persons[i], viewer);
  }
  out += "]}";
  return reply;
}

// Fields whose non-empty values differ between the person's records.
std::vector<std::string> Differences(const std::vector<nlohmann::ordered_json>& records) {
  std::vector<std::string> out;
  if (records.size() < 2) return out;
  for (const auto& [key, value] : records.front().items()) {
    if (key == "record_pk" || key == "record_id" || key == "source") continue;
    std::set<std::string> values;
    for (const auto& record : records) {
      const auto& v = record[key];
      if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) continue;
      values.insert(v.dump());
    }
    if (values.size() > 1) out.push_back(key);
  }
  return out;
}

Reply Person(ApiContext& ctx) {
  auto id = ParseId(ctx.params[0]);
  if (!id.ok()) return StatusReply(id.status());
  auto snap = ctx.state.index->Snapshot();
  const PersonEntry* p = snap->FindPerson(*id);
  const bool viewer = !RoleAtLeast(ctx.role(), Role::kAnalyst);
  if (p == nullptr || (viewer && !p->published())) return ErrorReply(404, "no such person");
  if (viewer) return JsonReply(PersonSummary(*p, true));
  nlohmann::ordered_json out;
  out["person_id"] = p->person_id;
  out["status"] = p->status;
  std::vector<nlohmann::ordered_json> records;
  for (uint32_t r : p->records) records.push_back(RecordJson(snap->context->stored[r]));
  out["records"] = records;
  out["differences"] = Differences(records);
  nlohmann::ordered_json explanation = nlohmann::json::array();
  const size_t n = std::min<size_t>(p->records.size(), 8);  // at most 28 pairs
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      nlohmann::ordered_json e =
          ExplanationJson(*snap, ctx.state.link_settings, p->records[i], p->records[j]);
      e["record_a"] = snap->context->stored[p->records[i]].record_pk;
      e["record_b"] = snap->context->stored[p->records[j]].record_pk;
      explanation.push_back(std::move(e));
    }
  }
  out["explanation"] = explanation;
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto links = (*store)->LinksOf("person", p->person_id);
  if (!links.ok()) return StatusReply(links.status());
  std::set<int64_t> incident_ids, evidence_ids, testimony_ids;
  for (const EntityLink& l : *links) {
    if (l.from_entity == "incident") incident_ids.insert(l.from_id);
    if (l.from_entity == "evidence") evidence_ids.insert(l.from_id);
    if (l.from_entity == "testimony") testimony_ids.insert(l.from_id);
  }
  nlohmann::ordered_json incidents = nlohmann::json::array();
  if (!incident_ids.empty()) {
    auto all = (*store)->ListIncidents();
    if (!all.ok()) return StatusReply(all.status());
    for (const Incident& i : *all) {
      if (!incident_ids.count(i.incident_id)) continue;
      incidents.push_back({{"incident_id", i.incident_id},
                           {"title", i.title},
                           {"incident_type", i.incident_type},
                           {"start_date", i.start_date},
                           {"place", i.place}});
    }
  }
  out["incidents"] = incidents;
  nlohmann::ordered_json evidence = nlohmann::json::array();
  if (!evidence_ids.empty()) {
    auto all = (*store)->ListEvidence();
    if (!all.ok()) return StatusReply(all.status());
    for (const Evidence& e : *all) {
      if (!evidence_ids.count(e.evidence_id)) continue;
      auto events = (*store)->CustodyEvents(e.evidence_id);
      if (!events.ok()) return StatusReply(events.status());
      nlohmann::ordered_json custody = nlohmann::json::array();
      for (const CustodyEvent& c : *events) {
        custody.push_back({{"event_type", c.event_type}, {"actor", c.actor}, {"at", c.at}});
      }
      evidence.push_back({{"sha256", e.sha256},
                          {"media_type", e.media_type},
                          {"size", e.size},
                          {"custody", custody}});
    }
  }
  out["evidence"] = evidence;
  nlohmann::ordered_json testimonies = nlohmann::json::array();
  if (!testimony_ids.empty()) {
    auto all = (*store)->ListTestimonies();
    if (!all.ok()) return StatusReply(all.status());
    for (const Testimony& t : *all) {
      if (!testimony_ids.count(t.testimony_id)) continue;
      testimonies.push_back({{"testimony_id", t.testimony_id},
                             {"pseudonym", t.witness_pseudonym},
                             {"relation", t.relation},
                             {"date", t.taken_on}});
    }
  }
  out["testimonies"] = testimonies;
  auto verification = PersonStatusOf(**store, p->person_id);
  if (!verification.ok()) return StatusReply(verification.status());
  auto history = VerificationHistory(**store, p->person_id);
  if (!history.ok()) return StatusReply(history.status());
  nlohmann::ordered_json decisions = nlohmann::json::array();
  for (const VerificationDecision& d : *history) {
    decisions.push_back({{"status", d.status},
                         {"reviewer", d.reviewer},
                         {"rationale", d.rationale},
                         {"decided_at", d.decided_at},
                         {"evidence", d.evidence_sha256},
                         {"testimonies", d.testimony_ids}});
  }
  out["verification"] = {{"status", PersonStatusName(verification->status)},
                         {"computed", PersonStatusName(verification->computed)},
                         {"independent_sources", verification->independent_sources},
                         {"history", decisions}};
  return JsonReply(out);
}

}  // namespace

nlohmann::ordered_json RecordJson(const StoredRecord& record) {
  const RecordFields& f = record.fields;
  nlohmann::ordered_json j;
  j["record_pk"] = record.record_pk;
  j["record_id"] = f.record_id;
  j["source"] = record.source;
  j["full_name"] = f.full_name;
  j["given_name"] = f.given_name;
  j["father_name"] = f.father_name;
  j["grandfather_name"] = f.grandfather_name;
  j["family_name"] = f.family_name;
  j["mother_name"] = f.mother_name;
  j["sex"] = f.sex;
  j["age"] = AgeText(f);
  j["birth_date"] = f.birth_date;
  j["death_date"] = f.death_date;
  j["locality"] = f.locality;
  j["district"] = f.district;
  j["governorate"] = f.governorate;
  j["cause"] = f.cause;
  j["notes"] = f.notes;
  return j;
}

nlohmann::ordered_json ExplanationJson(const RegisterSnapshot& snapshot,
                                       const link::LinkSettings& settings, size_t a, size_t b) {
  const link::Explanation e = link::ExplainPair(*snapshot.context, a, b, settings);
  nlohmann::ordered_json lines = nlohmann::json::array();
  for (const auto& line : e.lines) {
    lines.push_back({{"label", line.label}, {"detail", line.detail}, {"weight", line.weight}});
  }
  return {{"lines", lines},
          {"total_weight", e.total_weight},
          {"probability", e.probability},
          {"household", e.household},
          {"relation", e.relation}};
}

std::map<std::string, ApiHandler> RegisterHandlers() {
  return {{"GET /api/stats", Stats},
          {"GET /api/charts/{name}", Chart},
          {"GET /api/sources", Sources},
          {"GET /api/persons", Persons},
          {"GET /api/persons/{id}", Person}};
}

}  // namespace reckon::serve
