#include "ingest/text_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include "common/strings.h"

namespace reckon {
namespace {

std::string HexBytes(std::string_view bytes) {
  std::string out;
  for (size_t i = 0; i < bytes.size() && i < 4; ++i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%s0x%02X", i ? " " : "", static_cast<unsigned char>(bytes[i]));
    out += buf;
  }
  return out;
}

// Length of the longest prefix of `s` that is valid UTF-8 and, if `complete`
// is false, how many trailing bytes form an incomplete but so-far-valid sequence.
struct Utf8Scan {
  size_t valid_length = 0;  // bytes that decode cleanly
  bool error = false;       // an invalid sequence starts at valid_length
};

Utf8Scan ScanUtf8(std::string_view s, bool last) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::copy_n(s.data() + i, 8, reinterpret_cast<char*>(&word));
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
    } else {
      return {i, true};
    }
    if (i + len > n) {
      // Possibly a character split across chunks: valid so far?
      if (!last && IsValidUtf8Prefix(s.substr(i))) return {i, false};
      return {i, true};
    }
    if (!IsValidUtf8(s.substr(i, len))) return {i, true};
    i += len;
  }
  return {n, false};
}

size_t CountLines(std::string_view text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

class Utf8Decoder final : public TextDecoder {
 public:
  Status Decode(std::string_view bytes, bool last, std::string& out) override {
    std::string_view input = bytes;
    std::string joined;
    if (!pending_.empty()) {
      joined = pending_ + std::string(bytes);
      pending_.clear();
      input = joined;
    }
    const Utf8Scan scan = ScanUtf8(input, last);
    const std::string_view good = input.substr(0, scan.valid_length);
    out.append(good);
    if (scan.error) {
      const size_t line = lines_ + CountLines(good) + 1;
      return Status::DataError("line " + std::to_string(line) + ": invalid UTF-8 bytes " +
                               HexBytes(input.substr(scan.valid_length)) +
                               " (is the file in another encoding? try --encoding windows-1256)");
    }
    lines_ += CountLines(good);
    pending_.assign(input.substr(scan.valid_length));
    return Status::Ok();
  }

 private:
  std::string pending_;  // an incomplete character carried to the next chunk
  size_t lines_ = 0;     // newlines emitted so far, for error messages
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// ICU-backed decoding for UTF-16 and Windows-1256. ICU stops at the first
// invalid sequence (UCNV_TO_U_CALLBACK_STOP) instead of substituting U+FFFD.
class IcuDecoder final : public TextDecoder {
 public:
  IcuDecoder(std::unique_ptr<UConverter, ConverterCloser> converter, TextEncoding encoding)
      : converter_(std::move(converter)), encoding_(encoding) {}

  Status Decode(std::string_view bytes, bool last, std::string& out) override {
    const char* source = bytes.data();
    const char* source_limit = bytes.data() + bytes.size();
    std::array<UChar, 1 << 14> utf16{};
    while (true) {
      UChar* target = utf16.data();
      UErrorCode error = U_ZERO_ERROR;
      ucnv_toUnicode(converter_.get(), &target, utf16.data() + utf16.size(), &source, source_limit,
                     nullptr, last, &error);
      const size_t produced = static_cast<size_t>(target - utf16.data());
      const size_t before = out.size();
      AppendUtf8(utf16.data(), produced, out);
      lines_ += CountLines(std::string_view(out).substr(before));
      if (error == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(error)) {
        char bad[8];
        int8_t bad_length = sizeof bad;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter_.get(), bad, &bad_length, &ignored);
        return Status::DataError("line " + std::to_string(lines_ + 1) + ": invalid bytes " +
                                 HexBytes(std::string_view(bad, static_cast<size_t>(bad_length))) +
                                 " for " + std::string(EncodingName(encoding_)) +
                                 (error == U_TRUNCATED_CHAR_FOUND
                                      ? " (the file ends in the middle of a character)"
                                      : ""));
      }
      return Status::Ok();
    }
  }

 private:
  // UTF-16 to UTF-8. Unpaired surrogates never reach here: ICU rejects them.
  void AppendUtf8(const UChar* units, size_t count, std::string& out) {
    for (size_t i = 0; i < count; ++i) {
      uint32_t cp = units[i];
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (i + 1 < count) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00u);
          ++i;
        } else {
          // A high surrogate at the buffer's end: ICU keeps pairs together
          // within one call, so this only happens when it straddles buffers.
          high_surrogate_ = static_cast<UChar>(cp);
          continue;
        }
      } else if (high_surrogate_ != 0 && cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0x10000 + ((high_surrogate_ - 0xD800u) << 10) + (cp - 0xDC00u);
        high_surrogate_ = 0;
      }
      reckon::AppendUtf8(static_cast<char32_t>(cp), out);
    }
  }

  std::unique_ptr<UConverter, ConverterCloser> converter_;
  TextEncoding encoding_;
  size_t lines_ = 0;
  UChar high_surrogate_ = 0;
};

}  // namespace

