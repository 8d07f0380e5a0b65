#include "place/case_gazetteer.h"

#include <utility>

namespace reckon::place {

Result<CaseGazetteer> LoadCaseGazetteer(Store& store) {
  RECKON_ASSIGN_OR_RETURN(std::optional<StoredGazetteer> stored, store.LatestGazetteer());
  CaseGazetteer result;
  if (!stored) {
    RECKON_ASSIGN_OR_RETURN(result.gazetteer, LoadDefaultGazetteer());
    result.name = std::string(kDefaultGazetteerName);
    return result;
  }
  Result<Gazetteer> parsed = Gazetteer::Parse(stored->csv, "gazetteer '" + stored->name + "'");
  if (!parsed.ok()) {
    return Status::Corruption("the case's stored gazetteer no longer parses: " +
                              parsed.status().message());
  }
  result.gazetteer = std::move(parsed).value();
  result.name = stored->name;
  result.file_sha256 = stored->file_sha256;
  result.imported_at = stored->imported_at;
  result.is_default = false;
  return result;
}

Result<Gazetteer> GazetteerForCase(Store& store) {
  RECKON_ASSIGN_OR_RETURN(CaseGazetteer loaded, LoadCaseGazetteer(store));
  return std::move(loaded.gazetteer);
}

}  // namespace reckon::place
