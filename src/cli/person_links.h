// Linking persons of the register to an incident or a burial site, shared by
// `reckon incident link` and `reckon burial link`. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reckon::cli {

// Links each person to `entity` #entity_id ("incident" or "burial_site"; shown
// as `label`), one audited link at a time, printing a line per link. Stops at
// the first error, which it reports; returns the process exit code.
int LinkPersonsTo(const std::string& case_path, const std::string& entity, const std::string& label,
                  int64_t entity_id, const std::vector<int64_t>& person_ids,
                  const std::string& actor);

}  // namespace reckon::cli
