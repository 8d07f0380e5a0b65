#include "report/html_escape.h"

#include "common/strings.h"
#include "text/utf8.h"

namespace reckon::report {

std::string EscapeHtml(std::string_view text) {
  std::string valid;
  if (!IsValidUtf8(text)) {
    valid = text::EncodeUtf8(text::DecodeUtf8(text));
    text = valid;
  }
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters are not allowed in XML: dropped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out += c;
        }
    }
  }
  return out;
}

bool IsRightToLeft(std::string_view text) {
  for (char32_t c : text::DecodeUtf8(text)) {
    const bool rtl = (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
                     (c >= 0xFE70 && c <= 0xFEFF);
    if (rtl) return true;
    const bool strong_ltr =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x00C0 && c < 0x0590);
    if (strong_ltr) return false;
  }
  return false;
}

}  // namespace reckon::report
