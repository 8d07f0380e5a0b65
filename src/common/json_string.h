// JSON string literals, written by hand because they are written once per
// imported row and per audit entry; the output is standard JSON (UTF-8 passes
// through, quotes, backslashes and control characters are escaped).
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace reckon {

// Appends the JSON string literal for `value` (valid UTF-8) to `out`.
void AppendJsonString(std::string_view value, std::string& out);

}  // namespace reckon
