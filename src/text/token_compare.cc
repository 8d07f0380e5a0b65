#include "text/token_compare.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "text/similarity.h"

namespace reckon::text {
namespace {

bool ShareGroup(const std::vector<VariantGroupId>& a, const std::vector<VariantGroupId>& b) {
  auto ia = a.begin();
  auto ib = b.begin();
  while (ia != a.end() && ib != b.end()) {
    if (*ia == *ib) return true;
    if (*ia < *ib) {
      ++ia;
    } else {
      ++ib;
    }
  }
  return false;
}

bool IsTranslit(Script s) { return s == Script::kArabic || s == Script::kLatin; }

bool HasOtherReadings(const TokenAnalysis& x) {
  for (const auto& part_forms : x.forms) {
    if (part_forms.size() > 1) return true;
  }
  return false;
}

// Letters that share their shape and differ in dots (the ن and ي groups share
// the tooth of ب in the middle of a word).
constexpr std::u32string_view kDotGroups[] = {U"بتثني", U"جحخ", U"دذ", U"رز", U"سش",
                                              U"صض",    U"طظ",  U"عغ", U"فق"};
int DotGroup(char32_t c) {
  for (size_t group = 0; group < std::size(kDotGroups); ++group) {
    if (kDotGroups[group].find(c) != std::u32string_view::npos) return static_cast<int>(group);
  }
  return -1;
}

// Consonant skeletons one slip apart (Malsk / مالك); or, for short names and
// at most one of them known, the same skeleton (Zied / زياد) or the other's
// with one consonant lost (حس / Hasan, Hayar / حيدر, Maeyam / مريم).
bool SkeletonSlip(const TokenInfo& a, const TokenInfo& b) {
  const std::string& x = a.analysis.skeleton;
  const std::string& y = b.analysis.skeleton;
  if (std::min(x.size(), y.size()) >= 3) {
    return BoundedDamerauLevenshtein(std::string_view(x), std::string_view(y), 1) <= 1;
  }
  if ((a.known() && b.known()) || std::min(x.size(), y.size()) < 2) return false;
  const std::string& shorter = x.size() <= y.size() ? x : y;
  const std::string& longer = x.size() <= y.size() ? y : x;
  if (shorter == longer) return true;
  if (longer.size() != shorter.size() + 1) return false;
  size_t same_prefix = 0;
  while (same_prefix < shorter.size() && shorter[same_prefix] == longer[same_prefix]) ++same_prefix;
  return longer.compare(same_prefix + 1, std::string::npos, shorter, same_prefix) == 0;
}

}  // namespace

std::string_view TokenMatchName(TokenMatch level) {
  switch (level) {
    case TokenMatch::kExact:
      return "exact";
    case TokenMatch::kFolded:
      return "folded";
    case TokenMatch::kVariant:
      return "variant";
    case TokenMatch::kPhonetic:
      return "phonetic";
    case TokenMatch::kClose:
      return "close";
    case TokenMatch::kDifferent:
      return "different";
  }
  return "different";
}

std::u32string Dotless(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) {
    const int group = DotGroup(c);
    if (group >= 0) c = kDotGroups[static_cast<size_t>(group)][0];
  }
  return out;
}

bool OneDotApart(const TokenAnalysis& a, const TokenAnalysis& b) {
  if (a.script != Script::kArabic || b.script != Script::kArabic) return false;
  if (a.core.size() != b.core.size() || a.core.size() < 3) return false;
  int differences = 0;
  for (size_t i = 0; i < a.core.size(); ++i) {
    if (a.core[i] == b.core[i]) continue;
    const int group = DotGroup(a.core[i]);
    if (++differences > 1 || group < 0 || group != DotGroup(b.core[i])) return false;
  }
  return differences == 1;
}

