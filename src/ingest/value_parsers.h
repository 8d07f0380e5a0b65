// Lenient parsing of the values casualty lists carry: sex, age, dates.
//
// Each parser returns a parsed value, "unknown" (the list said it does not
// know: empty, "-", "?", "unknown", "غير معروف"), or a problem description.
// A problem is never fatal: the importer keeps the raw value and flags it.
// All parsers accept Arabic-Indic digits. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ingest/column_mapping.h"

namespace reckon {

// True for the explicit "not known" markers shared by every field.
bool IsUnknownMarker(std::string_view value);

struct ParsedSex {
  std::string sex;      // "M", "F" or "" (unknown)
  std::string problem;  // non-empty when the value was not understood
};
ParsedSex ParseSex(std::string_view value);

struct ParsedAge {
  std::optional<int> age;  // exact years
  std::optional<int> min;  // band bounds, inclusive; max absent = open band
  std::optional<int> max;
  std::string problem;
};
// Numbers ("34", "34 years", "٣٤ سنة", "6 months" = 0), bands ("30-39",
// "60+", "under 5"), and words ("child"/"طفل" = 0-17, "adult"/"بالغ" = 18+,
// "infant"/"رضيع" = 0-1, "elderly"/"مسن" = 60+).
ParsedAge ParseAge(std::string_view value);

struct ParsedDate {
  std::string iso;        // "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty when unknown
  std::string precision;  // "day", "month", "year" or ""
  std::string problem;
};
// ISO (2025-03-08, 2025-03, 2025), numeric with '/', '-' or '.' read in
// `order` (day/month/year by default), a trailing time ("2025-03-08 00:00")
// is ignored, and month names in English and Arabic (8 March 2025, 8 آذار
// 2025, 8 مارس 2025, March 2025). Two-digit years and impossible dates are
// problems, never guesses.
ParsedDate ParseDate(std::string_view value, DateOrder order = DateOrder::kDayMonthYear);

}  // namespace reckon
