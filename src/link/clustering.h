// Clustering records into persons without chaining contradictions.
//
// Greedy agglomeration: human must-links first, then candidate pairs at or
// above the threshold in order of decreasing weight. Two clusters merge only
// if no pair across them is forbidden: a human cannot-link, a household
// relation (brothers; father and son), or a compared pair whose probability is
// below the contradiction level. Pairs across small clusters that were never
// compared are checked with `compatible` before merging, so A~B and B~C cannot
// pull in a C that contradicts A.
//
// Thread-safety: not thread-safe; one Clusterer per run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "link/blocking.h"

namespace reckon::link {

struct ScoredPair {
  uint32_t a = 0;
  uint32_t b = 0;
  double weight = 0;
  double probability = 0;  // for merging: the pair against its competitors
  // For contradictions: the pair alone. Another strong candidate from the
  // same list makes a pair less likely the match, not incompatible.
  // Negative: the same as `probability`.
  double alone_probability = -1;
};

// The standing of a compared pair, for ClusteringInput::compared_flags.
// Both judge the pair alone (alone_probability), save that an outcompeted
// pair (probability < outcompeted) is also kBelowContradiction.
inline constexpr uint8_t kBelowContradiction = 1;  // probability < contradiction
inline constexpr uint8_t kBelowSameSource = 2;     // probability < same_source_threshold

struct ClusteringInput {
  size_t record_count = 0;
  std::vector<ScoredPair> candidates;  // every compared pair (but see `compared`)
  // For large runs, instead of every compared pair in `candidates`: the
  // compared pairs and, per pair, its kBelow* flags; `candidates` then need
  // only hold the pairs at or above the threshold. Not owned.
  const CandidatePairs* compared = nullptr;
  std::vector<uint8_t> compared_flags;
  std::vector<std::pair<uint32_t, uint32_t>> must_link;
  std::vector<std::pair<uint32_t, uint32_t>> cannot_link;  // human and household
  double threshold = 0.9;                                  // probability needed to merge
  double contradiction = 0.5;          // compared pairs below this forbid a merge
  size_t check_unscored_up_to = 4096;  // cross pairs checked with `compatible` (|A|*|B| bound)
  // No person is named more than a few times per list: a cluster larger than
  // this is a chain of errors, and the merge that would create it is refused.
  size_t max_cluster_size = SIZE_MAX;
  // Whether two records that were never compared may be the same person.
  std::function<bool(uint32_t, uint32_t)> compatible;
  // Per record, its list (empty: not used). A list names a person once, save
  // for its own duplicates: two records of one list join a cluster only when
  // they were compared and the pair reaches `same_source_threshold` itself.
  // Without this, a namesake from a list that already has the person's own
  // record was merged whenever it matched as well as any other record.
  std::vector<int32_t> source_of;
  // A compared pair whose probability against its competitors is below this
  // forbids a merge even when it is compatible alone: one of the two records
  // has a far better candidate in the other's list.
  double outcompeted = 0.0;
  double same_source_threshold = 0.9;
  // Threads for sorting the edges (two at most); the result does not depend
  // on it.
  size_t threads = 1;
};

// The kBelow* flags of a compared pair whose probability alone is `alone`
// (an outcompeted pair also gets kBelowContradiction, where it is competed).
uint8_t StandingAlone(double alone, const ClusteringInput& input);
// Whether a competed pair is outcompeted: another candidate from the same
// list far outscores it, so it forbids a merge even when compatible alone.
inline bool Outcompeted(const ScoredPair& pair, const ClusteringInput& input) {
  return pair.alone_probability >= 0 && pair.probability < input.outcompeted;
}

struct ClusteringResult {
  std::vector<uint32_t> cluster_of;  // per record: the smallest record index of its cluster
  uint64_t merges = 0;
  uint64_t refused_merges = 0;      // merges a constraint prevented
  uint64_t must_links_refused = 0;  // must-links contradicting a cannot-link
};

ClusteringResult ClusterRecords(const ClusteringInput& input);

}  // namespace reckon::link
