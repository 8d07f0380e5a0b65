#include "ingest/value_parsers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "common/strings.h"

namespace reckon {
namespace {

// Lower-cased, digit-folded, trimmed form used for matching words.
std::string Canonical(std::string_view value) { return AsciiLower(FoldDigits(Trim(value))); }

bool OneOf(std::string_view value, std::initializer_list<std::string_view> options) {
  for (auto option : options) {
    if (value == option) return true;
  }
  return false;
}

std::optional<int> ToInt(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Splits into runs of digits and runs of other non-separator characters.
std::vector<std::string_view> Tokens(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    if (separators.find(s[i]) != std::string_view::npos) {
      ++i;
      continue;
    }
    const bool digit = IsDigit(s[i]);
    size_t j = i;
    while (j < s.size() && separators.find(s[j]) == std::string_view::npos &&
           IsDigit(s[j]) == digit)
      ++j;
    tokens.push_back(s.substr(i, j - i));
    i = j;
  }
  return tokens;
}

constexpr int kMaxAge = 120;

}  // namespace

bool IsUnknownMarker(std::string_view value) {
  const std::string v = Canonical(value);
  return OneOf(v, {"", "-", "--", "?", "??", "n/a", "na", "unknown", "unk", "not known", "none",
                   "null", "غير معروف", "غير معروفة", "مجهول", "مجهولة", "لا يوجد", "غير محدد"});
}

ParsedSex ParseSex(std::string_view value) {
  if (value == "M" || value == "m") return {"M", ""};
  if (value == "F" || value == "f") return {"F", ""};
  if (IsUnknownMarker(value)) return {};
  const std::string v = Canonical(value);
  if (OneOf(v, {"m", "male", "man", "boy", "ذكر", "ذ", "رجل", "طفل", "صبي", "h"})) return {"M", ""};
  if (OneOf(v, {"f", "female", "woman", "girl", "أنثى", "انثى", "أنثي", "انثي", "أ", "ا", "امرأة",
                "امراة", "طفلة", "فتاة"}))
    return {"F", ""};
  return {"", "not a recognised sex (expected M, F, male, female, ذكر or أنثى)"};
}

ParsedAge ParseAge(std::string_view value) {
  ParsedAge result;
  // Fast path for the common case, a plain ASCII number of years.
  if (!value.empty() && value.size() <= 3 &&
      std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int years = *ToInt(value);
    if (years <= kMaxAge) {
      result.age = result.min = result.max = years;
      return result;
    }
  }
  if (IsUnknownMarker(value)) return result;
  std::string v = Canonical(value);
  // Words for age groups.
  struct Word {
    std::initializer_list<std::string_view> words;
    int min;
    std::optional<int> max;
  };
  static const std::array<Word, 5> kWords = {{
      {{"infant", "baby", "newborn", "رضيع", "رضيعة"}, 0, 1},
      {{"child", "children", "minor", "kid", "طفل", "طفلة", "قاصر", "قاصرة"}, 0, 17},
      {{"teen", "teenager", "adolescent", "مراهق", "مراهقة"}, 13, 19},
      {{"adult", "بالغ", "بالغة", "راشد", "راشدة"}, 18, std::nullopt},
      {{"elderly", "old", "senior", "مسن", "مسنة", "عجوز", "كهل"}, 60, std::nullopt},
  }};
  for (const Word& word : kWords) {
    if (OneOf(v, word.words)) {
      result.min = word.min;
      result.max = word.max;
      return result;
    }
  }
  const std::vector<std::string_view> tokens = Tokens(v, " \t");
  std::vector<int> numbers;
  std::vector<std::string_view> words;
  for (auto token : tokens) {
    if (auto n = ToInt(token)) {
      numbers.push_back(*n);
    } else {
      words.push_back(token);
    }
  }
  auto out_of_range = [&](int n) {
    if (n < 0 || n > kMaxAge) {
      result = {};
      result.problem =
          "age " + std::to_string(n) + " is out of range (0-" + std::to_string(kMaxAge) + ")";
      return true;
    }
    return false;
  };
  auto all_words_in = [&](std::initializer_list<std::string_view> allowed) {
    for (auto w : words) {
      if (!OneOf(w, allowed)) return false;
    }
    return true;
  };
  // "34", "34 years", "٣٤ سنة", "34y".
  if (numbers.size() == 1 &&
      all_words_in({"y", "yr", "yrs", "year", "years", "yo", "y.o.", "years old", "old", "سنة",
                    "سنه", "سنوات", "عام", "عاما", "عاماً", "ع", "س"})) {
    if (out_of_range(numbers[0])) return result;
    result.age = result.min = result.max = numbers[0];
    return result;
  }
  // "6 months", "10 days": under a year.
  if (numbers.size() == 1 && !words.empty() &&
      all_words_in({"m", "mo", "month", "months", "شهر", "شهور", "أشهر", "اشهر", "d", "day", "days",
                    "يوم", "أيام", "ايام", "week", "weeks", "أسبوع", "أسابيع"})) {
    const bool days_or_weeks =
        !all_words_in({"m", "mo", "month", "months", "شهر", "شهور", "أشهر", "اشهر"});
    const int years = days_or_weeks ? 0 : numbers[0] / 12;
    if (out_of_range(years)) return result;
    result.age = result.min = result.max = years;
    return result;
  }
  // Decimal ages ("2.5"): whole years.
  if (const auto parts = Split(v, '.'); parts.size() == 2) {
    if (parts.size() == 2) {
      if (auto whole = ToInt(parts[0]); whole && ToInt(parts[1])) {
        if (out_of_range(*whole)) return result;
        result.age = result.min = result.max = *whole;
        return result;
      }
    }
  }
  // Bands: "30-39", "30 – 39", "30 to 39", "من 30 إلى 39".
  {
    std::string band = v;
    for (std::string_view dash : {"\u2013", "\u2014", " to ", "إلى", "الى", "ـ"}) {
      for (size_t pos; (pos = band.find(dash)) != std::string::npos;)
        band.replace(pos, dash.size(), "-");
    }
    for (std::string_view noise : {"من", "between", "and", "years", "سنة"}) {
      for (size_t pos; (pos = band.find(noise)) != std::string::npos;)
        band.replace(pos, noise.size(), " ");
    }
    const auto band_tokens = Tokens(band, " \t-");
    const bool has_dash = band.find('-') != std::string::npos;
    if (has_dash && band_tokens.size() == 2) {
      auto lo = ToInt(band_tokens[0]);
      auto hi = ToInt(band_tokens[1]);
      if (lo && hi) {
        if (out_of_range(*lo) || out_of_range(*hi)) return result;
        if (*lo > *hi) {
          result.problem =
              "age band " + std::to_string(*lo) + "-" + std::to_string(*hi) + " runs backwards";
          return result;
        }
        result.min = *lo;
        result.max = *hi;
        if (*lo == *hi) result.age = *lo;
        return result;
      }
    }
  }
  // Open bands: "60+", "over 60", "> 60", "60 and over", "under 5", "< 5".
  if (numbers.size() == 1) {
    const int n = numbers[0];
    const bool plus = v.find('+') != std::string::npos || v.find('>') != std::string::npos ||
                      v.find("over") != std::string::npos || v.find("above") != std::string::npos ||
                      v.find("فوق") != std::string::npos || v.find("أكثر") != std::string::npos;
    const bool under = v.find('<') != std::string::npos || v.find("under") != std::string::npos ||
                       v.find("below") != std::string::npos || v.find("دون") != std::string::npos ||
                       v.find("أقل") != std::string::npos || v.find("تحت") != std::string::npos;
    if (plus != under) {
      if (out_of_range(n)) return result;
      if (plus) {
        result.min = n;
      } else {
        result.min = 0;
        result.max = n > 0 ? n - 1 : 0;
      }
      return result;
    }
  }
  result.problem =
      "not a recognised age (expected a number, a band like 30-39 or 60+, or a word "
      "like child or adult)";
  return result;
}

namespace {

// Month names in English (full and 3-letter), Levantine Arabic (كانون الثاني ...)
// and Egyptian/Gulf Arabic (يناير ...). Returns 1..12.
std::optional<int> MonthFromName(std::string_view word) {
  static const std::array<std::initializer_list<std::string_view>, 12> kMonths = {{
      {"january", "jan", "كانون الثاني", "كانون ثاني", "يناير"},
      {"february", "feb", "شباط", "فبراير"},
      {"march", "mar", "آذار", "اذار", "أذار", "مارس"},
      {"april", "apr", "نيسان", "أبريل", "ابريل", "إبريل"},
      {"may", "أيار", "ايار", "مايو"},
      {"june", "jun", "حزيران", "يونيو", "يونيه"},
      {"july", "jul", "تموز", "يوليو", "يوليه"},
      {"august", "aug", "آب", "اب", "أغسطس", "اغسطس"},
      {"september", "sep", "sept", "أيلول", "ايلول", "سبتمبر"},
      {"october", "oct", "تشرين الأول", "تشرين الاول", "تشرين أول", "أكتوبر", "اكتوبر"},
      {"november", "nov", "تشرين الثاني", "تشرين ثاني", "نوفمبر"},
      {"december", "dec", "كانون الأول", "كانون الاول", "كانون أول", "ديسمبر"},
  }};
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (OneOf(word, kMonths[m])) return static_cast<int>(m + 1);
  }
  return std::nullopt;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

std::string Pad(int value, int width) {
  std::string s = std::to_string(value);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

ParsedDate Build(int year, std::optional<int> month, std::optional<int> day) {
  ParsedDate date;
  if (year < 1900 || year > 2100) {
    date.problem = "year " + std::to_string(year) + " is out of range (1900-2100)";
    return date;
  }
  if (month && (*month < 1 || *month > 12)) {
    date.problem = "month " + std::to_string(*month) + " does not exist";
    return date;
  }
  if (day && month && (*day < 1 || *day > DaysInMonth(year, *month))) {
    date.problem = "day " + std::to_string(*day) + " does not exist in " + std::to_string(year) +
                   "-" + Pad(*month, 2);
    return date;
  }
  date.iso = Pad(year, 4);
  date.precision = "year";
  if (month) {
    date.iso += "-" + Pad(*month, 2);
    date.precision = "month";
    if (day) {
      date.iso += "-" + Pad(*day, 2);
      date.precision = "day";
    }
  }
  return date;
}

// The two shapes most lists use, in ASCII: "2025-03-08" and "08/03/2025"
// (day first unless the mapping says otherwise). Saves the general path's
// allocations on every row of a large import; anything else returns nullopt.
std::optional<ParsedDate> ParseCommonDate(std::string_view v, DateOrder order) {
  auto digits = [&v](size_t from, size_t count) {
    int n = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (!IsDigit(v[i])) return -1;
      n = n * 10 + (v[i] - '0');
    }
    return n;
  };
  if (v.size() == 10 && v[4] == '-' && v[7] == '-') {
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 0 || day < 0) return std::nullopt;
    return Build(year, month, day);
  }
  if (v.size() == 10 && v[2] == '/' && v[5] == '/' && order != DateOrder::kYearMonthDay) {
    int first = digits(0, 2), second = digits(3, 2);
    const int year = digits(6, 4);
    if (first < 0 || second < 0 || year < 0) return std::nullopt;
    if (order == DateOrder::kMonthDayYear) std::swap(first, second);
    if (second > 12) return std::nullopt;  // the general path explains the problem
    return Build(year, second, first);
  }
  return std::nullopt;
}

}  // namespace

