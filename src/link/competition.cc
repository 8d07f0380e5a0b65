#include "link/competition.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "link/huge_pages.h"
#include "link/parallel.h"
#include "link/uninitialized.h"

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

// One side of a strong pair, kept with its record: the other side's group,
// the pair's odds, and the pair's index with, in the top bit, whether the
// record is the pair's b. 16 bytes: a large run has tens of millions.
struct Edge {
  uint32_t other_group;
  uint32_t pair_side;
  double odds;
};
constexpr uint32_t kBSide = 1u << 31;

bool IsStrong(const CompetitionInput& input, const ScoredPair& p) {
  const std::vector<int32_t>& source = *input.source_of;
  return source[p.a] != source[p.b] && p.probability >= input.floor_probability;
}

// The strong pairs' edges grouped by record with a counting sort: record r's
// are edges[start[r], start[r + 1]). No global sort, no searches. The pairs
// are cut into one range per thread; each range counts, then writes, its
// edges after those of the ranges before it.
void GroupEdges(const CompetitionInput& input, const std::vector<uint32_t>& group,
                std::vector<size_t>& start, UninitializedVector<Edge>& edges) {
  const std::vector<ScoredPair>& pairs = *input.pairs;
  const size_t records = start.size() - 1;
  const size_t parts = std::max<size_t>(1, input.threads);
  auto range = [&](size_t part) {
    return std::pair{part * pairs.size() / parts, (part + 1) * pairs.size() / parts};
  };
  // Per range and record: its edge count, then where its next edge goes.
  std::vector<std::vector<size_t>> next(parts, std::vector<size_t>(records, 0));
  ParallelChunks(parts, 1, parts, [&](size_t, size_t part, size_t) {
    const auto [begin, end] = range(part);
    for (size_t k = begin; k < end; ++k) {
      const ScoredPair& p = pairs[k];
      if (!IsStrong(input, p)) continue;
      ++next[part][p.a];
      ++next[part][p.b];
    }
  });
  for (size_t r = 0; r < records; ++r) {
    size_t at = start[r];
    for (std::vector<size_t>& counts : next) {
      const size_t count = counts[r];
      counts[r] = at;
      at += count;
    }
    start[r + 1] = at;
  }
  ResizeOnHugePages(edges, start.back());  // written at random, each once
  ParallelChunks(parts, 1, parts, [&](size_t, size_t part, size_t) {
    const auto [begin, end] = range(part);
    std::vector<size_t>& cursor = next[part];
    for (size_t k = begin; k < end; ++k) {
      const ScoredPair& p = pairs[k];
      if (!IsStrong(input, p)) continue;
      const double odds = std::exp2(p.weight);
      const auto index = static_cast<uint32_t>(k);
      edges[cursor[p.a]++] = {group[p.b], index, odds};
      edges[cursor[p.b]++] = {group[p.a], index | kBSide, odds};
    }
  });
}

// One record's edges, sorted by other group and odds, strongest first: the
// first edge of a group is its best. A group lies within one list, so each
// list's groups come in ascending order, as the sums below need.
// Edges come grouped in pair order, so by other record: without duplicate
// groups among a record's partners, already sorted (and the order of edges
// that compare equal does not matter below).
void SortEdges(Edge* begin, Edge* end) {
  const auto before = [](const Edge& x, const Edge& y) {
    if (x.other_group != y.other_group) return x.other_group < y.other_group;
    return x.odds > y.odds;
  };
  if (!std::is_sorted(begin, end, before)) std::sort(begin, end, before);
}

// For one record's sorted edges on the given side: each pair's competing
// odds from this record, to competing[pair] (assigned on a's side, added on
// b's). Per other list, the total sums each group's best odds (groups in
// ascending order); a pair's competitors are that total less its own group's
// best. `total` has one zeroed entry per list and is left zeroed.
void Compete(const Edge* begin, const Edge* end, bool b_side, const std::vector<int32_t>& source,
             std::vector<double>& total, UninitializedVector<double>& competing) {
  auto first_of_group = [begin](const Edge* e) {
    return e == begin || e->other_group != (e - 1)->other_group;
  };
  for (const Edge* e = begin; e != end; ++e) {
    if (first_of_group(e)) total[static_cast<size_t>(source[e->other_group])] += e->odds;
  }
  double best = 0.0;
  for (const Edge* e = begin; e != end; ++e) {
    if (first_of_group(e)) best = e->odds;
    if (((e->pair_side & kBSide) != 0) != b_side) continue;
    const double from = std::max(0.0, total[static_cast<size_t>(source[e->other_group])] - best);
    double& sum = competing[e->pair_side & ~kBSide];
    sum = b_side ? sum + from : from;
  }
  for (const Edge* e = begin; e != end; ++e) total[static_cast<size_t>(source[e->other_group])] = 0;
}

}  // namespace

std::vector<float> CompetitionPenalties(const CompetitionInput& input, size_t record_count) {
  const std::vector<ScoredPair>& pairs = *input.pairs;
  const std::vector<int32_t>& source = *input.source_of;
  std::vector<float> penalty(pairs.size(), 0.0f);
  if (pairs.size() >= kBSide) return penalty;  // beyond any machine's memory
  std::vector<size_t> start(record_count + 1, 0);
  UninitializedVector<Edge> edges;
  GroupEdges(input, DuplicateGroups(input, record_count), start, edges);
  const size_t lists =
      record_count == 0 ? 0
                        : static_cast<size_t>(*std::max_element(source.begin(), source.end())) + 1;
  // Competitors of b for a: a's candidates in b's list, b's group excluded;
  // plus the mirror. The a sides are written first and the b sides added in
  // a second sweep, so that each sweep writes a pair from one record only
  // and records can run in parallel.
  // Written at random: a strong pair's on its a side, before it is read; the
  // others' never read.
  UninitializedVector<double> competing;
  ResizeOnHugePages(competing, pairs.size());
  for (const bool b_side : {false, true}) {
    ParallelFor(record_count, input.threads, [&](size_t begin, size_t end) {
      std::vector<double> total(lists, 0.0);
      for (size_t r = begin; r < end; ++r) {
        Edge* first = edges.data() + start[r];
        Edge* last = edges.data() + start[r + 1];
        if (!b_side) SortEdges(first, last);
        Compete(first, last, b_side, source, total, competing);
      }
    });
  }
  UninitializedVector<Edge>().swap(edges);
  ParallelFor(pairs.size(), input.threads, [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      if (IsStrong(input, pairs[k])) {
        penalty[k] = static_cast<float>(CompetitionPenalty(competing[k]));
      }
    }
  });
  return penalty;
}

}  // namespace reckon::link
