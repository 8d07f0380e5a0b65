#include "ingest/row_parser.h"

#include "common/strings.h"
#include "ingest/value_parsers.h"

namespace reckon {
namespace {

void Flag(NewRecord& record, CanonicalField field, std::string_view raw,
          const std::string& problem) {
  if (problem.empty()) return;
  record.flags.push_back({std::string(CanonicalFieldName(field)), std::string(raw), problem});
}

}  // namespace

std::string_view RowParser::Value(const std::vector<std::string_view>& row,
                                  CanonicalField field) const {
  const auto& column = columns_.column_of_field[static_cast<size_t>(field)];
  if (!column) return {};
  return Trim(row[*column]);
}

void RowParser::Parse(const std::vector<std::string_view>& row, int64_t row_number,
                      NewRecord& record) const {
  record.flags.clear();
  RecordFields& f = record.fields;
  const std::string_view id = Value(row, CanonicalField::kRecordId);
  if (!id.empty()) {
    f.record_id.assign(id);
  } else {
    f.record_id = source_name_ + ":" + std::to_string(row_number);
  }
  const std::pair<CanonicalField, std::string*> texts[] = {
      {CanonicalField::kFullName, &f.full_name},
      {CanonicalField::kGivenName, &f.given_name},
      {CanonicalField::kFatherName, &f.father_name},
      {CanonicalField::kGrandfatherName, &f.grandfather_name},
      {CanonicalField::kFamilyName, &f.family_name},
      {CanonicalField::kMotherName, &f.mother_name},
      {CanonicalField::kLocality, &f.locality},
      {CanonicalField::kDistrict, &f.district},
      {CanonicalField::kGovernorate, &f.governorate},
      {CanonicalField::kCause, &f.cause},
      {CanonicalField::kNotes, &f.notes},
  };
  for (const auto& [field, out] : texts) out->assign(Value(row, field));

  const std::string_view sex = Value(row, CanonicalField::kSex);
  f.sex.clear();
  if (!sex.empty()) {
    ParsedSex parsed = ParseSex(sex);
    f.sex = std::move(parsed.sex);
    Flag(record, CanonicalField::kSex, sex, parsed.problem);
  }
  const std::string_view age = Value(row, CanonicalField::kAge);
  f.age.reset();
  f.age_min.reset();
  f.age_max.reset();
  if (!age.empty()) {
    const ParsedAge parsed = ParseAge(age);
    f.age = parsed.age;
    f.age_min = parsed.min;
    f.age_max = parsed.max;
    Flag(record, CanonicalField::kAge, age, parsed.problem);
  }
  ParseDateField(row, CanonicalField::kBirthDate, record, f.birth_date, f.birth_date_precision);
  ParseDateField(row, CanonicalField::kDeathDate, record, f.death_date, f.death_date_precision);
}

void RowParser::ParseDateField(const std::vector<std::string_view>& row, CanonicalField field,
                               NewRecord& record, std::string& iso, std::string& precision) const {
  iso.clear();
  precision.clear();
  const std::string_view value = Value(row, field);
  if (value.empty()) return;
  ParsedDate parsed = ParseDate(value, columns_.date_order);
  iso = std::move(parsed.iso);
  precision = std::move(parsed.precision);
  Flag(record, field, value, parsed.problem);
}

}  // namespace reckon
