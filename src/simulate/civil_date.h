// Proleptic Gregorian calendar arithmetic for death dates: days since
// 1970-01-01 <-> (year, month, day). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reckon::simulate {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 (negative before).
int DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int days);

// Parses exactly "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<int> ParseIsoDay(std::string_view text);

// "YYYY-MM-DD".
std::string FormatIsoDay(int days);

}  // namespace reckon::simulate
