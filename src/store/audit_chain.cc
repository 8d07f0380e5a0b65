#include "store/audit_chain.h"

#include "common/json_string.h"
#include "common/sha256.h"

namespace reckon {
namespace {

void AppendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string CanonicalAuditEntry(const AuditEntry& entry) {
  std::string out = "reckon-audit-v1;";
  AppendField(out, std::to_string(entry.seq));
  AppendField(out, entry.at);
  AppendField(out, entry.actor);
  AppendField(out, entry.action);
  AppendField(out, entry.entity);
  AppendField(out, std::to_string(entry.entity_id));
  AppendField(out, entry.details_json);
  return out;
}

std::string AuditEntryHash(const AuditEntry& entry) {
  Sha256 hasher;
  hasher.Update(entry.prev_hash);
  hasher.Update(CanonicalAuditEntry(entry));
  return hasher.HexDigest();
}

AuditChainReport VerifyAuditChain(const std::vector<AuditEntry>& entries) {
  AuditChainReport report;
  report.entries = static_cast<int64_t>(entries.size());
  std::string expected_prev(kAuditGenesisHash);
  int64_t expected_seq = 1;
  for (const AuditEntry& entry : entries) {
    if (entry.seq != expected_seq) {
      report.first_broken_seq = expected_seq;
      report.problem = "entry " + std::to_string(expected_seq) +
                       " is missing (the next entry present is " + std::to_string(entry.seq) + ")";
      return report;
    }
    if (entry.prev_hash != expected_prev) {
      report.first_broken_seq = entry.seq;
      report.problem = "entry " + std::to_string(entry.seq) +
                       " does not follow the entry before it (entries removed or reordered)";
      return report;
    }
    if (AuditEntryHash(entry) != entry.hash) {
      report.first_broken_seq = entry.seq;
      report.problem = "entry " + std::to_string(entry.seq) + " was altered after it was written";
      return report;
    }
    expected_prev = entry.hash;
    ++expected_seq;
  }
  report.head_hash = expected_prev;
  return report;
}

std::string AuditDetailsJson(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out = "{";
  for (size_t member_idx = 0; member_idx < members.size(); ++member_idx) {
    if (member_idx) out += ",";
    AppendJsonString(members[member_idx].first, out);
    out += ":";
    AppendJsonString(members[member_idx].second, out);
  }
  return out + "}";
}

}  // namespace reckon
