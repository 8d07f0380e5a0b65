#include "ingest/importer.h"

#include <array>

#include "common/strings.h"
#include "ingest/column_mapping.h"
#include "ingest/csv_reader.h"
#include "ingest/json_row.h"
#include "ingest/text_source.h"
#include "ingest/value_parsers.h"

namespace reckon {
namespace {

std::string DelimiterName(char delimiter) {
  switch (delimiter) {
    case '\t':
      return "tab";
    case ';':
      return "semicolon";
    default:
      return "comma";
  }
}

// Fills a record's canonical fields from one CSV row.
class RowParser {
 public:
  RowParser(const ResolvedColumns& columns, std::string source_name)
      : columns_(columns), source_name_(std::move(source_name)) {}

  void Parse(const std::vector<std::string_view>& row, int64_t row_number, NewRecord& record) {
    record.flags.clear();
    RecordFields& f = record.fields;
    const std::string_view id = Value(row, CanonicalField::kRecordId);
    if (!id.empty()) {
      f.record_id.assign(id);
    } else {
      f.record_id = source_name_ + ":" + std::to_string(row_number);
    }
    Text(row, CanonicalField::kFullName, f.full_name);
    Text(row, CanonicalField::kGivenName, f.given_name);
    Text(row, CanonicalField::kFatherName, f.father_name);
    Text(row, CanonicalField::kGrandfatherName, f.grandfather_name);
    Text(row, CanonicalField::kFamilyName, f.family_name);
    Text(row, CanonicalField::kMotherName, f.mother_name);
    Text(row, CanonicalField::kLocality, f.locality);
    Text(row, CanonicalField::kDistrict, f.district);
    Text(row, CanonicalField::kGovernorate, f.governorate);
    Text(row, CanonicalField::kCause, f.cause);
    Text(row, CanonicalField::kNotes, f.notes);

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

 private:
  std::string_view Value(const std::vector<std::string_view>& row, CanonicalField field) const {
    const auto& column = columns_.column_of_field[static_cast<size_t>(field)];
    if (!column) return {};
    return Trim(row[*column]);
  }

  void Text(const std::vector<std::string_view>& row, CanonicalField field, std::string& out) {
    out.assign(Value(row, field));
  }

  void ParseDateField(const std::vector<std::string_view>& row, CanonicalField field,
                      NewRecord& record, std::string& iso, std::string& precision) {
    iso.clear();
    precision.clear();
    const std::string_view value = Value(row, field);
    if (value.empty()) return;
    ParsedDate parsed = ParseDate(value, columns_.date_order);
    iso = std::move(parsed.iso);
    precision = std::move(parsed.precision);
    Flag(record, field, value, parsed.problem);
  }

  static void Flag(NewRecord& record, CanonicalField field, std::string_view raw,
                   const std::string& problem) {
    if (problem.empty()) return;
    record.flags.push_back({std::string(CanonicalFieldName(field)), std::string(raw), problem});
  }

  const ResolvedColumns& columns_;
  std::string source_name_;
};

}  // namespace

Result<ImportReport> ImportList(Store& store, const ImportRequest& request) {
  const std::string& file = request.file_path;
  RECKON_ASSIGN_OR_RETURN(std::optional<Source> source, store.FindSource(request.source_name));
  if (!source && !request.create_source) {
    return Status::NotFound("source '" + request.source_name +
                            "' does not exist; create it with `reckon source add CASE " +
                            request.source_name + " --kind KIND` or pass --kind to import");
  }
  std::optional<ColumnMapping> mapping;
  if (request.mapping_path) {
    RECKON_ASSIGN_OR_RETURN(mapping, LoadColumnMapping(*request.mapping_path));
  }
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<FileTextSource> text,
                          FileTextSource::Open(file, request.encoding));
  auto csv_or = CsvReader::Create(text.get(), std::nullopt);
  if (!csv_or.ok()) return csv_or.status().WithContext(file);
  CsvReader csv = std::move(csv_or).value();

  // Every error from here on names the file and, where there is one, the line.
  auto in_file = [&file](const Status& status) { return status.WithContext(file); };

  CsvRecord record;
  auto has_header = csv.Next(record);
  if (!has_header.ok()) return in_file(has_header.status());
  if (!*has_header) return Status::DataError(file + " is empty: there is no header row");
  std::vector<std::string> header;
  for (const auto field : record.fields) header.emplace_back(Trim(field));
  std::string header_json;
  EncodeJsonArray(record.fields, header_json);
  RECKON_ASSIGN_OR_RETURN(ResolvedColumns columns, ResolveColumns(header, mapping, file));

