#include "simulate/civil_date.h"

#include <cstdio>

namespace reckon::simulate {

// The era-based algorithm (400-year cycles of 146097 days), written out from
// the arithmetic of the Gregorian calendar.
int DaysFromCivil(const CivilDate& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int shifted_month = date.month + (date.month > 2 ? -3 : 9);  // March = 0
  const int day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(int days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int shifted_month = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  date.month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  date.year = year_of_era + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

std::optional<int> ParseIsoDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int values[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (size_t part = 0; part < 3; ++part) {
    for (size_t pos = starts[part]; pos < starts[part] + lengths[part]; ++pos) {
      if (text[pos] < '0' || text[pos] > '9') return std::nullopt;
      values[part] = values[part] * 10 + (text[pos] - '0');
    }
  }
  const CivilDate date{values[0], values[1], values[2]};
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
  const int days = DaysFromCivil(date);
  const CivilDate back = CivilFromDays(days);
  if (back.day != date.day || back.month != date.month) return std::nullopt;  // e.g. 02-30
  return days;
}

std::string FormatIsoDay(int days) {
  const CivilDate date = CivilFromDays(days);
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

}  // namespace reckon::simulate
