// The parts of one name token: articles, compound names and their links.
//
// A token here is one name as it appears in a chain: "محمد", "الخطيب",
// "عبد الرحمن", "Abdulrahman", "Nour al-Din", "al-Khatib". Splitting it into
// parts lets keys and variant lookups ignore how the compound was written:
//   عبد الرحمن = عبدالرحمن = Abd al-Rahman = Abdul Rahman = Abdurrahman
//     -> parts {abd, rahman}, kind kAbd
//   نور الدين = نورالدين = Nour al-Din = Noureddine = Nuraddin
//     -> parts {nour, din}, kind kDin
//   نصر الله = Nasrallah = Nasr Allah -> parts {nasr, allah}, kind kAllah
//   أبو علي = Abu Ali -> parts {abu, ali}, kind kAbu (kunya or family name)
//   أم علي = Umm Ali -> parts {umm, ali}, kind kUmm
//   الخطيب = al-Khatib = El Khatib = Alkhatib -> parts {khatib}, has_article
// Arabic parts are in folded form (arabic_fold.h) without article; Latin parts
// are lower-case ASCII letters without article or link vowels ("ul", "el",
// "ed", "ad", ...), before LatinCanonical.
//
// Roles classify single raw tokens so that name_chain.cc can join the pieces
// of a compound written with spaces ("عبد" + "الرحمن", "Nour" + "Eddine").
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::text {

enum class CompoundKind : uint8_t { kNone, kAbd, kDin, kAllah, kAbu, kUmm };

std::string_view CompoundKindName(CompoundKind kind);

struct TokenParts {
  std::vector<std::string> parts;  // UTF-8; never empty for a token with letters
  bool has_article = false;        // ال / al- / el- / as-S... on the token itself
  CompoundKind kind = CompoundKind::kNone;
};

// `folded` is FoldArabic output (may contain spaces or hyphens).
TokenParts SplitArabicToken(std::u32string_view folded);

// `folded` is FoldLatin output (may contain spaces, hyphens, apostrophes).
TokenParts SplitLatinToken(std::string_view folded);

// What a single raw token does inside a chain.
enum class TokenRole : uint8_t {
  kName,       // an ordinary name
  kArticle,    // a detached article: "ال", "al", "el" — joins the next token
  kAbdPrefix,  // "عبد", "Abd", "Abdul", "Abdel" — joins the next token
  kAbuPrefix,  // "أبو", "Abu", "Abou" — joins the next token
  kUmmPrefix,  // "أم", "Umm", "Om" — joins the next token
  kSuffix,  // "الدين", "Eddine", "al-Din", "الله", "Allah", "Ullah" — joins the previous
  kConnector,   // "بن", "ابن", "bin", "ibn", "ben" (son of)
  kConnectorF,  // "بنت", "ابنة", "bint" (daughter of)
  kPlaceholder,  // "طفل", "رضيع", "baby", "infant", "unnamed", "مجهول", "unknown", "newborn"
  kFiller,       // "son", "daughter", "child", "of", "the" (English placeholder phrasing)
};

std::string_view TokenRoleName(TokenRole role);

// Role of a token given its folded form: `folded_arabic` for Arabic tokens,
// `folded_latin` for Latin ones (pass the other empty).
TokenRole ClassifyArabicToken(std::u32string_view folded_arabic);
TokenRole ClassifyLatinToken(std::string_view folded_latin);

}  // namespace reckon::text
