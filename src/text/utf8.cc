#include "text/utf8.h"

#include <cstdint>

#include "common/strings.h"

namespace reckon::text {

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 < 0x80) {
      out.push_back(c0);
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    uint32_t min = 0;
    if ((c0 & 0xE0) == 0xC0) {
      len = 2;
      cp = c0 & 0x1Fu;
      min = 0x80;
    } else if ((c0 & 0xF0) == 0xE0) {
      len = 3;
      cp = c0 & 0x0Fu;
      min = 0x800;
    } else if ((c0 & 0xF8) == 0xF0) {
      len = 4;
      cp = c0 & 0x07u;
      min = 0x10000;
    }
    bool good = len != 0 && i + len <= s.size();
    for (size_t k = 1; good && k < len; ++k) {
      const auto ck = static_cast<unsigned char>(s[i + k]);
      if ((ck & 0xC0) != 0x80) {
        good = false;
      } else {
        cp = (cp << 6) | (ck & 0x3Fu);
      }
    }
    if (good && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) good = false;
    if (!good) {
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    out.push_back(static_cast<char32_t>(cp));
    i += len;
  }
  return out;
}

void AppendUtf8(char32_t c, std::string& out) { reckon::AppendUtf8(c, out); }

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) AppendUtf8(c, out);
  return out;
}

}  // namespace reckon::text
