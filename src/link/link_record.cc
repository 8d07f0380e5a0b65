#include "link/link_record.h"

#include <charconv>

#include "link/cause.h"

namespace reckon::link {
namespace {

int ParseInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Fills the day range a stored ISO prefix ("2025-03-08", "2025-03", "2025") allows.
void SetDate(const std::string& iso, const std::string& precision, LinkRecord& r) {
  if (iso.size() < 4) return;
  const int year = ParseInt(std::string_view(iso).substr(0, 4));
  if (precision == "day" && iso.size() >= 10) {
    const int month = ParseInt(std::string_view(iso).substr(5, 2));
    const int day = ParseInt(std::string_view(iso).substr(8, 2));
    r.death_day = r.death_last_day = DaysFromCivil(year, month, day);
    r.death_precision = DatePrecision::kDay;
  } else if (precision == "month" && iso.size() >= 7) {
    const int month = ParseInt(std::string_view(iso).substr(5, 2));
    r.death_day = DaysFromCivil(year, month, 1);
    r.death_last_day = DaysFromCivil(year, month, DaysInMonth(year, month));
    r.death_precision = DatePrecision::kMonth;
  } else {
    r.death_day = DaysFromCivil(year, 1, 1);
    r.death_last_day = DaysFromCivil(year, 12, 31);
    r.death_precision = DatePrecision::kYear;
  }
}

std::string SkeletonKey(const std::string& text, text::TokenTable& tokens) {
  if (text.empty()) return {};
  auto id = tokens.Intern(text);
  if (!id.ok()) return "~" + text;
  const auto& info = tokens.Info(*id);
  return "~" + (info.analysis.skeleton.empty() ? info.analysis.folded : info.analysis.skeleton);
}

}  // namespace

int32_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil algorithm, restated.
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::array<std::string, 3> TextPlaceKeys(const RecordFields& fields, text::TokenTable& tokens) {
  return {SkeletonKey(fields.locality, tokens), SkeletonKey(fields.district, tokens),
          SkeletonKey(fields.governorate, tokens)};
}

uint32_t PlaceIds::Id(const std::string& key) {
  if (key.empty()) return 0;
  std::lock_guard lock(mutex_);
  const auto [it, added] = ids_.try_emplace(key, static_cast<uint32_t>(ids_.size() + 1));
  return key[0] == '~' ? it->second | kUnresolvedPlace : it->second;
}

Result<LinkRecord> BuildLinkRecord(const StoredRecord& stored, int32_t source_index,
                                   text::TokenTable& tokens, PlaceKeyer* keyer,
                                   PlaceIds& place_ids) {
  const RecordFields& f = stored.fields;
  LinkRecord r;
  r.record_pk = stored.record_pk;
  r.source = source_index;
  // Separate chain fields are more reliable than a parsed full name when they
  // include the given name; without it (lists that give the full name plus
  // the father's and family names) the full name carries the whole chain.
  if (!f.given_name.empty() || f.full_name.empty()) {
    RECKON_ASSIGN_OR_RETURN(
        r.chain, text::ChainFromFields(
                     tokens, {f.given_name, f.father_name, f.grandfather_name, f.family_name}));
  } else if (!f.full_name.empty()) {
    RECKON_ASSIGN_OR_RETURN(r.chain, text::ParseChain(tokens, f.full_name));
    r.order_guessed = !r.chain.has(text::kChainCommaOrder);
    // Read "Darwish Fatima Nabil Riad" as Fatima, son of Nabil, son of Riad, Darwish.
    const std::vector<text::TokenId>& names = r.chain.sequence;
    if (r.order_guessed && names.size() >= 3 && r.chain.kunya == text::kNoToken) {
      r.family_first = {names[1], names[2], names.size() >= 4 ? names[3] : text::kNoToken,
                        names[0]};
    }
  }
  if (!f.mother_name.empty()) {
    RECKON_ASSIGN_OR_RETURN(text::NameChain mother, text::ParseChain(tokens, f.mother_name));
    r.mother = mother.given;
  }
  r.sex = f.sex.empty() ? 0 : f.sex[0];
  if (f.age_min) {
    r.age_min = static_cast<int16_t>(*f.age_min);
    r.age_max = f.age_max ? static_cast<int16_t>(*f.age_max) : int16_t{-1};
    r.age_exact = f.age.has_value();
  }
  SetDate(f.death_date, f.death_date_precision, r);
  const std::array<std::string, 3> keys = keyer ? keyer->Keys(f) : TextPlaceKeys(f, tokens);
  for (size_t level = 0; level < 3; ++level) r.place[level] = place_ids.Id(keys[level]);
  r.cause = CauseKey(f.cause);
  return r;
}

}  // namespace reckon::link
