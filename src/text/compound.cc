#include "text/compound.h"

#include <array>

#include "text/latin_fold.h"
#include "text/utf8.h"

namespace reckon::text {
namespace {

constexpr std::u32string_view kArArticle = U"ال";
constexpr std::u32string_view kArAllah = U"الله";
constexpr std::u32string_view kArAbd = U"عبد";
constexpr std::u32string_view kArAbu = U"ابو";
constexpr std::u32string_view kArDin = U"الدين";

// Given names that begin with the letters of the article but have none.
constexpr std::array<std::u32string_view, 9> kArArticleExceptions = {
    U"الياس", U"الهام", U"اليسا", U"الفت", U"الماس", U"الطاف", U"الين", U"اليسار", U"الاء"};

bool StartsWith(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Removes a leading Arabic article when what remains is still a name.
std::u32string StripArabicArticle(std::u32string_view word, bool* stripped) {
  if (word == kArAllah) return std::u32string(word);
  for (std::u32string_view exception : kArArticleExceptions) {
    if (word == exception) return std::u32string(word);
  }
  if (StartsWith(word, kArArticle) && word.size() >= 4) {
    if (stripped != nullptr) *stripped = true;
    return std::u32string(word.substr(2));
  }
  return std::u32string(word);
}

bool IsVowelLetter(char c) { return IsLatinVowel(c); }

// Detached Latin article pieces: "al", "el", sun-letter forms "ar", "ash", "ad", ...
bool IsLatinArticlePiece(std::string_view piece, std::string_view next) {
  if (piece == "al" || piece == "el" || piece == "il" || piece == "ul" || piece == "l") {
    return true;
  }
  if (piece.size() < 2 || piece.size() > 3 || next.empty()) return false;
  if (piece[0] != 'a' && piece[0] != 'e' && piece[0] != 'u') return false;
  const std::string_view consonant = piece.substr(1);
  static constexpr std::array<std::string_view, 12> kSun = {"d", "r",  "s",  "sh", "t",  "z",
                                                            "n", "th", "dh", "zh", "ts", "ss"};
  for (std::string_view sun : kSun) {
    if (consonant == sun && StartsWith(next, sun)) return true;
  }
  return false;
}

// Removes a link between "abd" and the divine name: "ul", "el", "al", "ur"+r...
std::string StripAbdLink(std::string_view rest) {
  static constexpr std::array<std::string_view, 5> kLinks = {"ul", "el", "al", "ol", "il"};
  for (std::string_view link : kLinks) {
    if (StartsWith(rest, link) && rest.size() >= link.size() + 2) {
      return std::string(rest.substr(link.size()));
    }
  }
  if (rest.size() >= 4 && IsVowelLetter(rest[0]) && !IsVowelLetter(rest[1]) && rest[2] == rest[1]) {
    return std::string(rest.substr(2));  // sun-letter link: "ur" + "rahman", "es" + "salam"
  }
  if (rest.size() >= 4 && (rest[0] == 'u' || rest[0] == 'o' || rest[0] == 'i' || rest[0] == 'e') &&
      !IsVowelLetter(rest[1])) {
    return std::string(rest.substr(1));  // "abdu-rahman", "abdirahman"
  }
  return std::string(rest);
}

// Removes the link at the end of the part before "din"/"allah": "noured" -> "nour".
std::string StripSuffixLink(std::string_view head) {
  static constexpr std::array<std::string_view, 8> kLinks = {"al", "el", "ul", "il",
                                                             "ad", "ed", "ud", "id"};
  for (std::string_view link : kLinks) {
    if (EndsWith(head, link) && head.size() >= link.size() + 3) {
      return std::string(head.substr(0, head.size() - link.size()));
    }
  }
  if (head.size() >= 4 && IsVowelLetter(head.back()) && !IsVowelLetter(head[head.size() - 2])) {
    return std::string(head.substr(0, head.size() - 1));
  }
  return std::string(head);
}

}  // namespace

std::string_view CompoundKindName(CompoundKind kind) {
  switch (kind) {
    case CompoundKind::kNone:
      return "none";
    case CompoundKind::kAbd:
      return "abd";
    case CompoundKind::kDin:
      return "din";
    case CompoundKind::kAllah:
      return "allah";
    case CompoundKind::kAbu:
      return "abu";
    case CompoundKind::kUmm:
      return "umm";
  }
  return "none";
}

std::string_view TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::kName:
      return "name";
    case TokenRole::kArticle:
      return "article";
    case TokenRole::kAbdPrefix:
      return "abd-prefix";
    case TokenRole::kAbuPrefix:
      return "abu-prefix";
    case TokenRole::kUmmPrefix:
      return "umm-prefix";
    case TokenRole::kSuffix:
      return "suffix";
    case TokenRole::kConnector:
      return "connector";
    case TokenRole::kConnectorF:
      return "connector-f";
    case TokenRole::kPlaceholder:
      return "placeholder";
    case TokenRole::kFiller:
      return "filler";
  }
  return "name";
}

