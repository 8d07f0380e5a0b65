#include "text/unicode_normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/strings.h"
#include "text/script.h"
#include "text/utf8.h"

namespace reckon::text {
namespace {

constexpr char32_t kTatweel = U'\u0640';

bool IsApostropheLike(char32_t c) {
  switch (c) {
    case U'\u2018':
    case U'\u2019':
    case U'\u201B':
    case U'\u02BC':
    case U'\u02BB':
    case U'\u02BE':
    case U'\u02BF':
    case U'\u0060':
    case U'\u00B4':
    case U'\u2032':
      return true;
    default:
      return false;
  }
}

bool IsDashLike(char32_t c) {
  return (c >= U'\u2010' && c <= U'\u2015') || c == U'\u2212' || c == U'\uFE63' || c == U'\uFF0D';
}

// Maps one code point of NFKC output into `out` following the strict-form rules.
void AppendStrict(char32_t c, std::u32string& out) {
  if (c == kTatweel || IsRemovableArabicMark(c)) return;
  if (c >= U'\u0660' && c <= U'\u0669') {
    out.push_back(U'0' + (c - U'\u0660'));
    return;
  }
  if (c >= U'\u06F0' && c <= U'\u06F9') {
    out.push_back(U'0' + (c - U'\u06F0'));
    return;
  }
  if (IsApostropheLike(c)) {
    out.push_back(U'\'');
    return;
  }
  if (IsDashLike(c)) {
    out.push_back(U'-');
    return;
  }
  const auto cp = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(cp) || c == U'\u060C' || c == U'\u061B') {
    // Arabic comma and semicolon separate like their Latin twins.
    if (c == U'\u060C') {
      out.push_back(U',');
    } else if (c == U'\u061B') {
      out.push_back(U';');
    } else if (!out.empty() && out.back() != U' ') {
      out.push_back(U' ');
    }
    return;
  }
  const int8_t type = u_charType(cp);
  if (type == U_FORMAT_CHAR || type == U_CONTROL_CHAR || type == U_UNASSIGNED ||
      type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) {
    return;
  }
  out.push_back(c);
}

}  // namespace

bool IsRemovableArabicMark(char32_t c) {
  return (c >= U'\u0610' && c <= U'\u061A') || (c >= U'\u064B' && c <= U'\u0652') ||
         (c >= U'\u0656' && c <= U'\u065F') || c == U'\u0670' ||
         (c >= U'\u06D6' && c <= U'\u06DC') || (c >= U'\u06DF' && c <= U'\u06E8') ||
         (c >= U'\u06EA' && c <= U'\u06ED') || (c >= U'\u08D3' && c <= U'\u08FF' && c != U'\u08E2');
}

Result<std::u32string> NormalizeStrict(std::string_view text) {
  if (!IsValidUtf8(text)) return Status::DataError("name is not valid UTF-8");
  std::u32string out;
  out.reserve(text.size());
  bool ascii = true;
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    // NFKC is the identity on ASCII: skip ICU on the common Latin path.
    for (char ch : text) AppendStrict(static_cast<unsigned char>(ch), out);
  } else {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
    if (U_FAILURE(error) || nfkc == nullptr) {
      return Status::Internal(std::string("ICU NFKC normaliser unavailable: ") +
                              u_errorName(error));
    }
    // Marks are removed before NFKC too, so that a mark between a letter and
    // its hamza (أ written as ا + U+0654) still composes.
    std::u32string decoded = DecodeUtf8(text);
    icu::UnicodeString source;
    for (char32_t c : decoded) {
      if (c == kTatweel || IsRemovableArabicMark(c)) continue;
      source.append(static_cast<UChar32>(c));
    }
    const icu::UnicodeString normalized = nfkc->normalize(source, error);
    if (U_FAILURE(error)) {
      return Status::Internal(std::string("ICU NFKC normalisation failed: ") + u_errorName(error));
    }
    for (int32_t i = 0; i < normalized.length();) {
      const UChar32 cp = normalized.char32At(i);
      AppendStrict(static_cast<char32_t>(cp), out);
      i += U16_LENGTH(cp);
    }
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  if (!out.empty() && out.front() == U' ') out.erase(0, 1);
  return out;
}

std::u32string StripLatinDiacritics(char32_t c) {
  if (c < 0xC0) return std::u32string(1, c);
  switch (c) {
    case U'ß':
      return U"ss";
    case U'æ':
      return U"ae";
    case U'Æ':
      return U"AE";
    case U'œ':
      return U"oe";
    case U'Œ':
      return U"OE";
    case U'ø':
      return U"o";
    case U'Ø':
      return U"O";
    case U'ł':
      return U"l";
    case U'Ł':
      return U"L";
    case U'đ':
    case U'ð':
      return U"d";
    case U'Đ':
    case U'Ð':
      return U"D";
    case U'þ':
      return U"th";
    case U'ı':
      return U"i";
    case U'ħ':
      return U"h";
    case U'Ħ':
      return U"H";
    default:
      break;
  }
  if (ScriptOfCodePoint(c) != Script::kLatin) return std::u32string(1, c);
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error) || nfd == nullptr) return std::u32string(1, c);
  icu::UnicodeString decomposition;
  if (!nfd->getDecomposition(static_cast<UChar32>(c), decomposition) ||
      decomposition.length() == 0) {
    return std::u32string(1, c);
  }
  return std::u32string(1, static_cast<char32_t>(decomposition.char32At(0)));
}

}  // namespace reckon::text
