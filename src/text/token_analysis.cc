#include "text/token_analysis.h"

#include <unicode/uchar.h>

#include "text/arabic_fold.h"
#include "text/latin_fold.h"
#include "text/unicode_normalize.h"
#include "text/utf8.h"

namespace reckon::text {

Result<TokenAnalysis> AnalyzeToken(std::string_view raw) {
  Result<std::u32string> strict_or = NormalizeStrict(raw);
  if (!strict_or.ok()) return strict_or.status();
  std::u32string strict = std::move(strict_or).value();
  RepairPdfArtefacts(strict);

  TokenAnalysis out;
  out.strict = EncodeUtf8(strict);
  out.script = DetectScript(strict);
  TokenParts parts;
  switch (out.script) {
    case Script::kArabic: {
      const std::u32string folded = FoldArabic(strict);
      std::u32string compact;
      for (char32_t c : folded) {
        if (c != U' ' && c != U'-' && c != U'\'' && c != U'.') compact.push_back(c);
      }
      out.folded = EncodeUtf8(compact);
      out.role = ClassifyArabicToken(compact);
      parts = SplitArabicToken(folded);
      break;
    }
    case Script::kLatin: {
      const std::string folded = FoldLatin(strict);
      for (char c : folded) {
        if (c >= 'a' && c <= 'z') out.folded.push_back(c);
      }
      out.role = ClassifyLatinToken(folded);
      parts = SplitLatinToken(folded);
      size_t upper = 0;
      size_t lower = 0;
      for (char32_t c : strict) {
        if (u_isupper(static_cast<UChar32>(c))) ++upper;
        if (u_islower(static_cast<UChar32>(c))) ++lower;
      }
      out.all_caps = upper >= 2 && lower == 0;
      break;
    }
    case Script::kNone:
    case Script::kMixed:
    case Script::kOther: {
      // No transliteration rules: fold Arabic letters and Latin case, compare as text.
      std::u32string folded;
      for (char32_t c : strict) {
        if (c == U' ' || c == U'-' || c == U'\'' || c == U'.') continue;
        const char32_t arabic = FoldArabicChar(c);
        if (arabic == 0) continue;
        for (char32_t base : StripLatinDiacritics(arabic)) {
          folded.push_back(
              static_cast<char32_t>(u_foldCase(static_cast<UChar32>(base), U_FOLD_CASE_DEFAULT)));
        }
      }
      out.folded = EncodeUtf8(folded);
      out.core = folded;
      out.lookup = out.folded;
      out.parts = {out.folded};
      return out;
    }
  }
  out.compound = parts.kind;
  out.has_article = parts.has_article;
  out.parts = std::move(parts.parts);
  for (const std::string& part : out.parts) {
    const std::u32string part32 = DecodeUtf8(part);
    out.core += part32;
    if (out.script == Script::kArabic) {
      out.lookup += part;
      out.forms.push_back({ArabicPhoneticForm(part32)});
    } else {
      out.lookup += LatinCanonical(part);
      out.forms.push_back(LatinPhoneticForms(part));
    }
    out.skeleton += out.forms.back().front().skeleton;
  }
  return out;
}

bool PhoneticallyCompatible(const TokenAnalysis& a, const TokenAnalysis& b) {
  if (a.forms.size() != b.forms.size() || a.forms.empty()) return false;
  for (size_t part_idx = 0; part_idx < a.forms.size(); ++part_idx) {
    bool any = false;
    for (const PhoneticForm& fa : a.forms[part_idx]) {
      for (const PhoneticForm& fb : b.forms[part_idx]) {
        if (CompatibleForms(fa, fb)) {
          any = true;
          break;
        }
      }
      if (any) break;
    }
    if (!any) return false;
  }
  return true;
}

}  // namespace reckon::text
