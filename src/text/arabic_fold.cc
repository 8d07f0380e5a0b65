#include "text/arabic_fold.h"

namespace reckon::text {

bool IsArabicLetter(char32_t c) {
  if (c >= U'\u0621' && c <= U'\u063A') return true;
  if (c >= U'\u0641' && c <= U'\u064A') return true;
  switch (c) {
    case U'\u0671':
    case U'\u0672':
    case U'\u0673':
    case U'\u06A9':
    case U'\u06CC':
    case U'\u06C0':
    case U'\u06D5':
    case U'\u06AF':
    case U'\u067E':
    case U'\u0686':
    case U'\u0698':
    case U'\u06A4':
      return true;
    default:
      return false;
  }
}

void RepairPdfArtefacts(std::u32string& text) {
  static constexpr std::u32string_view kBroken = U"هللا";
  static constexpr std::u32string_view kBrokenEnd = U"اهلل";
  static constexpr std::u32string_view kAllah = U"الله";
  for (size_t pos = text.find(kBroken); pos != std::u32string::npos;
       pos = text.find(kBroken, pos + kAllah.size())) {
    text.replace(pos, kBroken.size(), kAllah);
  }
  for (size_t pos = text.find(kBrokenEnd); pos != std::u32string::npos;
       pos = text.find(kBrokenEnd, pos + kAllah.size())) {
    const size_t end = pos + kBrokenEnd.size();
    const bool at_word_end = end == text.size() || !IsArabicLetter(text[end]);
    if (at_word_end) text.replace(pos, kBrokenEnd.size(), kAllah);
  }
}

char32_t FoldArabicChar(char32_t c) {
  switch (c) {
    case U'\u0623':  // أ
    case U'\u0625':  // إ
    case U'\u0622':  // آ
    case U'\u0671':  // ٱ
    case U'\u0672':
    case U'\u0673':
      return U'\u0627';
    case U'\u0629':  // ة
    case U'\u06C0':  // ۀ
    case U'\u06D5':  // ە
      return U'\u0647';
    case U'\u0649':  // ى
    case U'\u06CC':  // ی
    case U'\u0626':  // ئ
      return U'\u064A';
    case U'\u0624':  // ؤ
      return U'\u0648';
    case U'\u0621':  // ء
      return 0;
    case U'\u06A9':  // ک
    case U'\u06AF':  // گ
      return U'\u0643';
    case U'\u067E':  // پ
      return U'\u0628';
    case U'\u0686':  // چ
      return U'\u062C';
    case U'\u0698':  // ژ
      return U'\u0632';
    case U'\u06A4':  // ڤ
      return U'\u0641';
    default:
      return c;
  }
}

std::u32string FoldArabic(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    const char32_t folded = FoldArabicChar(c);
    if (folded != 0) out.push_back(folded);
  }
  return out;
}

}  // namespace reckon::text
