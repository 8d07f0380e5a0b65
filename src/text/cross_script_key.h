// Cross-script phonetic forms and the consonant skeleton key.
//
// Both Arabic letters and Latin transliterations map into one consonant-class
// alphabet, so that محمد, Mohammed and Muhammad share the skeleton "MHMD":
//   B  ب b p          T  ت ط ث t th       J  ج غ j g gh dj
//   H  ح ه خ h kh     D  د ذ ض ظ ز d dh z  R  ر r
//   S  س ص s c(e/i)   C  ش sh ch sch      F  ف f ph v
//   K  ق ك k q c ck   L  ل l              M  م m
//   N  ن n            W  و w (initial)    Y  ي y (initial)
// Vowels, ا, ع, hamza, apostrophes and medial و/ي/w/y are not consonants: they
// form the vowel cluster between two consonants. Adjacent equal classes
// collapse (doubled letters, "ll" of الله). A final ه/ة of a token of three or
// more letters and a final "h" after a Latin vowel are dropped (Fatima =
// فاطمة = Fatmeh). The skeleton is a blocking key: it groups Hassan with
// Hussein and Mahmoud with Mohammed.
//
// Scoring needs more, so each vowel cluster records which vowel qualities it
// offers and which it requires:
//   Arabic: no letter offers any short vowel; ا requires a; ي requires i; و
//   requires u; ع and hamza (and an initial alef) offer any vowel.
//   Latin: a requires a; i, y require i; o, u, w require u; e requires nothing
//   and offers a or i; "ee", "ei", "ai", "ey", "ay", "ie" require a long i; "aa"
//   requires a long a; an empty cluster offers any short vowel, except before
//   the first consonant, where it offers none (Ahmad is not Hamad). A final
//   Latin i/y requires a long i and a final a a long a (Nouri is not Nour,
//   Amina is not Amin); a final e offers either.
// Two forms are compatible when their skeletons are equal and, cluster by
// cluster, what each requires the other offers. Hussein (ei: long i) vs
// حسن (nothing between س and ن) fails; Karim vs كريم passes; Said (ai) vs سعد
// fails; Hayat vs حياة passes (a final Latin t may stand for ة).
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::text {

// Vowel qualities a cluster can offer or require (bit flags).
enum VowelBits : uint8_t {
  kVowelA = 1,
  kVowelI = 2,
  kVowelU = 4,
  kLongA = 8,
  kLongI = 16,
  kLongU = 32,
  kSomeVowel = 64,  // offered by any written vowel; required by a final ة
};

struct VowelCluster {
  uint8_t offers = 0;
  uint8_t requires_ = 0;
  bool operator==(const VowelCluster&) const = default;
};

// One name part as consonant skeleton plus vowel clusters.
struct PhoneticForm {
  std::string skeleton;                // consonant classes, ASCII upper case
  std::vector<VowelCluster> clusters;  // skeleton.size() + 1 entries
  bool final_taa = false;              // Arabic part ended in ة/ه (dropped)
  bool operator==(const PhoneticForm&) const = default;
};

// Phonetic form of an Arabic part in folded form (arabic_fold.h), no article.
PhoneticForm ArabicPhoneticForm(std::u32string_view part);

// Phonetic forms of a Latin part (lower-case ASCII, no article), up to four:
// "dh", "th", "sh" read as one consonant and, when the part contains one of
// them, as two letters (Adham, Medhat, Ishaq); an initial "i" before a vowel
// read first as the consonant y (Iunes), an initial "y" before a consonant
// also as the vowel (Ysa). The first form's skeleton is the blocking key.
std::vector<PhoneticForm> LatinPhoneticForms(std::string_view part);

// True when the two forms have equal skeletons and compatible clusters (see
// above); a Latin final "t" may stand for a dropped Arabic ة.
bool CompatibleForms(const PhoneticForm& a, const PhoneticForm& b);

// "MHMD" with clusters rendered for explanations, e.g. "M(u)H(a)M(a)D".
std::string DescribeForm(const PhoneticForm& form);

}  // namespace reckon::text
