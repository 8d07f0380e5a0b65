#include "common/strings.h"

#include <cstdint>

namespace reckon {
namespace {

// Length in bytes of a whitespace-like sequence at the start of `s`, or 0.
size_t LeadingSpaceLength(std::string_view s) {
  if (s.empty()) return 0;
  const auto c0 = static_cast<unsigned char>(s[0]);
  if (c0 == ' ' || c0 == '\t' || c0 == '\r' || c0 == '\n') return 1;
  if (s.size() >= 2 && c0 == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) return 2;  // NBSP
  if (s.size() >= 2 && c0 == 0xD8 && static_cast<unsigned char>(s[1]) == 0x9C)
    return 2;  // U+061C ALM
  if (s.size() >= 3 && c0 == 0xE2 && static_cast<unsigned char>(s[1]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(s[2]);
    if (c2 == 0x8E || c2 == 0x8F) return 3;  // LRM, RLM
  }
  if (s.size() >= 3 && c0 == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
      static_cast<unsigned char>(s[2]) == 0xBF)
    return 3;  // U+FEFF
  return 0;
}

size_t TrailingSpaceLength(std::string_view s) {
  // Try each candidate length from the end.
  for (size_t len : {size_t{1}, size_t{2}, size_t{3}}) {
    if (s.size() < len) break;
    std::string_view tail = s.substr(s.size() - len);
    if (LeadingSpaceLength(tail) == len) return len;
  }
  return 0;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (size_t n = LeadingSpaceLength(s)) s.remove_prefix(n);
  while (size_t n = TrailingSpaceLength(s)) s.remove_suffix(n);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string FoldDigits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (i + 1 < s.size() && (c0 == 0xD9 || c0 == 0xDB || c0 == 0xD8)) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c0 == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) {  // U+0660..U+0669
        out.push_back(static_cast<char>('0' + (c1 - 0xA0)));
        ++i;
        continue;
      }
      if (c0 == 0xDB && c1 >= 0xB0 && c1 <= 0xB9) {  // U+06F0..U+06F9
        out.push_back(static_cast<char>('0' + (c1 - 0xB0)));
        ++i;
        continue;
      }
      if (c0 == 0xD9 && c1 == 0xAB) {  // U+066B Arabic decimal separator
        out.push_back('.');
        ++i;
        continue;
      }
      if (c0 == 0xD8 && c1 == 0x8C) {  // U+060C Arabic comma
        out.push_back(',');
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c0));
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
      return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool IsValidUtf8Prefix(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  const auto c0 = static_cast<unsigned char>(s[0]);
  size_t len = 0;
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    len = 2;
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    len = 3;
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    len = 4;
  } else {
    return false;
  }
  if (s.size() >= len) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return false;
  }
  if (s.size() >= 2) {
    const auto c1 = static_cast<unsigned char>(s[1]);
    if (c0 == 0xE0 && c1 < 0xA0) return false;  // overlong
    if (c0 == 0xED && c1 > 0x9F) return false;  // surrogate
    if (c0 == 0xF0 && c1 < 0x90) return false;  // overlong
    if (c0 == 0xF4 && c1 > 0x8F) return false;  // > U+10FFFF
  }
  return true;
}

void AppendUtf8(char32_t code_point, std::string& out) {
  auto cp = static_cast<uint32_t>(code_point);
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(separator, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

}  // namespace reckon
