#include "text/cross_script_key.h"

#include <algorithm>

#include "text/latin_fold.h"

namespace reckon::text {
namespace {

constexpr uint8_t kAnyShort = kVowelA | kVowelI | kVowelU;
constexpr uint8_t kGlottalOffers = kVowelA | kVowelI | kVowelU | kLongA;

// Consonant class of an Arabic letter, or 0 for vowel-like letters.
char ArabicClass(char32_t c) {
  switch (c) {
    case U'ب':
      return 'B';
    case U'ت':
    case U'ط':
    case U'ث':
      return 'T';
    case U'ج':
    case U'غ':
      return 'J';
    case U'ح':
    case U'ه':
    case U'خ':
      return 'H';
    case U'د':
    case U'ذ':
    case U'ض':
    case U'ظ':
    case U'ز':
      return 'D';
    case U'ر':
      return 'R';
    case U'س':
    case U'ص':
      return 'S';
    case U'ش':
      return 'C';
    case U'ف':
      return 'F';
    case U'ق':
    case U'ك':
      return 'K';
    case U'ل':
      return 'L';
    case U'م':
      return 'M';
    case U'ن':
      return 'N';
    default:
      return 0;
  }
}

// Appends consonant `cls`, collapsing with the previous one when no vowel
// separates them.
void AddConsonant(PhoneticForm& form, char cls) {
  if (!form.skeleton.empty() && form.skeleton.back() == cls) {
    const VowelCluster& last = form.clusters.back();
    if (last.offers == kAnyShort && last.requires_ == 0) return;
  }
  form.skeleton.push_back(cls);
  form.clusters.push_back(VowelCluster{kAnyShort, 0});
}

// Adds a vowel contribution to the current (last) cluster. The first
// contribution replaces the "empty cluster" default.
void AddVowel(PhoneticForm& form, uint8_t offers, uint8_t requires_, bool* fresh) {
  VowelCluster& cluster = form.clusters.back();
  if (*fresh) {
    cluster = VowelCluster{0, 0};
    *fresh = false;
  }
  cluster.offers = static_cast<uint8_t>(cluster.offers | offers | kSomeVowel);
  cluster.requires_ = static_cast<uint8_t>(cluster.requires_ | requires_);
}

bool ClustersCompatible(const VowelCluster& a, const VowelCluster& b) {
  return (a.requires_ & ~b.offers) == 0 && (b.requires_ & ~a.offers) == 0;
}

}  // namespace

PhoneticForm ArabicPhoneticForm(std::u32string_view part) {
  PhoneticForm form;
  form.clusters.push_back(VowelCluster{0, 0});  // nothing before a leading consonant
  bool fresh = true;                            // current cluster has had no vowel letter yet
  // A final ه/ة of a long enough part is the feminine ending: dropped.
  size_t end = part.size();
  if (end >= 3 && part[end - 1] == U'ه') {
    form.final_taa = true;
    --end;
  }
  for (size_t idx = 0; idx < end; ++idx) {
    const char32_t c = part[idx];
    const bool initial = idx == 0;
    const bool final = idx + 1 == end && !form.final_taa;
    if (const char cls = ArabicClass(c)) {
      AddConsonant(form, cls);
      fresh = true;
      continue;
    }
    switch (c) {
      case U'ا':
        if (initial) {
          AddVowel(form, kGlottalOffers | kLongI | kLongU, 0, &fresh);
        } else {
          AddVowel(form, kVowelA | kLongA, kVowelA, &fresh);
        }
        break;
      case U'ع':
      case U'ء':
        AddVowel(form, kGlottalOffers, 0, &fresh);
        break;
      case U'و':
        if (initial) {
          AddConsonant(form, 'W');
          fresh = true;
        } else if (final) {
          AddVowel(form, kVowelU | kLongU | kVowelA, kVowelU, &fresh);
        } else {
          AddVowel(form, kVowelU | kLongU, kVowelU, &fresh);
        }
        break;
      case U'ي':
        if (initial) {
          AddConsonant(form, 'Y');
          fresh = true;
        } else if (final) {
          // Final ي also stands for ى (Mousa, Huda, Yahya).
          AddVowel(form, kVowelA | kVowelI | kLongA | kLongI, 0, &fresh);
        } else {
          AddVowel(form, kVowelI | kLongI, kVowelI, &fresh);
        }
        break;
      default:
        break;  // other code points (digits, stray marks) carry no sound here
    }
  }
  if (form.final_taa) {
    // The feminine ending is always written in Latin (Fatima, Fatmeh, Hamza).
    AddVowel(form, kVowelA | kVowelI | kLongA, kSomeVowel, &fresh);
  } else if (end > 0 && part[end - 1] == U'ه') {
    AddVowel(form, kAnyShort | kLongA | kLongI, 0, &fresh);  // طه = Taha
  }
  return form;
}

namespace {

PhoneticForm LatinForm(std::string_view s, bool split_digraphs) {
  PhoneticForm form;
  form.clusters.push_back(VowelCluster{0, 0});  // nothing before a leading consonant
  bool fresh = true;
  // A final "h" after a vowel is dropped (Fatmeh, Abdallah).
  size_t end = s.size();
  if (end >= 3 && s[end - 1] == 'h' && IsLatinVowel(s[end - 2])) --end;
  auto at = [&](size_t i) { return i < end ? s[i] : '\0'; };
  for (size_t i = 0; i < end;) {
    const char c = s[i];
    const char n = at(i + 1);
    const bool initial = i == 0;
    // Digraphs first.
    if (c == 'k' && n == 'h') {
      AddConsonant(form, 'H'), fresh = true, i += 2;
      continue;
    }
    if (c == 'g' && n == 'h') {
      AddConsonant(form, 'J'), fresh = true, i += 2;
      continue;
    }
    if (c == 's' && n == 'c' && at(i + 2) == 'h') {
      AddConsonant(form, 'C'), fresh = true, i += 3;
      continue;
    }
    if (c == 'c' && n == 'h') {
      AddConsonant(form, 'C'), fresh = true, i += 2;
      continue;
    }
    if (c == 'p' && n == 'h') {
      AddConsonant(form, 'F'), fresh = true, i += 2;
      continue;
    }
    if (c == 'd' && n == 'j') {
      AddConsonant(form, 'J'), fresh = true, i += 2;
      continue;
    }
    if (!split_digraphs) {
      if (c == 's' && n == 'h') {
        AddConsonant(form, 'C'), fresh = true, i += 2;
        continue;
      }
      if ((c == 't' || c == 'd' || c == 'z') && n == 'h') {
        AddConsonant(form, c == 't' ? 'T' : 'D'), fresh = true, i += 2;
        continue;
      }
    }
    // Vowel digraphs.
    if ((c == 'e' && (n == 'e' || n == 'i' || n == 'y')) || (c == 'a' && (n == 'i' || n == 'y')) ||
        (c == 'i' && (n == 'e' || n == 'i' || n == 'y'))) {
      const uint8_t extra = c == 'i' ? 0 : kVowelA;
      AddVowel(form, static_cast<uint8_t>(kVowelI | kLongI | extra), kLongI, &fresh);
      i += 2;
      continue;
    }
    if (c == 'a' && n == 'a') {
      AddVowel(form, kVowelA | kLongA, kLongA, &fresh);
      i += 2;
      continue;
    }
    if ((c == 'o' || c == 'u') && (n == 'u' || n == 'o')) {
      AddVowel(form, kVowelU | kLongU, kVowelU, &fresh);
      i += 2;
      continue;
    }
    switch (c) {
      case 'a':
        AddVowel(form, kVowelA | kLongA, kVowelA, &fresh);
        break;
      case 'e':
        AddVowel(form, kVowelA | kVowelI, 0, &fresh);
        break;
      case 'i':
        AddVowel(form, kVowelI | kLongI, kVowelI, &fresh);
        break;
      case 'o':
      case 'u':
        AddVowel(form, kVowelU | kLongU, kVowelU, &fresh);
        break;
      case 'y':
        if (initial) {
          AddConsonant(form, 'Y'), fresh = true;
        } else {
          AddVowel(form, kVowelI | kLongI | kVowelA, kVowelI, &fresh);
        }
        break;
      case 'w':
        if (initial) {
          AddConsonant(form, 'W'), fresh = true;
        } else {
          AddVowel(form, kVowelU | kLongU | kVowelA, kVowelU, &fresh);
        }
        break;
      case '\'':
        AddVowel(form, kGlottalOffers, 0, &fresh);
        break;
      case 'b':
      case 'p':
        AddConsonant(form, 'B'), fresh = true;
        break;
      case 't':
        AddConsonant(form, 'T'), fresh = true;
        break;
      case 'j':
      case 'g':
        AddConsonant(form, 'J'), fresh = true;
        break;
      case 'h':
        AddConsonant(form, 'H'), fresh = true;
        break;
      case 'd':
      case 'z':
        AddConsonant(form, 'D'), fresh = true;
        break;
      case 'r':
        AddConsonant(form, 'R'), fresh = true;
        break;
      case 's':
        AddConsonant(form, 'S'), fresh = true;
        break;
      case 'c':
        AddConsonant(form, (n == 'e' || n == 'i' || n == 'y') ? 'S' : 'K'), fresh = true;
        break;
      case 'f':
      case 'v':
        AddConsonant(form, 'F'), fresh = true;
        break;
      case 'k':
      case 'q':
        AddConsonant(form, 'K'), fresh = true;
        break;
      case 'x':
        AddConsonant(form, 'K'), AddConsonant(form, 'S'), fresh = true;
        break;
      case 'l':
        AddConsonant(form, 'L'), fresh = true;
        break;
      case 'm':
        AddConsonant(form, 'M'), fresh = true;
        break;
      case 'n':
        AddConsonant(form, 'N'), fresh = true;
        break;
      default:
        break;  // digits and stray punctuation carry no sound
    }
    ++i;
  }
  // A final vowel is long in names: Nouri (نوري) is not Nour, Amina is not Amin.
  if (!form.skeleton.empty() && !fresh && end > 0) {
    VowelCluster& last = form.clusters.back();
    const char final = s[end - 1];
    if (final == 'i' || final == 'y')
      last.requires_ = static_cast<uint8_t>(last.requires_ | kLongI);
    if (final == 'a') last.requires_ = static_cast<uint8_t>(last.requires_ | kLongA);
    if (final == 'e') last.offers = static_cast<uint8_t>(last.offers | kLongA | kLongI);
  }
  return form;
}

// The first letter of a digraph doubled (Kkhayer, Ssheikh) is a slip: read as
// the digraph, not as k + kh.
std::string CollapseDoubledDigraphs(std::string_view part) {
  std::string out;
  out.reserve(part.size());
  for (size_t i = 0; i < part.size(); ++i) {
    const char c = part[i];
    const bool digraph_letter =
        c == 'k' || c == 's' || c == 't' || c == 'd' || c == 'z' || c == 'g' || c == 'c';
    if (digraph_letter && i + 2 < part.size() && part[i + 1] == c && part[i + 2] == 'h') continue;
    out += c;
  }
  return out;
}

}  // namespace

std::vector<PhoneticForm> LatinPhoneticForms(std::string_view raw_part) {
  const std::string collapsed = CollapseDoubledDigraphs(raw_part);
  // Transliterations write y and i for each other. An initial "i" before a
  // vowel is mostly the consonant ي (Iunes, Iousef, Iasser: many names begin
  // with ي, few with إي and a vowel): read so first, and also as written
  // (Iad = إياد). An initial "y" before a consonant is mostly a consonant
  // whose vowel was left out (Yhya, Ysra): read as written first, and also as
  // the vowel (Ysa = عيسى). The first reading gives the blocking skeleton.
  std::vector<std::string> readings;
  const bool vowel_next = collapsed.size() >= 3 &&
                          std::string_view("aeiou").find(collapsed[1]) != std::string_view::npos;
  if (collapsed.size() >= 3 && collapsed[0] == 'i' && vowel_next && collapsed[1] != 'i') {
    readings = {"y" + collapsed.substr(1), collapsed};
  } else if (collapsed.size() >= 3 && collapsed[0] == 'y' && !vowel_next && collapsed[1] != 'y') {
    readings = {collapsed, "i" + collapsed.substr(1)};
  } else {
    readings = {collapsed};
  }
  std::vector<PhoneticForm> forms;
  auto add = [&forms](PhoneticForm form) {
    if (std::find(forms.begin(), forms.end(), form) == forms.end())
      forms.push_back(std::move(form));
  };
  for (const std::string& reading : readings) {
    const std::string_view part = reading;
    add(LatinForm(part, false));
    const bool has_digraph =
        part.find("dh") != std::string_view::npos || part.find("th") != std::string_view::npos ||
        part.find("zh") != std::string_view::npos ||
        (part.find("sh") != std::string_view::npos && part.find("sch") == std::string_view::npos);
    if (has_digraph) add(LatinForm(part, true));
  }
  return forms;
}

bool CompatibleForms(const PhoneticForm& a, const PhoneticForm& b) {
  if (a.skeleton == b.skeleton) {
    for (size_t idx = 0; idx < a.clusters.size(); ++idx) {
      if (!ClustersCompatible(a.clusters[idx], b.clusters[idx])) return false;
    }
    return true;
  }
  // A Latin final "t" for a dropped ة: Hayat = حياة, Najat = نجاة.
  const PhoneticForm* arabic = a.final_taa ? &a : (b.final_taa ? &b : nullptr);
  if (arabic == nullptr) return false;
  const PhoneticForm& other = arabic == &a ? b : a;
  if (other.skeleton.size() != arabic->skeleton.size() + 1 || other.skeleton.back() != 'T' ||
      other.skeleton.compare(0, arabic->skeleton.size(), arabic->skeleton) != 0) {
    return false;
  }
  for (size_t idx = 0; idx + 1 < arabic->clusters.size(); ++idx) {
    if (!ClustersCompatible(arabic->clusters[idx], other.clusters[idx])) return false;
  }
  return true;
}

std::string DescribeForm(const PhoneticForm& form) {
  auto describe = [](const VowelCluster& cluster) {
    std::string s;
    if (cluster.requires_ & kLongA) s += "aa";
    if (cluster.requires_ & kLongI) s += "ii";
    if (cluster.requires_ & kVowelA && !(cluster.requires_ & kLongA)) s += "a";
    if (cluster.requires_ & kVowelI && !(cluster.requires_ & kLongI)) s += "i";
    if (cluster.requires_ & kVowelU) s += "u";
    return s.empty() ? std::string() : "(" + s + ")";
  };
  std::string out = describe(form.clusters.front());
  for (size_t idx = 0; idx < form.skeleton.size(); ++idx) {
    out.push_back(form.skeleton[idx]);
    out += describe(form.clusters[idx + 1]);
  }
  if (form.final_taa) out += "+taa";
  return out;
}

}  // namespace reckon::text
