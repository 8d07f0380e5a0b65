// Arabic orthographic folding: the spelling differences that never tell two
// names apart.
//
// Rules, applied to strict-form text (unicode_normalize.h) in this order:
//  1. PDF repair (also applied to the strict form): the "Allah" ligature
//     extracted as "هللا" (or "اهلل" at a word end) becomes "الله".
//  2. Alef forms أ إ آ ٱ ٲ ٳ -> ا.
//  3. Taa marbuta ة -> ه; alef maqsura ى -> ي.
//  4. Hamza carriers ؤ -> و, ئ -> ي; a bare hamza ء is dropped.
//  5. Persian and Urdu letters used in some lists: ک -> ك, ی -> ي, ۀ/ە -> ه,
//     گ -> ك, پ -> ب, چ -> ج, ژ -> ز, ڤ -> ف.
// Other code points pass through unchanged.
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace reckon::text {

// True for letters of the basic Arabic block (U+0621..U+064A) and the Persian
// letters listed above.
bool IsArabicLetter(char32_t c);

// Rule 1, in place.
void RepairPdfArtefacts(std::u32string& text);

// Rules 2-5 (rule 1 is expected to have run on the strict form).
std::u32string FoldArabic(std::u32string_view text);

// Rules 2-5 for one code point; returns 0 when the code point is dropped.
char32_t FoldArabicChar(char32_t c);

}  // namespace reckon::text
