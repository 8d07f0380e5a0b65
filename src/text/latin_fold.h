// Latin folding of transliterated names.
//
// FoldLatin: Latin diacritics stripped (Ḥ -> H, é -> e, ß -> ss), lower-cased;
// apostrophes, hyphens and spaces are kept so callers can still see the parts
// ("al-khatib", "sa'id"). Non-Latin code points are lower-cased by ICU and
// kept.
//
// LatinCanonical: the spelling-insensitive form used to look names up in the
// variant table (name_variants.h), applied to one part of a name without
// article or separators: letters only; "ph" -> f, "q" -> k, "ck" -> k,
// "dj" -> j; "ou"/"oo" -> u, "ee" -> i; doubled letters collapsed; a final "h"
// after a vowel dropped, then a final "e" after a consonant
// dropped (Fatmeh -> fatm, Noureddine -> nuredin). "Mohammed" -> "mohamed",
// "Muhammad" -> "muhamad", "Youssef" -> "yusef".
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace reckon::text {

// See above. Returns UTF-8.
std::string FoldLatin(std::u32string_view strict);

// See above. `part` is lower-case ASCII; other bytes are dropped.
std::string LatinCanonical(std::string_view part);

// True for a, e, i, o, u.
constexpr bool IsLatinVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace reckon::text
