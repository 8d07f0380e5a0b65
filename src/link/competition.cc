#include "link/competition.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace reckon::link {
namespace {

uint32_t FindRoot(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

}  // namespace

std::vector<float> CompetitionPenalties(const CompetitionInput& input, size_t record_count) {
  const std::vector<ScoredPair>& pairs = *input.pairs;
  const std::vector<int32_t>& source = *input.source_of;
  std::vector<float> penalty(pairs.size(), 0.0f);

  // A list's duplicates form one group.
  std::vector<uint32_t> group(record_count);
  std::iota(group.begin(), group.end(), 0u);
  for (const ScoredPair& p : pairs) {
    if (source[p.a] == source[p.b] && p.probability >= input.duplicate_probability) {
      const uint32_t ra = FindRoot(group, p.a);
      const uint32_t rb = FindRoot(group, p.b);
      if (ra != rb) group[std::max(ra, rb)] = std::min(ra, rb);
    }
  }
  for (uint32_t i = 0; i < record_count; ++i) group[i] = FindRoot(group, i);

  // Each record's strong candidates in other lists: (record, other group, odds).
  struct Edge {
    uint32_t record;
    int32_t other_source;
    uint32_t other_group;
    double odds;
  };
  std::vector<Edge> edges;
  std::vector<size_t> strong;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const ScoredPair& p = pairs[k];
    if (source[p.a] == source[p.b] || p.probability < input.floor_probability) continue;
    const double odds = std::exp2(p.weight);
    edges.push_back({p.a, source[p.b], group[p.b], odds});
    edges.push_back({p.b, source[p.a], group[p.a], odds});
    strong.push_back(k);
  }
  auto by_key = [](const Edge& x, const Edge& y) {
    if (x.record != y.record) return x.record < y.record;
    if (x.other_source != y.other_source) return x.other_source < y.other_source;
    if (x.other_group != y.other_group) return x.other_group < y.other_group;
    return x.odds > y.odds;
  };
  std::sort(edges.begin(), edges.end(), by_key);
  // Per (record, other list): the sum over groups of each group's best odds;
  // per (record, other group): that group's best odds.
  struct Total {
    uint32_t record;
    int32_t other_source;
    double sum;
  };
  std::vector<Total> totals;
  std::vector<Edge> best;  // one per (record, group), the strongest
  for (size_t i = 0; i < edges.size();) {
    size_t j = i;
    while (j < edges.size() && edges[j].record == edges[i].record &&
           edges[j].other_source == edges[i].other_source &&
           edges[j].other_group == edges[i].other_group) {
      ++j;
    }
    best.push_back(edges[i]);
    if (totals.empty() || totals.back().record != edges[i].record ||
        totals.back().other_source != edges[i].other_source) {
      totals.push_back({edges[i].record, edges[i].other_source, 0.0});
    }
    totals.back().sum += edges[i].odds;
    i = j;
  }
  auto total_of = [&](uint32_t record, int32_t other_source) {
    const auto it =
        std::lower_bound(totals.begin(), totals.end(), std::make_pair(record, other_source),
                         [](const Total& t, const std::pair<uint32_t, int32_t>& key) {
                           return std::make_pair(t.record, t.other_source) < key;
                         });
    return it != totals.end() && it->record == record && it->other_source == other_source ? it->sum
                                                                                          : 0.0;
  };
  auto best_of = [&](uint32_t record, int32_t other_source, uint32_t other_group) {
    const Edge key{record, other_source, other_group, 0.0};
    const auto it =
        std::lower_bound(best.begin(), best.end(), key, [](const Edge& x, const Edge& y) {
          if (x.record != y.record) return x.record < y.record;
          if (x.other_source != y.other_source) return x.other_source < y.other_source;
          return x.other_group < y.other_group;
        });
    return it != best.end() && it->record == record && it->other_group == other_group ? it->odds
                                                                                      : 0.0;
  };
  for (const size_t k : strong) {
    const ScoredPair& p = pairs[k];
    // Competitors of b for a: a's candidates in b's list, b's group excluded;
    // and the mirror.
    const double from_a = total_of(p.a, source[p.b]) - best_of(p.a, source[p.b], group[p.b]);
    const double from_b = total_of(p.b, source[p.a]) - best_of(p.b, source[p.a], group[p.a]);
    const double competing = std::max(0.0, from_a) + std::max(0.0, from_b);
    penalty[k] = static_cast<float>(std::log2(1.0 + competing));
  }
  return penalty;
}

}  // namespace reckon::link