std::string_view EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kWindows1256:
      return "windows-1256";
  }
  return "UTF-8";
}

std::optional<TextEncoding> ParseEncodingName(std::string_view name) {
  const std::string lower = AsciiLower(name);
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::kUtf8;
  if (lower == "utf-16" || lower == "utf16" || lower == "utf-16le" || lower == "utf16le")
    return TextEncoding::kUtf16Le;
  if (lower == "utf-16be" || lower == "utf16be") return TextEncoding::kUtf16Be;
  if (lower == "windows-1256" || lower == "cp1256" || lower == "windows1256")
    return TextEncoding::kWindows1256;
  return std::nullopt;
}

size_t BomLength(TextEncoding encoding, std::string_view head) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    case TextEncoding::kUtf16Le:
      return head.starts_with("\xFF\xFE") ? 2 : 0;
    case TextEncoding::kUtf16Be:
      return head.starts_with("\xFE\xFF") ? 2 : 0;
    case TextEncoding::kWindows1256:
      return 0;
  }
  return 0;
}

DetectedEncoding DetectEncoding(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return {TextEncoding::kUtf8, 3, true};
  if (head.starts_with("\xFF\xFE")) return {TextEncoding::kUtf16Le, 2, true};
  if (head.starts_with("\xFE\xFF")) return {TextEncoding::kUtf16Be, 2, true};
  // BOM-less UTF-16: text is mostly ASCII or Arabic, so one byte of each pair
  // is often NUL (ASCII) or 0x06 (Arabic block); NULs never occur in CSV text.
  size_t even_nul = 0;
  size_t odd_nul = 0;
  const size_t probe = std::min<size_t>(head.size() & ~size_t{1}, 4096);
  for (size_t i = 0; i < probe; ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? even_nul : odd_nul);
  }
  if (probe >= 4 && odd_nul * 4 > probe / 2 && even_nul == 0)
    return {TextEncoding::kUtf16Le, 0, false};
  if (probe >= 4 && even_nul * 4 > probe / 2 && odd_nul == 0)
    return {TextEncoding::kUtf16Be, 0, false};
  // Valid multi-byte UTF-8 sequences are strong evidence of UTF-8: a file
  // that has them and also a bad byte is UTF-8 with a corrupt byte (the
  // decoder then reports its line), not Windows-1256 to be turned into
  // mojibake. High bytes without any valid sequence mean Windows-1256.
  size_t valid_multibyte = 0;
  size_t invalid = 0;
  for (size_t i = 0; i < head.size();) {
    const Utf8Scan scan = ScanUtf8(head.substr(i), /*last=*/false);
    const std::string_view good = head.substr(i, scan.valid_length);
    valid_multibyte += static_cast<size_t>(std::count_if(good.begin(), good.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) == 0xC0;
    }));
    if (!scan.error) break;
    ++invalid;
    i += scan.valid_length + 1;
  }
  if (invalid == 0 || valid_multibyte >= invalid) return {TextEncoding::kUtf8, 0, false};
  return {TextEncoding::kWindows1256, 0, false};
}

Result<std::unique_ptr<TextDecoder>> TextDecoder::Create(TextEncoding encoding) {
  if (encoding == TextEncoding::kUtf8)
    return std::unique_ptr<TextDecoder>(std::make_unique<Utf8Decoder>());
  const char* icu_name = encoding == TextEncoding::kUtf16Le   ? "UTF-16LE"
                         : encoding == TextEncoding::kUtf16Be ? "UTF-16BE"
                                                              : "windows-1256";
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(icu_name, &error));
  if (U_FAILURE(error)) {
    return Status::Internal(std::string("ICU has no converter for ") + icu_name + ": " +
                            u_errorName(error));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  return std::unique_ptr<TextDecoder>(std::make_unique<IcuDecoder>(std::move(converter), encoding));
}

}  // namespace reckon
