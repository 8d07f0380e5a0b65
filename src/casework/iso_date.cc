#include "casework/iso_date.h"

#include <cctype>

namespace reckon {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool Valid(std::string_view v) {
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
  if (!Digits(v.substr(0, 4))) return false;
  if (v.size() == 4) return true;
  if (v[4] != '-' || !Digits(v.substr(5, 2))) return false;
  const int month = std::stoi(std::string(v.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (v.size() == 7) return true;
  if (v[7] != '-' || !Digits(v.substr(8, 2))) return false;
  const int day = std::stoi(std::string(v.substr(8, 2)));
  const int year = std::stoi(std::string(v.substr(0, 4)));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[month - 1];
  return day >= 1 && day <= days;
}

}  // namespace

Status CheckIsoDate(std::string_view what, std::string_view field, std::string_view value) {
  if (value.empty() || Valid(value)) return Status::Ok();
  return Status::InvalidArgument(std::string(what) + ": " + std::string(field) + " '" +
                                 std::string(value) +
                                 "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

}  // namespace reckon