  ImportReport report;
  report.encoding = std::string(EncodingName(text->encoding())) + (text->had_bom() ? " (BOM)" : "");
  report.delimiter = csv.delimiter();
  report.unmapped_columns = columns.unmapped_columns;
  std::string mapping_json = "{";
  for (size_t f = 0; f < kCanonicalFieldCount; ++f) {
    const auto& column = columns.column_of_field[f];
    if (!column) continue;
    const std::string field_name(CanonicalFieldName(static_cast<CanonicalField>(f)));
    report.mapped.emplace_back(field_name, header[*column]);
    if (mapping_json.size() > 1) mapping_json += ",";
    AppendJsonString(field_name, mapping_json);
    mapping_json += ":";
    AppendJsonString(header[*column], mapping_json);
  }
  mapping_json += "}";

  NewImport new_import;
  if (source) {
    new_import.source_id = source->id;
  } else {
    new_import.new_source = *request.create_source;
    new_import.new_source->name = request.source_name;
    report.created_source = true;
  }
  new_import.file_name = file;
  new_import.encoding = report.encoding;
  new_import.delimiter = DelimiterName(csv.delimiter());
  new_import.header_json = header_json;
  new_import.mapping_json = mapping_json;
  new_import.forced = request.force;
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<ImportWriter> writer, store.BeginImport(new_import));
  report.import_id = writer->import_id();

  RowParser parser(columns, request.source_name);
  NewRecord new_record;
  std::array<int64_t, kCanonicalFieldCount> flag_counts{};
  const size_t width = header.size();
  while (true) {
    auto more = csv.Next(record);
    if (!more.ok()) return in_file(more.status());
    if (!*more) break;
    // Spreadsheets pad rows with empty trailing cells; anything else is a broken row.
    while (record.fields.size() > width && Trim(record.fields.back()).empty()) {
      record.fields.pop_back();
    }
    if (record.fields.size() != width) {
      return Status::DataError(file + ": line " + std::to_string(record.line) + ": the row has " +
                               std::to_string(record.fields.size()) + " fields but the header has " +
                               std::to_string(width) + " (an unquoted delimiter or a missing cell?)");
    }
    ++report.rows;
    new_record.row_number = report.rows;
    new_record.line_number = record.line;
    EncodeJsonArray(record.fields, new_record.raw_json);
    parser.Parse(record.fields, report.rows, new_record);
    if (!new_record.flags.empty()) {
      ++report.flagged_rows;
      for (const FieldFlag& flag : new_record.flags) {
        if (auto field = ParseCanonicalField(flag.field)) ++flag_counts[static_cast<size_t>(*field)];
      }
    }
    if (Status status = writer->Add(new_record); !status.ok()) {
      return status.WithContext(file + ": line " + std::to_string(record.line));
    }
    if (request.progress && (report.rows & 0x3FF) == 0) {
      request.progress(text->bytes_read(), text->file_size(), report.rows);
    }
  }
  if (request.progress) request.progress(text->file_size(), text->file_size(), report.rows);

  RECKON_ASSIGN_OR_RETURN(std::optional<DuplicateRecordId> duplicate,
                          writer->FindDuplicateRecordId());
  if (duplicate) {
    return Status::DataError(file + ": line " + std::to_string(duplicate->second_line) +
                             ": record_id '" + duplicate->record_id + "' is already used on line " +
                             std::to_string(duplicate->first_line) +
                             "; record ids must be unique within a list");
  }
  report.sha256 = text->sha256();
  RECKON_ASSIGN_OR_RETURN(std::vector<ImportInfo> earlier,
                          store.FindImports(writer->source_id(), report.sha256));
  // The new import itself is in the list (with an empty hash until commit), so
  // only imports other than this one count.
  for (const ImportInfo& info : earlier) {
    if (info.id == report.import_id || request.force) continue;
    return Status::AlreadyExists(file + " (SHA-256 " + report.sha256.substr(0, 12) +
                                 "...) was already imported into source '" + request.source_name +
                                 "' on " + info.imported_at + " as import #" +
                                 std::to_string(info.id) + " with " +
                                 std::to_string(info.row_count) +
                                 " rows; pass --force to import it again");
  }
  RECKON_RETURN_IF_ERROR(writer->Commit(report.sha256, text->file_size()));
  for (size_t f = 0; f < kCanonicalFieldCount; ++f) {
    if (flag_counts[f] == 0) continue;
    report.flags_by_field.emplace_back(CanonicalFieldName(static_cast<CanonicalField>(f)),
                                       flag_counts[f]);
  }
  return report;
}

}  // namespace reckon
