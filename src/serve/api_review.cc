// The review queue: uncertain pairs, and human decisions applied at once.
#include "serve/api.h"

namespace reckon::serve {
namespace {

Reply GetReview(ApiContext& ctx) {
  int64_t limit = 20;
  if (std::string text = Param(ctx.request, "limit"); !text.empty()) {
    auto parsed = ParseId(text);
    if (!parsed.ok() || *parsed < 1 || *parsed > 200) {
      return ErrorReply(400, "limit must be between 1 and 200");
    }
    limit = *parsed;
  }
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto pairs = (*store)->ReviewPairs();
  if (!pairs.ok()) return StatusReply(pairs.status());
  auto decisions = (*store)->ReviewDecisions();
  if (!decisions.ok()) return StatusReply(decisions.status());
  std::set<std::pair<int64_t, int64_t>> skip;
  for (const ReviewDecision& d : *decisions) skip.emplace(d.record_pk_a, d.record_pk_b);
  {
    std::lock_guard lock(ctx.state.skip_mutex);
    const auto& mine = ctx.state.skipped[ctx.user()];
    skip.insert(mine.begin(), mine.end());
  }
  auto snap = ctx.state.index->Snapshot();
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const auto& pair : *pairs) {
    if (static_cast<int64_t>(out.size()) >= limit) break;
    if (skip.count({pair.record_pk_a, pair.record_pk_b})) continue;
    auto a = snap->record_index.find(pair.record_pk_a);
    auto b = snap->record_index.find(pair.record_pk_b);
    if (a == snap->record_index.end() || b == snap->record_index.end() ||
        !snap->person_of_record.count(pair.record_pk_a) ||
        !snap->person_of_record.count(pair.record_pk_b)) {
      continue;
    }
    nlohmann::ordered_json record_a = RecordJson(snap->context->stored[a->second]);
    nlohmann::ordered_json record_b = RecordJson(snap->context->stored[b->second]);
    record_a["person_id"] = snap->person_of_record.at(pair.record_pk_a);
    record_b["person_id"] = snap->person_of_record.at(pair.record_pk_b);
    out.push_back(
        {{"record_a", record_a},
         {"record_b", record_b},
         {"weight", pair.weight},
         {"probability", pair.probability},
         {"explanation", ExplanationJson(*snap, ctx.state.link_settings, a->second, b->second)}});
  }
  return JsonReply({{"pairs", out}});
}

// A record named by its record_pk (a number) or its record_id ("SOURCE:ID" or "ID").
Result<int64_t> RecordPk(Store& store, const nlohmann::json& value) {
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_string()) {
    RECKON_ASSIGN_OR_RETURN(StoredRecord record, store.FindRecord(value.get<std::string>()));
    return record.record_pk;
  }
  return Status::InvalidArgument("record_a and record_b are record_pk numbers or record ids");
}

Reply PostReview(ApiContext& ctx) {
  auto body = JsonBody(ctx.request);
  if (!body.ok()) return StatusReply(body.status());
  const std::string decision = body->value("decision", "");
  if (decision != "match" && decision != "nonmatch" && decision != "skip") {
    return ErrorReply(400, "decision is match, nonmatch or skip");
  }
  if (!body->contains("record_a") || !body->contains("record_b")) {
    return ErrorReply(400, "a decision needs record_a and record_b");
  }
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto a = RecordPk(**store, (*body)["record_a"]);
  if (!a.ok()) return StatusReply(a.status());
  auto b = RecordPk(**store, (*body)["record_b"]);
  if (!b.ok()) return StatusReply(b.status());
  if (*a == *b) return ErrorReply(400, "a decision needs two different records");
  const int64_t lo = std::min(*a, *b);
  const int64_t hi = std::max(*a, *b);
  if (decision == "skip") {
    std::lock_guard lock(ctx.state.skip_mutex);
    ctx.state.skipped[ctx.user()].emplace(lo, hi);
    return JsonReply({{"decision", "skip"}, {"changed", false}});
  }
  ReviewDecision d;
  d.record_pk_a = lo;
  d.record_pk_b = hi;
  d.match = decision == "match";
  d.reviewer = ctx.user();
  d.note = body->value("note", "");
  auto change = (*store)->ApplyReviewDecision(d, ctx.user());
  if (!change.ok()) return StatusReply(change.status());
  if (change->changed) {
    if (Status s = ctx.state.index->Regroup(**store); !s.ok()) return StatusReply(s);
    if (Status s = ctx.state.figures.Refresh(**store); !s.ok()) return StatusReply(s);
  }
  nlohmann::ordered_json out = {{"decision", decision}, {"changed", change->changed}};
  if (change->changed) {
    out["person_kept"] = change->person_kept;
    if (change->person_removed) out["person_removed"] = change->person_removed;
    if (change->person_created) out["person_created"] = change->person_created;
  }
  return JsonReply(out);
}

}  // namespace

std::map<std::string, ApiHandler> ReviewHandlers() {
  return {{"GET /api/review", GetReview}, {"POST /api/review", PostReview}};
}

}  // namespace reckon::serve
