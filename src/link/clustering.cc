#include "link/clustering.h"

#include <algorithm>
#include <numeric>
#include <thread>

namespace reckon::link {
namespace {

inline uint64_t Key(uint32_t a, uint32_t b) {
  return a < b ? (static_cast<uint64_t>(a) << 32) | b : (static_cast<uint64_t>(b) << 32) | a;
}

// Merges refused for good, by the two clusters' roots. A refusal stands
// while both clusters only grow: a larger cluster has every pair across the
// smaller one had (save the check of never-compared pairs, which stops at
// check_unscored_up_to, so such refusals are not remembered). Every edge
// between the same two clusters asks again: on 100,000 records, a quarter of
// the refused merges were such repeats. Direct-mapped: a lost entry is only
// asked again.
class RefusalMemo {
 public:
  RefusalMemo() : keys_(size_t{1} << kBits, 0) {}
  bool Refused(uint32_t ra, uint32_t rb) const {
    const uint64_t key = Key(ra, rb) + 1;  // 0 marks an empty entry
    return keys_[Slot(key)] == key;
  }
  void Remember(uint32_t ra, uint32_t rb) {
    const uint64_t key = Key(ra, rb) + 1;
    keys_[Slot(key)] = key;
  }

 private:
  static constexpr int kBits = 22;  // 32 MiB
  static size_t Slot(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - kBits));
  }
  std::vector<uint64_t> keys_;
};

// MayMerge's answer.
enum class Verdict : uint8_t {
  kMay,
  kRefused,          // stands while the two clusters only grow
  kRefusedUnscored,  // a never-compared pair across: may change as they grow
};

class Clusters {
 public:
  Clusters(size_t n, const ClusteringInput& input) : input_(input), parent_(n), members_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (uint32_t i = 0; i < n; ++i) members_[i] = {i};
    if (input.compared != nullptr) {
      compared_ = input.compared;
      flags_ = &input.compared_flags;
      return;
    }
    // Compared pairs in rows by first record, for looking up any pair across
    // two clusters; a pair listed twice counts with its lower probability.
    std::vector<std::pair<uint64_t, double>> scored;
    scored.reserve(input.candidates.size());
    for (const ScoredPair& pair : input.candidates) {
      // An outcompeted pair is a contradiction; otherwise the pair alone decides.
      const double alone = pair.alone_probability >= 0 ? pair.alone_probability : pair.probability;
      scored.emplace_back(Key(pair.a, pair.b), Outcompeted(pair, input) ? 0.0 : alone);
    }
    std::sort(scored.begin(), scored.end());
    own_compared_.offset.assign(n + 1, 0);
    for (size_t k = 0; k < scored.size(); ++k) {
      if (k > 0 && scored[k].first == scored[k - 1].first) continue;
      ++own_compared_.offset[(scored[k].first >> 32) + 1];
      own_compared_.second.push_back(static_cast<uint32_t>(scored[k].first));
      own_flags_.push_back(StandingAlone(scored[k].second, input));
    }
    for (size_t i = 0; i < n; ++i) own_compared_.offset[i + 1] += own_compared_.offset[i];
    compared_ = &own_compared_;
    flags_ = &own_flags_;
  }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // The forbidden pairs (human non-matches, households), once, before any
  // merge. The full list serves only must-links (`for_must_links`; a large
  // run has tens of millions of household pairs and often no must-link).
  void Forbid(const std::vector<std::pair<uint32_t, uint32_t>>& pairs, bool for_must_links) {
    // A compared pair below the contradiction level already stops a merge
    // the model checks; only the others need the list there.
    std::vector<uint8_t> model(pairs.size());
    for (size_t p = 0; p < pairs.size(); ++p) {
      const size_t k = compared_->Find(pairs[p].first, pairs[p].second);
      model[p] = k == SIZE_MAX || !((*flags_)[k] & kBelowContradiction);
    }
    if (for_must_links) forbidden_.Build(parent_.size(), pairs, [](size_t) { return true; });
    model_forbidden_.Build(parent_.size(), pairs, [&model](size_t p) { return model[p] != 0; });
  }

  // kMay when the clusters of roots ra and rb may become one person: no
  // forbidden pair (human non-match, household) joins them and, when
  // `check_model`, every pair across is compatible under the model.
  Verdict MayMerge(uint32_t ra, uint32_t rb, bool check_model) {
    const size_t size_a = members_[ra].size();
    const size_t size_b = members_[rb].size();
    if (check_model && input_.max_cluster_size != 0 && size_a + size_b > input_.max_cluster_size) {
      return Verdict::kRefused;
    }
    const auto& small = size_a <= size_b ? members_[ra] : members_[rb];
    const uint32_t other = size_a <= size_b ? rb : ra;
    auto forbidden_across = [&](const PairLists& forbidden) {
      for (const uint32_t x : small) {
        for (size_t i = forbidden.offset[x]; i < forbidden.offset[x + 1]; ++i) {
          if (Find(forbidden.other[i]) == other) return true;
        }
      }
      return false;
    };
    if (!check_model) return forbidden_across(forbidden_) ? Verdict::kRefused : Verdict::kMay;
    // The compared pairs across first: cheap, and they refuse most merges.
    const bool by_source = !input_.source_of.empty();
    bool unscored = false;
    for (const uint32_t x : members_[ra]) {
      for (const uint32_t y : members_[rb]) {
        const bool same_source = by_source && input_.source_of[x] == input_.source_of[y];
        const size_t k = compared_->Find(x, y);
        if (k != SIZE_MAX) {
          const uint8_t flags = (*flags_)[k];
          if (flags & kBelowContradiction) return Verdict::kRefused;
          if (same_source && (flags & kBelowSameSource)) return Verdict::kRefused;
        } else if (same_source) {
          return Verdict::kRefused;
        } else {
          unscored = true;
        }
      }
    }
    if (forbidden_across(model_forbidden_)) return Verdict::kRefused;
    if (!unscored || !input_.compatible || size_a * size_b > input_.check_unscored_up_to) {
      return Verdict::kMay;
    }
    for (const uint32_t x : members_[ra]) {
      for (const uint32_t y : members_[rb]) {
        if (compared_->Find(x, y) == SIZE_MAX && !input_.compatible(x, y)) {
          return Verdict::kRefusedUnscored;
        }
      }
    }
    return Verdict::kMay;
  }

  void Merge(uint32_t ra, uint32_t rb) {
    if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
    parent_[rb] = ra;
    members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
    members_[rb].clear();
    members_[rb].shrink_to_fit();
  }

 private:
  const ClusteringInput& input_;
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> members_;  // valid at roots
  // Per record, the other records of its pairs: other[offset[x] .. offset[x + 1]).
  struct PairLists {
    std::vector<size_t> offset;
    std::vector<uint32_t> other;
    // Both sides of each pairs[p] that `keep(p)`.
    template <typename Keep>
    void Build(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& pairs, Keep keep) {
      offset.assign(n + 1, 0);
      for (size_t p = 0; p < pairs.size(); ++p) {
        if (!keep(p)) continue;
        ++offset[pairs[p].first + 1];
        ++offset[pairs[p].second + 1];
      }
      for (size_t i = 0; i < n; ++i) offset[i + 1] += offset[i];
      other.resize(offset[n]);
      std::vector<size_t> next(offset.begin(), offset.end() - 1);
      for (size_t p = 0; p < pairs.size(); ++p) {
        if (!keep(p)) continue;
        other[next[pairs[p].first]++] = pairs[p].second;
        other[next[pairs[p].second]++] = pairs[p].first;
      }
    }
  };
  PairLists forbidden_;  // human and household only
  // The forbidden pairs the model's check of compared pairs does not catch.
  PairLists model_forbidden_;
  // Every compared pair and its kBelow* flags: the input's, or built here.
  const CandidatePairs* compared_ = nullptr;
  const std::vector<uint8_t>* flags_ = nullptr;
  CandidatePairs own_compared_;
  std::vector<uint8_t> own_flags_;
};

}  // namespace

