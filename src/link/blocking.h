// Blocking: the candidate pairs worth comparing, from several OR-ed rules.
//
// Each rule maps a record to a key (empty: the rule does not apply); records
// sharing a key form a block and every pair in it is a candidate, unless the
// rule leaves the pair out (a rule may offer only some of its pairs). Keys use the
// names' cross-script skeletons, so محمد and Mohammed share blocks. A block
// larger than `max_block` (a common name in one village) is not expanded
// quadratically: its records are sorted by death date and age and each is
// paired with its `window` nearest neighbours (sorted neighbourhood). Pairs
// found by several rules are kept once.
//
// Thread-safety: pure functions of their inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "link/link_record.h"
#include "link/uninitialized.h"
#include "text/token_table.h"

namespace reckon::link {

struct BlockingSettings {
  size_t max_block = 400;
  // Sorted-neighbourhood window of a large block. 30, not 40: at a million
  // records 11 % fewer pairs (235 -> 209 million) and 10 s less, pairwise F1
  // 0.595 -> 0.598 there and -0.0002 at 99,273 records.
  size_t window = 30;
};

struct RuleReport {
  std::string name;
  uint64_t pairs = 0;         // pairs this rule produced, before removing repeats
  uint64_t blocks = 0;        // blocks with at least two records
  uint64_t large_blocks = 0;  // blocks handled by sorted neighbourhood
  uint64_t largest_block = 0;
};

struct BlockingResult {
  std::vector<uint64_t>
      pairs;  // (i << 32) | j with i < j, indexes into the records; sorted, unique
  std::vector<RuleReport> rules;
};

BlockingResult BlockPairs(const std::vector<LinkRecord>& records, const text::TokenTable& tokens,
                          const BlockingSettings& settings);

// The same pairs in compressed rows, for large runs (4 bytes a pair instead of
// 8, and no sort of all pairs): record i's partners j > i are
// second[offset[i] .. offset[i + 1]), ascending. Pair k of `second` is pair k
// of BlockPairs' sorted `pairs`.
struct CandidatePairs {
  std::vector<uint64_t> offset;  // record count + 1 entries
  UninitializedVector<uint32_t> second;
  size_t size() const { return offset.empty() ? 0 : offset.back(); }
  // Index of pair (i, j) in `second`, or SIZE_MAX if it is not a candidate.
  size_t Find(uint32_t i, uint32_t j) const;
  // The first record of pair k.
  uint32_t FirstOf(size_t k) const;
};

struct CompactBlockingResult {
  CandidatePairs pairs;
  std::vector<RuleReport> rules;
};

// `threads` sort the rows; the result does not depend on it.
CompactBlockingResult BlockPairsCompact(const std::vector<LinkRecord>& records,
                                        const text::TokenTable& tokens,
                                        const BlockingSettings& settings, size_t threads = 1);

inline uint32_t PairFirst(uint64_t pair) { return static_cast<uint32_t>(pair >> 32); }
inline uint32_t PairSecond(uint64_t pair) { return static_cast<uint32_t>(pair & 0xFFFFFFFFu); }
// The records that share a block key with record `index` under any rule,
// sorted (sorted-neighbourhood windows of large blocks are ignored): the
// pairs blocking would offer for it. One scan of all records.
std::vector<uint32_t> BlockNeighbours(const std::vector<LinkRecord>& records,
                                      const text::TokenTable& tokens, uint32_t index);

inline uint64_t MakePair(uint32_t i, uint32_t j) {
  return i < j ? (static_cast<uint64_t>(i) << 32) | j : (static_cast<uint64_t>(j) << 32) | i;
}

}  // namespace reckon::link
