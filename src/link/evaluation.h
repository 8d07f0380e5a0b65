// Scores a register against ground truth (e.g. truth.csv of `reckon simulate`).
//
// Pairwise scores treat the register as a set of matched pairs (two records of
// one person): precision = correct pairs / predicted pairs, recall = correct
// pairs / true pairs. They are computed from the contingency table of (true
// cluster, predicted person) counts, never by listing pairs, so a million
// records cost O(n): correct = sum C(n_tp, 2), predicted = sum_p C(n_p, 2),
// true = sum_t C(n_t, 2).
// B-cubed scores average over records: a record's precision is the share of
// its predicted person's records that truly belong with it, its recall the
// share of its true cluster found in its predicted person (Bagga & Baldwin
// 1998): precision = (1/N) sum n_tp^2 / n_p, recall = (1/N) sum n_tp^2 / n_t.
//
// Conventions: a precision with nothing predicted (no predicted pairs) is 1,
// a recall with nothing to find (no true pairs) is 1; F1 is 0 when precision
// and recall are both 0. With no record in both maps every score is 0.
// Records present in only one map are listed (sorted) and left out of every
// figure.
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reckon::link {

struct ClusteringScores {
  int64_t records = 0;            // evaluated: in both maps
  int64_t true_persons = 0;       // distinct true clusters among evaluated records
  int64_t predicted_persons = 0;  // distinct predicted persons among evaluated records

  int64_t true_pairs = 0;
  int64_t predicted_pairs = 0;
  int64_t correct_pairs = 0;  // predicted pairs that are true pairs
  double pairwise_precision = 0.0;
  double pairwise_recall = 0.0;
  double pairwise_f1 = 0.0;

  double bcubed_precision = 0.0;
  double bcubed_recall = 0.0;
  double bcubed_f1 = 0.0;

  std::vector<std::string> only_in_truth;      // record ids, sorted
  std::vector<std::string> only_in_predicted;  // record ids, sorted
};

// `truth`: record_id -> true cluster id; `predicted`: record_id -> person id.
ClusteringScores EvaluateClustering(const std::unordered_map<std::string, std::string>& truth,
                                    const std::unordered_map<std::string, int64_t>& predicted);

struct BlockingScores {
  int64_t true_pairs = 0;       // pairs of records that share a true cluster
  int64_t candidate_pairs = 0;  // distinct unordered candidate pairs (self-pairs ignored)
  int64_t found_pairs = 0;      // true pairs among the candidates
  double recall = 0.0;          // found / true; 1 when there are no true pairs
};

// Blocking recall over records named by index: `truth_cluster[i]` is the
// true cluster of record i (an empty string: unknown, in no true pair).
// Candidate pairs may come in either order and more than once; indices out of
// range are ignored. O(n + k log k) for n records and k candidates.
BlockingScores BlockingRecall(const std::vector<std::pair<uint32_t, uint32_t>>& candidates,
                              const std::vector<std::string>& truth_cluster);

// The same over record ids: true pairs are those among the records of `truth`
// (restrict `truth` to the records the linker saw); candidate ids absent from
// `truth` are in no true pair.
BlockingScores BlockingRecall(const std::vector<std::pair<std::string, std::string>>& candidates,
                              const std::unordered_map<std::string, std::string>& truth);

// 2PR / (P + R), or 0 when both are 0.
double F1(double precision, double recall);

}  // namespace reckon::link
