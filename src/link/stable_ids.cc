#include "link/stable_ids.h"

#include <algorithm>
#include <tuple>
#include <unordered_set>

namespace reckon::link {

std::vector<int64_t> AssignPersonIds(const std::vector<uint32_t>& cluster_of,
                                     const std::vector<int64_t>& record_pk,
                                     const std::unordered_map<int64_t, int64_t>& previous,
                                     int64_t highest_id_ever) {
  // Indexed by cluster label (a run labels clusters by a record index, so
  // arrays, not maps: a million records): each cluster's smallest record_pk,
  // and (cluster, old id) per record carrying an old id, to count overlaps.
  const size_t labels =
      cluster_of.empty() ? 0 : size_t{*std::max_element(cluster_of.begin(), cluster_of.end())} + 1;
  std::vector<int64_t> first_pk(labels);
  std::vector<uint8_t> present(labels, 0);
  std::vector<std::pair<uint32_t, int64_t>> carried;
  for (size_t i = 0; i < cluster_of.size(); ++i) {
    const uint32_t cluster = cluster_of[i];
    if (!present[cluster]) {
      present[cluster] = 1;
      first_pk[cluster] = record_pk[i];
    } else {
      first_pk[cluster] = std::min(first_pk[cluster], record_pk[i]);
    }
    if (const auto old = previous.find(record_pk[i]); old != previous.end()) {
      carried.emplace_back(cluster, old->second);
    }
  }
  // Largest overlap first; ties by older id, then by the cluster's first record.
  std::sort(carried.begin(), carried.end());
  std::vector<std::tuple<uint64_t, int64_t, int64_t, uint32_t>> candidates;
  for (size_t start = 0; start < carried.size();) {
    size_t end = start + 1;
    while (end < carried.size() && carried[end] == carried[start]) ++end;
    const auto [cluster, old_id] = carried[start];
    candidates.emplace_back(end - start, old_id, first_pk[cluster], cluster);
    start = end;
  }
  std::vector<std::pair<uint32_t, int64_t>>().swap(carried);
  std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    if (std::get<1>(x) != std::get<1>(y)) return std::get<1>(x) < std::get<1>(y);
    return std::get<2>(x) < std::get<2>(y);
  });
  std::vector<int64_t> id_of_cluster(labels);
  std::vector<uint8_t> has_id(labels, 0);
  std::unordered_set<int64_t> used;
  used.reserve(candidates.size());
  for (const auto& [count, old_id, pk, cluster] : candidates) {
    if (has_id[cluster] || used.count(old_id)) continue;
    id_of_cluster[cluster] = old_id;
    has_id[cluster] = 1;
    used.insert(old_id);
  }
  std::vector<std::pair<int64_t, uint32_t>> fresh;  // (first pk, cluster)
  for (uint32_t cluster = 0; cluster < labels; ++cluster) {
    if (present[cluster] && !has_id[cluster]) fresh.emplace_back(first_pk[cluster], cluster);
  }
  std::sort(fresh.begin(), fresh.end());
  int64_t next = highest_id_ever + 1;
  for (const auto& [pk, cluster] : fresh) id_of_cluster[cluster] = next++;
  std::vector<int64_t> ids(cluster_of.size());
  for (size_t i = 0; i < cluster_of.size(); ++i) ids[i] = id_of_cluster[cluster_of[i]];
  return ids;
}

}  // namespace reckon::link
