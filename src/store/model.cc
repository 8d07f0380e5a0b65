#include "store/model.h"

#include <array>
#include <utility>

namespace reckon {
namespace {

constexpr std::array<std::pair<SourceKind, std::string_view>, 6> kKindNames = {{
    {SourceKind::kNgoList, "ngo_list"},
    {SourceKind::kHospitalMorgue, "hospital_morgue"},
    {SourceKind::kFieldInterviews, "field_interviews"},
    {SourceKind::kMediaMonitoring, "media_monitoring"},
    {SourceKind::kOfficial, "official"},
    {SourceKind::kOther, "other"},
}};

}  // namespace

std::string_view SourceKindName(SourceKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "other";
}

std::optional<SourceKind> ParseSourceKind(std::string_view name) {
  for (const auto& [k, kind_name] : kKindNames) {
    if (kind_name == name) return k;
  }
  return std::nullopt;
}

std::string SourceKindNames() {
  std::string out;
  for (const auto& [k, name] : kKindNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string AgeText(const RecordFields& fields) {
  if (fields.age) return std::to_string(*fields.age);
  if (!fields.age_min) return {};
  if (!fields.age_max) return std::to_string(*fields.age_min) + "+";
  return std::to_string(*fields.age_min) + "-" + std::to_string(*fields.age_max);
}

const std::vector<std::string_view>& CanonicalFieldNames() {
  static const std::vector<std::string_view> kNames = {
      "record_id",   "full_name",   "given_name", "father_name", "grandfather_name", "family_name",
      "mother_name", "sex",         "age",        "birth_date",  "death_date",       "locality",
      "district",    "governorate", "cause",      "notes"};
  return kNames;
}

const std::vector<std::string_view>& CustodyEventTypes() {
  static const std::vector<std::string_view> kTypes = {"acquired", "transferred", "copied",
                                                       "exported", "derived",     "verified"};
  return kTypes;
}

const std::vector<std::string_view>& IncidentTypes() {
  static const std::vector<std::string_view> kTypes = {
      "killing",  "mass_killing", "enforced_disappearance", "execution",
      "shelling", "airstrike",    "death_in_detention",     "other"};
  return kTypes;
}

const std::vector<std::string_view>& BurialSiteKinds() {
  static const std::vector<std::string_view> kKinds = {"individual_grave", "mass_grave"};
  return kKinds;
}

const std::vector<std::string_view>& BurialSiteStatuses() {
  static const std::vector<std::string_view> kStatuses = {"reported", "located", "exhumed"};
  return kStatuses;
}

const std::vector<std::string_view>& TestimonyRelations() {
  static const std::vector<std::string_view> kRelations = {"eyewitness", "relative", "hearsay"};
  return kRelations;
}

}  // namespace reckon
