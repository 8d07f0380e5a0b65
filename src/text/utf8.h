// UTF-8 <-> UTF-32 conversion for the name pipeline.
//
// Names are analysed as UTF-32 so that Arabic letters are single units. Decoding
// is strict: callers validate with reckon::IsValidUtf8 (common/strings.h) first;
// DecodeUtf8 replaces any malformed sequence with U+FFFD rather than failing.
//
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace reckon::text {

// Decodes UTF-8; malformed bytes become U+FFFD (one per bad byte).
std::u32string DecodeUtf8(std::string_view s);

// Appends the UTF-8 encoding of `c` to `out`. Code points above U+10FFFF and
// surrogates are written as U+FFFD.
void AppendUtf8(char32_t c, std::string& out);

// Encodes a UTF-32 string as UTF-8.
std::string EncodeUtf8(std::u32string_view s);

}  // namespace reckon::text
