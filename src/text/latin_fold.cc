#include "text/latin_fold.h"

#include <unicode/uchar.h>

#include "text/unicode_normalize.h"
#include "text/utf8.h"

namespace reckon::text {

std::string FoldLatin(std::u32string_view strict) {
  std::string out;
  out.reserve(strict.size());
  for (char32_t c : strict) {
    for (char32_t base : StripLatinDiacritics(c)) {
      if (base >= U'A' && base <= U'Z') {
        out.push_back(static_cast<char>(base - U'A' + U'a'));
      } else if (base < 0x80) {
        out.push_back(static_cast<char>(base));
      } else {
        AppendUtf8(
            static_cast<char32_t>(u_foldCase(static_cast<UChar32>(base), U_FOLD_CASE_DEFAULT)),
            out);
      }
    }
  }
  return out;
}

std::string LatinCanonical(std::string_view part) {
  std::string letters;
  letters.reserve(part.size());
  for (char c : part) {
    if (c >= 'a' && c <= 'z') letters.push_back(c);
  }
  std::string out;
  out.reserve(letters.size());
  for (size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    const char next = i + 1 < letters.size() ? letters[i + 1] : '\0';
    if (c == 'p' && next == 'h') {
      out.push_back('f');
      ++i;
    } else if (c == 'c' && next == 'k') {
      out.push_back('k');
      ++i;
    } else if (c == 'd' && next == 'j') {
      out.push_back('j');
      ++i;
    } else if ((c == 'o' && (next == 'u' || next == 'o'))) {
      out.push_back('u');
      ++i;
    } else if (c == 'e' && next == 'e') {
      out.push_back('i');
      ++i;
    } else if (c == 'q') {
      out.push_back('k');
    } else {
      out.push_back(c);
    }
  }
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (collapsed.empty() || collapsed.back() != c) collapsed.push_back(c);
  }
  if (collapsed.size() >= 3 && collapsed.back() == 'h' &&
      IsLatinVowel(collapsed[collapsed.size() - 2])) {
    collapsed.pop_back();
  }
  if (collapsed.size() >= 4 && collapsed.back() == 'e' &&
      !IsLatinVowel(collapsed[collapsed.size() - 2])) {
    collapsed.pop_back();
  }
  return collapsed;
}

}  // namespace reckon::text
