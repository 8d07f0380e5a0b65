#include "link/cause.h"

#include <array>
#include <string>
#include <utility>

#include "text/arabic_fold.h"
#include "text/utf8.h"

namespace reckon::link {
namespace {

// Lower-case Latin, folded Arabic (أ إ آ -> ا, ة -> ه), single spaces.
std::string Fold(std::string_view raw) {
  std::u32string out;
  bool space = true;  // drops leading spaces
  for (char32_t c : text::FoldArabic(text::DecodeUtf8(raw))) {
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    const bool blank = c == U' ' || c == U'\t' || c == U'-' || c == U'_' || c == U',';
    if (blank) {
      if (!space) out.push_back(U' ');
      space = true;
      continue;
    }
    space = false;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return text::EncodeUtf8(out);
}

// Checked in order: the first category with a word in the text wins, so the
// more specific words come first ("قصف جوي" is an airstrike, not shelling;
// "إعدام ميداني بالرصاص" an execution, not a shooting). Arabic words are
// written folded.
struct Words {
  CauseCategory category;
  std::array<std::string_view, 8> words;
};
constexpr std::array<Words, 8> kWords = {{
    {CauseCategory::kAirstrike,
     {"airstrike", "air strike", "air raid", "aerial", "غاره", "قصف جوي", "طيران"}},
    {CauseCategory::kExecution, {"execution", "executed", "اعدام", "تصفيه"}},
    {CauseCategory::kStabbing, {"stab", "knife", "slaughter", "طعن", "ذبح", "سكين"}},
    {CauseCategory::kTorture, {"torture", "تعذيب"}},
    {CauseCategory::kBurning, {"burn", "حرق", "احراق"}},
    {CauseCategory::kExplosion, {"explosion", "explosive", "انفجار", "تفجير"}},
    {CauseCategory::kShelling,
     {"shelling", "shell", "artillery", "mortar", "bombardment", "rocket", "قصف", "قذيف"}},
    {CauseCategory::kGunshot,
     {"gunshot", "gunfire", "shot", "shooting", "bullet", "sniper", "اطلاق نار", "رصاص"}},
}};

}  // namespace

uint32_t CauseKey(std::string_view raw) {
  const std::string folded = Fold(raw);
  if (folded.empty()) return 0;
  for (const Words& entry : kWords) {
    for (const std::string_view word : entry.words) {
      if (!word.empty() && folded.find(word) != std::string::npos) {
        return static_cast<uint32_t>(entry.category);
      }
    }
  }
  // FNV-1a of the folded text.
  uint32_t hash = 2166136261u;
  for (const char c : folded) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash | kUnrecognisedCause;
}

}  // namespace reckon::link
