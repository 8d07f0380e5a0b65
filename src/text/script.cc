#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace reckon::text {

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kNone:
      return "none";
    case Script::kArabic:
      return "arabic";
    case Script::kLatin:
      return "latin";
    case Script::kMixed:
      return "mixed";
    case Script::kOther:
      return "other";
  }
  return "none";
}

Script ScriptOfCodePoint(char32_t c) {
  if (c < 0x80) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return Script::kLatin;
    return Script::kNone;
  }
  const auto cp = static_cast<UChar32>(c);
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(cp, &error);
  if (U_FAILURE(error)) return Script::kNone;
  switch (code) {
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
      return Script::kNone;
    default:
      return u_isalpha(cp) ? Script::kOther : Script::kNone;
  }
}

Script DetectScript(std::u32string_view text) {
  bool arabic = false;
  bool latin = false;
  bool other = false;
  for (char32_t c : text) {
    switch (ScriptOfCodePoint(c)) {
      case Script::kArabic:
        arabic = true;
        break;
      case Script::kLatin:
        latin = true;
        break;
      case Script::kOther:
      case Script::kMixed:
        other = true;
        break;
      case Script::kNone:
        break;
    }
  }
  if (other) return Script::kOther;
  if (arabic && latin) return Script::kMixed;
  if (arabic) return Script::kArabic;
  if (latin) return Script::kLatin;
  return Script::kNone;
}

}  // namespace reckon::text
