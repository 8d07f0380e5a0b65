#include "link/competition.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "link/parallel.h"

namespace reckon::link {
namespace {

uint32_t FindRoot(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

// A list's duplicates form one group: per record, its group's root.
std::vector<uint32_t> DuplicateGroups(const CompetitionInput& input, size_t record_count) {
  const std::vector<int32_t>& source = *input.source_of;
  std::vector<uint32_t> group(record_count);
  std::iota(group.begin(), group.end(), 0u);
  for (const ScoredPair& p : *input.pairs) {
    if (source[p.a] == source[p.b] && p.probability >= input.duplicate_probability) {
      const uint32_t ra = FindRoot(group, p.a);
      const uint32_t rb = FindRoot(group, p.b);
      if (ra != rb) group[std::max(ra, rb)] = std::min(ra, rb);
    }
  }
  for (uint32_t i = 0; i < record_count; ++i) group[i] = FindRoot(group, i);
  return group;
}

// One side of a strong pair, kept with its record: the other side's list and
// group, the pair's odds, which pair it is and whether the record is its b.
struct Edge {
  int32_t other_source;
  uint32_t other_group;
  double odds;
  uint32_t pair;
  bool b_side;  // 24 bytes with or without it
};

bool IsStrong(const CompetitionInput& input, const ScoredPair& p) {
  const std::vector<int32_t>& source = *input.source_of;
  return source[p.a] != source[p.b] && p.probability >= input.floor_probability;
}

// The strong pairs' edges grouped by record with a counting sort: record r's
// are edges[start[r], start[r + 1]). No global sort, no searches.
void GroupEdges(const CompetitionInput& input, const std::vector<uint32_t>& group,
                std::vector<size_t>& start, std::vector<Edge>& edges) {
  const std::vector<ScoredPair>& pairs = *input.pairs;
  const std::vector<int32_t>& source = *input.source_of;
  for (const ScoredPair& p : pairs) {
    if (!IsStrong(input, p)) continue;
    ++start[p.a + 1];
    ++start[p.b + 1];
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  edges.resize(start.back());
  std::vector<size_t> next(start.begin(), start.end() - 1);
  for (size_t k = 0; k < pairs.size(); ++k) {
    const ScoredPair& p = pairs[k];
    if (!IsStrong(input, p)) continue;
    const double odds = std::exp2(p.weight);
    const auto index = static_cast<uint32_t>(k);
    edges[next[p.a]++] = {source[p.b], group[p.b], odds, index, false};
    edges[next[p.b]++] = {source[p.a], group[p.a], odds, index, true};
  }
}

// One record's edges: per pair, the odds of the record's other candidates in
// the pair's other list, to from_a or from_b by the record's side. Per other
// list the total sums each group's best odds (groups in ascending order); a
// pair's competitors are that total less its own group's best.
void Compete(Edge* begin, Edge* end, std::vector<double>& from_a, std::vector<double>& from_b) {
  std::sort(begin, end, [](const Edge& x, const Edge& y) {
    if (x.other_source != y.other_source) return x.other_source < y.other_source;
    if (x.other_group != y.other_group) return x.other_group < y.other_group;
    return x.odds > y.odds;
  });
  auto first_of_group = [begin](const Edge* e) {
    return e == begin || e->other_source != (e - 1)->other_source ||
           e->other_group != (e - 1)->other_group;
  };
  for (Edge* list = begin; list != end;) {
    Edge* list_end = list;
    double total = 0.0;
    for (; list_end != end && list_end->other_source == list->other_source; ++list_end) {
      if (first_of_group(list_end)) total += list_end->odds;
    }
    double best = 0.0;
    for (Edge* e = list; e != list_end; ++e) {
      if (first_of_group(e)) best = e->odds;
      (e->b_side ? from_b : from_a)[e->pair] = std::max(0.0, total - best);
    }
    list = list_end;
  }
}

}  // namespace

std::vector<float> CompetitionPenalties(const CompetitionInput& input, size_t record_count) {
  const std::vector<ScoredPair>& pairs = *input.pairs;
  std::vector<float> penalty(pairs.size(), 0.0f);
  std::vector<size_t> start(record_count + 1, 0);
  std::vector<Edge> edges;
  GroupEdges(input, DuplicateGroups(input, record_count), start, edges);
  // Competitors of b for a: a's candidates in b's list, b's group excluded;
  // and the mirror. Each record writes only its own side of its pairs.
  std::vector<double> from_a(pairs.size(), 0.0);
  std::vector<double> from_b(pairs.size(), 0.0);
  ParallelFor(record_count, input.threads, [&](size_t begin, size_t end) {
    for (size_t r = begin; r < end; ++r) {
      Compete(edges.data() + start[r], edges.data() + start[r + 1], from_a, from_b);
    }
  });
  std::vector<Edge>().swap(edges);
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (!IsStrong(input, pairs[k])) continue;
    penalty[k] = static_cast<float>(std::log2(1.0 + (from_a[k] + from_b[k])));
  }
  return penalty;
}

}  // namespace reckon::link
