// Unicode normalisation of name text: the "strict" form.
//
// The strict form is what a person would call the same spelling: NFKC (so
// Arabic presentation forms and ligatures such as U+FEFB lam-alef or U+FDF2
// "Allah" become plain letters), Arabic vowel marks (tashkeel, Quranic marks,
// superscript alef) and tatweel removed, invisible format characters removed
// (LRM, RLM, ALM, ZWJ, ZWNJ, BOM, soft hyphen), whitespace collapsed to single
// spaces and trimmed, Arabic-Indic and Persian digits made ASCII, apostrophe
// look-alikes (’ ‘ ʼ ʿ ʾ ` ´) made U+0027 and dash look-alikes made '-'.
// Letters keep their case, Latin accents and Arabic letter shapes (أ stays أ):
// those differences are removed by the folded form (arabic_fold.h,
// latin_fold.h), never here.
//
// Thread-safety: pure functions over ICU's process-wide normaliser singletons,
// safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace reckon::text {

// Returns the strict form of UTF-8 `text` as UTF-32.
// Errors: DataError if `text` is not valid UTF-8; Internal if ICU's data cannot
// be loaded.
[[nodiscard]] Result<std::u32string> NormalizeStrict(std::string_view text);

// True for Arabic vowel marks and other marks removed by NormalizeStrict.
bool IsRemovableArabicMark(char32_t c);

// The base letter of a Latin letter with diacritics (é -> e, Ḥ -> H, ß -> ss,
// ø -> o); other code points are returned unchanged. Result is UTF-32.
std::u32string StripLatinDiacritics(char32_t c);

}  // namespace reckon::text
