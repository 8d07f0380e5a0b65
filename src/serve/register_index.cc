#include "serve/register_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "casework/verification.h"
#include "text/name_chain.h"
#include "text/token_analysis.h"

namespace reckon::serve {
namespace {

constexpr size_t kMaxQueryTokens = 200000;
constexpr size_t kMaxCachedTokens = 20000;

std::string DisplayName(const RecordFields& f) {
  if (!f.full_name.empty()) return f.full_name;
  std::string out;
  for (const std::string* part :
       {&f.given_name, &f.father_name, &f.grandfather_name, &f.family_name}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

void AddChainTokens(const text::NameChain& chain, std::vector<text::TokenId>& out) {
  out.insert(out.end(), chain.sequence.begin(), chain.sequence.end());
  for (text::TokenId id :
       {chain.given, chain.father, chain.grandfather, chain.family, chain.kunya}) {
    if (id != text::kNoToken) out.push_back(id);
  }
  out.insert(out.end(), chain.extra.begin(), chain.extra.end());
  out.insert(out.end(), chain.aliases.begin(), chain.aliases.end());
  out.insert(out.end(), chain.parent.begin(), chain.parent.end());
}

bool ShareGroup(const text::TokenInfo& a, const text::TokenInfo& b) {
  auto i = a.groups.begin();
  auto j = b.groups.begin();
  while (i != a.groups.end() && j != b.groups.end()) {
    if (*i == *j) return true;
    if (*i < *j) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

std::vector<uint32_t> Intersect(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<uint32_t> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Which persons one query token finds (ascending indexes).
std::vector<uint32_t> PersonsForToken(const RegisterSnapshot& snap, const text::TokenInfo& q) {
  const text::TokenTable& tokens = *snap.context->tokens;
  std::vector<const std::vector<uint32_t>*> lists;
  std::unordered_set<uint32_t> seen;
  auto take = [&](uint32_t token) {
    const uint32_t folded = tokens.Info(token).folded_id;
    if (!seen.insert(folded).second) return;
    auto it = snap.postings.find(folded);
    if (it != snap.postings.end()) lists.push_back(&it->second);
  };
  if (auto it = snap.token_by_folded.find(q.analysis.folded); it != snap.token_by_folded.end()) {
    take(it->second);
  }
  if (!q.analysis.skeleton.empty()) {
    if (auto it = snap.tokens_by_skeleton.find(q.analysis.skeleton);
        it != snap.tokens_by_skeleton.end()) {
      for (uint32_t token : it->second) {
        const text::TokenInfo& info = tokens.Info(token);
        if (info.analysis.folded == q.analysis.folded || ShareGroup(info, q) ||
            text::PhoneticallyCompatible(q.analysis, info.analysis)) {
          take(token);
        }
      }
    }
  }
  std::vector<uint32_t> out;
  for (const auto* list : lists) out.insert(out.end(), list->begin(), list->end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool DateInRange(const std::string& date, const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return true;
  if (date.empty()) return false;
  // ISO prefixes: a partial date is in range when the range touches it.
  if (!from.empty() && date < from.substr(0, date.size())) return false;
  if (!to.empty() && date.substr(0, std::min(date.size(), to.size())) > to) return false;
  return true;
}

}  // namespace

std::string FoldPlace(std::string_view place) {
  auto analysis = text::AnalyzeToken(place);
  if (analysis.ok() && !analysis->folded.empty()) return analysis->folded;
  std::string out(place);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::shared_ptr<const std::vector<uint32_t>> RegisterSnapshot::CachedToken(
    const std::string& strict) const {
  std::lock_guard lock(cache_mutex_);
  auto it = cache_.find(strict);
  return it == cache_.end() ? nullptr : it->second;
}

void RegisterSnapshot::CacheToken(const std::string& strict,
                                  std::shared_ptr<const std::vector<uint32_t>> found) const {
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= kMaxCachedTokens) cache_.clear();
  cache_.emplace(strict, std::move(found));
}

const PersonEntry* RegisterSnapshot::FindPerson(int64_t person_id) const {
  auto it = by_person_id.find(person_id);
  return it == by_person_id.end() ? nullptr : &persons[it->second];
}

Result<std::unique_ptr<RegisterIndex>> RegisterIndex::Build(Store& store, size_t threads) {
  auto context = std::make_shared<link::LinkContext>();
  RECKON_RETURN_IF_ERROR(link::LoadLinkRecords(store, *context, threads));
  RECKON_ASSIGN_OR_RETURN(std::optional<LinkRunInfo> run, store.LatestLinkRun());
  if (run) {
    auto model = link::FellegiSunterModel::FromJson(run->model_json);
    if (model.ok()) context->model = *model;
  }
  std::unique_ptr<RegisterIndex> index(new RegisterIndex());
  if (run) {
    auto settings = link::LinkSettingsFromJson(run->settings_json);
    if (settings.ok()) index->link_settings_ = *settings;
  }
  index->context_ = std::move(context);
  index->query_tokens_ = std::make_shared<text::TokenTable>();
  RECKON_RETURN_IF_ERROR(index->Regroup(store));
  return index;
}

Status RegisterIndex::Regroup(Store& store) {
  std::lock_guard regroup(regroup_mutex_);
  const link::LinkContext& context = *context_;
  auto snap = std::make_shared<RegisterSnapshot>();
  snap->context = context_;
  RECKON_ASSIGN_OR_RETURN(auto assignments, store.PersonAssignments());
  // Statuses as casework computes them: sources, derived sources and decisions.
  RECKON_ASSIGN_OR_RETURN(std::vector<PersonVerification> statuses, ComputePersonStatuses(store));
  std::unordered_map<int64_t, std::string> status_of;
  for (const PersonVerification& v : statuses) {
    status_of[v.person_id] = std::string(PersonStatusName(v.status));
  }
  snap->record_index.reserve(context.stored.size());
  for (size_t i = 0; i < context.stored.size(); ++i) {
    snap->record_index[context.stored[i].record_pk] = static_cast<uint32_t>(i);
  }
  std::map<int64_t, std::vector<uint32_t>> members;
  for (const auto& [record_pk, person_id] : assignments) {
    auto it = snap->record_index.find(record_pk);
    if (it == snap->record_index.end()) continue;
    members[person_id].push_back(it->second);
    snap->person_of_record[record_pk] = person_id;
  }
  std::unordered_map<std::string, std::string> place_cache;
  auto fold_place = [&](const std::string& place) -> const std::string& {
    auto it = place_cache.find(place);
    if (it == place_cache.end()) it = place_cache.emplace(place, FoldPlace(place)).first;
    return it->second;
  };
  const text::TokenTable& tokens = *context.tokens;
  snap->persons.reserve(members.size());
  std::vector<text::TokenId> person_tokens;
  for (auto& [person_id, records] : members) {
    const uint32_t index = static_cast<uint32_t>(snap->persons.size());
    PersonEntry& p = snap->persons.emplace_back();
    p.person_id = person_id;
    p.records = std::move(records);
    bool any_age = false;
    bool all_minor = true;
    person_tokens.clear();
    for (uint32_t r : p.records) {
      const RecordFields& f = context.stored[r].fields;
      std::string name = DisplayName(f);
      if (!name.empty() && std::find(p.names.begin(), p.names.end(), name) == p.names.end()) {
        p.names.push_back(std::move(name));
      }
      if (p.sex.empty()) p.sex = f.sex;
      if (!p.age && f.age) p.age = f.age;
      if (p.death_date.empty() || (f.death_date.size() > p.death_date.size())) {
        p.death_date = f.death_date;
      }
      if (p.place.empty()) {
        p.place = !f.locality.empty()   ? f.locality
                  : !f.district.empty() ? f.district
                                        : f.governorate;
      }
      const std::string& source = context.stored[r].source;
      if (std::find(p.sources.begin(), p.sources.end(), source) == p.sources.end()) {
        p.sources.push_back(source);
      }
      for (const std::string* place : {&f.locality, &f.district, &f.governorate}) {
        if (place->empty()) continue;
        const std::string& folded = fold_place(*place);
        if (std::find(p.place_keys.begin(), p.place_keys.end(), folded) == p.place_keys.end()) {
          p.place_keys.push_back(folded);
        }
      }
      if (f.age_max || f.age) {
        any_age = true;
        const int upper = f.age ? *f.age : *f.age_max;
        if (upper >= 18) all_minor = false;
      } else if (f.age_min) {
        any_age = true;
        if (*f.age_min >= 18) all_minor = false;
      }
      AddChainTokens(context.records[r].chain, person_tokens);
    }
    p.minor = any_age && all_minor;
    auto status = status_of.find(person_id);
    p.status = status == status_of.end() ? "reported" : status->second;
    if (p.status == "corroborated") ++snap->corroborated;
    if (p.status == "verified") ++snap->verified;
    std::sort(p.sources.begin(), p.sources.end());
    std::unordered_set<uint32_t> folded_seen;
    for (text::TokenId token : person_tokens) {
      const text::TokenInfo& info = tokens.Info(token);
      if (!folded_seen.insert(info.folded_id).second) continue;
      std::vector<uint32_t>& posting = snap->postings[info.folded_id];
      if (posting.empty()) {
        snap->token_by_folded.emplace(info.analysis.folded, token);
        if (!info.analysis.skeleton.empty()) {
          snap->tokens_by_skeleton[info.analysis.skeleton].push_back(token);
        }
      }
      posting.push_back(index);
    }
    snap->by_person_id[person_id] = index;
  }
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(snap);
  return Status::Ok();
}

std::shared_ptr<const RegisterSnapshot> RegisterIndex::Snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

Result<PersonPage> RegisterIndex::Search(const PersonQuery& query) const {
  PersonPage page;
  page.snapshot = Snapshot();
  const RegisterSnapshot& snap = *page.snapshot;
  // The persons the name finds: the cached list of the first token itself
  // (shared, not copied), intersections only for further tokens.
  std::shared_ptr<const std::vector<uint32_t>> candidates;
  bool searched = false;
  if (query.q.find_first_not_of(" \t") != std::string::npos) {
    std::shared_ptr<text::TokenTable> table;
    {
      std::lock_guard lock(mutex_);
      if (query_tokens_->size() > kMaxQueryTokens) {
        query_tokens_ = std::make_shared<text::TokenTable>();
      }
      table = query_tokens_;
    }
    auto chain = text::ParseChain(*table, query.q);
    if (!chain.ok()) return Status::InvalidArgument("the search text is not valid UTF-8");
    std::vector<text::TokenId> ids;
    AddChainTokens(*chain, ids);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // The chain's positional tokens repeat those of its sequence: query by the
    // distinct written tokens.
    for (text::TokenId id : ids) {
      const text::TokenInfo& info = table->Info(id);
      std::shared_ptr<const std::vector<uint32_t>> found = snap.CachedToken(info.analysis.strict);
      if (found == nullptr) {
        found = std::make_shared<const std::vector<uint32_t>>(PersonsForToken(snap, info));
        snap.CacheToken(info.analysis.strict, found);
      }
      candidates =
          candidates ? std::make_shared<const std::vector<uint32_t>>(Intersect(*candidates, *found))
                     : found;
      if (candidates->empty()) break;
    }
    searched = true;
    if (!candidates) candidates = std::make_shared<const std::vector<uint32_t>>();
  }
  const std::string place = query.place.empty() ? std::string() : FoldPlace(query.place);
  auto keep = [&](const PersonEntry& p) {
    if (query.published_only && !p.published()) return false;
    if (!query.status.empty() && p.status != query.status) return false;
    if (!query.sex.empty() && p.sex != query.sex) return false;
    if (!query.source.empty() &&
        std::find(p.sources.begin(), p.sources.end(), query.source) == p.sources.end()) {
      return false;
    }
    if (!place.empty() &&
        std::find(p.place_keys.begin(), p.place_keys.end(), place) == p.place_keys.end()) {
      return false;
    }
    return DateInRange(p.death_date, query.date_from, query.date_to);
  };
  const int64_t first = (query.page - 1) * query.page_size;
  const bool unfiltered = !query.published_only && query.status.empty() && query.sex.empty() &&
                          query.source.empty() && place.empty() && query.date_from.empty() &&
                          query.date_to.empty();
  if (unfiltered) {  // the total is known: take the page without visiting every person
    const size_t n = searched ? candidates->size() : snap.persons.size();
    page.total = static_cast<int64_t>(n);
    for (size_t k = static_cast<size_t>(std::min<int64_t>(first, page.total));
         k < n && static_cast<int64_t>(k) < first + query.page_size; ++k) {
      page.persons.push_back(&snap.persons[searched ? (*candidates)[k] : k]);
    }
    return page;
  }
  auto visit = [&](const PersonEntry& p) {
    if (!keep(p)) return;
    if (page.total >= first && page.total < first + query.page_size) page.persons.push_back(&p);
    ++page.total;
  };
  if (searched) {
    for (uint32_t i : *candidates) visit(snap.persons[i]);
  } else {
    for (const PersonEntry& p : snap.persons) visit(p);
  }
  return page;
}

}  // namespace reckon::serve
