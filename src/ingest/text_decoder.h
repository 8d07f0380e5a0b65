// Turns the bytes of a list file into UTF-8 text, chunk by chunk.
//
// Supported: UTF-8 (with or without BOM), UTF-16LE/BE (with BOM, or named),
// and Windows-1256 (Arabic spreadsheets exported from Excel). Invalid bytes
// for the encoding are an error naming the line where they occur; nothing is
// replaced silently. Memory use is bounded by the chunk size.
//
// Thread-compatible: one decoder per file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace reckon {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1256 };

// Canonical display name ("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1256").
std::string_view EncodingName(TextEncoding encoding);

// Parses a user-supplied name: utf-8, utf8, utf-16 (little-endian unless a
// BOM says otherwise), utf-16le, utf-16be, windows-1256, cp1256. Case-insensitive.
std::optional<TextEncoding> ParseEncodingName(std::string_view name);

struct DetectedEncoding {
  TextEncoding encoding = TextEncoding::kUtf8;
  size_t bom_length = 0;  // bytes of byte-order mark to skip
  bool from_bom = false;  // true when a BOM decided it
};

// Guesses the encoding from the first bytes of a file (ideally 64 KiB):
// a BOM wins; then NUL-byte patterns reveal BOM-less UTF-16; then valid UTF-8;
// otherwise Windows-1256, the usual encoding of Arabic Excel exports.
DetectedEncoding DetectEncoding(std::string_view head);

// Length of the byte-order mark of `encoding` at the start of `head`, or 0.
size_t BomLength(TextEncoding encoding, std::string_view head);

class TextDecoder {
 public:
  virtual ~TextDecoder() = default;

  static Result<std::unique_ptr<TextDecoder>> Create(TextEncoding encoding);

  // Appends the UTF-8 for `bytes` to `out`. Bytes of an incomplete character
  // at the end are held back until the next call; `last` says no more input
  // follows (an incomplete character then is an error). On error, the message
  // names the line (counted in the decoded text) and the offending bytes.
  virtual Status Decode(std::string_view bytes, bool last, std::string& out) = 0;
};

}  // namespace reckon
