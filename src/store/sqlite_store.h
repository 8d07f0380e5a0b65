// The SQLite implementation of Store: one case file on disk.
//
// The file uses WAL journaling and enforces foreign keys; its schema is
// migrated to the latest version when opened. Not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "store/store.h"

namespace reckon {

enum class OpenMode {
  kCreateNew,     // the file must not exist yet (`reckon init`)
  kOpenExisting,  // the file must exist
};

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode);

}  // namespace reckon
