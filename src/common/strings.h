// Small UTF-8 string helpers shared by every stage.
//
// These work on UTF-8 bytes without ICU so that hot paths (CSV import) stay
// cheap. Full Unicode normalisation lives in src/text/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reckon {

// Removes leading and trailing whitespace: ASCII space/tab/CR/LF, NBSP (U+00A0)
// and the bidi marks spreadsheets leave around Arabic text (U+200E, U+200F,
// U+061C) and zero-width no-break space (U+FEFF).
std::string_view Trim(std::string_view s);

// Lower-cases ASCII letters only; other bytes pass through.
std::string AsciiLower(std::string_view s);

// Replaces Arabic-Indic (U+0660..U+0669) and extended Arabic-Indic / Persian
// (U+06F0..U+06F9) digits with ASCII digits, and the Arabic decimal separator
// (U+066B) with '.', the Arabic comma (U+060C) with ','. Other text is unchanged.
std::string FoldDigits(std::string_view s);

// True when `s` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// True when `s` (shorter than one character) could begin a valid UTF-8
// character: used to hold back a character split across read chunks.
bool IsValidUtf8Prefix(std::string_view s);

// Appends the UTF-8 encoding of one code point; surrogates and values above
// U+10FFFF become U+FFFD. The one UTF-8 encoder of the repository.
void AppendUtf8(char32_t code_point, std::string& out);

// Splits on a single byte, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char separator);

}  // namespace reckon
