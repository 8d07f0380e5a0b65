// The audit log's hash chain.
//
// Each entry's hash is SHA-256(prev_hash || CanonicalAuditEntry(entry)) in
// lowercase hex, and prev_hash is the previous entry's hash (64 zeros for the
// first). Sequence numbers start at 1 and have no gaps. Editing, deleting or
// reordering entries without recomputing every later hash therefore breaks the
// chain at the first affected entry.
//
// What the chain does not prove: someone who can write the case file can
// recompute the whole chain. Recording the head hash elsewhere (printed by
// `reckon audit verify`) is what detects that.
//
// Thread-safe: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/model.h"

namespace reckon {

inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Length-prefixed fields ("<len>:<bytes>;" for seq, at, actor, action, entity,
// entity_id, details_json) so that no two different entries serialise alike.
std::string CanonicalAuditEntry(const AuditEntry& entry);

// SHA-256 over entry.prev_hash followed by the canonical serialisation.
std::string AuditEntryHash(const AuditEntry& entry);

struct AuditChainReport {
  int64_t entries = 0;
  std::optional<int64_t> first_broken_seq;  // nullopt when the chain holds
  std::string problem;                      // why it breaks there
  std::string head_hash;                    // last entry's hash (genesis if empty)
};

// Checks entries given in the order they were read (by seq).
AuditChainReport VerifyAuditChain(const std::vector<AuditEntry>& entries);

// A JSON object from string members, escaped; for audit details.
std::string AuditDetailsJson(const std::vector<std::pair<std::string, std::string>>& members);

}  // namespace reckon
