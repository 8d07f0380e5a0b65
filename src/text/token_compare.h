// Comparing two name tokens: an agreement level and a score.
//
// Levels, strongest first, and the first that applies wins:
//   kExact     strict forms equal (same spelling up to NFKC, tashkeel, tatweel).
//   kFolded    folded forms equal (أحمد = احمد, فاطمة = فاطمه, AHMAD = Ahmad,
//              al-Khatib = Alkhatib, عبد الله = عبدالله).
//   kVariant   both spellings of one name in the variant table (محمد = Mohammed).
//   (kDifferent) both in the table with no common name: a known different name
//              (Hassan / Hussein, محمد / محمود, صالح / صلاح), whatever follows.
//   kFolded    equal once a PDF lam-alef reversal is undone (علاء = عالء), or
//              equal but for the article (الخطيب = خطيب).
//   kPhonetic  Latin-Latin or Arabic-Latin: same skeleton with compatible
//              vowels, part by part (cross_script_key.h): Khatib = الخطيب,
//              Darwish = Darweesh.
//   kClose     a likely typo: same script, bounded Damerau-Levenshtein on the
//              cores (article removed) <= 1 for cores of >= 7 letters, or of
//              >= 4 letters when neither token is in the variant table (Arabic
//              and Latin), or <= 2 for Latin cores of >= 9 letters; across
//              scripts, skeletons of >= 4 consonants within distance 1 and
//              their Latin side not in the table.
//   kDifferent none of the above.
// Scores: exact 1.0, folded 0.98, variant 0.95, phonetic 0.92, close 0.85,
// different: 0.8 x Jaro-Winkler of the cores (same script) or of the
// skeletons (across scripts), always < kTokenMatchScore.
// Two tokens "match" when the level is kClose or stronger (score >=
// kTokenMatchScore = 0.85).
//
// Thread-safety: pure functions of immutable TokenInfo, safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>

#include "text/token_table.h"

namespace reckon::text {

enum class TokenMatch : uint8_t { kExact, kFolded, kVariant, kPhonetic, kClose, kDifferent };

inline constexpr double kTokenMatchScore = 0.85;

std::string_view TokenMatchName(TokenMatch level);

struct TokenComparison {
  TokenMatch level = TokenMatch::kDifferent;
  double score = 0.0;
  // kDifferent, and OneDotApart (below): the linker scores it on its own.
  bool dot_apart = false;
  bool matches() const { return level <= TokenMatch::kClose; }
};

TokenComparison CompareTokens(const TokenInfo& a, const TokenInfo& b);

// Two Arabic spellings one letter apart where the letters differ only in
// their dots (ديب / ذيب, عباس / غباس, حمزة / جمزة): a slip of the pen or of a
// scan, or two names. CompareTokens keeps them kDifferent and sets dot_apart;
// the linker scores the case as a level of its own.
bool OneDotApart(const TokenAnalysis& a, const TokenAnalysis& b);
// The text with every Arabic letter that differs from others only in dots
// replaced by one letter of its group (ذيب and ديب both become ديب): a key
// that such slips do not change.
std::u32string Dotless(std::u32string_view text);

// Convenience on a table; ids must come from `table`.
// Names repeat heavily in casualty lists, so results are remembered in a
// small per-thread cache keyed by the table and the two ids.
TokenComparison CompareTokens(const TokenTable& table, TokenId a, TokenId b);

// Starts loading what CompareTokens(table, a, b) on this thread will look at
// first, so that a caller who knows its next pairs hides the cache miss.
void PrefetchComparison(const TokenTable& table, TokenId a, TokenId b);

}  // namespace reckon::text
