// Dates as investigators enter them: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
//
// Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace reckon {

// Ok for an empty value or a valid ISO date prefix; otherwise InvalidArgument
// "<what>: <field> '<value>' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)".
Status CheckIsoDate(std::string_view what, std::string_view field, std::string_view value);

}  // namespace reckon
