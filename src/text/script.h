// Script of a name token: Arabic, Latin, a mix of both, or something else.
//
// Digits, punctuation and combining marks are neutral (Unicode scripts Common
// and Inherited) and never decide the script.
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string_view>

namespace reckon::text {

enum class Script {
  kNone,    // no letters at all (empty, digits, punctuation)
  kArabic,  // only Arabic letters (any Arabic block, incl. presentation forms)
  kLatin,   // only Latin letters
  kMixed,   // Arabic and Latin letters in one token ("Ahmadأحمد", a merge artefact)
  kOther,   // letters of another script, alone or mixed
};

// Stable lower-case name: "none", "arabic", "latin", "mixed", "other".
std::string_view ScriptName(Script script);

// Script of one code point: kArabic, kLatin, kOther, or kNone for neutral ones.
Script ScriptOfCodePoint(char32_t c);

// Script of a token (or a whole name) as described above.
Script DetectScript(std::u32string_view text);

}  // namespace reckon::text
