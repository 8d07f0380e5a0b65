#include "report/person_summary.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "place/case_gazetteer.h"
#include "place/place_resolver.h"
#include "text/script.h"
#include "text/utf8.h"

namespace reckon::report {
namespace {

// Counts of the values a person's records give for one field.
using Tally = std::map<std::string, int>;

void Count(Tally& tally, const std::string& value) {
  if (!value.empty()) ++tally[value];
}

// The most common value; ties go to the first in byte order ("" if none).
std::string MostCommon(const Tally& tally) {
  std::string best;
  int best_count = 0;
  for (const auto& [value, count] : tally) {
    if (count > best_count) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

// Names: the most common, ties to the longer, then the first in byte order.
std::string BestName(const Tally& tally) {
  const std::pair<const std::string, int>* best = nullptr;
  for (const auto& entry : tally) {
    if (!best || entry.second > best->second ||
        (entry.second == best->second && entry.first.size() > best->first.size())) {
      best = &entry;
    }
  }
  return best ? best->first : std::string();
}

std::string RecordName(const RecordFields& f) {
  if (!f.full_name.empty()) return f.full_name;
  std::string name;
  for (const std::string* part :
       {&f.given_name, &f.father_name, &f.grandfather_name, &f.family_name}) {
    if (part->empty()) continue;
    if (!name.empty()) name += ' ';
    name += *part;
  }
  return name;
}

struct Accumulator {
  Tally arabic, latin, sex, day_dates, any_dates, governorate, district, locality, ages, bands;
  std::map<std::string, std::pair<std::optional<int>, std::optional<int>>> band_bounds;
  std::set<int64_t> source_ids;
  bool minor = false;
  int64_t records = 0;
};

}  // namespace

const std::vector<std::string>& AgeGroups() {
  static const std::vector<std::string> kGroups = {"0-4",   "5-9",   "10-14", "15-17",  "18-29",
                                                   "30-44", "45-59", "60+",   "unknown"};
  return kGroups;
}

std::string AgeGroupOf(std::optional<int> age, std::optional<int> age_min,
                       std::optional<int> age_max) {
  static const int kLower[] = {0, 5, 10, 15, 18, 30, 45, 60};
  auto group = [](int years) {
    size_t g = 0;
    for (size_t i = 0; i < 8; ++i) {
      if (years >= kLower[i]) g = i;
    }
    return g;
  };
  if (age) return *age < 0 ? "unknown" : AgeGroups()[group(*age)];
  if (!age_min || *age_min < 0) return "unknown";
  const size_t low = group(*age_min);
  if (!age_max) return low == 7 ? AgeGroups()[7] : "unknown";
  return group(*age_max) == low ? AgeGroups()[low] : "unknown";
}

Result<std::vector<PersonSummary>> SummarisePersons(Store& store) {
  RECKON_ASSIGN_OR_RETURN(auto assignments, store.PersonAssignments());
  std::unordered_map<int64_t, int64_t> person_of_record(assignments.begin(), assignments.end());
  std::map<int64_t, Accumulator> people;
  RecordFilter fields_only;
  fields_only.with_raw_and_flags = false;
  std::map<int64_t, std::string> source_names;
  RECKON_ASSIGN_OR_RETURN(place::Gazetteer gazetteer, place::GazetteerForCase(store));
  const place::PlaceResolver resolver(std::move(gazetteer));
  // The gazetteer's English name of the unit at `pcode`, else the text as given.
  auto place_name = [&resolver](const std::string& pcode, const std::string& given) {
    const place::AdminUnit* unit = pcode.empty() ? nullptr : resolver.gazetteer().Find(pcode);
    if (!unit) return given;
    return unit->name_en.empty() ? unit->name_ar : unit->name_en;
  };
  RECKON_RETURN_IF_ERROR(store.ScanRecords(fields_only, [&](const StoredRecord& record) {
    const auto person = person_of_record.find(record.record_pk);
    if (person == person_of_record.end()) return Status::Ok();
    Accumulator& a = people[person->second];
    const RecordFields& f = record.fields;
    ++a.records;
    a.source_ids.insert(record.source_id);
    source_names.emplace(record.source_id, record.source);
    const std::string name = RecordName(f);
    if (!name.empty()) {
      const text::Script script = text::DetectScript(text::DecodeUtf8(name));
      if (script == text::Script::kArabic) Count(a.arabic, name);
      if (script == text::Script::kLatin) Count(a.latin, name);
    }
    Count(a.sex, f.sex);
    if (f.death_date_precision == "day") Count(a.day_dates, f.death_date);
    Count(a.any_dates, f.death_date);
    const place::ResolvedPlace place = resolver.Resolve(f.locality, f.district, f.governorate);
    Count(a.governorate, place_name(place.governorate_pcode, f.governorate));
    Count(a.district, place_name(place.district_pcode, f.district));
    Count(a.locality, place_name(place.locality_pcode, f.locality));
    if (f.age) {
      Count(a.ages, std::to_string(*f.age));
    } else if (f.age_min) {
      const std::string band = AgeText(f);
      Count(a.bands, band);
      a.band_bounds[band] = {f.age_min, f.age_max};
    }
    if ((f.age && *f.age < 18) || (f.age_max && *f.age_max < 18)) a.minor = true;
    return Status::Ok();
  }));
  std::vector<PersonSummary> out;
  out.reserve(people.size());
  for (const auto& [person_id, a] : people) {
    PersonSummary p;
    p.person_id = person_id;
    p.name_arabic = BestName(a.arabic);
    p.name_latin = BestName(a.latin);
    p.sex = MostCommon(a.sex);
    p.death_date = a.day_dates.empty() ? MostCommon(a.any_dates) : MostCommon(a.day_dates);
    p.governorate = MostCommon(a.governorate);
    p.district = MostCommon(a.district);
    p.locality = MostCommon(a.locality);
    // Exact ages: the most common, ties to the first numerically.
    int best_count = 0;
    for (const auto& [text, count] : a.ages) {
      const int years = std::stoi(text);
      if (count > best_count || (count == best_count && p.age && years < *p.age)) {
        p.age = years;
        best_count = count;
      }
    }
    if (p.age) {
      p.age_text = std::to_string(*p.age);
      p.age_group = AgeGroupOf(p.age, p.age, p.age);
    } else if (!a.bands.empty()) {
      p.age_text = MostCommon(a.bands);
      const auto& [low, high] = a.band_bounds.at(p.age_text);
      p.age_group = AgeGroupOf(std::nullopt, low, high);
    } else {
      p.age_group = "unknown";
    }
    p.minor = a.minor;
    for (int64_t source_id : a.source_ids) p.sources.push_back(source_names[source_id]);
    p.record_count = a.records;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace reckon::report