TokenParts SplitArabicToken(std::u32string_view folded) {
  std::u32string word;
  for (char32_t c : folded) {
    if (c != U' ' && c != U'-' && c != U'\'' && c != U'.') word.push_back(c);
  }
  TokenParts result;
  auto push = [&result](std::u32string_view part) { result.parts.push_back(EncodeUtf8(part)); };
  if (word == kArAllah) {
    push(word);
    return result;
  }
  if (StartsWith(word, kArAbd) && word.size() >= 5) {
    std::u32string rest = StripArabicArticle(std::u32string_view(word).substr(3), nullptr);
    result.kind = CompoundKind::kAbd;
    push(kArAbd);
    push(rest);
    return result;
  }
  if (StartsWith(word, kArAbu) && word.size() >= 5) {
    std::u32string rest = StripArabicArticle(std::u32string_view(word).substr(3), nullptr);
    result.kind = CompoundKind::kAbu;
    push(kArAbu);
    push(rest);
    return result;
  }
  if (EndsWith(word, kArDin) && word.size() >= 7) {
    bool article = false;
    std::u32string head = StripArabicArticle(
        std::u32string_view(word).substr(0, word.size() - kArDin.size()), &article);
    result.kind = CompoundKind::kDin;
    push(head);
    push(U"دين");
    return result;
  }
  if (EndsWith(word, kArAllah) && word.size() >= 6) {
    std::u32string head = StripArabicArticle(
        std::u32string_view(word).substr(0, word.size() - kArAllah.size()), nullptr);
    result.kind = CompoundKind::kAllah;
    push(head);
    push(kArAllah);
    return result;
  }
  // A space inside a non-compound token (e.g. "ام علي" joined by the chain parser).
  if (folded.size() > 3 && StartsWith(folded, U"ام ")) {
    result.kind = CompoundKind::kUmm;
    push(U"ام");
    push(StripArabicArticle(std::u32string_view(word).substr(2), nullptr));
    return result;
  }
  push(StripArabicArticle(word, &result.has_article));
  return result;
}

TokenParts SplitLatinToken(std::string_view folded) {
  std::vector<std::string> pieces;
  std::string current;
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '.' || c == '_') {
      if (!current.empty()) pieces.push_back(std::move(current));
      current.clear();
    } else if (c != '\'') {
      current.push_back(c);
    }
  }
  if (!current.empty()) pieces.push_back(std::move(current));
  TokenParts result;
  if (pieces.empty()) return result;

  // Umm / Abu kunya-style compounds keep their first piece as a part.
  const std::string& first = pieces.front();
  if (pieces.size() >= 2) {
    CompoundKind kind = CompoundKind::kNone;
    if (first == "abu" || first == "abou" || first == "abo" || first == "aboo" || first == "bou") {
      kind = CompoundKind::kAbu;
    } else if (first == "umm" || first == "um" || first == "om" || first == "oum" ||
               first == "omm") {
      kind = CompoundKind::kUmm;
    }
    if (kind != CompoundKind::kNone) {
      std::vector<std::string> rest_pieces(pieces.begin() + 1, pieces.end());
      std::string rest;
      for (size_t piece_idx = 0; piece_idx < rest_pieces.size(); ++piece_idx) {
        const std::string next =
            piece_idx + 1 < rest_pieces.size() ? rest_pieces[piece_idx + 1] : "";
        if (piece_idx + 1 < rest_pieces.size() &&
            IsLatinArticlePiece(rest_pieces[piece_idx], next)) {
          continue;
        }
        rest += rest_pieces[piece_idx];
      }
      result.kind = kind;
      result.parts = {kind == CompoundKind::kAbu ? "abu" : "umm", rest};
      return result;
    }
  }

  std::string word;
  for (size_t piece_idx = 0; piece_idx < pieces.size(); ++piece_idx) {
    const std::string next = piece_idx + 1 < pieces.size() ? pieces[piece_idx + 1] : "";
    if (piece_idx + 1 < pieces.size() && IsLatinArticlePiece(pieces[piece_idx], next)) {
      if (piece_idx == 0) result.has_article = true;
      continue;
    }
    word += pieces[piece_idx];
  }
  // An article written without separator: "alkhatib", "elmasri".
  if ((StartsWith(word, "al") || StartsWith(word, "el")) && word.size() >= 6 &&
      !IsVowelLetter(word[2]) && !StartsWith(word, "allah") && !StartsWith(word, "alla")) {
    word = word.substr(2);
    result.has_article = true;
  }

  if (StartsWith(word, "abd") && word.size() >= 6) {
    result.kind = CompoundKind::kAbd;
    result.parts = {"abd", StripAbdLink(std::string_view(word).substr(3))};
    return result;
  }
  static constexpr std::array<std::string_view, 4> kDinSuffixes = {"deen", "dine", "din", "dean"};
  for (std::string_view suffix : kDinSuffixes) {
    if (EndsWith(word, suffix) && word.size() >= suffix.size() + 3) {
      std::string head =
          StripSuffixLink(std::string_view(word).substr(0, word.size() - suffix.size()));
      if (head.size() >= 2) {
        result.kind = CompoundKind::kDin;
        result.parts = {head, "din"};
        return result;
      }
    }
  }
  static constexpr std::array<std::string_view, 9> kAllahSuffixes = {
      "allah", "ullah", "ollah", "illah", "ellah", "alla", "ulla", "olla", "illa"};
  for (std::string_view suffix : kAllahSuffixes) {
    if (EndsWith(word, suffix) && word.size() >= suffix.size() + 3) {
      result.kind = CompoundKind::kAllah;
      result.parts = {std::string(word.substr(0, word.size() - suffix.size())), "allah"};
      return result;
    }
  }
  result.parts = {word};
  return result;
}

