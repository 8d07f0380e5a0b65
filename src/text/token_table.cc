#include "text/token_table.h"

#include <algorithm>

#include "text/utf8.h"

namespace reckon::text {
namespace {

// Drops every alef next to a lam: a lam-alef ligature extracted in the wrong
// order from a PDF ("علاء" -> "عالء", "بلال" -> "بالل") gives the same string
// as the intact name.
std::string LamAlefForm(const TokenAnalysis& analysis) {
  if (analysis.script != Script::kArabic) return analysis.folded;
  const std::u32string s = DecodeUtf8(analysis.folded);
  std::u32string out;
  for (size_t idx = 0; idx < s.size(); ++idx) {
    const bool lam_next =
        (idx > 0 && s[idx - 1] == U'ل') || (idx + 1 < s.size() && s[idx + 1] == U'ل');
    if (s[idx] == U'ا' && lam_next) continue;
    out.push_back(s[idx]);
  }
  return "~" + EncodeUtf8(out);
}

}  // namespace

namespace {
std::atomic<uint64_t> next_serial{1};
}  // namespace

TokenTable::TokenTable(const VariantTable& variants)
    : variants_(variants),
      chunks_(new std::atomic<TokenInfo*>[kMaxChunks]),
      serial_(next_serial.fetch_add(1, std::memory_order_relaxed)) {
  for (size_t chunk_idx = 0; chunk_idx < kMaxChunks; ++chunk_idx) {
    chunks_[chunk_idx].store(nullptr, std::memory_order_relaxed);
  }
}

uint32_t TokenTable::InternInto(IdMap& map, std::string_view key) {
  const auto it = map.find(key);
  if (it != map.end()) return it->second;
  const auto id = static_cast<uint32_t>(map.size());
  map.emplace(std::string(key), id);
  return id;
}

size_t TokenTable::size() const {
  std::shared_lock lock(mu_);
  return size_;
}

Result<TokenId> TokenTable::Intern(std::string_view raw) {
  {
    std::shared_lock lock(mu_);
    const auto it = ids_.find(raw);
    if (it != ids_.end()) return it->second;
  }
  // Analyse outside the lock: ICU work must not block readers.
  Result<TokenAnalysis> analysis = AnalyzeToken(raw);
  if (!analysis.ok()) return analysis.status();
  TokenInfo info;
  info.analysis = std::move(analysis).value();
  const auto groups = variants_.Lookup(info.analysis.script, info.analysis.lookup);
  info.groups.assign(groups.begin(), groups.end());
  std::sort(info.groups.begin(), info.groups.end());
  const std::string lamalef = LamAlefForm(info.analysis);

  std::unique_lock lock(mu_);
  const auto it = ids_.find(raw);
  if (it != ids_.end()) return it->second;  // another thread won the race
  if (size_ >= kMaxTokens) return Status::Internal("token table full");
  info.strict_id = InternInto(strict_ids_, info.analysis.strict);
  info.folded_id = InternInto(folded_ids_, info.analysis.folded);
  info.lamalef_id = InternInto(folded_ids_, lamalef);
  const auto id = static_cast<TokenId>(size_);
  const size_t chunk_idx = id >> kChunkBits;
  if (chunk_idx == owned_chunks_.size()) {
    owned_chunks_.push_back(std::make_unique<TokenInfo[]>(kChunkSize));
    chunks_[chunk_idx].store(owned_chunks_.back().get(), std::memory_order_release);
  }
  owned_chunks_[chunk_idx][id & (kChunkSize - 1)] = std::move(info);
  ids_.emplace(std::string(raw), id);
  ++size_;
  return id;
}

}  // namespace reckon::text