ParsedDate ParseDate(std::string_view value, DateOrder order) {
  if (auto common = ParseCommonDate(value, order)) return *common;
  if (IsUnknownMarker(value)) return {};
  std::string v = Canonical(value);
  // Drop a time of day: "2025-03-08 00:00:00", "2025-03-08T10:00".
  if (const size_t t = v.find_first_of("t "); t != std::string::npos && t >= 8) {
    const std::string_view rest = std::string_view(v).substr(t + 1);
    if (rest.find(':') != std::string_view::npos &&
        rest.find_first_not_of("0123456789:. amp") == std::string_view::npos) {
      v.resize(t);
    }
  }
  // Multi-word Arabic month names are matched before tokenising.
  std::optional<int> named_month;
  for (std::string_view two_word :
       {"كانون الثاني", "كانون ثاني", "تشرين الأول", "تشرين الاول", "تشرين أول", "تشرين الثاني",
        "تشرين ثاني", "كانون الأول", "كانون الاول", "كانون أول"}) {
    if (const size_t pos = v.find(two_word); pos != std::string::npos) {
      named_month = MonthFromName(two_word);
      v.replace(pos, two_word.size(), " ");
      break;
    }
  }
  // Canonical() already turned the Arabic comma into ','.
  const std::vector<std::string_view> tokens = Tokens(v, " \t/-.,");
  std::vector<std::string_view> numbers;
  for (auto token : tokens) {
    if (IsDigit(token[0])) {
      numbers.push_back(token);
      continue;
    }
    const auto month = MonthFromName(token);
    if (!month || named_month) {
      ParsedDate bad;
      bad.problem = "not a recognised date (expected e.g. 2025-03-08 or 08/03/2025)";
      return bad;
    }
    named_month = month;
  }
  ParsedDate bad;
  auto as_int = [](std::string_view s) { return *ToInt(s); };
  for (auto n : numbers) {
    if (n.size() > 4) {
      bad.problem = n.size() == 5
                        ? "looks like a spreadsheet serial number, not a date"
                        : "not a recognised date (expected e.g. 2025-03-08 or 08/03/2025)";
      return bad;
    }
  }
  if (named_month) {
    // "8 March 2025", "March 8, 2025", "March 2025", "2025 March 8".
    std::optional<int> year;
    std::optional<int> day;
    for (auto n : numbers) {
      if (n.size() == 4 && !year) {
        year = as_int(n);
      } else if (n.size() <= 2 && !day) {
        day = as_int(n);
      } else {
        bad.problem = "not a recognised date";
        return bad;
      }
    }
    if (!year) {
      bad.problem = "the date has no four-digit year";
      return bad;
    }
    return Build(*year, named_month, day);
  }
  if (numbers.size() == 1 && numbers[0].size() == 4) return Build(as_int(numbers[0]), {}, {});
  if (numbers.size() == 2) {
    // "2025-03" or "03/2025".
    if (numbers[0].size() == 4 && numbers[1].size() <= 2) {
      return Build(as_int(numbers[0]), as_int(numbers[1]), {});
    }
    if (numbers[1].size() == 4 && numbers[0].size() <= 2) {
      return Build(as_int(numbers[1]), as_int(numbers[0]), {});
    }
  }
  if (numbers.size() == 3) {
    if (numbers[0].size() == 4) {  // ISO order always, whatever the setting
      if (numbers[1].size() > 2 || numbers[2].size() > 2) {
        bad.problem = "not a recognised date";
        return bad;
      }
      return Build(as_int(numbers[0]), as_int(numbers[1]), as_int(numbers[2]));
    }
    if (numbers[2].size() == 4 && numbers[0].size() <= 2 && numbers[1].size() <= 2) {
      int first = as_int(numbers[0]);
      int second = as_int(numbers[1]);
      if (order == DateOrder::kMonthDayYear) std::swap(first, second);
      ParsedDate date = Build(as_int(numbers[2]), second, first);
      if (!date.problem.empty() && order == DateOrder::kDayMonthYear && second > 12 &&
          first <= 12) {
        date.problem +=
            " (dates are read day/month/year; set @date_order = mdy in the mapping "
            "file if this list writes month first)";
      }
      return date;
    }
    if (numbers[2].size() == 2) {
      bad.problem = "two-digit year is ambiguous; write the year in full";
      return bad;
    }
  }
  bad.problem = "not a recognised date (expected e.g. 2025-03-08 or 08/03/2025)";
  return bad;
}

}  // namespace reckon
