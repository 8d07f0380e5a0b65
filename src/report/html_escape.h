// Escaping text for HTML and SVG (XML) output, and the base direction of a
// piece of text for `dir`/`direction` attributes.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace reckon::report {

// Replaces & < > " ' with entities; safe in element content and in quoted
// attribute values. Invalid UTF-8 bytes become U+FFFD.
std::string EscapeHtml(std::string_view text);

// True when the first strong character of `text` is right-to-left (Arabic,
// Hebrew, Syriac, Thaana, NKo and their presentation forms).
bool IsRightToLeft(std::string_view text);

}  // namespace reckon::report
