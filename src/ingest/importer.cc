#include "ingest/importer.h"

#include <array>
#include <atomic>
#include <thread>

#include "common/bounded_queue.h"
#include "common/strings.h"
#include "ingest/column_mapping.h"
#include "ingest/csv_reader.h"
#include "ingest/json_row.h"
#include "ingest/row_parser.h"
#include "ingest/text_source.h"

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

// Rows travel from the parsing thread to the storing thread in batches.
constexpr size_t kBatchRows = 512;
constexpr size_t kBatchesInFlight = 8;

struct RowBatch {
  std::vector<NewRecord> records = std::vector<NewRecord>(kBatchRows);
  size_t size = 0;
  int64_t bytes_read = 0;  // of the file, when the batch was filled
  Status error;            // a structural problem found after the batch's rows
};

// The parsing thread: fills batches until the end of the file, an error (sent
// in the last batch) or `stop`.
void ParseRows(CsvReader& csv, const RowParser& parser, size_t width, const FileTextSource& text,
               BoundedQueue<std::unique_ptr<RowBatch>>& full,
               BoundedQueue<std::unique_ptr<RowBatch>>& recycled, const std::atomic<bool>& stop) {
  CsvRecord record;
  int64_t row_number = 0;
  bool done = false;
  while (!done && !stop) {
    std::optional<std::unique_ptr<RowBatch>> reused = recycled.TryPop();
    std::unique_ptr<RowBatch> batch = reused ? std::move(*reused) : std::make_unique<RowBatch>();
    batch->size = 0;
    while (batch->size < kBatchRows) {
      auto more = csv.Next(record);
      if (!more.ok()) {
        batch->error = more.status();
        done = true;
        break;
      }
      if (!*more) {
        done = true;
        break;
      }
      // Spreadsheets pad rows with empty trailing cells; anything else is a broken row.
      while (record.fields.size() > width && Trim(record.fields.back()).empty()) {
        record.fields.pop_back();
      }
      if (record.fields.size() != width) {
        batch->error = Status::DataError("line " + std::to_string(record.line) + ": the row has " +
                                         std::to_string(record.fields.size()) +
                                         " fields but the header has " + std::to_string(width) +
                                         " (an unquoted delimiter or a missing cell?)");
        done = true;
        break;
      }
      NewRecord& new_record = batch->records[batch->size++];
      new_record.row_number = ++row_number;
      new_record.line_number = record.line;
      EncodeJsonArray(record.fields, new_record.raw_json);
      parser.Parse(record.fields, row_number, new_record);
    }
    batch->bytes_read = text.bytes_read();
    if (!full.Push(std::move(batch))) return;
  }
}

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

  // Two threads: this one stores, a worker decodes, splits and parses rows
  // into batches. Two bounded queues (full and recycled batches) keep memory
  // independent of the file's size.
  const RowParser parser(columns, request.source_name);
  BoundedQueue<std::unique_ptr<RowBatch>> full(kBatchesInFlight);
  BoundedQueue<std::unique_ptr<RowBatch>> recycled(kBatchesInFlight + 2);
  std::atomic<bool> stop{false};
  std::jthread worker([&] {
    ParseRows(csv, parser, header.size(), *text, full, recycled, stop);
    full.Close();
  });
  // On every way out: wake the worker so the jthread's join cannot hang.
  struct CloseQueues {
    BoundedQueue<std::unique_ptr<RowBatch>>& a;
    BoundedQueue<std::unique_ptr<RowBatch>>& b;
    std::atomic<bool>& stop;
    ~CloseQueues() {
      stop = true;
      a.Close();
      b.Close();
    }
  } close_queues{full, recycled, stop};

  std::array<int64_t, kCanonicalFieldCount> flag_counts{};
  while (std::optional<std::unique_ptr<RowBatch>> batch = full.Pop()) {
    RowBatch& rows = **batch;
    for (size_t k = 0; k < rows.size; ++k) {
      const NewRecord& new_record = rows.records[k];
      if (!new_record.flags.empty()) {
        ++report.flagged_rows;
        for (const FieldFlag& flag : new_record.flags) {
          if (auto field = ParseCanonicalField(flag.field)) {
            ++flag_counts[static_cast<size_t>(*field)];
          }
        }
      }
      if (Status status = writer->Add(new_record); !status.ok()) return in_file(status);
    }
    report.rows += static_cast<int64_t>(rows.size);
    if (!rows.error.ok()) return in_file(rows.error);
    if (request.progress) request.progress(rows.bytes_read, text->file_size(), report.rows);
    rows.size = 0;
    (void)recycled.Push(std::move(*batch));
  }
  worker.join();
  if (request.progress) request.progress(text->file_size(), text->file_size(), report.rows);

  report.sha256 = text->sha256();
  RECKON_ASSIGN_OR_RETURN(std::vector<ImportInfo> earlier,
                          store.FindImports(writer->source_id(), report.sha256));
  // The new import itself is in the list (with an empty hash until commit), so
  // only imports other than this one count.
  for (const ImportInfo& info : earlier) {
    if (info.id == report.import_id || request.force) continue;
    return Status::AlreadyExists(
        file + " (SHA-256 " + report.sha256.substr(0, 12) +
        "...) was already imported into source '" + request.source_name + "' on " +
        info.imported_at + " as import #" + std::to_string(info.id) + " with " +
        std::to_string(info.row_count) + " rows; pass --force to import it again");
  }
  if (Status status = writer->Commit(report.sha256, text->file_size()); !status.ok()) {
    return in_file(status);
  }
  for (size_t f = 0; f < kCanonicalFieldCount; ++f) {
    if (flag_counts[f] == 0) continue;
    report.flags_by_field.emplace_back(CanonicalFieldName(static_cast<CanonicalField>(f)),
                                       flag_counts[f]);
  }
  return report;
}

}  // namespace reckon
