#include "simulate/noise.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "common/strings.h"

namespace reckon::simulate {
namespace {

// Minimal UTF-8 decoding for text the simulator wrote itself (always valid).
std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    int extra = 0;
    char32_t cp = byte;
    if (byte >= 0xF0) {
      extra = 3;
      cp = byte & 0x07u;
    } else if (byte >= 0xE0) {
      extra = 2;
      cp = byte & 0x0Fu;
    } else if (byte >= 0xC0) {
      extra = 1;
      cp = byte & 0x1Fu;
    }
    ++pos;
    for (int extra_idx = 0; extra_idx < extra && pos < text.size(); ++extra_idx, ++pos) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[pos]) & 0x3Fu);
    }
    out.push_back(cp);
  }
  return out;
}

std::string Encode(const std::u32string& cps) {
  std::string out;
  out.reserve(cps.size() * 2);
  for (char32_t cp : cps) AppendUtf8(cp, out);
  return out;
}

// Letters that differ only in dots or hamza. Final-form pairs (ة/ه, ى/ي) are
// left to ArabicOrthographicVariant, which keeps them at the end of a word:
// a ta marbuta in the middle of a word is not a plausible error.
const std::vector<std::u32string>& ArabicConfusionGroups() {
  static const std::vector<std::u32string> kGroups = {
      U"بتثني", U"جحخ", U"دذ", U"رز", U"سش", U"صض", U"طظ", U"عغ", U"فق", U"اأإآ", U"وؤ",
  };
  return kGroups;
}

const std::u32string* GroupOf(char32_t cp) {
  for (const std::u32string& group : ArabicConfusionGroups()) {
    if (group.find(cp) != std::u32string::npos) return &group;
  }
  return nullptr;
}

// Positions of letters (not spaces or hyphens) in `cps`.
std::vector<size_t> LetterPositions(const std::u32string& cps) {
  std::vector<size_t> positions;
  for (size_t pos = 0; pos < cps.size(); ++pos) {
    if (cps[pos] != U' ' && cps[pos] != U'-' && cps[pos] != U'\'') positions.push_back(pos);
  }
  return positions;
}

// Drop, double or transpose a letter other than the first (writers rarely get
// the first letter wrong, and a lost capital would be a second error).
// Shared by both scripts. Returns false when the text is too short.
bool GenericEdit(std::u32string& cps, Rng& rng) {
  const std::vector<size_t> letters = LetterPositions(cps);
  if (letters.size() < 3) return false;
  const size_t pos = letters[1 + static_cast<size_t>(rng.Below(letters.size() - 1))];
  switch (rng.Below(3)) {
    case 0:
      cps.erase(pos, 1);
      return true;
    case 1:
      cps.insert(pos, 1, cps[pos]);
      return true;
    default:
      if (pos + 1 < cps.size() && cps[pos + 1] != U' ' && cps[pos + 1] != cps[pos]) {
        std::swap(cps[pos], cps[pos + 1]);
        return true;
      }
      cps.erase(pos, 1);
      return true;
  }
}

char32_t KeepCase(char32_t original, char replacement) {
  const bool upper = original >= U'A' && original <= U'Z';
  const int converted = upper ? std::toupper(static_cast<unsigned char>(replacement))
                              : std::tolower(static_cast<unsigned char>(replacement));
  return static_cast<char32_t>(converted);
}

// Keys next to each letter on a QWERTY keyboard.
std::string_view QwertyNeighbours(char lower) {
  static constexpr std::array<std::string_view, 26> kNeighbours = {
      "qwsz",   "vghn",  "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko",
      "huikmn", "jiolm", "kop",  "njk",    "bhjm", "iklp",   "ol",     "wa",     "edft",
      "awedxz", "rfgy",  "yhji", "cfgb",   "qase", "zsdc",   "tghu",   "asx"};
  if (lower < 'a' || lower > 'z') return {};
  return kNeighbours[static_cast<size_t>(lower - 'a')];
}

bool IsAsciiLetter(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'); }

}  // namespace

std::string ArabicTypo(std::string_view text, Rng& rng) {
  std::u32string cps = Decode(text);
  // Confusable substitutions are the commonest error in handwritten lists.
  if (rng.Bernoulli(0.6)) {
    std::vector<size_t> sites;
    for (size_t pos = 0; pos < cps.size(); ++pos) {
      if (GroupOf(cps[pos]) != nullptr) sites.push_back(pos);
    }
    if (!sites.empty()) {
      const size_t pos = sites[static_cast<size_t>(rng.Below(sites.size()))];
      const std::u32string& group = *GroupOf(cps[pos]);
      char32_t replacement = cps[pos];
      while (replacement == cps[pos]) {
        replacement = group[static_cast<size_t>(rng.Below(group.size()))];
      }
      cps[pos] = replacement;
      return Encode(cps);
    }
  }
  GenericEdit(cps, rng);
  return Encode(cps);
}

std::string LatinTypo(std::string_view text, Rng& rng) {
  std::u32string cps = Decode(text);
  if (rng.Bernoulli(0.4)) {
    std::vector<size_t> sites;
    for (size_t pos = 1; pos < cps.size(); ++pos) {
      if (IsAsciiLetter(cps[pos])) sites.push_back(pos);
    }
    if (!sites.empty()) {
      const size_t pos = sites[static_cast<size_t>(rng.Below(sites.size()))];
      const char lower = static_cast<char>(std::tolower(static_cast<int>(cps[pos])));
      const std::string_view neighbours = QwertyNeighbours(lower);
      cps[pos] = KeepCase(cps[pos], neighbours[static_cast<size_t>(rng.Below(neighbours.size()))]);
      return Encode(cps);
    }
  }
  GenericEdit(cps, rng);
  return Encode(cps);
}

