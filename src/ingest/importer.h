// Imports one list file into a case as one transaction.
//
// Reads the file streaming (memory does not grow with its size), decodes it,
// parses CSV, maps columns to canonical fields, parses values leniently
// (unparseable values are kept raw and flagged) and stores every row with its
// raw values, row and line numbers and the file's SHA-256. Any structural
// problem aborts the import and leaves the case exactly as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "ingest/text_decoder.h"
#include "store/store.h"

namespace reckon {

struct ImportRequest {
  std::string file_path;
  std::string source_name;
  // When set and the source does not exist yet, it is created in the same transaction.
  std::optional<NewSource> create_source;
  std::optional<std::string> mapping_path;
  std::optional<TextEncoding> encoding;  // detected when absent
  bool force = false;                    // import a file already imported into this source
  // Called now and then with (bytes read, file size, rows so far).
  std::function<void(int64_t, int64_t, int64_t)> progress;
};

struct ImportReport {
  int64_t import_id = 0;
  int64_t rows = 0;
  int64_t flagged_rows = 0;
  bool created_source = false;
  std::string encoding;
  char delimiter = ',';
  std::string sha256;
  std::vector<std::pair<std::string, std::string>> mapped;  // (field, column)
  std::vector<std::string> unmapped_columns;
  std::vector<std::pair<std::string, int64_t>> flags_by_field;
};

Result<ImportReport> ImportList(Store& store, const ImportRequest& request);

}  // namespace reckon
