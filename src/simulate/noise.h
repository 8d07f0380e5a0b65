// Perturbations the simulator applies to names, dates, ages and digits:
// the errors and variants real casualty lists carry.
//
// Each function makes ONE change drawn from `rng` and returns the result. When
// no change of the requested kind applies (a name without a compound part,
// an Arabic word without a hamza, ta marbuta or alif maqsura...), the text is
// returned unchanged: measured noise rates are therefore a little below the
// configured ones, and docs/simulate.md says so.
//
// Edits other than Arabic letter confusions spare the first letter. The tables here (confusable
// Arabic letters, keyboard neighbours, Latin spelling alternations) are the simulator's own and
// must not be shared with the matcher in src/text/ (see name_tables.h).
//
// Thread-safety: pure functions of their arguments and `rng`.
#pragma once

#include <string>
#include <string_view>

#include "simulate/rng.h"

namespace reckon::simulate {

// One handwriting/typing error in Arabic text: a letter swapped for one that
// differs only in dots or hamza (ب ت ث ن ي, ج ح خ, س ش, أ إ ا...), a letter
// dropped or doubled, or two adjacent letters transposed. Spaces are kept.
std::string ArabicTypo(std::string_view text, Rng& rng);

// One typing error in Latin text: a neighbouring key on a QWERTY keyboard, a
// letter dropped or doubled, or two adjacent letters transposed. Case is kept.
std::string LatinTypo(std::string_view text, Rng& rng);

// One orthographic variant that readers of Arabic treat as the same word:
// أ/إ/آ written as bare ا (or the reverse at a word start), final ة as ه
// (or the reverse), final ى as ي (or the reverse), ؤ as و, ئ as ي.
std::string ArabicOrthographicVariant(std::string_view text, Rng& rng);

// One Latin spelling alternation seen in transliterated Arabic names:
// ou/u, oo/u, ee/i, ei/ai, doubled/single consonants, kh/h, gh/g, q/k, dh/z,
// th/t, sh/ch, y/i, e/a, o/u. Applied at one random site, in either direction.
std::string LatinSpellingVariant(std::string_view text, Rng& rng);

// Writes a compound name differently: in Arabic, joins "عبد الرحمن" into
// "عبدالرحمن" or splits "عبدالرحمن"/"نورالدين"; in Latin, drops separators
// ("Abdalrahman"), turns hyphens into spaces ("Abd al Rahman") or writes the
// article as "el-". Unchanged for non-compound names.
std::string CompoundVariant(std::string_view text, bool arabic_script, Rng& rng);

// A reporting error in a date, in days: -2, -1, +1 or +2 (one day three
// times as likely as two).
int DateShiftDays(Rng& rng);

// A reporting error in an age, in years: +-1 to +-3, never below zero.
int ShiftAge(int age, Rng& rng);

// Age heaping, the habit of rounding ages to a multiple of five: ages from
// 13 up are rounded to the nearest multiple of 5; younger ages are kept.
int HeapAge(int age);

// Replaces ASCII digits with Arabic-Indic digits (U+0660..U+0669).
std::string ToArabicIndicDigits(std::string_view text);

// True when the text contains a letter from the Arabic block (U+0600..U+06FF).
bool ContainsArabic(std::string_view text);

}  // namespace reckon::simulate