TokenRole ClassifyArabicToken(std::u32string_view w) {
  if (w == kArArticle) return TokenRole::kArticle;
  if (w == kArAbd) return TokenRole::kAbdPrefix;
  if (w == kArAbu || w == U"ابي") return TokenRole::kAbuPrefix;
  if (w == U"ام") return TokenRole::kUmmPrefix;
  if (w == kArDin || w == kArAllah || w == U"دين") return TokenRole::kSuffix;
  if (w == U"بن" || w == U"ابن") return TokenRole::kConnector;
  if (w == U"بنت" || w == U"ابنه") return TokenRole::kConnectorF;
  if (w == U"طفل" || w == U"طفله" || w == U"رضيع" || w == U"رضيعه" || w == U"مجهول" ||
      w == U"مجهوله" || w == U"جنين" || w == U"مولود" || w == U"مولوده") {
    return TokenRole::kPlaceholder;
  }
  return TokenRole::kName;
}

TokenRole ClassifyLatinToken(std::string_view raw) {
  std::string w;
  for (char c : raw) {
    if (c != '\'' && c != '.' && c != ' ') w.push_back(c);
  }
  if (w == "al" || w == "el" || w == "al-" || w == "el-") return TokenRole::kArticle;
  if (w == "abd" || w == "abdul" || w == "abdel" || w == "abdal" || w == "abdol" || w == "abdil" ||
      w == "abdur" || w == "abdar" || w == "abder" || w == "abd-al" || w == "abd-el" ||
      w == "abd-ul") {
    return TokenRole::kAbdPrefix;
  }
  if (w == "abu" || w == "abou" || w == "abo" || w == "aboo") return TokenRole::kAbuPrefix;
  if (w == "umm" || w == "um" || w == "oum" || w == "omm") return TokenRole::kUmmPrefix;
  static constexpr std::array<std::string_view, 26> kSuffixes = {
      "eddine", "eddin",  "uddin",  "uddine", "addin",  "addine", "iddin",  "aldin",   "eldin",
      "aldine", "eldine", "al-din", "el-din", "ad-din", "ed-din", "ud-din", "al-deen", "el-deen",
      "aldeen", "eldeen", "allah",  "ullah",  "ollah",  "illah",  "alla",   "ulla"};
  for (std::string_view suffix : kSuffixes) {
    if (w == suffix) return TokenRole::kSuffix;
  }
  if (w == "din" || w == "dine" || w == "deen") return TokenRole::kSuffix;
  if (w == "bin" || w == "ibn" || w == "ben" || w == "bn") return TokenRole::kConnector;
  if (w == "bint" || w == "binti" || w == "bent" || w == "ibnat") return TokenRole::kConnectorF;
  if (w == "baby" || w == "infant" || w == "unnamed" || w == "unknown" || w == "newborn" ||
      w == "stillborn" || w == "fetus" || w == "foetus") {
    return TokenRole::kPlaceholder;
  }
  if (w == "son" || w == "daughter" || w == "child" || w == "of" || w == "the" || w == "boy" ||
      w == "girl") {
    return TokenRole::kFiller;
  }
  return TokenRole::kName;
}

}  // namespace reckon::text
