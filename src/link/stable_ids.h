// Person ids that survive re-linking.
//
// Each new cluster takes the previous person id that most of its records had
// (each old id goes to at most one cluster, largest overlap first); clusters
// with no previous id get new ids above every id ever used, in order of their
// smallest record_pk. Adding a list therefore never renumbers existing persons.
//
// Thread-safety: pure function.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace reckon::link {

// `cluster_of[i]` labels record i's cluster; `record_pk[i]` is its case id;
// `previous` maps record_pk to the person id of the last run. Returns the
// person id of every record.
std::vector<int64_t> AssignPersonIds(const std::vector<uint32_t>& cluster_of,
                                     const std::vector<int64_t>& record_pk,
                                     const std::unordered_map<int64_t, int64_t>& previous,
                                     int64_t highest_id_ever);

}  // namespace reckon::link