std::string ArabicOrthographicVariant(std::string_view text, Rng& rng) {
  std::u32string cps = Decode(text);
  // Candidate (position, replacement) pairs.
  std::vector<std::pair<size_t, char32_t>> sites;
  for (size_t pos = 0; pos < cps.size(); ++pos) {
    const char32_t cp = cps[pos];
    const bool word_start = pos == 0 || cps[pos - 1] == U' ';
    const bool word_end = pos + 1 == cps.size() || cps[pos + 1] == U' ';
    if (cp == U'أ' || cp == U'إ' || cp == U'آ') sites.emplace_back(pos, U'ا');
    if (cp == U'ا' && word_start) sites.emplace_back(pos, U'أ');
    if (cp == U'ة' && word_end) sites.emplace_back(pos, U'ه');
    if (cp == U'ه' && word_end) sites.emplace_back(pos, U'ة');
    if (cp == U'ى' && word_end) sites.emplace_back(pos, U'ي');
    if (cp == U'ي' && word_end) sites.emplace_back(pos, U'ى');
    if (cp == U'ؤ') sites.emplace_back(pos, U'و');
    if (cp == U'ئ') sites.emplace_back(pos, U'ي');
  }
  if (sites.empty()) return std::string(text);
  const auto [pos, replacement] = sites[static_cast<size_t>(rng.Below(sites.size()))];
  cps[pos] = replacement;
  return Encode(cps);
}

std::string LatinSpellingVariant(std::string_view text, Rng& rng) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kAlternations = {{
      {"ou", "u"},
      {"oo", "u"},
      {"ee", "i"},
      {"ei", "ai"},
      {"ss", "s"},
      {"mm", "m"},
      {"dd", "d"},
      {"ll", "l"},
      {"kh", "h"},
      {"gh", "g"},
      {"q", "k"},
      {"dh", "z"},
      {"th", "t"},
      {"sh", "ch"},
      {"y", "i"},
      {"e", "a"},
      {"o", "u"},
      {"ie", "y"},
  }};
  const std::string lower = [&] {
    std::string s(text);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }();
  struct Site {
    size_t pos;
    size_t length;
    std::string_view replacement;
  };
  std::vector<Site> sites;
  for (const auto& [a, b] : kAlternations) {
    for (size_t pos = lower.find(a); pos != std::string::npos; pos = lower.find(a, pos + 1)) {
      sites.push_back({pos, a.size(), b});
    }
    for (size_t pos = lower.find(b); pos != std::string::npos; pos = lower.find(b, pos + 1)) {
      sites.push_back({pos, b.size(), a});
    }
  }
  if (sites.empty()) return std::string(text);
  const Site& site = sites[static_cast<size_t>(rng.Below(sites.size()))];
  std::string replacement(site.replacement);
  if (std::isupper(static_cast<unsigned char>(text[site.pos]))) {
    replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
  }
  std::string out(text);
  out.replace(site.pos, site.length, replacement);
  return out;
}

std::string CompoundVariant(std::string_view text, bool arabic_script, Rng& rng) {
  std::string out(text);
  if (arabic_script) {
    constexpr std::string_view kAbd = "عبد";
    constexpr std::string_view kDin = "الدين";
    const size_t space = out.find(' ');
    if (space != std::string::npos) {
      out.erase(space, 1);
    } else if (out.size() > kAbd.size() && out.rfind(kAbd, 0) == 0) {
      out.insert(kAbd.size(), " ");
    } else if (out.size() > kDin.size() && out.ends_with(kDin)) {
      out.insert(out.size() - kDin.size(), " ");
    }
    return out;
  }
  if (out.find_first_of(" -") == std::string::npos) return out;
  switch (rng.Below(3)) {
    case 0: {  // "Abd al-Rahman" -> "Abdalrahman"
      std::string joined;
      for (char c : out) {
        if (c == ' ' || c == '-') continue;
        joined.push_back(
            joined.empty() ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
      return joined;
    }
    case 1:  // "Abd al-Rahman" -> "Abd al Rahman"
      std::replace(out.begin(), out.end(), '-', ' ');
      return out;
    default: {  // "Abd al-Rahman" -> "Abd el-Rahman"
      const size_t pos = out.find("al-");
      if (pos != std::string::npos)
        out.replace(pos, 3, "el-");
      else
        std::replace(out.begin(), out.end(), ' ', '-');
      return out;
    }
  }
}

int DateShiftDays(Rng& rng) {
  const int magnitude = rng.Bernoulli(0.75) ? 1 : 2;
  return rng.Bernoulli(0.5) ? magnitude : -magnitude;
}

int ShiftAge(int age, Rng& rng) {
  const int magnitude = static_cast<int>(rng.Between(1, 3));
  const int shifted = rng.Bernoulli(0.5) ? age + magnitude : age - magnitude;
  return shifted < 0 ? age + magnitude : shifted;
}

int HeapAge(int age) {
  if (age < 13) return age;
  return (age + 2) / 5 * 5;
}

std::string ToArabicIndicDigits(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      AppendUtf8(U'\u0660' + static_cast<char32_t>(c - '0'), out);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool ContainsArabic(std::string_view text) {
  // U+0600..U+06FF encode as D8..DB followed by a continuation byte.
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0xD8 && byte <= 0xDB) return true;
  }
  return false;
}

}  // namespace reckon::simulate