namespace {

// The level and score of CompareTokens (docs in token_compare.h).
TokenComparison Classify(const TokenInfo& a, const TokenInfo& b) {
  if (a.strict_id == b.strict_id) return {TokenMatch::kExact, 1.0};
  if (a.folded_id == b.folded_id) return {TokenMatch::kFolded, 0.98};
  const TokenAnalysis& x = a.analysis;
  const TokenAnalysis& y = b.analysis;
  const bool same_script = x.script == y.script;
  auto different = [&]() {
    const double jw = same_script
                          ? JaroWinkler(x.core, y.core)
                          : JaroWinkler(std::string_view(x.skeleton), std::string_view(y.skeleton));
    return TokenComparison{TokenMatch::kDifferent, 0.8 * jw};
  };
  if (a.known() && b.known()) {
    if (ShareGroup(a.groups, b.groups)) return {TokenMatch::kVariant, 0.95};
    return different();
  }
  if (a.lamalef_id == b.lamalef_id ||
      (same_script && x.compound == y.compound && x.core == y.core)) {
    return {TokenMatch::kFolded, 0.98};  // PDF lam-alef reversal, or only the article differs
  }
  if (x.compound != y.compound) {
    // A compound never equals a simple name (عبد الله vs عبد).
    return different();
  }
  // The skeletons of the first readings are equal, or a token has other
  // readings (Iad as إياد, Ysa as عيسى) that PhoneticallyCompatible tries.
  if (IsTranslit(x.script) && IsTranslit(y.script) &&
      !(x.script == Script::kArabic && y.script == Script::kArabic) &&
      (x.skeleton == y.skeleton || HasOtherReadings(x) || HasOtherReadings(y)) &&
      PhoneticallyCompatible(x, y)) {
    return {TokenMatch::kPhonetic, 0.92};
  }
  if (same_script) {
    const size_t shorter = std::min(x.core.size(), y.core.size());
    const bool unknown = !a.known() && !b.known();
    // Here at most one of the two is in the variant table. A spelling that is
    // not a name we know, one edit from one we do (ممد, ماز, غشان against
    // محمد, مازن, غسان), is that name misspelt: before, it read as another
    // name, so the pair read as brothers and was never linked.
    const bool one_known = !unknown;
    // Jaro-Winkler >= 0.8 is implied by the edit bounds below from five
    // letters on, so it gates the costlier Damerau-Levenshtein there; a
    // shorter name's slip in its first letters falls below it (زشا / رشا
    // 0.78, عيل / علي).
    const double jw = JaroWinkler(x.core, y.core);
    if (jw >= 0.8 || shorter <= 4) {
      // From three letters, one edit against a known name; between two
      // unknown spellings only a letter lost (حون / حسون, رست / رستم: realistic
      // pairwise F1 +0 to +0.0002 on six cases), as three-letter names one
      // letter apart are as often two names. A two-letter spelling against a
      // known name (عل / علي) was mixed: -0.001 to +0.0006.
      const bool one_lost = std::max(x.core.size(), y.core.size()) > shorter;
      if ((shorter >= 7 || (shorter >= 4 && unknown) ||
           (shorter >= 3 && (one_known || one_lost))) &&
          BoundedDamerauLevenshtein(x.core, y.core, 1) <= 1) {
        return {TokenMatch::kClose, kTokenMatchScore};
      }
      if (x.script == Script::kLatin && shorter >= 9 &&
          BoundedDamerauLevenshtein(x.core, y.core, 2) <= 2) {
        return {TokenMatch::kClose, kTokenMatchScore};
      }
    }
    // Spelling slips of a known name that the edit bounds miss (Hales /
    // Khaled): before, such a given name read as a brother's. Only against a
    // known name: two unknown spellings a skeleton apart are as often two
    // family names (الخطيب / الكاتب, Khatib / Kateb).
    if (IsTranslit(x.script) && one_known && SkeletonSlip(a, b)) {
      return {TokenMatch::kClose, kTokenMatchScore};
    }
    // Two Latin spellings we do not know with one consonant skeleton are
    // mostly two transliterators' renderings of one Arabic name whose vowels
    // they heard differently (Rabea / Rabih, Deab / Dib, Jendi / Joondi):
    // each may be compatible with the Arabic and not with the other.
    // (Realistic pairwise F1 -0.0002 to +0.0009 on six cases, hard +0.003.)
    if (x.script == Script::kLatin && x.skeleton.size() >= 2 && x.skeleton == y.skeleton) {
      return {TokenMatch::kClose, kTokenMatchScore};
    }
    return {TokenMatch::kDifferent, 0.8 * jw};
  } else if (IsTranslit(x.script) && IsTranslit(y.script) && SkeletonSlip(a, b)) {
    return {TokenMatch::kClose, kTokenMatchScore};
  }
  return different();
}

}  // namespace

TokenComparison CompareTokens(const TokenInfo& a, const TokenInfo& b) {
  TokenComparison comparison = Classify(a, b);
  comparison.dot_apart =
      comparison.level == TokenMatch::kDifferent && OneDotApart(a.analysis, b.analysis);
  return comparison;
}

namespace {

// Remembered comparisons, per thread: 2^16 entries of 16 bytes (1 MiB, about
// a core's L2), for one table at a time. An entry's tag packs both ids
// (below 2^26) and the level (kDotApartCode for a different pair one dot
// apart); 0 marks an empty entry.
static_assert(TokenTable::kMaxTokens <= (size_t{1} << 26), "ids fit 26 bits");
struct CacheEntry {
  uint64_t tag = 0;
  double score = 0.0;
};
constexpr size_t kCacheBits = 18;
// A level code no TokenMatch uses: kDifferent, and dot_apart.
constexpr uint64_t kDotApartCode = 7;
static_assert(static_cast<uint64_t>(TokenMatch::kDifferent) < kDotApartCode);

struct ComparisonCache {
  uint64_t serial = 0;  // the table's serial; 0 = none yet
  std::vector<CacheEntry> entries;
};

ComparisonCache& CacheFor(const TokenTable& table) {
  thread_local ComparisonCache cache;
  if (cache.serial != table.serial()) {
    cache.entries.assign(size_t{1} << kCacheBits, CacheEntry{});
    cache.serial = table.serial();
  }
  return cache;
}

uint64_t PairKey(TokenId a, TokenId b) { return (static_cast<uint64_t>(a) << 26) | b; }

CacheEntry& EntryOf(ComparisonCache& cache, uint64_t key) {
  return cache.entries[(key * 0x9E3779B97F4A7C15ULL) >> (64 - kCacheBits)];
}

}  // namespace

TokenComparison CompareTokens(const TokenTable& table, TokenId a, TokenId b) {
  if (a == b) return {TokenMatch::kExact, 1.0};
  const uint64_t key = PairKey(a, b);
  CacheEntry& entry = EntryOf(CacheFor(table), key);
  if ((entry.tag >> 4) == key && entry.tag != 0) {
    const uint64_t code = (entry.tag >> 1) & 7u;
    if (code == kDotApartCode) return {TokenMatch::kDifferent, entry.score, true};
    return {static_cast<TokenMatch>(code), entry.score};
  }
  const TokenComparison value = CompareTokens(table.Info(a), table.Info(b));
  const uint64_t code = value.dot_apart ? kDotApartCode : static_cast<uint64_t>(value.level);
  entry = {(key << 4) | (code << 1) | 1u, value.score};
  return value;
}

void PrefetchComparison(const TokenTable& table, TokenId a, TokenId b) {
  if (a == b || a == kNoToken || b == kNoToken) return;
  __builtin_prefetch(&EntryOf(CacheFor(table), PairKey(a, b)));
}

}  // namespace reckon::text
