// Everything Reckon derives from one name token, computed once per distinct
// token (token_table.h caches it).
//
// Order of the rules (docs/names.md):
//   1. strict  = NormalizeStrict + RepairPdfArtefacts   (unicode_normalize.h, arabic_fold.h)
//   2. script  = DetectScript(strict)                   (script.h)
//   3. folded  = FoldArabic for Arabic, FoldLatin for Latin, case fold otherwise
//   4. parts   = SplitArabicToken / SplitLatinToken     (compound.h)
//   5. lookup  = parts joined (Arabic) / LatinCanonical of each part joined (Latin):
//                the variant-table key (name_variants.h)
//   6. forms   = ArabicPhoneticForm / LatinPhoneticForms per part; skeleton
//                = the primary forms' skeletons joined  (cross_script_key.h)
//
// Thread-safety: pure function, safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/compound.h"
#include "text/cross_script_key.h"
#include "text/script.h"

namespace reckon::text {

struct TokenAnalysis {
  std::string strict;  // UTF-8, for display and exact equality
  std::string folded;  // UTF-8; orthographic variants removed; separators removed;
                       // the article kept ("الخطيب", "alkhatib")
  Script script = Script::kNone;
  TokenRole role = TokenRole::kName;
  CompoundKind compound = CompoundKind::kNone;
  bool has_article = false;
  bool all_caps = false;                         // Latin token written in capitals ("NASSER")
  std::vector<std::string> parts;                // see compound.h
  std::string lookup;                            // variant-table key
  std::u32string core;                           // parts joined: the string edit measures compare
  std::string skeleton;                          // blocking key, e.g. "MHMD"
  std::vector<std::vector<PhoneticForm>> forms;  // per part, alternatives
};

// Analyses one token (a single name, possibly a compound joined with spaces).
// Errors: DataError for invalid UTF-8; Internal if ICU fails.
[[nodiscard]] Result<TokenAnalysis> AnalyzeToken(std::string_view raw);

// True when every part of `a` is compatible with the corresponding part of `b`
// (same number of parts; any alternative form may match).
bool PhoneticallyCompatible(const TokenAnalysis& a, const TokenAnalysis& b);

}  // namespace reckon::text