uint8_t StandingAlone(double alone, const ClusteringInput& input) {
  uint8_t flags = 0;
  if (alone < input.contradiction) flags |= kBelowContradiction;
  if (alone < input.same_source_threshold) flags |= kBelowSameSource;
  return flags;
}

ClusteringResult ClusterRecords(const ClusteringInput& input) {
  ClusteringResult result;
  Clusters clusters(input.record_count, input);
  // Human cannot-links and households bind must-links; the model's
  // contradictions do not (a human match overrides the model).
  clusters.Forbid(input.cannot_link, /*for_must_links=*/!input.must_link.empty());
  for (const auto& [a, b] : input.must_link) {
    const uint32_t ra = clusters.Find(a);
    const uint32_t rb = clusters.Find(b);
    if (ra == rb) continue;
    if (clusters.MayMerge(ra, rb, /*check_model=*/false) != Verdict::kMay) {
      ++result.must_links_refused;
      continue;
    }
    clusters.Merge(ra, rb);
    ++result.merges;
  }
  // The edges to merge along, sorted as values (weight, then a, then b): a
  // sort of pointers reads a pair at random for every comparison.
  struct Edge {
    double weight;
    uint32_t a;
    uint32_t b;
  };
  std::vector<Edge> edges;
  for (const ScoredPair& pair : input.candidates) {
    if (pair.probability >= input.threshold) edges.push_back({pair.weight, pair.a, pair.b});
  }
  const auto before = [](const Edge& x, const Edge& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  };
  if (input.threads > 1) {
    // Two halves on two threads, then merged: the order is total, so the
    // result is one sort's (a large run has millions of edges).
    const auto middle = edges.begin() + static_cast<std::ptrdiff_t>(edges.size() / 2);
    std::thread first_half([&] { std::sort(edges.begin(), middle, before); });
    std::sort(middle, edges.end(), before);
    first_half.join();
    std::inplace_merge(edges.begin(), middle, edges.end(), before);
  } else {
    std::sort(edges.begin(), edges.end(), before);
  }
  RefusalMemo refused;
  for (const Edge& edge : edges) {
    const uint32_t ra = clusters.Find(edge.a);
    const uint32_t rb = clusters.Find(edge.b);
    if (ra == rb) continue;
    if (refused.Refused(ra, rb)) {
      ++result.refused_merges;
      continue;
    }
    const Verdict verdict = clusters.MayMerge(ra, rb, /*check_model=*/true);
    if (verdict != Verdict::kMay) {
      if (verdict == Verdict::kRefused) refused.Remember(ra, rb);
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
