// One line per person of the register: the values a report, an export or a
// figure shows for a person whose records may disagree.
//
// Rules (docs/report.md, "Which value a person gets"):
//  - place: each record's locality/district/governorate text is resolved
//    through the case's gazetteer (place/place_resolver.h); a level that
//    resolves gives the unit's English name (Arabic if it has none), one that
//    does not gives the text as the record has it;
//  - place (governorate, district, locality), sex: the most common non-empty
//    value among the person's records; ties go to the value that sorts first
//    (byte order) — the rule `reckon estimate --by` uses for strata;
//  - death date: the most common day-precision date; without one, the most
//    common date of any precision (the figures by day count it as unknown);
//  - age: the most common exact age; without one, the most common band;
//  - names: per script (Arabic, Latin), the most common full name (or the
//    name chain joined), ties to the longer then the first in byte order;
//  - minor: any record gives an age, or a band whose upper bound is, under
//    18 (deliberately cautious: it decides whether a name is withheld).
//
// Thread-safety: free functions; the Store is used by the calling thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace reckon::report {

struct PersonSummary {
  int64_t person_id = 0;
  std::string name_arabic;  // best name in Arabic script, "" if none
  std::string name_latin;   // best name in Latin script, "" if none
  std::string sex;          // "M", "F" or ""
  std::optional<int> age;   // exact age, when some record gives one
  std::string age_text;     // "34", "30-39", "60+" or ""
  std::string age_group;    // AgeGroupOf(...): "0-4" ... "60+" or "unknown"
  bool minor = false;
  std::string death_date;  // ISO prefix, "" if none
  std::string governorate;
  std::string district;
  std::string locality;
  std::vector<std::string> sources;  // distinct source names, in source id order
  int64_t record_count = 0;
};

// The age groups of the figures, in order, then "unknown".
const std::vector<std::string>& AgeGroups();

// The group of an exact age, or of a band lying inside one group; "unknown"
// otherwise.
std::string AgeGroupOf(std::optional<int> age, std::optional<int> age_min,
                       std::optional<int> age_max);

// Every person of the latest link run, by person id; empty before the first
// run.
Result<std::vector<PersonSummary>> SummarisePersons(Store& store);

}  // namespace reckon::report
