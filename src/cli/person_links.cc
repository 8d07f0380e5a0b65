#include "cli/person_links.h"

#include <iostream>

#include "cli/command.h"
#include "store/sqlite_store.h"

namespace reckon::cli {

int LinkPersonsTo(const std::string& case_path, const std::string& entity, const std::string& label,
                  int64_t entity_id, const std::vector<int64_t>& person_ids,
                  const std::string& actor) {
  auto store = OpenSqliteStore(case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  for (int64_t person_id : person_ids) {
    Status status = (*store)->AddLink({entity, entity_id, "person", person_id}, actor);
    if (!status.ok()) return ReportError(status);
    std::cout << "linked person #" << person_id << " to " << label << " #" << entity_id << "\n";
  }
  return 0;
}

}  // namespace reckon::cli
