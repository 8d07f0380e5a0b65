// Encodes a row of text fields as a compact JSON array, the form in which a
// record's raw row is kept. Hand-written because it runs once per imported
// row and must stay cheap; the output is standard JSON any parser reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/json_string.h"

namespace reckon {

// Replaces `out` with ["v1","v2",...].
void EncodeJsonArray(const std::vector<std::string_view>& values, std::string& out);

}  // namespace reckon
