#include "link/stable_ids.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

namespace reckon::link {

std::vector<int64_t> AssignPersonIds(const std::vector<uint32_t>& cluster_of,
                                     const std::vector<int64_t>& record_pk,
                                     const std::unordered_map<int64_t, int64_t>& previous,
                                     int64_t highest_id_ever) {
  // cluster label -> (old id -> records carrying it), and each cluster's smallest record_pk.
  std::map<uint32_t, std::map<int64_t, uint64_t>> overlaps;
  std::map<uint32_t, int64_t> first_pk;
  for (size_t i = 0; i < cluster_of.size(); ++i) {
    const uint32_t cluster = cluster_of[i];
    auto [it, inserted] = first_pk.emplace(cluster, record_pk[i]);
    if (!inserted) it->second = std::min(it->second, record_pk[i]);
    if (const auto old = previous.find(record_pk[i]); old != previous.end()) {
      ++overlaps[cluster][old->second];
    }
  }
  // Largest overlap first; ties by older id, then by the cluster's first record.
  std::vector<std::tuple<uint64_t, int64_t, int64_t, uint32_t>> candidates;
  for (const auto& [cluster, olds] : overlaps) {
    for (const auto& [old_id, count] : olds) {
      candidates.emplace_back(count, old_id, first_pk[cluster], cluster);
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    if (std::get<1>(x) != std::get<1>(y)) return std::get<1>(x) < std::get<1>(y);
    return std::get<2>(x) < std::get<2>(y);
  });
  std::map<uint32_t, int64_t> id_of_cluster;
  std::unordered_set<int64_t> used;
  for (const auto& [count, old_id, pk, cluster] : candidates) {
    if (id_of_cluster.count(cluster) || used.count(old_id)) continue;
    id_of_cluster[cluster] = old_id;
    used.insert(old_id);
  }
  std::vector<std::pair<int64_t, uint32_t>> fresh;  // (first pk, cluster)
  for (const auto& [cluster, pk] : first_pk) {
    if (!id_of_cluster.count(cluster)) fresh.emplace_back(pk, cluster);
  }
  std::sort(fresh.begin(), fresh.end());
  int64_t next = highest_id_ever + 1;
  for (const auto& [pk, cluster] : fresh) id_of_cluster[cluster] = next++;
  std::vector<int64_t> ids(cluster_of.size());
  for (size_t i = 0; i < cluster_of.size(); ++i) ids[i] = id_of_cluster[cluster_of[i]];
  return ids;
}

}  // namespace reckon::link
