#include "link/evaluation.h"

#include <algorithm>
#include <set>

namespace reckon::link {
namespace {

int64_t PairsOf(int64_t n) { return n * (n - 1) / 2; }

double Ratio(int64_t part, int64_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Dense ids for distinct strings, in order of first sight.
class Interner {
 public:
  uint32_t Id(const std::string& key) {
    const auto [it, inserted] = ids_.emplace(key, static_cast<uint32_t>(ids_.size()));
    return it->second;
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// Sum of C(size, 2) over the clusters of `cluster_of` (kUnknown entries skipped).
constexpr uint32_t kUnknown = static_cast<uint32_t>(-1);

int64_t TruePairs(const std::vector<uint32_t>& cluster_of, size_t cluster_count) {
  std::vector<int64_t> sizes(cluster_count, 0);
  for (const uint32_t cluster : cluster_of) {
    if (cluster != kUnknown) ++sizes[cluster];
  }
  int64_t pairs = 0;
  for (const int64_t size : sizes) pairs += PairsOf(size);
  return pairs;
}

BlockingScores ScoreCandidates(std::vector<std::pair<uint32_t, uint32_t>> pairs,
                               const std::vector<uint32_t>& cluster_of, size_t cluster_count) {
  BlockingScores scores;
  scores.true_pairs = TruePairs(cluster_of, cluster_count);
  for (auto& [a, b] : pairs) {
    if (a > b) std::swap(a, b);
  }
  std::erase_if(pairs, [&](const std::pair<uint32_t, uint32_t>& pair) {
    return pair.first == pair.second || pair.second >= cluster_of.size();
  });
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  scores.candidate_pairs = static_cast<int64_t>(pairs.size());
  for (const auto& [a, b] : pairs) {
    if (cluster_of[a] != kUnknown && cluster_of[a] == cluster_of[b]) ++scores.found_pairs;
  }
  scores.recall = Ratio(scores.found_pairs, scores.true_pairs);
  return scores;
}

}  // namespace

double F1(double precision, double recall) {
  const double sum = precision + recall;
  return sum == 0.0 ? 0.0 : 2.0 * precision * recall / sum;
}

ClusteringScores EvaluateClustering(const std::unordered_map<std::string, std::string>& truth,
                                    const std::unordered_map<std::string, int64_t>& predicted) {
  ClusteringScores scores;
  Interner true_ids;
  std::unordered_map<int64_t, uint32_t> predicted_ids;
  std::vector<int64_t> true_sizes;
  std::vector<int64_t> predicted_sizes;
  // Contingency counts n_tp, keyed by (true id << 32 | predicted id).
  std::unordered_map<uint64_t, int64_t> cells;
  for (const auto& [record_id, cluster] : truth) {
    const auto found = predicted.find(record_id);
    if (found == predicted.end()) {
      scores.only_in_truth.push_back(record_id);
      continue;
    }
    const uint32_t t = true_ids.Id(cluster);
    const auto [p_it, inserted] =
        predicted_ids.emplace(found->second, static_cast<uint32_t>(predicted_ids.size()));
    const uint32_t p = p_it->second;
    if (t == true_sizes.size()) true_sizes.push_back(0);
    if (p == predicted_sizes.size()) predicted_sizes.push_back(0);
    ++true_sizes[t];
    ++predicted_sizes[p];
    ++cells[(uint64_t{t} << 32) | p];
    ++scores.records;
  }
  for (const auto& [record_id, person] : predicted) {
    if (truth.find(record_id) == truth.end()) scores.only_in_predicted.push_back(record_id);
  }
  std::sort(scores.only_in_truth.begin(), scores.only_in_truth.end());
  std::sort(scores.only_in_predicted.begin(), scores.only_in_predicted.end());
  scores.true_persons = static_cast<int64_t>(true_sizes.size());
  scores.predicted_persons = static_cast<int64_t>(predicted_sizes.size());
  if (scores.records == 0) return scores;

  for (const int64_t size : true_sizes) scores.true_pairs += PairsOf(size);
  for (const int64_t size : predicted_sizes) scores.predicted_pairs += PairsOf(size);
  double bcubed_precision_sum = 0.0;
  double bcubed_recall_sum = 0.0;
  for (const auto& [key, count] : cells) {
    scores.correct_pairs += PairsOf(count);
    const double squared = static_cast<double>(count) * static_cast<double>(count);
    bcubed_precision_sum += squared / static_cast<double>(predicted_sizes[key & 0xFFFFFFFFu]);
    bcubed_recall_sum += squared / static_cast<double>(true_sizes[key >> 32]);
  }
  scores.pairwise_precision = Ratio(scores.correct_pairs, scores.predicted_pairs);
  scores.pairwise_recall = Ratio(scores.correct_pairs, scores.true_pairs);
  scores.pairwise_f1 = F1(scores.pairwise_precision, scores.pairwise_recall);
  const double n = static_cast<double>(scores.records);
  scores.bcubed_precision = bcubed_precision_sum / n;
  scores.bcubed_recall = bcubed_recall_sum / n;
  scores.bcubed_f1 = F1(scores.bcubed_precision, scores.bcubed_recall);
  return scores;
}

BlockingScores BlockingRecall(const std::vector<std::pair<uint32_t, uint32_t>>& candidates,
                              const std::vector<std::string>& truth_cluster) {
  Interner clusters;
  std::vector<uint32_t> cluster_of;
  cluster_of.reserve(truth_cluster.size());
  for (const std::string& cluster : truth_cluster) {
    cluster_of.push_back(cluster.empty() ? kUnknown : clusters.Id(cluster));
  }
  return ScoreCandidates(candidates, cluster_of, clusters.size());
}

BlockingScores BlockingRecall(const std::vector<std::pair<std::string, std::string>>& candidates,
                              const std::unordered_map<std::string, std::string>& truth) {
  Interner clusters;
  std::unordered_map<std::string, uint32_t> index;
  std::vector<uint32_t> cluster_of;
  cluster_of.reserve(truth.size());
  for (const auto& [record_id, cluster] : truth) {
    index.emplace(record_id, static_cast<uint32_t>(cluster_of.size()));
    cluster_of.push_back(clusters.Id(cluster));
  }
  // Pairs with an id unknown to the truth are candidates but never true pairs.
  std::set<std::pair<std::string, std::string>> outside_truth;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(candidates.size());
  for (const auto& [a, b] : candidates) {
    const auto found_a = index.find(a);
    const auto found_b = index.find(b);
    if (found_a == index.end() || found_b == index.end()) {
      if (a != b) outside_truth.emplace(std::min(a, b), std::max(a, b));
      continue;
    }
    pairs.emplace_back(found_a->second, found_b->second);
  }
  BlockingScores scores = ScoreCandidates(std::move(pairs), cluster_of, clusters.size());
  scores.candidate_pairs += static_cast<int64_t>(outside_truth.size());
  return scores;
}

}  // namespace reckon::link
