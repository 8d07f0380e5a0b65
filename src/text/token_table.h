// The token table: interns each distinct raw token once and caches its
// analysis, so that a list of a million names costs little more than its
// distinct tokens.
//
// Ids are dense (0, 1, 2, ...) in order of first sight and stay valid for the
// table's lifetime; a TokenInfo reference returned by Info() never moves.
// Tokens with the same strict form share `strict_id`; with the same folded
// form, `folded_id` — so exact and folded equality are integer comparisons.
//
// Thread-safety: thread-safe. Intern() takes a shared lock on a hit and an
// exclusive lock only to insert a new token (analysis runs outside the lock).
// Info() is lock-free: entries live in fixed chunks that are never moved, and
// an id is only handed out after its entry is complete.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "text/name_variants.h"
#include "text/token_analysis.h"

namespace reckon::text {

using TokenId = uint32_t;
inline constexpr TokenId kNoToken = 0xFFFFFFFFu;

struct TokenInfo {
  TokenAnalysis analysis;
  uint32_t strict_id = 0;              // equal for tokens with equal strict forms
  uint32_t folded_id = 0;              // equal for tokens with equal folded forms
  uint32_t lamalef_id = 0;             // folded form without alefs next to a lam
  std::vector<VariantGroupId> groups;  // variant groups (name_variants.h), sorted
  // A name we know: in the variant table.
  bool known() const { return !groups.empty(); }
};

class TokenTable {
 public:
  // `variants` must outlive the table.
  explicit TokenTable(const VariantTable& variants = VariantTable::Default());
  TokenTable(const TokenTable&) = delete;
  TokenTable& operator=(const TokenTable&) = delete;

  // Returns the id of `raw` (one token, or a compound joined with spaces),
  // analysing it on first sight. Errors: those of AnalyzeToken (invalid UTF-8);
  // Internal when the table is full (kMaxTokens distinct tokens).
  [[nodiscard]] Result<TokenId> Intern(std::string_view raw);

  // The cached analysis. `id` must come from Intern() on this table.
  const TokenInfo& Info(TokenId id) const {
    return chunks_[id >> kChunkBits].load(std::memory_order_acquire)[id & (kChunkSize - 1)];
  }

  // Distinct raw tokens interned so far.
  size_t size() const;

  // Unique per table for the process's life (never 0): lets caches keyed by
  // token ids tell tables apart even when one is destroyed and another
  // allocated at the same address.
  uint64_t serial() const { return serial_; }

  const VariantTable& variants() const { return variants_; }

  static constexpr size_t kChunkBits = 12;
  static constexpr size_t kChunkSize = size_t{1} << kChunkBits;
  static constexpr size_t kMaxChunks = 16384;  // 67 million distinct tokens
  static constexpr size_t kMaxTokens = kChunkSize * kMaxChunks;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };
  using IdMap = std::unordered_map<std::string, uint32_t, Hash, Eq>;

  static uint32_t InternInto(IdMap& map, std::string_view key);

  const VariantTable& variants_;
  mutable std::shared_mutex mu_;
  IdMap ids_;         // raw token -> id; guarded by mu_
  IdMap strict_ids_;  // guarded by mu_
  IdMap folded_ids_;  // guarded by mu_ (also holds lam-alef forms)
  size_t size_ = 0;   // guarded by mu_
  std::unique_ptr<std::atomic<TokenInfo*>[]> chunks_;
  uint64_t serial_;
  std::vector<std::unique_ptr<TokenInfo[]>> owned_chunks_;  // guarded by mu_
};

}  // namespace reckon::text
