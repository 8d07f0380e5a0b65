#include "link/clustering.h"

#include <algorithm>
#include <numeric>

namespace reckon::link {
namespace {

class Clusters {
 public:
  explicit Clusters(size_t n) : parent_(n), members_(n), forbidden_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (uint32_t i = 0; i < n; ++i) members_[i] = {i};
  }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  void Forbid(uint32_t a, uint32_t b) {
    forbidden_[a].push_back(b);
    forbidden_[b].push_back(a);
  }

  // True when no forbidden pair joins the clusters of roots ra and rb.
  bool MayMerge(uint32_t ra, uint32_t rb, const ClusteringInput& input) {
    if (input.max_cluster_size != 0 &&
        members_[ra].size() + members_[rb].size() > input.max_cluster_size) {
      return false;
    }
    const auto& small = members_[ra].size() <= members_[rb].size() ? members_[ra] : members_[rb];
    const uint32_t other = members_[ra].size() <= members_[rb].size() ? rb : ra;
    for (const uint32_t x : small) {
      for (const uint32_t y : forbidden_[x]) {
        if (Find(y) == other) return false;
      }
    }
    if (input.compatible &&
        members_[ra].size() * members_[rb].size() <= input.check_unscored_up_to) {
      for (const uint32_t x : members_[ra]) {
        for (const uint32_t y : members_[rb]) {
          if (!input.compatible(x, y)) return false;
        }
      }
    }
    return true;
  }

  void Merge(uint32_t ra, uint32_t rb) {
    if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
    parent_[rb] = ra;
    members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
    members_[rb].clear();
    members_[rb].shrink_to_fit();
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> members_;    // valid at roots
  std::vector<std::vector<uint32_t>> forbidden_;  // per record
};

}  // namespace

ClusteringResult ClusterRecords(const ClusteringInput& input) {
  ClusteringResult result;
  Clusters clusters(input.record_count);
  // Human cannot-links and households bind must-links; the model's
  // contradictions do not (a human match overrides the model), so they are
  // added after the must-links are applied.
  for (const auto& [a, b] : input.cannot_link) clusters.Forbid(a, b);
  for (const auto& [a, b] : input.must_link) {
    const uint32_t ra = clusters.Find(a);
    const uint32_t rb = clusters.Find(b);
    if (ra == rb) continue;
    // A human must-link overrides the model, but not a human cannot-link or a
    // household relation: those are reported instead.
    if (!clusters.MayMerge(ra, rb, ClusteringInput{})) {
      ++result.must_links_refused;
      continue;
    }
    clusters.Merge(ra, rb);
    ++result.merges;
  }
  for (const ScoredPair& pair : input.candidates) {
    if (pair.probability < input.contradiction && clusters.Find(pair.a) != clusters.Find(pair.b)) {
      clusters.Forbid(pair.a, pair.b);
    }
  }
  std::vector<const ScoredPair*> edges;
  for (const ScoredPair& pair : input.candidates) {
    if (pair.probability >= input.threshold) edges.push_back(&pair);
  }
  std::sort(edges.begin(), edges.end(), [](const ScoredPair* x, const ScoredPair* y) {
    if (x->weight != y->weight) return x->weight > y->weight;
    if (x->a != y->a) return x->a < y->a;
    return x->b < y->b;
  });
  for (const ScoredPair* edge : edges) {
    const uint32_t ra = clusters.Find(edge->a);
    const uint32_t rb = clusters.Find(edge->b);
    if (ra == rb) continue;
    if (!clusters.MayMerge(ra, rb, input)) {
      ++result.refused_merges;
      continue;
    }
    clusters.Merge(ra, rb);
    ++result.merges;
  }
  result.cluster_of.resize(input.record_count);
  std::vector<uint32_t> smallest(input.record_count, UINT32_MAX);
  for (uint32_t i = 0; i < input.record_count; ++i) {
    const uint32_t root = clusters.Find(i);
    smallest[root] = std::min(smallest[root], i);
  }
  for (uint32_t i = 0; i < input.record_count; ++i)
    result.cluster_of[i] = smallest[clusters.Find(i)];
  return result;
}

}  // namespace reckon::link
