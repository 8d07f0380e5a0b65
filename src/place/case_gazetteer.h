// The gazetteer in force for a case: the one most recently imported with
// `reckon gazetteer import`, else the embedded default (coastal governorates).
//
// Thread-safety: the functions use the given Store, which is not thread-safe
// (store.h); call them from the thread that owns the store.
#pragma once

#include <string>

#include "common/status.h"
#include "place/gazetteer.h"
#include "store/store.h"

namespace reckon::place {

struct CaseGazetteer {
  Gazetteer gazetteer;
  std::string name;         // the import's name, or kDefaultGazetteerName
  std::string file_sha256;  // empty for the default
  std::string imported_at;  // empty for the default
  bool is_default = true;
};

// Errors: those of the store; Corruption when the stored CSV no longer parses
// (it was validated on import, so the case file was altered).
Result<CaseGazetteer> LoadCaseGazetteer(Store& store);

// LoadCaseGazetteer's gazetteer alone, for the linker.
Result<Gazetteer> GazetteerForCase(Store& store);

}  // namespace reckon::place
